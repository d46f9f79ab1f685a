//! graph.json: the graph saved as node-link JSON (what networkx's
//! `node_link_graph` and d3 read) and loaded back.
//!
//! Writing is by hand rather than through serde: at a million edges serde's
//! per-field machinery and its byte-at-a-time string escaping took most of the
//! time, and the shape of a link never changes. Reading goes through serde,
//! which also gives line and column in errors. `tests` checks that what is
//! written parses as JSON and reads back to the same graph.

use super::{ActorGraph, DocTable, Edge, EdgeDocs, EdgeKey, EdgeView, Node, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::model::{ActorType, Evidence, Modality, Relation};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use serde::de;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, OnceLock};

mod fast;

impl ActorGraph {
    /// Writes the graph as node-link JSON, one node or link per line (readable,
    /// diff-friendly, and fast to write for a million edges).
    pub fn write_json(&self, w: impl Write) -> io::Result<()> {
        let mut out = JsonOut::new(w);
        out.raw(b"{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\":");
        out.str(concat!("polgraph ", env!("CARGO_PKG_VERSION")));
        out.raw(b",\"schema_version\":");
        out.uint(u64::from(SCHEMA_VERSION));
        out.raw(b",\"documents\":");
        out.uint(self.documents as u64);
        out.raw(b"},\n\"nodes\": [");
        let degrees = self.degrees();
        let names = Quoted::new(self.graph.node_weights().map(|n| n.name.as_str()));
        let docs = Quoted::new(self.doc_names.iter().map(|d| &**d));
        for (i, id) in self.actor_ids().into_iter().enumerate() {
            out.raw(if i == 0 { b"\n" } else { b",\n" });
            let n = self.actor(id);
            out.raw(b"{\"id\":");
            out.raw(names.get(id.0));
            out.raw(b",\"type\":");
            out.str(n.actor_type.as_str());
            out.raw(b",\"aliases\":");
            out.strs(&n.aliases);
            out.raw(b",\"mentions\":");
            out.uint(n.mentions as u64);
            out.raw(b",\"docs\":");
            out.list(n.docs.iter().map(|&d| docs.get(d.0 as usize)));
            out.raw(b",\"degree\":");
            out.uint(degrees[id.0] as u64);
            out.raw(b"}");
            out.flush_if_full()?;
        }
        out.raw(b"\n],\n\"links\": [");
        // Links are formatted in parts side by side, each into a buffer of
        // its own, and written in order: formatting is most of the time of
        // saving a million edges. A batch of parts at a time, so the text
        // in memory stays a few megabytes; a thread of its own formats the
        // next batch while this one writes the last (the writer need not be
        // `Send`). This thread formats too if it is one of a rayon pool's
        // (waiting on the channel there could leave the pool no thread to
        // format with: a deadlock when every thread of a pool saves a graph),
        // or if that thread cannot start.
        let edges = self.edges();
        let batch = LINKS_PER_PART * 4 * rayon::current_num_threads();
        let format = |b: usize, links: &[EdgeView]| -> Vec<Vec<u8>> {
            links
                .par_chunks(LINKS_PER_PART)
                .enumerate()
                .map(|(p, part)| {
                    let mut text = JsonOut::new(io::sink());
                    for (i, e) in part.iter().enumerate() {
                        let first = b == 0 && p == 0 && i == 0;
                        text.raw(if first { b"\n" } else { b",\n" });
                        self.write_link(&mut text, e, &names, &docs);
                    }
                    text.buf
                })
                .collect()
        };
        let (format, edges) = (&format, &edges);
        let formatted_batches = move || edges.chunks(batch).enumerate().map(|(b, links)| format(b, links));
        std::thread::scope(|scope| -> io::Result<()> {
            let (formatted, received) = std::sync::mpsc::sync_channel(1);
            let formatting = rayon::current_thread_index().is_none().then(|| {
                std::thread::Builder::new()
                    .name("pg-json".into())
                    .spawn_scoped(scope, move || {
                        for parts in formatted_batches() {
                            // The writer failed and hung up: stop.
                            if formatted.send(parts).is_err() {
                                break;
                            }
                        }
                    })
            });
            let batches: Box<dyn Iterator<Item = Vec<Vec<u8>>>> = match formatting {
                Some(Ok(_)) => Box::new(received.into_iter()),
                _ => Box::new(formatted_batches()),
            };
            for part in batches.flatten() {
                out.write_out(&part)?;
            }
            Ok(())
        })?;
        out.raw(b"\n]}\n");
        out.finish()
    }

