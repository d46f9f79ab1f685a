//! The actor graph: one node per resolved actor, one edge per (subject,
//! relation, object, modality) with its weight and evidence. A petgraph
//! `DiGraph` inside; petgraph's indices never leave this module.
//!
//! Saved as node-link JSON (what networkx's `node_link_graph` and d3 read), and
//! loaded back, so queries and exports run on a saved graph without extracting
//! again.

use crate::error::{Error, Result};
use crate::model::{ActorType, DocExtraction, Evidence, Modality, Relation};
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The version of graph.json this polgraph writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// At most this many evidence sentences are kept per edge; `weight` counts all.
pub const MAX_EVIDENCE: usize = 10;

/// An actor in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Canonical name; also the node's id in every export.
    #[serde(rename = "id")]
    pub name: String,
    /// Person, organization or place.
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    /// Other names the articles use for it.
    #[serde(default)]
    pub aliases: BTreeSet<String>,
    /// Mentions across all documents.
    #[serde(default)]
    pub mentions: usize,
    /// Documents that mention it.
    #[serde(default)]
    pub docs: BTreeSet<String>,
}

/// A relation between two actors, aggregated over all the sentences stating it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The relation.
    pub relation: Relation,
    /// How it is stated.
    pub modality: Modality,
    /// Number of sentences stating it (across documents).
    pub weight: usize,
    /// Highest confidence of any supporting triple.
    pub confidence: f32,
    /// Documents stating it.
    pub docs: BTreeSet<String>,
    /// Earliest document date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_date: Option<String>,
    /// Latest document date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_date: Option<String>,
    /// Up to [`MAX_EVIDENCE`] supporting sentences, in document order.
    pub evidence: Vec<Evidence>,
}

/// The actor graph.
///
/// Nodes are stored in name order (a build sorts them first; a saved graph
/// lists them so), so node indices compare like names and every listing is
/// deterministic with integer sorts only.
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    graph: DiGraph<Node, Edge>,
    by_name: FxHashMap<String, NodeIndex>,
    documents: usize,
}

/// An actor, by its position in the graph; stable for one graph value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(usize);

/// An edge as seen from outside: its ends by name, and its data.
#[derive(Debug, Clone, Copy)]
pub struct EdgeView<'g> {
    /// Subject.
    pub source: &'g Node,
    /// Object.
    pub target: &'g Node,
    /// Subject id.
    pub source_id: ActorId,
    /// Object id.
    pub target_id: ActorId,
    /// The edge.
    pub edge: &'g Edge,
}

type EdgeKey = (NodeIndex, Relation, NodeIndex, Modality);

impl ActorGraph {
    /// Builds the graph from extractions held in memory. Negated and
    /// hypothetical triples are left out unless `include_uncertain`.
    pub fn build(docs: &[DocExtraction], include_uncertain: bool) -> Self {
        let mut b = GraphBuilder::new(include_uncertain);
        for d in docs {
            b.add(d);
            for a in &d.actors {
                b.actor_details(&a.name, a.mentions, a.aliases.iter().cloned());
            }
        }
        b.finish()
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of distinct relations (edges).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of documents the graph was built from.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// Every actor id, in name order.
    pub fn actor_ids(&self) -> Vec<ActorId> {
        self.graph.node_indices().map(|n| ActorId(n.index())).collect()
    }

    /// An actor's data.
    pub fn actor(&self, id: ActorId) -> &Node {
        &self.graph[NodeIndex::new(id.0)]
    }

    /// The actor with exactly this canonical name.
    pub fn actor_id(&self, name: &str) -> Option<ActorId> {
        self.by_name.get(name).map(|n| ActorId(n.index()))
    }

    /// Number of edges touching an actor, in either direction.
    pub fn degree(&self, id: ActorId) -> usize {
        let n = NodeIndex::new(id.0);
        self.graph.edges_directed(n, Direction::Outgoing).count()
            + self.graph.edges_directed(n, Direction::Incoming).count()
    }

    /// The distinct actors directly connected to `id` (either direction) by an
    /// edge that `keep` accepts, in name order. Cheap: no names are compared.
    pub fn neighbor_ids(&self, id: ActorId, mut keep: impl FnMut(&Edge) -> bool) -> Vec<ActorId> {
        let n = NodeIndex::new(id.0);
        let mut v: Vec<ActorId> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.target(), e.weight()))
            .chain(
                self.graph
                    .edges_directed(n, Direction::Incoming)
                    .map(|e| (e.source(), e.weight())),
            )
            .filter(|(other, e)| *other != n && keep(e))
            .map(|(other, _)| ActorId(other.index()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn view(&self, e: EdgeIndex) -> EdgeView<'_> {
        let (s, o) = self.graph.edge_endpoints(e).expect("edge index from this graph");
        EdgeView {
            source: &self.graph[s],
            target: &self.graph[o],
            source_id: ActorId(s.index()),
            target_id: ActorId(o.index()),
            edge: &self.graph[e],
        }
    }

    fn sort_views(v: &mut [EdgeView<'_>]) {
        v.sort_unstable_by_key(|e| (e.source_id, e.edge.relation, e.target_id, e.edge.modality));
    }

    /// Every edge, sorted by (source, relation, target, modality).
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView> = self.graph.edge_indices().map(|e| self.view(e)).collect();
        Self::sort_views(&mut v);
        v
    }

    /// The edges touching an actor, either way, sorted like [`ActorGraph::edges`].
    pub fn edges_of(&self, id: ActorId) -> Vec<EdgeView<'_>> {
        let n = NodeIndex::new(id.0);
        let mut v: Vec<EdgeView> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .map(|e| self.view(e.id()))
            .collect();
        Self::sort_views(&mut v);
        v.dedup_by(|a, b| std::ptr::eq(a.edge, b.edge));
        v
    }

