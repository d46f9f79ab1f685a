//! Exports: DOT for Graphviz, CSV for spreadsheets and Gephi, node-link JSON
//! (in [`crate::graph`]), the CSVs Neo4j imports ([`neo4j`]), and the triple
//! table of `extract`.
//!
//! Every string that reaches an output passes through exactly one escaping
//! helper per format: [`dot_string`] for DOT, [`csv_cell`] for CSV (which also
//! neutralises spreadsheet formulas), serde for JSON.

mod native;
pub mod neo4j;

pub use native::render as render_native_svg;

use crate::graph::ActorGraph;
use crate::model::{ActorType, Modality, Relation, Triple};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

/// A DOT quoted string: backslashes and quotes escaped, line breaks folded, so a
/// name can never end the string or inject attributes.
pub fn dot_string(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), dot_string(value))
}

/// An actor type's shape (Graphviz's name) and fill colour, in every drawing.
pub fn node_style(ty: ActorType) -> (&'static str, &'static str) {
    match ty {
        ActorType::Person => ("ellipse", "#cfe2ff"),
        ActorType::Organization => ("box", "#ffe5b4"),
        ActorType::Place => ("hexagon", "#d4edda"),
    }
}

/// A relation's colour in every drawing: kin relations share a hue (red for
/// hostile ones, green for friendly ones, blue for contact, grey for
/// affiliation), each a shade of its own.
pub fn relation_colour(r: Relation) -> &'static str {
    match r {
        Relation::Met => "#1f77b4",
        Relation::Visited => "#17becf",
        Relation::SpokeTo => "#6baed6",
        Relation::Called => "#3182bd",
        Relation::NegotiatedWith => "#756bb1",
        Relation::Praised => "#31a354",
        Relation::Supported => "#2ca02c",
        Relation::AgreedWith => "#74c476",
        Relation::AllyOf => "#006d2c",
        Relation::Criticized => "#d62728",
        Relation::Threatened => "#a50f15",
        Relation::Opposed => "#fb6a4a",
        Relation::Urged => "#ff7f0e",
        Relation::Sanctioned => "#8c2d04",
        Relation::Attacked => "#67000d",
        Relation::Appointed => "#9467bd",
        Relation::Dismissed => "#c51b8a",
        Relation::Released => "#bcbd22",
        Relation::Invited => "#e377c2",
        Relation::Leads => "#444444",
        Relation::WorksFor => "#7f7f7f",
        Relation::MemberOf => "#969696",
        Relation::CitizenOf => "#bdbdbd",
    }
}

/// How many documents an edge's DOT tooltip names.
const DOT_TOOLTIP_DOCS: usize = 10;

/// How a DOT drawing is grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Actors of one type drawn together, in a box of their own.
    pub cluster_by_type: bool,
}

/// The graph as a graphviz-rust AST: shape and colour by actor type, edge
/// label and colour by relation, pen width by weight, planned edges dashed,
/// uncertain ones dotted, evidence and documents as tooltips, a legend.
pub fn dot_graph(g: &ActorGraph) -> Graph {
    dot_graph_with(g, DotOptions::default())
}

