//! How answers look on a terminal (and as JSON for programs).

use polgraph::graph::{ActorGraph, ActorId, EdgeView};
use polgraph::query::{Centrality, Hop, Neighbour, Pair};
use serde_json::json;
use std::io::{Result, Write};
use std::path::Path;

fn arrow(e: &EdgeView, forward: bool) -> String {
    let label = match e.edge.modality {
        polgraph::Modality::Fact => e.edge.relation.to_string(),
        m => format!("{} ({m})", e.edge.relation),
    };
    if e.edge.relation.is_symmetric() {
        format!("—{label}—")
    } else if forward {
        format!("—{label}→")
    } else {
        format!("←{label}—")
    }
}

fn evidence_line(e: &EdgeView) -> String {
    match e.edge.evidence.first() {
        Some(ev) => format!("{} #{}: {}", ev.doc, ev.sentence_index, ev.sentence),
        None => String::new(),
    }
}

fn edge_json(e: &EdgeView) -> serde_json::Value {
    json!({
        "source": e.source.name, "target": e.target.name,
        "relation": e.edge.relation, "modality": e.edge.modality,
        "weight": e.edge.weight, "evidence": e.edge.evidence,
    })
}

/// The summary `build` prints.
pub fn summary(
    g: &ActorGraph,
    triples: usize,
    uncertain: usize,
    included: bool,
    dir: &Path,
    written: &[&str],
    note: Option<&str>,
) -> Result<()> {
    let mut w = std::io::stdout().lock();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        w,
        "{}, {} extracted, {} and {} in the graph",
        plural(g.document_count(), "article", "articles"),
        plural(triples, "triple", "triples"),
        plural(g.actor_count(), "actor", "actors"),
        plural(g.edge_count(), "relation", "relations"),
    )?;
    if uncertain > 0 && !included {
        writeln!(
            w,
            "({} negated or hypothetical left out; --include-uncertain keeps them)",
            uncertain
        )?;
    }
    let mut ids = g.actor_ids();
    ids.sort_by_key(|&a| std::cmp::Reverse(g.degree(a)));
    if !ids.is_empty() {
        writeln!(w, "Top actors by degree:")?;
        let width = ids
            .iter()
            .take(5)
            .map(|&a| g.actor(a).name.chars().count())
            .max()
            .unwrap_or(0);
        for &a in ids.iter().take(5) {
            let n = g.actor(a);
            writeln!(w, "  {:<width$}  {:>3}  {}", n.name, g.degree(a), n.actor_type)?;
        }
    }
    let files: Vec<String> = written.iter().map(|f| dir.join(f).display().to_string()).collect();
    writeln!(w, "Wrote {}", files.join(", "))?;
    if let Some(n) = note {
        writeln!(w, "{n}")?;
    }
    Ok(())
}