    /// One link's object, its names and documents copied from `names` and
    /// `docs`.
    fn write_link<W: Write>(&self, out: &mut JsonOut<W>, e: &EdgeView, names: &Quoted, docs: &Quoted) {
        let edge = e.edge;
        out.raw(b"{\"source\":");
        out.raw(names.get(e.source_id.0));
        out.raw(b",\"target\":");
        out.raw(names.get(e.target_id.0));
        out.raw(b",\"key\":");
        out.str(edge_key(edge.relation, edge.modality));
        out.raw(if edge.relation.is_symmetric() {
            b",\"symmetric\":true"
        } else {
            b",\"symmetric\":false"
        });
        out.raw(b",\"relation\":");
        out.str(edge.relation.as_str());
        out.raw(b",\"modality\":");
        out.str(edge.modality.as_str());
        out.raw(b",\"weight\":");
        out.uint(edge.weight as u64);
        out.raw(b",\"confidence\":");
        out.f32(edge.confidence);
        out.raw(b",\"docs\":");
        out.list(edge.docs.iter().map(|&d| docs.get(d.0 as usize)));
        if let Some(d) = &edge.first_date {
            out.raw(b",\"first_date\":");
            out.str(d);
        }
        if let Some(d) = &edge.last_date {
            out.raw(b",\"last_date\":");
            out.str(d);
        }
        out.raw(b",\"evidence\":[");
        for (j, ev) in edge.evidence.iter().enumerate() {
            out.raw(if j == 0 { b"{\"doc\":" } else { b",{\"doc\":" });
            // The evidence's document is one of the edge's, the same
            // shared string: found by pointer, copied from `docs`.
            match edge
                .docs
                .iter()
                .find(|&&d| Arc::ptr_eq(&self.doc_names[d.0 as usize], &ev.doc))
            {
                Some(&d) => out.raw(docs.get(d.0 as usize)),
                None => out.str(&ev.doc),
            }
            out.raw(b",\"sentence_index\":");
            out.uint(ev.sentence_index as u64);
            out.raw(b",\"sentence\":");
            out.str(&ev.sentence);
            out.raw(b"}");
        }
        out.raw(b"]}");
    }

    /// Reads a graph written by [`ActorGraph::write_json`]; `path` names the file in errors.
    ///
    /// A file laid out as [`ActorGraph::write_json`] writes it is read by a
    /// reader of that layout (`fast`), several times quicker than serde,
    /// its links in parts on rayon's pool, each part's edges gathered and
    /// then added in file order (about 110 MB of edges in flight at a
    /// million). Any other layout goes through serde, where links are turned
    /// into edges as they are parsed, never gathered as links first (an
    /// intermediate list of links, strings and all, cost as much again in
    /// allocation as the parse itself). Should a file list its links before
    /// its nodes (`jq -S` sorts the keys that way), serde parses the text
    /// twice.
    pub fn read_json(mut r: impl io::Read, path: &Path) -> Result<Self> {
        let mut text = Vec::new();
        r.read_to_end(&mut text).map_err(|e| Error::io(path, e))?;
        Self::from_json_bytes(&text, path)
    }

    /// Loads a saved graph from a file, as [`ActorGraph::read_json`] does,
    /// with a big file read on all of rayon's threads.
    pub fn open(path: &Path) -> Result<Self> {
        Self::from_json_bytes(&crate::fsutil::read_file(path)?, path)
    }

    fn from_json_bytes(text: &[u8], path: &Path) -> Result<Self> {
        // One pass of UTF-8 checking over the whole text, not one per string.
        let text = std::str::from_utf8(text).map_err(|e| Error::BadGraph {
            path: path.to_path_buf(),
            message: format!("not a polgraph graph.json (not UTF-8 text: {e})"),
        })?;
        Self::from_json_text(text, path, true)
    }

    /// Loads graph.json text: through the reader of the writer's own layout
    /// when `fast` and the text has it, else (or when that reader gives up)
    /// through serde.
    fn from_json_text(text: &str, path: &Path, fast: bool) -> Result<Self> {
        let bad = |message: String| Error::BadGraph {
            path: path.to_path_buf(),
            message,
        };
        let mut load = Load::default();
        if !fast || fast::load(&mut load, text, fast::PART_BYTES).is_none() {
            load = Load::default();
            Self::serde_pass(&mut load, text).map_err(bad)?;
        }
        Self::finish_load(load).map_err(bad)
    }