/// [`dot_graph`], grouped as `o` says.
pub fn dot_graph_with(g: &ActorGraph, o: DotOptions) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
        ])),
    ];
    let mut ids = HashMap::new();
    let mut clusters: [Vec<Stmt>; 3] = Default::default();
    for (i, a) in g.actor_ids().into_iter().enumerate() {
        let node = g.actor(a);
        let id = format!("n{i}");
        ids.insert(a, id.clone());
        let (shape, colour) = node_style(node.actor_type);
        let group = if o.cluster_by_type {
            &mut clusters[node.actor_type as usize]
        } else {
            &mut stmts
        };
        group.push(Stmt::Node(Node::new(
            NodeId(Id::Plain(id), None),
            vec![
                attr("label", &node.name),
                attr("shape", shape),
                attr("fillcolor", colour),
                attr(
                    "tooltip",
                    &format!("{} ({}), mentions: {}", node.name, node.actor_type, node.mentions),
                ),
            ],
        )));
    }
    for (ty, members) in [ActorType::Person, ActorType::Organization, ActorType::Place]
        .into_iter()
        .zip(clusters)
    {
        if !members.is_empty() {
            let label = match ty {
                ActorType::Person => "people",
                ActorType::Organization => "organizations",
                ActorType::Place => "places",
            };
            let mut body = vec![Stmt::Attribute(attr("label", label))];
            body.extend(members);
            stmts.push(Stmt::Subgraph(graphviz_rust::dot_structures::Subgraph {
                id: Id::Plain(format!("cluster_{ty}")),
                stmts: body,
            }));
        }
    }
    let mut relations: Vec<Relation> = Vec::new();
    for e in g.edges() {
        if !relations.contains(&e.edge.relation) {
            relations.push(e.edge.relation);
        }
        let style = match e.edge.modality {
            Modality::Fact => "solid",
            Modality::Planned => "dashed",
            Modality::Negated | Modality::Hypothetical => "dotted",
        };
        let label = match e.edge.modality {
            Modality::Fact => e.edge.relation.to_string(),
            m => format!("{} ({m})", e.edge.relation),
        };
        // The first sentence and up to ten documents: graph.dot of a 1 GB
        // corpus is held in memory whole, and every kept sentence in every
        // tooltip cost about 70 MB more there (the native drawing, of a few
        // hundred actors at most, shows them all).
        let more = if e.edge.docs.len() > DOT_TOOLTIP_DOCS {
            ", …"
        } else {
            ""
        };
        let docs: Vec<&str> = e.edge.docs.iter().take(DOT_TOOLTIP_DOCS).map(|&d| g.doc(d)).collect();
        let tooltip = format!(
            "{} {label} {} (×{}; documents: {}{more})\n{}",
            e.source.name,
            e.target.name,
            e.edge.weight,
            docs.join(", "),
            e.edge
                .evidence
                .first()
                .map(|ev| format!("{}: {}", ev.doc, ev.sentence))
                .unwrap_or_default()
        );
        let mut attrs = vec![
            attr("label", &label),
            attr("color", relation_colour(e.edge.relation)),
            attr("fontcolor", relation_colour(e.edge.relation)),
            attr("style", style),
            attr("penwidth", &format!("{:.1}", 1.0 + (e.edge.weight as f64).ln())),
            attr("tooltip", &tooltip),
        ];
        if e.edge.relation.is_symmetric() {
            attrs.push(attr("dir", "none"));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(Id::Plain(ids[&e.source_id].clone()), None)),
                Vertex::N(NodeId(Id::Plain(ids[&e.target_id].clone()), None)),
            ),
            attributes: attrs,
        }));
    }
    if !relations.is_empty() {
        relations.sort_unstable();
        stmts.push(legend(&relations));
    }
    Graph::DiGraph {
        id: Id::Plain("polgraph".into()),
        strict: false,
        stmts,
    }
}

/// A legend of actor shapes and the relations drawn, as one plain node with
/// an HTML-like label (fixed text only) in a box of its own.
fn legend(relations: &[Relation]) -> Stmt {
    let mut rows = String::from("<table border=\"0\" cellspacing=\"2\"><tr><td colspan=\"2\"><b>Legend</b></td></tr>");
    for ty in [ActorType::Person, ActorType::Organization, ActorType::Place] {
        let (shape, fill) = node_style(ty);
        let _ = write!(
            rows,
            "<tr><td bgcolor=\"{fill}\" border=\"1\">{}</td><td align=\"left\">{ty}</td></tr>",
            match shape {
                "ellipse" => "( )",
                "box" => "[ ]",
                _ => "&lt; &gt;",
            }
        );
    }
    for r in relations {
        let _ = write!(
            rows,
            "<tr><td><font color=\"{c}\">&#9472;&#9472;&#9654;</font></td><td align=\"left\"><font color=\"{c}\">{r}</font></td></tr>",
            c = relation_colour(*r)
        );
    }
    rows.push_str("<tr><td colspan=\"2\">dashed: planned; dotted: uncertain</td></tr></table>");
    Stmt::Subgraph(graphviz_rust::dot_structures::Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts: vec![
            Stmt::Attribute(attr("label", "")),
            Stmt::Attribute(attr("color", "#999999")),
            Stmt::Node(Node::new(
                NodeId(Id::Plain("legend".into()), None),
                vec![
                    Attribute(Id::Plain("shape".into()), Id::Plain("plaintext".into())),
                    attr("fillcolor", "white"),
                    Attribute(Id::Plain("label".into()), Id::Html(format!("<{rows}>"))),
                ],
            )),
        ],
    })
}

