//! The graph as the CSV files `neo4j-admin database import full` loads:
//! `actors.csv` (nodes) and `relations.csv` (relationships), with the
//! header fields that command reads (`:ID`, `:LABEL`, `:START_ID`,
//! `:END_ID`, `:TYPE`, typed properties such as `weight:int`).
//!
//! For graphs users want to ask with Cypher at sizes one polgraph process
//! answers slowly. The import (README: "Scaling out"):
//!
//! ```text
//! neo4j-admin database import full --nodes=actors.csv --relationships=relations.csv \
//!     --array-delimiter=';' neo4j
//! ```
//!
//! Every node is labelled `Actor` and its type (`Person`, `Organization`,
//! `Place`); every relationship's type is its relation in capitals (`MET`,
//! `WORKS_FOR`). Lists are `string[]` properties separated by `;` (a `;`
//! inside an item becomes `,`). Cells are written as they are: a database is
//! no spreadsheet, so nothing is prefixed against formulas.

use crate::graph::ActorGraph;
use crate::model::ActorType;
use std::io::Write;

/// The nodes file's header: what `neo4j-admin` reads from each column.
pub const ACTORS_HEADER: [&str; 7] = [
    "name:ID",
    ":LABEL",
    "type",
    "mentions:int",
    "degree:int",
    "aliases:string[]",
    "docs:string[]",
];

/// The relationships file's header.
pub const RELATIONS_HEADER: [&str; 11] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "modality",
    "weight:int",
    "confidence:float",
    "symmetric:boolean",
    "docs:string[]",
    "first_date",
    "last_date",
    "evidence:string[]",
];

fn csv_err(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// Items joined by `;`, the array delimiter, each with its own `;` made `,`.
fn array<S: AsRef<str>>(out: &mut String, items: impl IntoIterator<Item = S>) {
    out.clear();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.extend(item.as_ref().chars().map(|c| if c == ';' { ',' } else { c }));
    }
}

fn label(ty: ActorType) -> &'static str {
    match ty {
        ActorType::Person => "Actor;Person",
        ActorType::Organization => "Actor;Organization",
        ActorType::Place => "Actor;Place",
    }
}

/// Writes `actors.csv`: one row per actor, the name its id.
pub fn write_actors(g: &ActorGraph, w: impl Write) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(ACTORS_HEADER).map_err(csv_err)?;
    let (mut aliases, mut docs) = (String::new(), String::new());
    for a in g.actor_ids() {
        let n = g.actor(a);
        array(&mut aliases, &n.aliases);
        array(&mut docs, n.docs.iter().map(|&d| g.doc(d)));
        out.write_record([
            n.name.as_str(),
            label(n.actor_type),
            n.actor_type.as_str(),
            &n.mentions.to_string(),
            &g.degree(a).to_string(),
            &aliases,
            &docs,
        ])
        .map_err(csv_err)?;
    }
    out.flush()
}

/// Writes `relations.csv`: one row per edge (a symmetric relation once, as
/// the graph holds it; Cypher matches it either way with `-[:MET]-`).
pub fn write_relations(g: &ActorGraph, w: impl Write) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(RELATIONS_HEADER).map_err(csv_err)?;
    let (mut docs, mut evidence) = (String::new(), String::new());
    for e in g.edges() {
        array(&mut docs, e.edge.docs.iter().map(|&d| g.doc(d)));
        array(&mut evidence, e.edge.evidence.iter().map(|ev| ev.sentence.as_str()));
        out.write_record([
            e.source.name.as_str(),
            e.target.name.as_str(),
            &e.edge.relation.as_str().to_uppercase(),
            e.edge.modality.as_str(),
            &e.edge.weight.to_string(),
            &format!("{:.2}", e.edge.confidence),
            if e.edge.relation.is_symmetric() {
                "true"
            } else {
                "false"
            },
            &docs,
            e.edge.first_date.as_deref().unwrap_or(""),
            e.edge.last_date.as_deref().unwrap_or(""),
            &evidence,
        ])
        .map_err(csv_err)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::triple;
    use crate::model::{DocExtraction, Modality, Relation};

    fn graph() -> ActorGraph {
        let mut t = triple("Steve Witkoff", Relation::Met, "Vladimir Putin", Modality::Fact);
        t.sentence = "Witkoff met Putin; they talked.".into();
        let doc = DocExtraction {
            doc: "d".into(),
            triples: vec![
                t,
                triple("Dmitry Peskov", Relation::WorksFor, "Kremlin", Modality::Fact),
            ],
            ..Default::default()
        };
        ActorGraph::build([doc], false)
    }

    fn rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
        csv::Reader::from_reader(bytes.as_slice())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn nodes_and_relationships_have_the_import_headers() {
        let g = graph();
        let mut actors = Vec::new();
        write_actors(&g, &mut actors).unwrap();
        let text = String::from_utf8(actors.clone()).unwrap();
        assert!(text.starts_with("name:ID,:LABEL,type,mentions:int,degree:int,aliases:string[],docs:string[]\n"));
        let nodes = rows(actors);
        assert_eq!(nodes.len(), g.actor_count());
        let kremlin = nodes.iter().find(|r| r[0] == "Kremlin").unwrap();
        assert_eq!(kremlin[1], "Actor;Place");
        let mut rels = Vec::new();
        write_relations(&g, &mut rels).unwrap();
        let text = String::from_utf8(rels.clone()).unwrap();
        assert!(text.starts_with(":START_ID,:END_ID,:TYPE,modality,weight:int,"));
        let rels = rows(rels);
        assert_eq!(rels.len(), g.edge_count());
        let met = rels.iter().find(|r| r[2] == "MET").unwrap();
        assert_eq!(met[6], "true");
        // The array delimiter inside an item is made harmless.
        assert_eq!(met[10], "Witkoff met Putin, they talked.");
        assert!(
            rels.iter()
                .any(|r| r[2] == "WORKS_FOR" && r[0] == "Dmitry Peskov" && r[1] == "Kremlin")
        );
        // Every relationship's ends are node ids.
        for r in &rels {
            assert!(nodes.iter().any(|n| n[0] == r[0]) && nodes.iter().any(|n| n[0] == r[1]));
        }
    }
}