    /// The general reader: any key order, any white space, errors with
    /// their line and column.
    fn serde_pass<'a>(load: &mut Load<'a>, text: &'a str) -> std::result::Result<(), String> {
        let mut result = load.pass(text);
        if result.is_ok() && load.links_deferred {
            load.second_pass = true;
            result = load.pass(text);
        }
        if let Err(e) = result {
            if let Some(message) = load.fail.take() {
                return Err(format!("{message} (line {}, column {})", e.line(), e.column()));
            }
            return Err(explain(text, &e));
        }
        Ok(())
    }

    /// The graph a finished load holds, documents renumbered in name order.
    fn finish_load(load: Load<'_>) -> std::result::Result<Self, String> {
        let Some(meta) = load.meta else {
            return Err("not a polgraph graph.json (no graph.schema_version)".into());
        };
        if !load.nodes_loaded || !load.links_loaded {
            let missing = if load.nodes_loaded { "links" } else { "nodes" };
            return Err(format!("malformed graph.json: no `{missing}` list"));
        }
        let mut g = load.g;
        g.documents = meta.documents;
        let (doc_names, renumber) = load.docs.finish();
        for n in g.graph.node_weights_mut() {
            renumber.apply(&mut n.docs);
        }
        for e in g.graph.edge_weights_mut() {
            renumber.apply_edge(&mut e.docs);
        }
        g.doc_names = doc_names;
        Ok(g)
    }
}

/// Says why a text that failed to load is not a graph: not JSON, another
/// schema version, or a malformed graph.
fn explain(text: &str, e: &serde_json::Error) -> String {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return format!("not a polgraph graph.json ({e})");
    };
    let version = value
        .get("graph")
        .and_then(|g| g.get("schema_version"))
        .and_then(|v| v.as_u64());
    match version {
        None => "not a polgraph graph.json (no graph.schema_version)".into(),
        Some(v) if v != u64::from(SCHEMA_VERSION) => wrong_version(v),
        Some(_) => format!("malformed graph.json: {e}"),
    }
}

fn wrong_version(v: u64) -> String {
    format!(
        "written with graph schema version {v}; this polgraph reads version {SCHEMA_VERSION}: rebuild it with `polgraph build`"
    )
}

/// What a load has gathered so far, passed down through the parse.
#[derive(Default)]
struct Load<'a> {
    g: ActorGraph,
    meta: Option<GraphMeta>,
    docs: DocTable,
    dates: FxHashMap<Cow<'a, str>, Arc<str>>,
    nodes_loaded: bool,
    links_loaded: bool,
    /// The links came before the nodes and were skipped; parse again for them.
    links_deferred: bool,
    second_pass: bool,
    sources: Sources<'a>,
    /// The last link's key. While keys only increase (as polgraph writes
    /// them) no link can repeat one; `seen` is filled only once they do not.
    last_key: Option<EdgeKey>,
    seen: Option<FxHashSet<EdgeKey>>,
    /// A problem with the graph itself (not its JSON), reported as is.
    fail: Option<String>,
}

impl<'a> Load<'a> {
    fn pass(&mut self, text: &'a str) -> std::result::Result<(), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        de::Deserializer::deserialize_map(&mut de, Top(self))?;
        de.end()
    }

    fn fail<E: de::Error>(&mut self, message: String) -> E {
        let e = E::custom(&message);
        self.fail = Some(message);
        e
    }

    fn add_nodes(&mut self, mut nodes: Vec<NodeIn<'a>>) -> std::result::Result<(), String> {
        // Name order, whatever order the file lists them in.
        if !nodes.is_sorted_by(|a, b| a.id <= b.id) {
            nodes.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        }
        for pair in nodes.windows(2) {
            if pair[0].id == pair[1].id {
                return Err(format!("node {:?} appears twice", pair[0].id));
            }
        }
        let g = &mut self.g;
        g.graph.reserve_nodes(nodes.len());
        g.by_name.reserve(nodes.iter().map(|n| n.id.as_str()));
        for n in nodes {
            let node = Node {
                docs: n.docs.iter().map(|d| self.docs.id(&d.0)).collect(),
                name: n.id,
                actor_type: n.actor_type,
                aliases: n.aliases,
                mentions: n.mentions,
            };
            g.push_node(node);
        }
        self.nodes_loaded = true;
        Ok(())
    }