/// The graph as DOT text.
pub fn to_dot(g: &ActorGraph) -> String {
    to_dot_with(g, DotOptions::default())
}

/// [`to_dot`], grouped as `o` says.
pub fn to_dot_with(g: &ActorGraph, o: DotOptions) -> String {
    let mut s = dot_graph_with(g, o).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// Renders DOT to SVG with Graphviz's `dot`. A missing `dot` is an
/// `io::ErrorKind::NotFound` error.
pub fn render_svg(dot: &str) -> std::io::Result<Vec<u8>> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Write on another thread so a large graph cannot deadlock on full pipes.
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| std::io::Error::other("dot input thread panicked"))??;
    if !out.status.success() {
        return Err(std::io::Error::other(format!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

/// The page `export --format html` fills in.
const REPORT: &str = include_str!("export/report.html");

/// How many actors the report draws: the most connected.
pub const REPORT_ACTORS: usize = 80;

/// A self-contained HTML report: the drawing of the most connected actors
/// (laid out here, as `native` SVG), and the graph's node-link JSON, which
/// the page's own script tabulates, filters and sorts (no network, no
/// libraries).
///
/// Article text reaches the page only as JSON in a `<script type="application/json">`
/// block, with `<`, `>` and `&` written as `\u` escapes, so no name or
/// sentence can close the block or open markup; the script then puts strings
/// into the page through `textContent` only. The title and every string of
/// the drawing go through [`xml_text`].
pub fn write_html(g: &ActorGraph, mut w: impl Write) -> std::io::Result<()> {
    let mut json = Vec::new();
    g.write_json(&mut json)?;
    let json = String::from_utf8(json).map_err(std::io::Error::other)?;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let title = format!(
        "polgraph: {} and {}",
        plural(g.actor_count(), "actor", "actors"),
        plural(g.edge_count(), "relation", "relations")
    );
    let (head, tail) = REPORT
        .split_once("{{DATA}}")
        .expect("the report template has a data slot");
    // The drawing: the most connected actors, laid out here (ForceAtlas2 and
    // the label pass of `native`), so the page needs no layout of its own and
    // every label sits inside the frame, apart from the others. Every string
    // in it went through xml_text.
    let top = g
        .filtered(&crate::graph::GraphFilter {
            top: Some(REPORT_ACTORS),
            ..Default::default()
        })
        .map_err(std::io::Error::other)?;
    let svg = render_native_svg(&top);
    let svg =
        svg.split_once("?>\n")
            .map_or(svg.as_str(), |(_, rest)| rest)
            .replacen("<svg ", "<svg id=\"drawing\" ", 1);
    let shown = if top.actor_count() < g.actor_count() {
        format!("the {} most connected of {} actors", top.actor_count(), g.actor_count())
    } else {
        format!("all {} actors", g.actor_count())
    };
    let head = head
        .replace("{{TITLE}}", &xml_text(&title))
        .replace("{{DOCS}}", &plural(g.document_count(), "article", "articles"))
        .replace("{{SHOWN}}", &shown)
        .replace("{{DRAWING}}", &svg);
    w.write_all(head.as_bytes())?;
    w.write_all(script_json(&json).as_bytes())?;
    w.write_all(tail.as_bytes())?;
    w.flush()
}

/// JSON that is safe inside a `<script>` block: the characters that could end
/// it or start markup are escaped. They can only occur inside JSON strings,
/// where `\u` escapes mean the same characters.
fn script_json(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text for XML: markup characters escaped, and the characters XML 1.0 cannot
/// hold at all (most control characters) dropped.
pub fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    let clean = |c: char| matches!(c, '\t' | '\n' | '\r') || (!c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}');
    if s.chars()
        .all(|c| clean(c) && !matches!(c, '&' | '<' | '>' | '"' | '\''))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars().filter(|&c| clean(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// GraphML, as Gephi, yEd, Cytoscape and networkx (`read_graphml`) read it: node
/// attributes label, type, aliases, mentions; edge attributes relation,
/// modality, weight, confidence, docs, evidence (the first sentence).
pub fn write_graphml(g: &ActorGraph, mut w: impl Write) -> std::io::Result<()> {
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n\
  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n\
  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n\
  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
  <key id=\"modality\" for=\"edge\" attr.name=\"modality\" attr.type=\"string\"/>\n\
  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n\
  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n\
  <key id=\"docs\" for=\"edge\" attr.name=\"docs\" attr.type=\"string\"/>\n\
  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n\
  <graph id=\"polgraph\" edgedefault=\"directed\">\n",
    )?;
    let mut aliases = String::new();
    for (i, a) in g.actor_ids().into_iter().enumerate() {
        let n = g.actor(a);
        join_into(&mut aliases, &n.aliases);
        writeln!(
            w,
            "    <node id=\"n{i}\"><data key=\"label\">{}</data><data key=\"type\">{}</data><data key=\"aliases\">{}</data><data key=\"mentions\">{}</data></node>",
            xml_text(&n.name),
            n.actor_type,
            xml_text(&aliases),
            n.mentions
        )?;
    }
    // Node ids are positions in name order, the order of `actor_ids`.
    let index: std::collections::HashMap<_, usize> =
        g.actor_ids().into_iter().enumerate().map(|(i, a)| (a, i)).collect();
    let mut docs = String::new();
    for (i, e) in g.edges().into_iter().enumerate() {
        join_into(&mut docs, e.edge.docs.iter().map(|&d| g.doc(d)));
        let evidence = e.edge.evidence.first().map(|ev| ev.sentence.as_str()).unwrap_or("");
        writeln!(
            w,
            "    <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\"><data key=\"relation\">{}</data><data key=\"modality\">{}</data><data key=\"weight\">{}</data><data key=\"confidence\">{:.2}</data><data key=\"docs\">{}</data><data key=\"evidence\">{}</data></edge>",
            index[&e.source_id],
            index[&e.target_id],
            e.edge.relation,
            e.edge.modality,
            e.edge.weight,
            e.edge.confidence,
            xml_text(&docs),
            xml_text(evidence)
        )?;
    }
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// How CSV cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Prefix cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
    /// `@`, tab, carriage return at the start) with `'`.
    pub neutralize_formulas: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            neutralize_formulas: true,
        }
    }
}

/// A CSV cell, neutralised against formula injection where asked.
pub fn csv_cell(s: &str, o: CsvOptions) -> std::borrow::Cow<'_, str> {
    if o.neutralize_formulas && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn csv_err(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// `edges.csv`: one row per edge. Gephi reads `source`, `target`, `type`
/// (Directed/Undirected), `label` and `weight` as edge columns, and `Time
/// Interval` ("<[2019-03-01,2019-07-20]>", the dates of the articles stating
/// it) for its timeline; the rest become attributes. `evidence` holds every
/// sentence kept for the edge (up to ten), joined by " | ".
pub fn write_edges_csv(g: &ActorGraph, w: impl Write, o: CsvOptions) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "source",
        "target",
        "relation",
        "modality",
        "weight",
        "docs",
        "evidence",
        "type",
        "label",
        "confidence",
        "first_date",
        "last_date",
        "Time Interval",
    ])
    .map_err(csv_err)?;
    // One buffer per computed cell, reused across the million rows of a big graph.
    let (mut docs, mut weight, mut confidence) = (String::new(), String::new(), String::new());
    let (mut evidence, mut interval) = (String::new(), String::new());
    for e in g.edges() {
        join_capped(&mut docs, e.edge.docs.iter().map(|&d| g.doc(d)));
        evidence.clear();
        for (i, ev) in e.edge.evidence.iter().enumerate() {
            if i > 0 {
                evidence.push_str(" | ");
            }
            evidence.push_str(&ev.sentence);
        }
        interval.clear();
        if let (Some(a), Some(b)) = (e.edge.first_date.as_deref(), e.edge.last_date.as_deref()) {
            write!(interval, "<[{a},{b}]>").expect("writing to a String");
        }
        weight.clear();
        write!(weight, "{}", e.edge.weight).expect("writing to a String");
        confidence.clear();
        write!(confidence, "{:.2}", e.edge.confidence).expect("writing to a String");
        let ty = if e.edge.relation.is_symmetric() {
            "Undirected"
        } else {
            "Directed"
        };
        out.write_record([
            csv_cell(&e.source.name, o).as_ref(),
            csv_cell(&e.target.name, o).as_ref(),
            e.edge.relation.as_str(),
            e.edge.modality.as_str(),
            &weight,
            csv_cell(&docs, o).as_ref(),
            csv_cell(&evidence, o).as_ref(),
            ty,
            e.edge.relation.as_str(),
            &confidence,
            e.edge.first_date.as_deref().unwrap_or(""),
            e.edge.last_date.as_deref().unwrap_or(""),
            &interval,
        ])
        .map_err(csv_err)?;
    }
    out.flush()
}

/// `items` joined by `;` into `out`, replacing what it held.
/// How many items a list cell of `nodes.csv` and `edges.csv` holds (aliases,
/// documents); the rest are counted in a last item, "… 1650 more". Donald
/// Trump's 1,700 documents made a cell of 30,000 characters, near the
/// 32,767 a spreadsheet cell can take; graph.json keeps every one.
pub const CSV_LIST_MAX: usize = 50;

/// [`join_into`], at most [`CSV_LIST_MAX`] items and a count of the rest.
fn join_capped<S: AsRef<str>>(out: &mut String, items: impl ExactSizeIterator<Item = S>) {
    let total = items.len();
    join_into(out, items.take(CSV_LIST_MAX));
    if total > CSV_LIST_MAX {
        out.push_str(&format!(";… {} more", total - CSV_LIST_MAX));
    }
}

fn join_into<S: AsRef<str>>(out: &mut String, items: impl IntoIterator<Item = S>) {
    out.clear();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(item.as_ref());
    }
}