    /// Finds an actor by what a user types: the canonical name, an alias or a
    /// surname, case-insensitively. An unknown name gets close suggestions.
    pub fn find(&self, query: &str) -> Result<ActorId> {
        if let Some(id) = self.actor_id(query) {
            return Ok(id);
        }
        let q = fold(query);
        let ids = self.actor_ids();
        let exact: Vec<ActorId> = ids
            .iter()
            .copied()
            .filter(|&i| fold(&self.actor(i).name) == q)
            .collect();
        if let [one] = exact.as_slice() {
            return Ok(*one);
        }
        let alias: Vec<ActorId> = ids
            .iter()
            .copied()
            .filter(|&i| self.actor(i).aliases.iter().any(|a| fold(a) == q))
            .collect();
        let surname: Vec<ActorId> = ids
            .iter()
            .copied()
            .filter(|&i| {
                let n = self.actor(i);
                n.actor_type == ActorType::Person && n.name.split_whitespace().last().is_some_and(|s| fold(s) == q)
            })
            .collect();
        for set in [alias, surname] {
            match set.as_slice() {
                [one] => return Ok(*one),
                [] => {}
                many => {
                    return Err(Error::UnknownActor {
                        name: query.to_string(),
                        suggestions: many.iter().map(|&i| self.actor(i).name.clone()).collect(),
                    });
                }
            }
        }
        let mut scored: Vec<(usize, String)> = ids
            .iter()
            .map(|&i| {
                let name = &self.actor(i).name;
                // Against the whole name, each of its words, and each alias.
                let d = std::iter::once(name.as_str())
                    .chain(name.split_whitespace())
                    .chain(self.actor(i).aliases.iter().map(String::as_str))
                    .map(|n| edit_distance(&fold(n), &q))
                    .min()
                    .unwrap_or(usize::MAX);
                (d, name.clone())
            })
            .filter(|(d, name)| *d <= (q.chars().count() / 3).max(2) || fold(name).contains(&q))
            .collect();
        scored.sort();
        Err(Error::UnknownActor {
            name: query.to_string(),
            suggestions: scored.into_iter().take(3).map(|(_, n)| n).collect(),
        })
    }