    /// Whether a link with this key was read before.
    fn repeats(&mut self, key: EdgeKey) -> bool {
        if self.seen.is_none() {
            if self.last_key.is_none_or(|last| last < key) {
                self.last_key = Some(key);
                return false;
            }
            let earlier = self.g.graph.edge_references().map(|e| {
                let w = e.weight();
                (e.source(), w.relation, e.target(), w.modality)
            });
            self.seen = Some(earlier.collect());
        }
        !self.seen.as_mut().is_some_and(|seen| seen.insert(key))
    }

    fn add_link(&mut self, link: LinkIn<'a>) -> std::result::Result<(), String> {
        let s = self.sources.find(&self.g, link.source.0)?;
        let o = node(&self.g, &link.target.0)?;
        let edge = Edge {
            relation: link.relation,
            modality: link.modality,
            weight: link.weight,
            confidence: link.confidence,
            docs: link.docs,
            first_date: link.first_date,
            last_date: link.last_date,
            evidence: link.evidence,
        };
        self.add_edge(s, o, edge)
    }

    /// Adds an edge between nodes already found, unless one with its key
    /// was added before.
    fn add_edge(&mut self, s: NodeIndex, o: NodeIndex, edge: Edge) -> std::result::Result<(), String> {
        let key = (s, edge.relation, o, edge.modality);
        if self.repeats(key) {
            let name = |i: NodeIndex| self.g.graph[i].name.clone();
            return Err(format!(
                "link {} -{}-> {} appears twice",
                name(s),
                edge.relation,
                name(o)
            ));
        }
        self.g.graph.add_edge(s, o, edge);
        Ok(())
    }
}

/// A link's end, by name.
fn node(g: &ActorGraph, name: &str) -> std::result::Result<NodeIndex, String> {
    g.node_index(name)
        .ok_or_else(|| format!("link refers to unknown node {name:?}"))
}

/// The last link's source: links are written grouped by source, so most
/// lookups of a source are a comparison with the one before.
#[derive(Default)]
struct Sources<'a>(Option<(Cow<'a, str>, NodeIndex)>);

impl<'a> Sources<'a> {
    fn find(&mut self, g: &ActorGraph, name: Cow<'a, str>) -> std::result::Result<NodeIndex, String> {
        if let Some((last, idx)) = &self.0
            && *last == name
        {
            return Ok(*idx);
        }
        let idx = node(g, &name)?;
        self.0 = Some((name, idx));
        Ok(idx)
    }
}

/// The top-level object: `graph`, `nodes`, `links`, and keys to ignore.
struct Top<'l, 'a>(&'l mut Load<'a>);

impl<'de> de::Visitor<'de> for Top<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a node-link graph object")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let load = self.0;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match &*key.0 {
                "graph" => {
                    let meta: GraphMeta = map.next_value()?;
                    if meta.schema_version != SCHEMA_VERSION {
                        return Err(load.fail(wrong_version(u64::from(meta.schema_version))));
                    }
                    load.meta = Some(meta);
                }
                "nodes" if !load.second_pass => {
                    if load.nodes_loaded {
                        return Err(load.fail("two `nodes` lists".into()));
                    }
                    let nodes: Vec<NodeIn> = map.next_value()?;
                    load.add_nodes(nodes).map_err(|m| load.fail(m))?;
                }
                "links" if load.links_loaded => return Err(load.fail("two `links` lists".into())),
                "links" if load.nodes_loaded => {
                    map.next_value_seed(Links(&mut *load))?;
                    load.links_loaded = true;
                }
                "links" => {
                    load.links_deferred = true;
                    map.next_value::<de::IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The `links` list, each link added to the graph as it is read.
struct Links<'l, 'a>(&'l mut Load<'a>);

impl<'de> de::DeserializeSeed<'de> for Links<'_, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> de::Visitor<'de> for Links<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of links")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let load = self.0;
        while let Some(link) = seq.next_element_seed(Link(&mut *load))? {
            load.add_link(link).map_err(|m| load.fail(m))?;
        }
        Ok(())
    }
}

/// One link as read, its documents and dates already interned.
struct LinkIn<'a> {
    source: Str<'a>,
    target: Str<'a>,
    relation: Relation,
    modality: Modality,
    weight: usize,
    confidence: f32,
    docs: EdgeDocs,
    first_date: Option<Arc<str>>,
    last_date: Option<Arc<str>>,
    evidence: Vec<Evidence>,
}

struct Link<'l, 'a>(&'l mut Load<'a>);