/// `nodes.csv`: one row per actor; `id` is the name `edges.csv` uses.
pub fn write_nodes_csv(g: &ActorGraph, w: impl Write, o: CsvOptions) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["id", "label", "type", "aliases", "degree", "mentions", "docs"])
        .map_err(csv_err)?;
    let (mut aliases, mut docs) = (String::new(), String::new());
    for a in g.actor_ids() {
        let n = g.actor(a);
        join_capped(&mut aliases, n.aliases.iter());
        join_capped(&mut docs, n.docs.iter().map(|&d| g.doc(d)));
        out.write_record([
            csv_cell(&n.name, o).as_ref(),
            csv_cell(&n.name, o).as_ref(),
            n.actor_type.as_str(),
            csv_cell(&aliases, o).as_ref(),
            &g.degree(a).to_string(),
            &n.mentions.to_string(),
            csv_cell(&docs, o).as_ref(),
        ])
        .map_err(csv_err)?;
    }
    out.flush()
}

/// The triple table of `extract --format csv`.
pub fn write_triples_csv<'a>(
    triples: impl IntoIterator<Item = &'a Triple>,
    w: impl Write,
    o: CsvOptions,
) -> std::io::Result<()> {
    let mut out = TriplesCsv::new(w, o)?;
    for t in triples {
        out.write(t)?;
    }
    out.finish()
}