    /// Writes the graph as node-link JSON, one node or link per line (readable,
    /// diff-friendly, and fast to write for a million edges).
    pub fn write_json(&self, w: impl std::io::Write) -> Result<(), serde_json::Error> {
        use std::io::Write;
        let io = serde_json::Error::io;
        // serde_json writes in small pieces: a concrete buffer in front of the
        // caller's writer (often a `dyn Write`) keeps each piece a memcpy.
        let mut w = std::io::BufWriter::with_capacity(1 << 20, w);
        let meta = GraphMeta {
            generator: format!("polgraph {}", env!("CARGO_PKG_VERSION")),
            schema_version: SCHEMA_VERSION,
            documents: self.documents,
        };
        w.write_all(b"{\"directed\": true, \"multigraph\": true, \"graph\": ")
            .map_err(io)?;
        serde_json::to_writer(&mut w, &meta)?;
        w.write_all(b",\n\"nodes\": [").map_err(io)?;
        for (i, id) in self.actor_ids().into_iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" }).map_err(io)?;
            serde_json::to_writer(
                &mut w,
                &NodeOut {
                    node: self.actor(id),
                    degree: self.degree(id),
                },
            )?;
        }
        w.write_all(b"\n],\n\"links\": [").map_err(io)?;
        for (i, e) in self.edges().into_iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" }).map_err(io)?;
            let link = LinkOut {
                source: &e.source.name,
                target: &e.target.name,
                key: format!("{}/{}", e.edge.relation, e.edge.modality),
                symmetric: e.edge.relation.is_symmetric(),
                edge: e.edge,
            };
            serde_json::to_writer(&mut w, &link)?;
        }
        w.write_all(b"\n]}\n").map_err(io)?;
        w.flush().map_err(io)
    }

    /// Reads a graph written by [`ActorGraph::write_json`]; `path` names the file in errors.
    pub fn read_json(mut r: impl std::io::Read, path: &Path) -> Result<Self> {
        let bad = |message: String| Error::BadGraph {
            path: path.to_path_buf(),
            message,
        };
        let mut text = Vec::new();
        r.read_to_end(&mut text).map_err(|e| Error::io(path, e))?;
        let doc: GraphIn = match serde_json::from_slice(&text) {
            Ok(doc) => doc,
            Err(e) => {
                // Say why: not JSON, another schema version, or a malformed graph.
                let value: serde_json::Value =
                    serde_json::from_slice(&text).map_err(|_| bad(format!("not a polgraph graph.json ({e})")))?;
                let version = value
                    .get("graph")
                    .and_then(|g| g.get("schema_version"))
                    .and_then(|v| v.as_u64());
                return Err(match version {
                    None => bad("not a polgraph graph.json (no graph.schema_version)".into()),
                    Some(v) if v != u64::from(SCHEMA_VERSION) => bad(format!(
                        "written with graph schema version {v}; this polgraph reads version {SCHEMA_VERSION}: rebuild it with `polgraph build`"
                    )),
                    Some(_) => bad(format!("malformed graph.json: {e}")),
                });
            }
        };
        if doc.graph.schema_version != SCHEMA_VERSION {
            return Err(bad(format!(
                "written with graph schema version {}; this polgraph reads version {SCHEMA_VERSION}: rebuild it with `polgraph build`",
                doc.graph.schema_version
            )));
        }
        let mut g = ActorGraph {
            documents: doc.graph.documents,
            ..Default::default()
        };
        let mut nodes = doc.nodes;
        // Name order, whatever order the file lists them in.
        nodes.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        for pair in nodes.windows(2) {
            if pair[0].name == pair[1].name {
                return Err(bad(format!("node {:?} appears twice", pair[0].name)));
            }
        }
        g.by_name.reserve(nodes.len());
        for n in nodes {
            let name = n.name.clone();
            let idx = g.graph.add_node(n);
            g.by_name.insert(name, idx);
        }
        let mut by_key: FxHashMap<EdgeKey, EdgeIndex> = FxHashMap::default();
        for l in doc.links {
            let find = |name: &str| {
                g.by_name
                    .get(name)
                    .copied()
                    .ok_or_else(|| bad(format!("link refers to unknown node {name:?}")))
            };
            let (s, o) = (find(&l.source)?, find(&l.target)?);
            let key = (s, l.edge.relation, o, l.edge.modality);
            if by_key.contains_key(&key) {
                return Err(bad(format!(
                    "link {} -{}-> {} appears twice",
                    l.source, l.edge.relation, l.target
                )));
            }
            let e = g.graph.add_edge(s, o, l.edge);
            by_key.insert(key, e);
        }
        Ok(g)
    }
}

#[derive(Serialize, Deserialize)]
struct GraphMeta {
    generator: String,
    schema_version: u32,
    documents: usize,
}

#[derive(Serialize)]
struct NodeOut<'a> {
    #[serde(flatten)]
    node: &'a Node,
    degree: usize,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    source: &'a str,
    target: &'a str,
    key: String,
    symmetric: bool,
    #[serde(flatten)]
    edge: &'a Edge,
}

#[derive(Deserialize)]
struct GraphIn {
    graph: GraphMeta,
    nodes: Vec<Node>,
    links: Vec<LinkIn>,
}

#[derive(Deserialize)]
struct LinkIn {
    source: String,
    target: String,
    #[serde(flatten)]
    edge: Edge,
}