impl<'de> de::DeserializeSeed<'de> for Link<'_, 'de> {
    type Value = LinkIn<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> de::Visitor<'de> for Link<'_, 'de> {
    type Value = LinkIn<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a link object")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        use de::Error as _;
        let load = self.0;
        let (mut source, mut target, mut relation, mut modality) = (None, None, None, None);
        let (mut weight, mut confidence, mut docs, mut evidence) = (None, None, None, None);
        let (mut first_date, mut last_date) = (None, None);
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match &*key.0 {
                "source" => source = Some(map.next_value::<Str>()?),
                "target" => target = Some(map.next_value::<Str>()?),
                "relation" => relation = Some(map.next_value()?),
                "modality" => modality = Some(map.next_value()?),
                "weight" => weight = Some(map.next_value()?),
                "confidence" => confidence = Some(map.next_value()?),
                "docs" => docs = Some(map.next_value_seed(Docs(&mut load.docs))?),
                "evidence" => evidence = Some(map.next_value_seed(EvidenceList(&mut load.docs))?),
                "first_date" => {
                    first_date = map.next_value::<Option<Str>>()?.map(|d| intern(&mut load.dates, d));
                }
                "last_date" => {
                    last_date = map.next_value::<Option<Str>>()?.map(|d| intern(&mut load.dates, d));
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(LinkIn {
            source: source.ok_or_else(|| A::Error::missing_field("source"))?,
            target: target.ok_or_else(|| A::Error::missing_field("target"))?,
            relation: relation.ok_or_else(|| A::Error::missing_field("relation"))?,
            modality: modality.ok_or_else(|| A::Error::missing_field("modality"))?,
            weight: weight.ok_or_else(|| A::Error::missing_field("weight"))?,
            confidence: confidence.ok_or_else(|| A::Error::missing_field("confidence"))?,
            docs: docs.ok_or_else(|| A::Error::missing_field("docs"))?,
            first_date,
            last_date,
            evidence: evidence.ok_or_else(|| A::Error::missing_field("evidence"))?,
        })
    }
}

/// A list of document ids, numbered through the load's table.
struct Docs<'l>(&'l mut DocTable);

impl<'de> de::DeserializeSeed<'de> for Docs<'_> {
    type Value = EdgeDocs;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> de::Visitor<'de> for Docs<'_> {
    type Value = EdgeDocs;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of document ids")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let mut ids = EdgeDocs::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(name) = seq.next_element::<Str>()? {
            ids.push(self.0.id(&name.0));
        }
        Ok(ids)
    }
}

/// A link's evidence: (document, sentence index, sentence) objects.
struct EvidenceList<'l>(&'l mut DocTable);

impl<'de> de::DeserializeSeed<'de> for EvidenceList<'_> {
    type Value = Vec<Evidence>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> de::Visitor<'de> for EvidenceList<'_> {
    type Value = Vec<Evidence>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of evidence")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(e) = seq.next_element::<EvidenceIn>()? {
            list.push(Evidence {
                doc: {
                    let id = self.0.id(&e.doc.0);
                    self.0.name(id).clone()
                },
                sentence_index: e.sentence_index,
                sentence: e.sentence,
            });
        }
        Ok(list)
    }
}

/// One shared string per distinct date.
fn intern<'a>(dates: &mut FxHashMap<Cow<'a, str>, Arc<str>>, date: Str<'a>) -> Arc<str> {
    dates.entry(date.0).or_insert_with_key(|d| Arc::from(&**d)).clone()
}

#[derive(Deserialize)]
struct GraphMeta {
    schema_version: u32,
    documents: usize,
}

#[derive(Deserialize)]
struct NodeIn<'a> {
    id: String,
    #[serde(rename = "type")]
    actor_type: ActorType,
    #[serde(default)]
    aliases: BTreeSet<String>,
    #[serde(default)]
    mentions: usize,
    #[serde(default, borrow)]
    docs: Vec<Str<'a>>,
}

#[derive(Deserialize)]
struct EvidenceIn<'a> {
    #[serde(borrow)]
    doc: Str<'a>,
    sentence_index: usize,
    sentence: String,
}

/// A string read in place from the file where it has no escapes (names and
/// document ids repeat millions of times in a big graph; each would otherwise
/// be allocated and freed). serde's own `Cow<str>` borrows only as a direct
/// field, not inside a `Vec` or `Option`.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_str(Visit).map(Str)
    }
}

/// A link's `key` ("met/fact"), which tells a multigraph's parallel edges
/// apart; one string per (relation, modality), made once.
fn edge_key(relation: Relation, modality: Modality) -> &'static str {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        Relation::ALL
            .iter()
            .flat_map(|r| Modality::ALL.iter().map(move |m| format!("{r}/{m}")))
            .collect()
    });
    &keys[relation as usize * Modality::ALL.len() + modality as usize]
}