/// The triple table written a row at a time, for triples that stream.
pub struct TriplesCsv<W: Write> {
    out: csv::Writer<W>,
    options: CsvOptions,
}

impl<W: Write> TriplesCsv<W> {
    /// Starts the table: writes the header.
    pub fn new(w: W, options: CsvOptions) -> std::io::Result<Self> {
        let mut out = csv::Writer::from_writer(w);
        out.write_record([
            "doc",
            "subject",
            "subject_type",
            "relation",
            "object",
            "object_type",
            "modality",
            "sentence",
            "sentence_index",
            "date",
            "confidence",
            "rule",
        ])
        .map_err(csv_err)?;
        Ok(TriplesCsv { out, options })
    }

    /// Writes one row.
    pub fn write(&mut self, t: &Triple) -> std::io::Result<()> {
        let o = self.options;
        self.out
            .write_record([
                csv_cell(&t.doc, o).as_ref(),
                csv_cell(&t.subject, o).as_ref(),
                t.subject_type.as_str(),
                t.relation.as_str(),
                csv_cell(&t.object, o).as_ref(),
                t.object_type.as_str(),
                t.modality.as_str(),
                csv_cell(&t.sentence, o).as_ref(),
                &t.sentence_index.to_string(),
                t.date.as_deref().unwrap_or(""),
                &format!("{:.2}", t.confidence),
                &t.rule,
            ])
            .map_err(csv_err)
    }