/// Case- and accent-insensitive form of a name for matching what users type.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '.' | '\'' | '\u{2019}'))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Builds an [`ActorGraph`] one document at a time, so a corpus of any size
/// can stream through: what it holds is the graph itself (edges keep at most
/// [`MAX_EVIDENCE`] sentences) plus the documents' ids.
///
/// Actors are numbered as they come and put in name order at the end; edges
/// keep their first-seen order. The result does not depend on how documents
/// were batched, so output is identical on any number of threads.
#[derive(Debug)]
pub struct GraphBuilder {
    include_uncertain: bool,
    ids: FxHashMap<String, u32>,
    nodes: Vec<Node>,
    /// Documents per node and per edge, by document index; a document's
    /// triples arrive together, so "last document seen" dedups cheaply.
    node_docs: Vec<Vec<u32>>,
    edges: Vec<(u32, u32, Edge)>,
    edge_docs: Vec<Vec<u32>>,
    by_key: FxHashMap<(u32, Relation, u32, Modality), u32>,
    doc_ids: Vec<String>,
    details: FxHashMap<String, (usize, BTreeSet<String>)>,
}

impl GraphBuilder {
    /// A builder that leaves negated and hypothetical triples out unless
    /// `include_uncertain`.
    pub fn new(include_uncertain: bool) -> Self {
        GraphBuilder {
            include_uncertain,
            ids: FxHashMap::default(),
            nodes: Vec::new(),
            node_docs: Vec::new(),
            edges: Vec::new(),
            edge_docs: Vec::new(),
            by_key: FxHashMap::default(),
            doc_ids: Vec::new(),
            details: FxHashMap::default(),
        }
    }

    fn node(&mut self, name: &str, ty: ActorType) -> u32 {
        if let Some(&n) = self.ids.get(name) {
            return n;
        }
        let n = self.nodes.len() as u32;
        self.nodes.push(Node {
            name: name.to_string(),
            actor_type: ty,
            aliases: BTreeSet::new(),
            mentions: 0,
            docs: BTreeSet::new(),
        });
        self.node_docs.push(Vec::new());
        self.ids.insert(name.to_string(), n);
        n
    }

    /// Adds one document's triples (its actor list goes to [`Self::actor_details`]).
    pub fn add(&mut self, d: &DocExtraction) {
        let di = self.doc_ids.len() as u32;
        self.doc_ids.push(d.doc.clone());
        let include_uncertain = self.include_uncertain;
        for t in d
            .triples
            .iter()
            .filter(|t| include_uncertain || t.modality.is_asserted())
        {
            let (mut s, mut o) = (
                self.node(&t.subject, t.subject_type),
                self.node(&t.object, t.object_type),
            );
            if t.relation.is_symmetric() && t.object < t.subject {
                std::mem::swap(&mut s, &mut o);
            }
            for n in [s, o] {
                let docs = &mut self.node_docs[n as usize];
                if docs.last() != Some(&di) {
                    docs.push(di);
                }
            }
            let edges = &mut self.edges;
            let edge_docs = &mut self.edge_docs;
            let e = *self.by_key.entry((s, t.relation, o, t.modality)).or_insert_with(|| {
                edges.push((
                    s,
                    o,
                    Edge {
                        relation: t.relation,
                        modality: t.modality,
                        weight: 0,
                        confidence: 0.0,
                        docs: BTreeSet::new(),
                        first_date: None,
                        last_date: None,
                        evidence: Vec::new(),
                    },
                ));
                edge_docs.push(Vec::new());
                (edges.len() - 1) as u32
            });
            let docs = &mut self.edge_docs[e as usize];
            if docs.last() != Some(&di) {
                docs.push(di);
            }
            let edge = &mut self.edges[e as usize].2;
            edge.weight += 1;
            edge.confidence = edge.confidence.max(t.confidence);
            if let Some(date) = &t.date {
                if edge.first_date.as_ref().is_none_or(|f| date < f) {
                    edge.first_date = Some(date.clone());
                }
                if edge.last_date.as_ref().is_none_or(|l| date > l) {
                    edge.last_date = Some(date.clone());
                }
            }
            if edge.evidence.len() < MAX_EVIDENCE {
                edge.evidence.push(t.evidence());
            }
        }
    }

    /// Records mentions and aliases of an actor, from any document: they
    /// reach its node if it becomes one.
    pub fn actor_details(&mut self, name: &str, mentions: usize, aliases: impl IntoIterator<Item = String>) {
        let entry = match self.details.get_mut(name) {
            Some(e) => e,
            None => self.details.entry(name.to_string()).or_default(),
        };
        entry.0 += mentions;
        entry.1.extend(aliases.into_iter().filter(|a| a != name));
    }