/// JSON text gathered in memory and handed to the writer a megabyte at a
/// time, so each small piece is a copy, not a call through the writer.
struct JsonOut<W: Write> {
    buf: Vec<u8>,
    w: W,
}

const FLUSH_AT: usize = 1 << 20;

/// Links formatted by one thread at a time when saving: about 400 KB of text.
const LINKS_PER_PART: usize = 1024;

/// Strings quoted and escaped once, into one buffer: every actor's name and
/// every document id. Writing a million links waits mostly on memory; a
/// link's names and documents are then copied from a few megabytes that stay
/// in cache rather than read from strings scattered over the heap.
struct Quoted {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Quoted {
    fn new<'s>(items: impl Iterator<Item = &'s str>) -> Self {
        let mut out = JsonOut::new(io::sink());
        let mut ends = Vec::new();
        for s in items {
            out.str(s);
            ends.push(out.buf.len());
        }
        Quoted { bytes: out.buf, ends }
    }

    /// Item `i`, quotes included.
    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

impl<W: Write> JsonOut<W> {
    fn new(w: W) -> Self {
        JsonOut {
            buf: Vec::with_capacity(FLUSH_AT + (64 << 10)),
            w,
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn uint(&mut self, n: u64) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    /// Shortest round-trip form, as serde_json writes floats; JSON has no
    /// NaN or infinity, so those are `null` (as serde_json writes them).
    fn f32(&mut self, x: f32) {
        if x.is_finite() {
            self.raw(ryu::Buffer::new().format_finite(x).as_bytes());
        } else {
            self.raw(b"null");
        }
    }

    /// A JSON string. Most strings need no escaping, so they are checked 16
    /// bytes at a time (a loop the compiler vectorises) and copied whole.
    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.push(b'"');
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            if let Some(block) = bytes.get(i..i + 16)
                && !block.iter().fold(false, |any, &b| any | needs_escape(b))
            {
                i += 16;
                continue;
            }
            let b = bytes[i];
            if needs_escape(b) {
                self.buf.extend_from_slice(&bytes[start..i]);
                self.escape(b);
                start = i + 1;
            }
            i += 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    /// The escape serde_json writes for `b`, so files are byte-identical to
    /// what earlier versions wrote through serde.
    fn escape(&mut self, b: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0C => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => {
                let long = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ];
                self.buf.extend_from_slice(&long);
                return;
            }
        };
        self.buf.extend_from_slice(short);
    }