/// `query path`.
pub fn paths(
    w: &mut dyn Write,
    g: &ActorGraph,
    x: ActorId,
    y: ActorId,
    max: usize,
    paths: &[Vec<Hop>],
    as_json: bool,
) -> Result<()> {
    let (a, b) = (&g.actor(x).name, &g.actor(y).name);
    if as_json {
        let v: Vec<serde_json::Value> = paths
            .iter()
            .map(|p| {
                json!(
                    p.iter()
                        .map(|h| json!({
                            "from": g.actor(h.from).name, "to": g.actor(h.to).name,
                            "forward": h.forward, "edge": edge_json(&h.edge),
                        }))
                        .collect::<Vec<_>>()
                )
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &json!({"from": a, "to": b, "paths": v}))?;
        return writeln!(w);
    }
    if paths.is_empty() {
        return writeln!(w, "No path between {a} and {b} within {max} hops.");
    }
    for (i, p) in paths.iter().enumerate() {
        if paths.len() > 1 {
            writeln!(w, "{}. ", i + 1)?;
        }
        writeln!(w, "{a} → {b}: {} hop{}", p.len(), if p.len() == 1 { "" } else { "s" })?;
        for h in p {
            writeln!(
                w,
                "  {} {} {}",
                g.actor(h.from).name,
                arrow(&h.edge, h.forward),
                g.actor(h.to).name
            )?;
            writeln!(w, "      {}", evidence_line(&h.edge))?;
        }
    }
    Ok(())
}

/// `query neighbors`.
pub fn neighbors(w: &mut dyn Write, g: &ActorGraph, x: ActorId, n: &[Neighbour], as_json: bool) -> Result<()> {
    let name = &g.actor(x).name;
    if as_json {
        let v: Vec<serde_json::Value> = n
            .iter()
            .map(|nb| {
                json!({
                    "actor": g.actor(nb.actor).name, "type": g.actor(nb.actor).actor_type,
                    "distance": nb.distance, "via": g.actor(nb.via).name,
                    "edges": nb.edges.iter().map(edge_json).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &json!({"actor": name, "neighbors": v}))?;
        return writeln!(w);
    }
    if n.is_empty() {
        return writeln!(w, "{name} has no connections.");
    }
    writeln!(w, "{name} ({}): {} connected", g.actor(x).actor_type, n.len())?;
    for nb in n {
        let rels: Vec<String> = nb
            .edges
            .iter()
            .map(|e| {
                let from = g.actor(nb.via);
                let forward = std::ptr::eq(e.source, from);
                format!(
                    "{}{}",
                    arrow(e, forward),
                    if e.edge.weight > 1 {
                        format!(" ×{}", e.edge.weight)
                    } else {
                        String::new()
                    }
                )
            })
            .collect();
        let via = if nb.distance > 1 {
            format!("  (via {})", g.actor(nb.via).name)
        } else {
            String::new()
        };
        writeln!(
            w,
            "  {} {} ({}){via}",
            rels.join(", "),
            g.actor(nb.actor).name,
            g.actor(nb.actor).actor_type
        )?;
    }
    Ok(())
}

/// `query pairs`.
pub fn pairs(w: &mut dyn Write, g: &ActorGraph, p: &[Pair], csv: bool, as_json: bool) -> Result<()> {
    let rels = |pair: &Pair| {
        pair.edges
            .iter()
            .map(|e| {
                let m = if e.edge.modality == polgraph::Modality::Fact {
                    String::new()
                } else {
                    format!(" ({})", e.edge.modality)
                };
                let n = if e.edge.weight > 1 {
                    format!(" ×{}", e.edge.weight)
                } else {
                    String::new()
                };
                let dir = if e.edge.relation.is_symmetric() || e.source_id == pair.a {
                    ""
                } else {
                    "←"
                };
                format!("{dir}{}{m}{n}", e.edge.relation)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if as_json {
        let v: Vec<serde_json::Value> = p
            .iter()
            .map(|x| {
                json!({"a": g.actor(x.a).name, "b": g.actor(x.b).name, "weight": x.weight,
                            "edges": x.edges.iter().map(edge_json).collect::<Vec<_>>()})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &v)?;
        return writeln!(w);
    }
    if csv {
        // Data, not display strings: per direction, `relation=weight` items
        // (`relation:modality=weight` when not a fact), `;`-separated.
        let items = |x: &Pair, keep: &dyn Fn(&EdgeView) -> bool| {
            x.edges
                .iter()
                .filter(|e| keep(e))
                .map(|e| {
                    let m = if e.edge.modality == polgraph::Modality::Fact {
                        String::new()
                    } else {
                        format!(":{}", e.edge.modality)
                    };
                    format!("{}{m}={}", e.edge.relation, e.edge.weight)
                })
                .collect::<Vec<_>>()
                .join(";")
        };
        let mut out = csv::Writer::from_writer(w);
        out.write_record(["a", "b", "weight", "mutual", "a_to_b", "b_to_a"])?;
        for x in p {
            let cells = [
                g.actor(x.a).name.clone(),
                g.actor(x.b).name.clone(),
                x.weight.to_string(),
                items(x, &|e| e.edge.relation.is_symmetric()),
                items(x, &|e| !e.edge.relation.is_symmetric() && e.source_id == x.a),
                items(x, &|e| !e.edge.relation.is_symmetric() && e.source_id == x.b),
            ];
            let cells: Vec<String> = cells
                .iter()
                .map(|c| polgraph::export::csv_cell(c, Default::default()).into_owned())
                .collect();
            out.write_record(&cells)?;
        }
        return out.flush();
    }
    if p.is_empty() {
        return writeln!(w, "No connected pairs.");
    }
    let wa = p.iter().map(|x| g.actor(x.a).name.chars().count()).max().unwrap_or(0);
    let wb = p.iter().map(|x| g.actor(x.b).name.chars().count()).max().unwrap_or(0);
    for x in p {
        writeln!(
            w,
            "{:<wa$}  {:<wb$}  {:>3}  {}",
            g.actor(x.a).name,
            g.actor(x.b).name,
            x.weight,
            rels(x)
        )?;
    }
    Ok(())
}

/// `query central`.
pub fn central(w: &mut dyn Write, g: &ActorGraph, c: &[Centrality], as_json: bool) -> Result<()> {
    if as_json {
        let v: Vec<serde_json::Value> = c
            .iter()
            .map(|x| {
                json!({"actor": g.actor(x.actor).name, "type": g.actor(x.actor).actor_type,
                            "degree": x.degree, "neighbours": x.neighbours, "betweenness": x.betweenness})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &v)?;
        return writeln!(w);
    }
    let width = c
        .iter()
        .map(|x| g.actor(x.actor).name.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        w,
        "{:<width$}  {:>6}  {:>10}  {:>11}  type",
        "actor", "degree", "neighbours", "betweenness"
    )?;
    for x in c {
        let n = g.actor(x.actor);
        writeln!(
            w,
            "{:<width$}  {:>6}  {:>10}  {:>11.3}  {}",
            n.name, x.degree, x.neighbours, x.betweenness, n.actor_type
        )?;
    }
    Ok(())
}

/// How `actors` prints its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned columns.
    Table,
    /// One JSON array.
    Json,
    /// CSV with a header row.
    Csv,
}

/// `actors`: each actor with its type, edges, mentions, documents and the
/// other names merged into it.
pub fn actors(
    w: &mut dyn Write,
    g: &ActorGraph,
    ids: &[(ActorId, usize)],
    format: ListFormat,
    csv_opts: polgraph::export::CsvOptions,
) -> Result<()> {
    let row = |&(i, degree): &(ActorId, usize)| {
        let n = g.actor(i);
        (n, degree, n.docs.len())
    };
    match format {
        ListFormat::Json => {
            let v: Vec<serde_json::Value> = ids
                .iter()
                .map(|x| {
                    let (n, degree, docs) = row(x);
                    json!({"name": n.name, "type": n.actor_type, "degree": degree,
                           "mentions": n.mentions, "documents": docs, "aliases": n.aliases})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &v)?;
            writeln!(w)
        }
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["name", "type", "degree", "mentions", "documents", "aliases"])?;
            for x in ids {
                let (n, degree, docs) = row(x);
                let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join(";");
                out.write_record([
                    polgraph::export::csv_cell(&n.name, csv_opts).as_ref(),
                    n.actor_type.as_str(),
                    &degree.to_string(),
                    &n.mentions.to_string(),
                    &docs.to_string(),
                    polgraph::export::csv_cell(&aliases, csv_opts).as_ref(),
                ])?;
            }
            out.flush()
        }
        ListFormat::Table => {
            let width = ids
                .iter()
                .map(|&(i, _)| g.actor(i).name.chars().count())
                .max()
                .unwrap_or(5)
                .max(5);
            writeln!(
                w,
                "{:<width$}  {:<12}  {:>6}  {:>8}  {:>9}  also named",
                "actor", "type", "edges", "mentions", "documents"
            )?;
            for x in ids {
                let (n, degree, docs) = row(x);
                let aliases = n.aliases.iter().map(String::as_str).collect::<Vec<_>>().join("; ");
                writeln!(
                    w,
                    "{:<width$}  {:<12}  {:>6}  {:>8}  {:>9}  {aliases}",
                    n.name,
                    n.actor_type.as_str(),
                    degree,
                    n.mentions,
                    docs
                )?;
            }
            Ok(())
        }
    }
}

/// `query timeline`: an actor's relations by date, each with its evidence.
pub fn timeline(w: &mut dyn Write, g: &ActorGraph, x: ActorId, t: &[EdgeView], as_json: bool) -> Result<()> {
    let name = &g.actor(x).name;
    if as_json {
        let v: Vec<serde_json::Value> = t
            .iter()
            .map(|e| {
                let mut j = edge_json(e);
                j["first_date"] = json!(e.edge.first_date.as_deref());
                j["last_date"] = json!(e.edge.last_date.as_deref());
                j
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &json!({"actor": name, "timeline": v}))?;
        return writeln!(w);
    }
    if t.is_empty() {
        return writeln!(w, "{name} has no relations.");
    }
    writeln!(w, "{name} ({}): {} relations by date", g.actor(x).actor_type, t.len())?;
    for e in t {
        let when = match (e.edge.first_date.as_deref(), e.edge.last_date.as_deref()) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.to_string(),
            _ => "(undated)".to_string(),
        };
        let times = if e.edge.weight > 1 {
            format!(" ×{}", e.edge.weight)
        } else {
            String::new()
        };
        writeln!(
            w,
            "  {when}  {} {} {}{times}",
            e.source.name,
            arrow(e, true),
            e.target.name
        )?;
        writeln!(w, "      {}", evidence_line(e))?;
    }
    Ok(())
}