    /// The graph: nodes in name order, edges in first-seen order.
    pub fn finish(mut self) -> ActorGraph {
        let mut order: Vec<u32> = (0..self.nodes.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.nodes[a as usize].name.cmp(&self.nodes[b as usize].name));
        let mut index = vec![NodeIndex::new(0); self.nodes.len()];
        let mut g = ActorGraph {
            documents: self.doc_ids.len(),
            ..Default::default()
        };
        g.graph.reserve_nodes(self.nodes.len());
        g.graph.reserve_edges(self.edges.len());
        g.by_name.reserve(self.nodes.len());
        let doc_ids = std::mem::take(&mut self.doc_ids);
        let doc_names =
            |ids: &[u32]| -> BTreeSet<String> { ids.iter().map(|&i| doc_ids[i as usize].clone()).collect() };
        let mut nodes: Vec<Option<Node>> = std::mem::take(&mut self.nodes).into_iter().map(Some).collect();
        for &old in &order {
            let mut node = nodes[old as usize].take().expect("each node once");
            node.docs = doc_names(&self.node_docs[old as usize]);
            if let Some((mentions, aliases)) = self.details.remove(&node.name) {
                node.mentions = mentions;
                node.aliases = aliases;
            }
            let name = node.name.clone();
            let n = g.graph.add_node(node);
            g.by_name.insert(name, n);
            index[old as usize] = n;
        }
        for (i, (s, o, mut edge)) in std::mem::take(&mut self.edges).into_iter().enumerate() {
            edge.docs = doc_names(&self.edge_docs[i]);
            g.graph.add_edge(index[s as usize], index[o as usize], edge);
        }
        g
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Triple;

    pub(crate) fn triple(s: &str, r: Relation, o: &str, m: Modality) -> Triple {
        let ty = |n: &str| {
            if n.contains(' ') {
                ActorType::Person
            } else {
                ActorType::Place
            }
        };
        Triple {
            doc: "d".into(),
            subject: s.into(),
            subject_type: ty(s),
            relation: r,
            object: o.into(),
            object_type: ty(o),
            modality: m,
            sentence: format!("{s} {r} {o}."),
            sentence_index: 1,
            date: Some("2025-04-22".into()),
            confidence: 0.8,
            rule: "test".into(),
        }
    }

    pub(crate) fn sample() -> ActorGraph {
        let triples = vec![
            triple("Steve Witkoff", Relation::Met, "Vladimir Putin", Modality::Fact),
            triple("Vladimir Putin", Relation::Met, "Steve Witkoff", Modality::Fact),
            triple("Vladimir Putin", Relation::Leads, "Russia", Modality::Fact),
            triple("Kirill Dmitriev", Relation::Met, "Steve Witkoff", Modality::Fact),
            triple("Steve Witkoff", Relation::Visited, "Russia", Modality::Planned),
            triple(
                "Steve Witkoff",
                Relation::Met,
                "Volodymyr Zelensky",
                Modality::Hypothetical,
            ),
        ];
        let doc = DocExtraction {
            doc: "d".into(),
            triples,
            ..Default::default()
        };
        ActorGraph::build(&[doc], false)
    }

    #[test]
    fn build_merges_symmetric_edges_and_leaves_out_uncertain_ones() {
        let g = sample();
        assert_eq!(g.actor_count(), 4);
        let met: Vec<_> = g
            .edges()
            .into_iter()
            .filter(|e| e.edge.relation == Relation::Met)
            .collect();
        assert_eq!(met.len(), 2);
        let putin = met.iter().find(|e| e.target.name == "Vladimir Putin").unwrap();
        assert_eq!((putin.source.name.as_str(), putin.edge.weight), ("Steve Witkoff", 2));
        assert!(g.actor_id("Volodymyr Zelensky").is_none());
    }

    #[test]
    fn json_round_trips() {
        let g = sample();
        let mut buf = Vec::new();
        g.write_json(&mut buf).unwrap();
        let back = ActorGraph::read_json(buf.as_slice(), Path::new("g.json")).unwrap();
        let mut again = Vec::new();
        back.write_json(&mut again).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), String::from_utf8(again).unwrap());
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

    #[test]
    fn find_by_name_alias_surname_and_suggest() {
        let g = sample();
        let putin = g.find("vladimir putin").unwrap();
        assert_eq!(g.find("Putin").unwrap(), putin);
        match g.find("Putni") {
            Err(Error::UnknownActor { suggestions, .. }) => assert_eq!(suggestions[0], "Vladimir Putin"),
            other => panic!("{other:?}"),
        }
    }
}