    /// A list of strings already quoted and escaped.
    fn list<'q>(&mut self, items: impl IntoIterator<Item = &'q [u8]>) {
        self.buf.push(b'[');
        for (i, q) in items.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.buf.extend_from_slice(q);
        }
        self.buf.push(b']');
    }

    fn strs<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) {
        self.buf.push(b'[');
        for (i, s) in items.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.str(s.as_ref());
        }
        self.buf.push(b']');
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Text formatted elsewhere, after what is gathered here.
    fn write_out(&mut self, text: &[u8]) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.write_all(text)
    }

    fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.w.flush()
    }
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::model::DocExtraction;

    /// The graph's graph.json text.
    fn json_of(g: &ActorGraph) -> String {
        let mut out = Vec::new();
        g.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn read(text: &str) -> ActorGraph {
        ActorGraph::read_json(text.as_bytes(), Path::new("g.json")).unwrap()
    }

    #[test]
    fn round_trips() {
        let text = json_of(&sample());
        assert_eq!(json_of(&read(&text)), text);
    }

    /// Links are formatted in parts and batches of parts: enough links for
    /// several batches come out as valid JSON, each once, in the graph's
    /// order, and read back to the same text.
    #[test]
    fn links_written_in_parts_come_out_whole_and_in_order() {
        let g = ActorGraph::build(crate::synthetic::corpus(2000, 40_000, 3), false);
        assert!(g.edge_count() > 4 * LINKS_PER_PART * 4 * rayon::current_num_threads());
        let text = json_of(&g);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let links = value["links"].as_array().unwrap();
        let edges = g.edges();
        assert_eq!(links.len(), edges.len());
        for (link, e) in links.iter().zip(&edges) {
            assert_eq!(link["source"], e.source.name.as_str());
            assert_eq!(link["target"], e.target.name.as_str());
            assert_eq!(link["key"], edge_key(e.edge.relation, e.edge.modality));
        }
        assert_eq!(json_of(&read(&text)), text);
    }

    /// Every thread of rayon's global pool saving a graph at once: the
    /// saves end, with the text each would write alone.
    #[test]
    fn saves_on_every_thread_of_the_pool_at_once_end() {
        let g = ActorGraph::build(crate::synthetic::corpus(2000, 40_000, 3), false);
        let alone = json_of(&g);
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let texts = rayon::broadcast(|_| json_of(&g));
            done.send(texts).unwrap();
        });
        let texts = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("saves on every thread of the pool ended within a minute");
        assert_eq!(texts.len(), rayon::current_num_threads());
        assert!(texts.iter().all(|t| *t == alone));
    }

    /// A writer that fails partway (a full disk) fails the save, while the
    /// thread formatting the next batches is still sending them: the save
    /// returns the error instead of waiting for a reader that has gone.
    #[test]
    fn a_writer_failing_partway_fails_the_save_and_stops_the_formatting() {
        struct FullAfter(usize);
        impl Write for FullAfter {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 < buf.len() {
                    return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let g = ActorGraph::build(crate::synthetic::corpus(2000, 40_000, 3), false);
        let whole = json_of(&g).len();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let results: Vec<_> = [0, 1 << 20, whole / 2, whole - 1]
                .into_iter()
                .map(|room| g.write_json(FullAfter(room)).map_err(|e| e.kind()))
                .collect();
            done.send(results).unwrap();
        });
        let results = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("a failing writer ends the save within a minute");
        assert!(
            results.iter().all(|r| *r == Err(io::ErrorKind::StorageFull)),
            "{results:?}"
        );
    }

    /// Names and document ids are copied pre-escaped, and an evidence's
    /// document found by pointer; an evidence whose document string is
    /// another copy of the same text is written the same way.
    #[test]
    fn evidence_documents_write_the_same_however_they_are_shared() {
        let text = json_of(&sample());
        let mut copy = read(&text);
        let mut changed = 0;
        for e in copy.graph.edge_weights_mut() {
            for ev in &mut e.evidence {
                ev.doc = Arc::from(&*ev.doc);
                changed += 1;
            }
        }
        assert!(changed > 0);
        assert_eq!(json_of(&copy), text);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let tricky = [
            "",
            "plain",
            "a \"quoted\" \\ back\\slash",
            "tab\tnew\nline\r\u{8}\u{c}\u{1}\u{1f}\u{7f} end",
            "sixteen bytes ok\"and then a quote after the first block",
            "non-ASCII: Zelenskyy — Зеленський, \u{2028}",
        ];
        for s in tricky {
            let mut out = JsonOut::new(Vec::new());
            out.str(s);
            assert_eq!(out.buf, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        for x in [0.0f32, 0.8, 0.85, 1.0, 1e-7, f32::NAN] {
            let mut out = JsonOut::new(Vec::new());
            out.f32(x);
            assert_eq!(out.buf, serde_json::to_vec(&x).unwrap(), "{x}");
        }
    }

    /// The reader of the writer's own layout accepts what the writer writes
    /// (escapes, non-ASCII, dates, empty lists included) and loads the same
    /// graph serde does; anything else it leaves to serde.
    #[test]
    fn the_layout_reader_loads_what_serde_loads() {
        let mut docs = crate::synthetic::corpus(300, 3000, 7);
        let tricky = [
            "a \"quoted\" \\ sentence",
            "Зеленський said “no”",
            "tab\there",
            "\u{1}\u{7f}",
        ];
        for (i, d) in docs.iter_mut().enumerate() {
            d.date = (i % 3 != 0).then(|| format!("2025-0{}-1{}", 1 + i % 9, i % 10));
            for (j, t) in d.triples.iter_mut().enumerate() {
                if (i + j) % 5 == 0 {
                    t.sentence = tricky[(i + j) % tricky.len()].to_string();
                }
                if (i + j) % 11 == 0 {
                    t.subject = format!("{} \"Jr\" Ö", t.subject);
                }
            }
        }
        docs.push(DocExtraction {
            doc: "empty \\ doc".into(),
            ..Default::default()
        });
        let json = json_of(&ActorGraph::build(docs, true));
        let text = json.as_str();
        let p = Path::new("g.json");
        let written = |g: ActorGraph| json_of(&g);
        // In one part, and in as many as the thread pool allows, with cuts
        // between different links.
        for part_bytes in [fast::PART_BYTES, 1, 1000] {
            let mut load = Load::default();
            assert!(
                fast::load(&mut load, text, part_bytes).is_some(),
                "the layout reader gave up on the writer's output in parts of {part_bytes}"
            );
            assert_eq!(
                written(ActorGraph::finish_load(load).unwrap()),
                text,
                "in parts of {part_bytes}"
            );
        }
        let by_layout = written(ActorGraph::from_json_text(text, p, true).unwrap());
        let by_serde = written(ActorGraph::from_json_text(text, p, false).unwrap());
        assert_eq!(by_layout, by_serde);
        assert_eq!(by_layout, text);
        // Changed layouts and broken values: the layout reader gives up, and
        // what the caller sees is serde's answer.
        let variants = [
            text.replacen(",\"weight\":", ", \"weight\": ", 1),
            text.replacen("\"confidence\":", "\"confidence\":01", 1),
            text.replacen("\"sentence_index\":", "\"sentence_index\":-", 1),
            text.replacen("\"symmetric\":", "\"symmetric\":null,\"x\":", 1),
            text.replacen("\"modality\":\"", "\"modality\":\"un", 1),
            text.replacen("\"sentence\":\"", "\"sentence\":\"\u{1}", 1),
            text.replacen("\n]}", "\n]} x", 1),
            // A link's document that no node names: serde takes it, the
            // layout reader (which only looks documents up) does not.
            {
                let last = text.rfind(",\"docs\":[\"").unwrap();
                format!("{},\"docs\":[\"no node's\",{}", &text[..last], &text[last + 9..])
            },
        ];
        for v in &variants {
            for part_bytes in [fast::PART_BYTES, 1] {
                let mut load = Load::default();
                assert!(fast::load(&mut load, v, part_bytes).is_none(), "{}", &v[..200]);
            }
            let fast = ActorGraph::from_json_text(v, p, true)
                .map(written)
                .map_err(|e| e.to_string());
            let slow = ActorGraph::from_json_text(v, p, false)
                .map(written)
                .map_err(|e| e.to_string());
            assert_eq!(fast, slow);
        }
        // The first variant is only spaced differently.
        assert_eq!(
            ActorGraph::from_json_text(&variants[0], p, true).map(written).unwrap(),
            text
        );
    }

    /// A graph rewritten by another program: keys sorted (links before
    /// nodes, as `jq -S` writes them), nodes and links in another order.
    #[test]
    fn reads_keys_and_lists_in_any_order() {
        let text = json_of(&sample());
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["links"].as_array_mut().unwrap().reverse();
        value["nodes"].as_array_mut().unwrap().reverse();
        let sorted = serde_json::to_string(&value).unwrap();
        assert!(sorted.find("\"links\"") < sorted.find("\"nodes\""), "{sorted}");
        assert_eq!(json_of(&read(&sorted)), text);
    }

    #[test]
    fn reading_broken_links_names_the_link() {
        let mut buf = Vec::new();
        sample().write_json(&mut buf).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let read = |edit: &dyn Fn(&mut Vec<serde_json::Value>)| {
            let mut v = value.clone();
            edit(v["links"].as_array_mut().unwrap());
            let text = serde_json::to_string_pretty(&v).unwrap();
            ActorGraph::read_json(text.as_bytes(), Path::new("g.json"))
                .unwrap_err()
                .to_string()
        };
        // The repeat comes after links with greater keys, so the check cannot rely on order.
        let err = read(&|links| links.push(links[0].clone()));
        assert!(err.contains("appears twice (line "), "{err}");
        let err = read(&|links| links[1]["target"] = "Nobody".into());
        assert!(err.contains("link refers to unknown node \"Nobody\""), "{err}");
        let err = read(&|links| {
            links[0].as_object_mut().unwrap().remove("weight");
        });
        assert!(err.contains("malformed graph.json: missing field `weight`"), "{err}");
    }

    #[test]
    fn reading_bad_graphs_names_the_problem() {
        let p = Path::new("g.json");
        let err = ActorGraph::read_json(&b"{\"nodes\": ["[..], p).unwrap_err().to_string();
        assert!(err.starts_with("g.json: not a polgraph graph.json"), "{err}");
        let v2 = br#"{"graph": {"schema_version": 2, "generator": "x", "documents": 0}, "nodes": [], "links": []}"#;
        let err = ActorGraph::read_json(&v2[..], p).unwrap_err().to_string();
        assert!(
            err.contains("schema version 2") && err.contains("reads version 1"),
            "{err}"
        );
    }
}