    /// Flushes the table.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::{sample, triple};
    use crate::model::{DocExtraction, Relation};

    fn hostile() -> ActorGraph {
        let mut t = triple(
            "Evil \"Quote\" \\ Name",
            Relation::Met,
            "=HYPERLINK(\"x\")",
            Modality::Fact,
        );
        t.sentence = "He said \"hi\"\nthen <b>left</b> \\n".into();
        graph_of(t, "d")
    }

    /// The graph of one triple from one document.
    fn graph_of(t: Triple, doc: &str) -> ActorGraph {
        let d = DocExtraction {
            doc: doc.into(),
            triples: vec![t],
            ..Default::default()
        };
        ActorGraph::build([d], false)
    }

    #[test]
    fn html_keeps_article_text_out_of_the_markup() {
        let mut t = triple(
            "</script><script>alert(1)</script>",
            Relation::Met,
            "<!-- & </SCRIPT \u{2028}",
            Modality::Fact,
        );
        t.sentence = "<img src=x onerror=alert(1)> & \"quotes\"".into();
        let g = graph_of(t, "<b>d</b>");
        let mut page = Vec::new();
        write_html(&g, &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert_eq!(page.to_lowercase().matches("</script").count(), 2);
        assert_eq!(page.matches("<script").count(), 2);
        assert!(!page.contains("<!--") && !page.contains("<img") && !page.contains('\u{2028}'));
        let (_, rest) = page.split_once("type=\"application/json\">").unwrap();
        let (data, _) = rest.split_once("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(data).unwrap();
        let names: Vec<&str> = data["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["<!-- & </SCRIPT \u{2028}", "</script><script>alert(1)</script>"]
        );
        assert!(page.contains("<title>polgraph: 2 actors and 1 relation</title>"));
    }

    #[test]
    fn dot_parses_back_with_the_same_labels() {
        for g in [sample(), hostile()] {
            let dot = to_dot(&g);
            let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
            let Graph::DiGraph { stmts, .. } = parsed else {
                panic!("not a digraph")
            };
            let labels: Vec<String> = stmts
                .iter()
                .filter_map(|s| match s {
                    Stmt::Node(n) => n
                        .attributes
                        .iter()
                        .find(|a| a.0 == Id::Plain("label".into()))
                        .map(|a| a.1.to_string()),
                    _ => None,
                })
                .collect();
            let expected: Vec<String> = g
                .actor_ids()
                .iter()
                .map(|&a| dot_string(&g.actor(a).name).to_string())
                .collect();
            assert_eq!(labels, expected);
            assert_eq!(
                stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count(),
                g.edge_count()
            );
        }
    }

    #[test]
    fn graphml_escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(xml_text("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml_text("bell\u{7}\ttab"), "bell\ttab");
        let g = hostile();
        let mut buf = Vec::new();
        write_graphml(&g, &mut buf).unwrap();
        let xml = String::from_utf8(buf).unwrap();
        assert!(
            xml.contains("<data key=\"label\">Evil &quot;Quote&quot; \\ Name</data>"),
            "{xml}"
        );
        assert!(xml.contains("then &lt;b&gt;left&lt;/b&gt;"));
        assert_eq!(xml.matches("<node ").count(), g.actor_count());
        assert_eq!(xml.matches("<edge ").count(), g.edge_count());
    }

    #[test]
    fn dot_strings_cannot_escape() {
        assert_eq!(dot_string(r#"a"b\c"#), Id::Escaped(r#""a\"b\\c""#.into()));
        assert_eq!(dot_string("x\ny"), Id::Escaped("\"x y\"".into()));
    }

    #[test]
    fn csv_reads_back_and_neutralises_formulas() {
        let g = hostile();
        let mut buf = Vec::new();
        write_edges_csv(&g, &mut buf, CsvOptions::default()).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "'=HYPERLINK(\"x\")");
        assert_eq!(&rows[0][1], "Evil \"Quote\" \\ Name");
        assert_eq!(&rows[0][6], "He said \"hi\"\nthen <b>left</b> \\n");
        let mut raw = Vec::new();
        write_edges_csv(
            &g,
            &mut raw,
            CsvOptions {
                neutralize_formulas: false,
            },
        )
        .unwrap();
        let mut r = csv::Reader::from_reader(raw.as_slice());
        assert_eq!(&r.records().next().unwrap().unwrap()[0], "=HYPERLINK(\"x\")");
    }

    #[test]
    fn nodes_csv_has_one_row_per_actor() {
        let g = sample();
        let mut buf = Vec::new();
        write_nodes_csv(&g, &mut buf, CsvOptions::default()).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>()[..5],
            ["id", "label", "type", "aliases", "degree"]
        );
        let ids: Vec<String> = r.records().map(|x| x.unwrap()[0].to_string()).collect();
        assert_eq!(
            ids,
            vec!["Kirill Dmitriev", "Russia", "Steve Witkoff", "Vladimir Putin"]
        );
    }

    /// An actor in more documents than a cell lists: the first ones, and a
    /// count of the rest.
    #[test]
    fn csv_list_cells_are_capped_and_say_how_many_more() {
        let docs: Vec<DocExtraction> = (0..CSV_LIST_MAX + 7)
            .map(|i| DocExtraction {
                doc: format!("d{i:03}"),
                triples: vec![triple("Steve Witkoff", Relation::Met, "Vladimir Putin", Modality::Fact)],
                ..Default::default()
            })
            .collect();
        let g = ActorGraph::build(docs, false);
        let write = |nodes: bool| {
            let mut buf = Vec::new();
            if nodes {
                write_nodes_csv(&g, &mut buf, CsvOptions::default()).unwrap();
            } else {
                write_edges_csv(&g, &mut buf, CsvOptions::default()).unwrap();
            }
            buf
        };
        for nodes in [true, false] {
            let buf = write(nodes);
            let mut r = csv::Reader::from_reader(buf.as_slice());
            let col = r.headers().unwrap().iter().position(|h| h == "docs").unwrap();
            let row = r.records().next().unwrap().unwrap();
            let cell: Vec<&str> = row[col].split(';').collect();
            assert_eq!(cell.len(), CSV_LIST_MAX + 1);
            assert_eq!(cell[0], "d000");
            assert_eq!(cell[CSV_LIST_MAX], "… 7 more");
        }
    }
}
