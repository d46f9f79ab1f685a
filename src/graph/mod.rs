//! The actor graph: one node per resolved actor, one edge per (subject,
//! relation, object, modality) with its weight and evidence. A petgraph
//! `DiGraph` inside; petgraph's indices never leave this module.
//!
//! Saved as node-link JSON and loaded back (the `json` module), so queries and exports
//! run on a saved graph without extracting again.

mod filter;
mod interner;
mod json;

pub use filter::GraphFilter;

use interner::Interner;

use crate::error::{Error, Result};
use crate::model::{ActorType, DocExtraction, Evidence, Modality, Relation};
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use std::collections::BTreeSet;
use std::sync::Arc;

/// The version of graph.json this polgraph writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// At most this many evidence sentences are kept per edge; `weight` counts all.
pub const MAX_EVIDENCE: usize = 10;

/// A document the graph was built from, by its place in the graph's table of
/// document ids ([`ActorGraph::doc`]). The table is in name order, so lists
/// of `DocId`s sort as the names do.
///
/// Why not the names themselves: a million-edge graph refers to documents
/// millions of times, and a 4-byte index costs neither an allocation nor a
/// shared reference count per reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(u32);

/// An actor in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Canonical name; also the node's id in every export.
    pub name: String,
    /// Person, organization or place.
    pub actor_type: ActorType,
    /// Other names the articles use for it.
    pub aliases: BTreeSet<String>,
    /// Mentions across all documents.
    pub mentions: usize,
    /// Documents that mention it, in name order, each once.
    pub docs: Vec<DocId>,
}

/// An edge's documents. Nearly every edge of a big graph is stated in one or
/// two documents, so up to four ids are held inline: a million edges then
/// need no million small allocations, and reading an edge's documents is no
/// jump to another part of the heap.
pub type EdgeDocs = smallvec::SmallVec<[DocId; 4]>;

/// A relation between two actors, aggregated over all the sentences stating it.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The relation.
    pub relation: Relation,
    /// How it is stated.
    pub modality: Modality,
    /// Number of sentences stating it (across documents).
    pub weight: usize,
    /// Highest confidence of any supporting triple.
    pub confidence: f32,
    /// Documents stating it, in name order, each once.
    pub docs: EdgeDocs,
    /// Earliest document date, when known.
    pub first_date: Option<Arc<str>>,
    /// Latest document date, when known.
    pub last_date: Option<Arc<str>>,
    /// Up to [`MAX_EVIDENCE`] supporting sentences: the first by document id
    /// and sentence, in that order, whatever order the documents came in.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// A placeholder left behind when an edge is moved out of a list.
    const EMPTY: Edge = Edge {
        relation: Relation::Met,
        modality: Modality::Fact,
        weight: 0,
        confidence: 0.0,
        docs: EdgeDocs::new_const(),
        first_date: None,
        last_date: None,
        evidence: Vec::new(),
    };
}

/// The actor graph.
///
/// Nodes are stored in name order (a build sorts them first; a saved graph
/// lists them so), so node indices compare like names and every listing is
/// deterministic with integer sorts only.
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    graph: DiGraph<Node, Edge>,
    /// Node names; a name's number is its node's index.
    by_name: Interner,
    documents: usize,
    /// Distinct document ids in name order; [`DocId`]s index it.
    doc_names: Vec<Arc<str>>,
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

pub(crate) type EdgeKey = (NodeIndex, Relation, NodeIndex, Modality);

impl ActorGraph {
    /// Builds the graph from extractions held in memory. Negated and
    /// hypothetical triples are left out unless `include_uncertain`.
    pub fn build(docs: impl IntoIterator<Item = DocExtraction>, include_uncertain: bool) -> Self {
        let mut b = GraphBuilder::new(include_uncertain);
        for mut d in docs {
            let actors = std::mem::take(&mut d.actors);
            b.add(d);
            for a in actors {
                b.actor_details(&a.name, a.mentions, a.aliases);
            }
        }
        b.finish()
    }

    /// Adds a node and its name to the index; nodes must come in name order.
    fn push_node(&mut self, node: Node) -> NodeIndex {
        let (i, new) = self.by_name.insert(&node.name);
        let n = self.graph.add_node(node);
        debug_assert!(new && i as usize == n.index(), "nodes come once each, in order");
        n
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of distinct relations (edges).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// A document's id (its file stem or JSONL `id`).
    pub fn doc(&self, id: DocId) -> &str {
        &self.doc_names[id.0 as usize]
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
        self.node_index(name).map(|n| ActorId(n.index()))
    }

    /// The node with exactly this name.
    fn node_index(&self, name: &str) -> Option<NodeIndex> {
        self.by_name.get(name).map(|i| NodeIndex::new(i as usize))
    }

    /// Every actor's degree, indexed by [`ActorId`]: one pass over the edges
    /// rather than one adjacency walk per actor.
    pub fn degrees(&self) -> Vec<usize> {
        let mut d = vec![0; self.graph.node_count()];
        for e in self.graph.raw_edges() {
            d[e.source().index()] += 1;
            d[e.target().index()] += 1;
        }
        d
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
    /// A name several actors answer to is the most connected of them
    /// ([`ActorGraph::lookup`] says which others there were).
    pub fn find(&self, query: &str) -> Result<ActorId> {
        self.lookup(query).map(|l| l.actor)
    }

    /// [`ActorGraph::find`], with the other actors the name could mean,
    /// most connected first: an exact full name (any case) is taken at
    /// once; an alias or surname several actors share ("Biden") is taken
    /// as the one with the most edges, so that a question has an answer,
    /// and the caller can say what else it might have meant.
    pub fn lookup(&self, query: &str) -> Result<Lookup> {
        let one = |actor| Lookup {
            actor,
            others: Vec::new(),
        };
        if let Some(id) = self.actor_id(query) {
            return Ok(one(id));
        }
        let q = fold(query);
        let ids = self.actor_ids();
        let exact: Vec<ActorId> = ids
            .iter()
            .copied()
            .filter(|&i| fold(&self.actor(i).name) == q)
            .collect();
        if let Some(&first) = exact.first() {
            return Ok(self.ranked(exact).unwrap_or(one(first)));
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
        let mut matching = alias;
        matching.extend(surname);
        if let Some(found) = self.ranked(matching) {
            return Ok(found);
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
}

/// An actor found by name, and the others the name could mean (most
/// connected first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    /// The actor taken.
    pub actor: ActorId,
    /// The other actors answering to the name, by degree, then name.
    pub others: Vec<ActorId>,
}

impl ActorGraph {
    /// The most connected of `ids` (ties: name order), with the rest.
    fn ranked(&self, mut ids: Vec<ActorId>) -> Option<Lookup> {
        ids.sort_unstable();
        ids.dedup();
        ids.sort_by_key(|&i| std::cmp::Reverse(self.degree(i)));
        let actor = *ids.first()?;
        ids.remove(0);
        Some(Lookup { actor, others: ids })
    }
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

/// Document ids numbered as they arrive, each held once. Both a build and a
/// load meet documents in no useful order; [`DocTable::finish`] puts the ids
/// in name order and says where each arrival number went.
#[derive(Debug, Default)]
pub(crate) struct DocTable {
    index: Interner,
    names: Vec<Arc<str>>,
}

impl DocTable {
    /// The arrival number of a document id, new ones numbered next.
    pub(crate) fn id(&mut self, name: &str) -> DocId {
        let (i, new) = self.index.insert(name);
        if new {
            self.names.push(Arc::from(name));
        }
        DocId(i)
    }

    /// The arrival number of a document id seen before.
    pub(crate) fn get(&self, name: &str) -> Option<DocId> {
        self.index.get(name).map(DocId)
    }

    /// The shared id of an arrival number.
    pub(crate) fn name(&self, id: DocId) -> &Arc<str> {
        &self.names[id.0 as usize]
    }

    /// The ids in name order, and the renumbering from arrival numbers to
    /// places in that order.
    pub(crate) fn finish(self) -> (Vec<Arc<str>>, Renumber) {
        let mut by_name: Vec<u32> = (0..self.names.len() as u32).collect();
        by_name.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        let mut rank = vec![0u32; self.names.len()];
        for (r, &i) in by_name.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let names = by_name.iter().map(|&i| self.names[i as usize].clone()).collect();
        (names, Renumber(rank))
    }
}

/// Arrival number -> place in name order, from [`DocTable::finish`].
pub(crate) struct Renumber(Vec<u32>);

impl Renumber {
    /// The place in name order of one arrival number.
    fn get(&self, d: DocId) -> DocId {
        DocId(self.0[d.0 as usize])
    }

    /// Renumbers a node's or edge's documents, leaving them sorted and each once
    /// (the same id may arrive twice: the same file stem in two folders).
    pub(crate) fn apply(&self, docs: &mut Vec<DocId>) {
        let kept = self.apply_slice(docs);
        docs.truncate(kept);
    }

    /// [`Renumber::apply`] for an edge's inline list.
    pub(crate) fn apply_edge(&self, docs: &mut EdgeDocs) {
        let kept = self.apply_slice(docs);
        docs.truncate(kept);
    }

    /// Renumbers, sorts and removes repeats in place; returns how many ids
    /// are kept at the front.
    fn apply_slice(&self, docs: &mut [DocId]) -> usize {
        for d in docs.iter_mut() {
            *d = self.get(*d);
        }
        if !docs.is_sorted() {
            docs.sort_unstable();
        }
        let mut kept = 0;
        for i in 0..docs.len() {
            if kept == 0 || docs[kept - 1] != docs[i] {
                docs[kept] = docs[i];
                kept += 1;
            }
        }
        kept
    }
}

/// Builds an [`ActorGraph`] one document at a time, so a corpus of any size
/// can stream through: what it holds is the graph itself (edges keep at most
/// [`MAX_EVIDENCE`] sentences), the documents' ids, and the triples of a few
/// batches on their way.
///
/// Actors, edges and documents are numbered as they come and put in order at
/// the end (actors and documents by name, edges by their ends). The result
/// does not depend on how documents were batched, so output is identical on
/// any number of threads.
///
/// Two stages, each owning its own tables, run at once on two cores when
/// the pool has them: `Actors` numbers each batch's actors and documents
/// (and frees what the graph does not keep of it) on the caller's thread,
/// while a thread of the builder's own puts the batches before onto their
/// edges (`Edges`). Each stage sees the triples in arrival order, so the
/// split changes no result, only the time.
#[derive(Debug)]
pub struct GraphBuilder {
    include_uncertain: bool,
    actors: Actors,
    placer: Placer,
    /// Documents waiting for the next batch, and their triples' count.
    pending: Vec<DocExtraction>,
    pending_triples: usize,
    details: FxHashMap<String, (usize, BTreeSet<String>)>,
}

/// A batch is numbered once it holds this many triples: enough that handing
/// it to the other thread is a small part of its work, few enough that it is
/// still in the cache when the other thread reads it.
const BATCH_TRIPLES: usize = 4096;

/// Batches numbered but not yet on their edges, at most. A few, so that a
/// slow batch on one side (the edge table growing, say) does not stop the
/// other.
const BATCHES_IN_FLIGHT: usize = 4;

/// Where numbered batches go onto their edges.
#[derive(Debug)]
enum Placer {
    /// On the caller's thread, as they come (a one-thread pool), or not
    /// started yet.
    Here(Edges),
    /// On a thread of its own, which gives the edges back when the channel
    /// closes. Emptied batches come back to be filled again.
    Thread {
        batches: std::sync::mpsc::SyncSender<Vec<Numbered>>,
        empties: std::sync::mpsc::Receiver<Vec<Numbered>>,
        edges: std::thread::JoinHandle<Edges>,
    },
}

impl Placer {
    /// An empty batch to fill.
    fn empty(&mut self) -> Vec<Numbered> {
        match self {
            Placer::Thread { empties, .. } => empties.try_recv().ok(),
            Placer::Here(_) => None,
        }
        .unwrap_or_else(|| Vec::with_capacity(BATCH_TRIPLES + 256))
    }

    /// Places a batch, or sends it to be placed. A build's first batch
    /// starts the thread if more are to come (a build of one batch is over
    /// sooner without).
    fn place(&mut self, mut batch: Vec<Numbered>, more_to_come: bool) {
        if let Placer::Here(edges) = self {
            // Only with nothing placed yet, so that a thread that cannot
            // start loses nothing.
            if more_to_come
                && edges.edges.is_empty()
                && rayon::current_num_threads() > 1
                && let Some(thread) = Placer::start()
            {
                *self = thread;
            }
        }
        let mut unsent = match self {
            Placer::Here(edges) => {
                edges.place(&mut batch);
                return;
            }
            Placer::Thread { batches, .. } => match batches.send(batch) {
                Ok(()) => return,
                Err(std::sync::mpsc::SendError(batch)) => batch,
            },
        };
        // The edge thread only stops early by panicking, and then `join`
        // passes the panic on; this is for the impossible rest.
        let mut edges = self.join();
        edges.place(&mut unsent);
        *self = Placer::Here(edges);
    }

    /// A thread placing batches as they arrive, if one can be started.
    fn start() -> Option<Placer> {
        let (batches, inbox) = std::sync::mpsc::sync_channel::<Vec<Numbered>>(BATCHES_IN_FLIGHT);
        let (outbox, empties) = std::sync::mpsc::channel();
        let edges = std::thread::Builder::new()
            .name("pg-edges".into())
            .spawn(move || {
                let mut edges = Edges::default();
                for mut batch in inbox {
                    edges.place(&mut batch);
                    // If the builder is gone the batch is simply freed.
                    let _ = outbox.send(batch);
                }
                edges
            })
            .ok()?;
        Some(Placer::Thread {
            batches,
            empties,
            edges,
        })
    }

    /// Every batch placed, and the edges.
    fn join(&mut self) -> Edges {
        match std::mem::replace(self, Placer::Here(Edges::default())) {
            Placer::Here(edges) => edges,
            Placer::Thread { batches, edges, .. } => {
                drop(batches);
                match edges.join() {
                    Ok(edges) => edges,
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        }
    }
}

/// The actor and document half of a build.
#[derive(Debug, Default)]
struct Actors {
    /// Actor names; a name's number is its place in `nodes`.
    ids: Interner,
    /// Until [`GraphBuilder::finish`], the `docs` of nodes are empty (see
    /// `node_docs`).
    nodes: Vec<Node>,
    /// The last document (arrival number) that named each node: a
    /// document's triples arrive together, so this dedups cheaply.
    last_doc: Vec<DocId>,
    /// Each (node, document) pair once per arrival of the document, in
    /// arrival order; [`GraphBuilder::finish`] turns them into the nodes'
    /// `docs`. Appending here instead of to each node's own list spares a
    /// jump to a list somewhere in the heap for each end of each triple.
    node_docs: Vec<(u32, DocId)>,
    /// Each distinct document id, made once and shared by the evidence that
    /// names it.
    docs: DocTable,
    documents: usize,
}

/// The edge half of a build. The `docs` of its edges hold documents by
/// arrival number (see [`DocTable`]) until [`GraphBuilder::finish`].
#[derive(Debug, Default)]
struct Edges {
    edges: Vec<(u32, u32, Edge)>,
    by_key: FxHashMap<(u32, Relation, u32, Modality), u32>,
}

/// A kept triple with its actors numbered: what [`Edges`] needs of it.
#[derive(Debug)]
struct Numbered {
    subject: u32,
    object: u32,
    relation: Relation,
    modality: Modality,
    confidence: f32,
    doc: DocId,
    doc_name: Arc<str>,
    date: Option<Arc<str>>,
    sentence_index: usize,
    sentence: String,
}

impl Actors {
    /// The node named `name`, made if new, and noted as named by document `doc`.
    fn node(&mut self, name: &str, ty: ActorType, doc: DocId) -> u32 {
        let (n, new) = self.ids.insert(name);
        if new {
            self.nodes.push(Node {
                name: name.to_string(),
                actor_type: ty,
                aliases: BTreeSet::new(),
                mentions: 0,
                docs: Vec::new(),
            });
            self.last_doc.push(DocId(u32::MAX));
        }
        if self.last_doc[n as usize] != doc {
            self.last_doc[n as usize] = doc;
            self.node_docs.push((n, doc));
        }
        n
    }

    /// Numbers the actors of `docs`' kept triples, in order, onto `out`.
    fn number(&mut self, docs: &mut Vec<DocExtraction>, include_uncertain: bool, out: &mut Vec<Numbered>) {
        for d in docs.drain(..) {
            self.documents += 1;
            let di = self.docs.id(&d.doc);
            let doc = self.docs.name(di).clone();
            let doc_date: Option<Arc<str>> = d.date.as_deref().map(Arc::from);
            for t in d
                .triples
                .into_iter()
                .filter(|t| include_uncertain || t.modality.is_asserted())
            {
                let (mut s, mut o) = (
                    self.node(&t.subject, t.subject_type, di),
                    self.node(&t.object, t.object_type, di),
                );
                if t.relation.is_symmetric() && t.object < t.subject {
                    std::mem::swap(&mut s, &mut o);
                }
                out.push(Numbered {
                    subject: s,
                    object: o,
                    relation: t.relation,
                    modality: t.modality,
                    confidence: t.confidence,
                    doc: di,
                    doc_name: doc.clone(),
                    date: t.date.as_deref().map(|date| match &doc_date {
                        Some(d) if &**d == date => d.clone(),
                        _ => Arc::from(date),
                    }),
                    sentence_index: t.sentence_index,
                    sentence: t.sentence,
                });
            }
        }
    }
}

impl Edges {
    /// Puts numbered triples onto their edges, emptying `triples`.
    fn place(&mut self, triples: &mut Vec<Numbered>) {
        for t in triples.drain(..) {
            let edges = &mut self.edges;
            let e = *self
                .by_key
                .entry((t.subject, t.relation, t.object, t.modality))
                .or_insert_with(|| {
                    edges.push((
                        t.subject,
                        t.object,
                        Edge {
                            relation: t.relation,
                            modality: t.modality,
                            ..Edge::EMPTY
                        },
                    ));
                    (edges.len() - 1) as u32
                });
            let edge = &mut self.edges[e as usize].2;
            if edge.docs.last() != Some(&t.doc) {
                edge.docs.push(t.doc);
            }
            edge.weight += 1;
            edge.confidence = edge.confidence.max(t.confidence);
            if let Some(date) = t.date {
                if edge.first_date.as_deref().is_none_or(|f| *date < *f) {
                    edge.first_date = Some(date.clone());
                }
                if edge.last_date.as_deref().is_none_or(|l| *date > *l) {
                    edge.last_date = Some(date);
                }
            }
            let evidence = Evidence {
                doc: t.doc_name,
                sentence_index: t.sentence_index,
                sentence: t.sentence,
            };
            if edge.evidence.len() < MAX_EVIDENCE {
                // Most edges have one sentence; a list grown from empty has
                // room for four.
                if edge.evidence.capacity() == 0 {
                    edge.evidence.reserve_exact(1);
                }
                edge.evidence.push(evidence);
            } else if let Some((last, kept)) = edge.evidence.iter().enumerate().max_by(|a, b| a.1.cmp(b.1))
                && evidence < *kept
            {
                // The first sentences by document and place, whatever order
                // the documents came in: a build of shards in any order
                // keeps the same ones (ARCHITECTURE: invariants).
                edge.evidence[last] = evidence;
            }
        }
    }
}

impl GraphBuilder {
    /// A builder that leaves negated and hypothetical triples out unless
    /// `include_uncertain`.
    pub fn new(include_uncertain: bool) -> Self {
        GraphBuilder {
            include_uncertain,
            actors: Actors::default(),
            placer: Placer::Here(Edges::default()),
            pending: Vec::new(),
            pending_triples: 0,
            details: FxHashMap::default(),
        }
    }

    /// Adds one document's triples (its actor list goes to [`Self::actor_details`]).
    /// Takes the document so that evidence sentences are moved, not copied
    /// (the caller drops each document after adding it anyway).
    pub fn add(&mut self, d: DocExtraction) {
        self.pending_triples += d.triples.len();
        self.pending.push(d);
        if self.pending_triples >= BATCH_TRIPLES {
            self.flush(true);
        }
    }

    /// Numbers the pending documents' actors and passes their triples on
    /// to be placed on edges.
    fn flush(&mut self, more_to_come: bool) {
        let mut batch = self.placer.empty();
        self.actors
            .number(&mut self.pending, self.include_uncertain, &mut batch);
        self.pending_triples = 0;
        self.placer.place(batch, more_to_come);
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

    /// The graph: nodes and documents in name order, edges in the order of
    /// [`ActorGraph::edges`].
    pub fn finish(mut self) -> ActorGraph {
        self.flush(false);
        let Edges { edges, by_key } = self.placer.join();
        drop(by_key);
        let (doc_names, renumber) = std::mem::take(&mut self.actors.docs).finish();
        let mut g = ActorGraph {
            documents: self.actors.documents,
            doc_names,
            ..Default::default()
        };
        // Names beside the numbers, so a comparison reads two names and not
        // first two nodes.
        let mut by_name: Vec<(&str, u32)> = (self.actors.nodes.iter().enumerate())
            .map(|(i, n)| (n.name.as_str(), i as u32))
            .collect();
        by_name.par_sort_unstable();
        let order: Vec<u32> = by_name.into_iter().map(|(_, i)| i).collect();
        let mut index = vec![NodeIndex::new(0); self.actors.nodes.len()];
        g.graph.reserve_nodes(self.actors.nodes.len());
        g.graph.reserve_edges(edges.len());
        g.by_name.reserve(self.actors.nodes.iter().map(|n| n.name.as_str()));
        for (new, &old) in order.iter().enumerate() {
            index[old as usize] = NodeIndex::new(new);
        }
        // Every node's documents at once, as (node, document) in the final
        // numbering, sorted: each node's run of them is its list, in name
        // order.
        let mut node_docs: Vec<u64> = std::mem::take(&mut self.actors.node_docs)
            .into_par_iter()
            .map(|(n, d)| (index[n as usize].index() as u64) << 32 | u64::from(renumber.get(d).0))
            .collect();
        node_docs.par_sort_unstable();
        node_docs.dedup();
        let mut runs = node_docs.chunk_by(|a, b| a >> 32 == b >> 32).peekable();
        let mut nodes: Vec<Option<Node>> = std::mem::take(&mut self.actors.nodes).into_iter().map(Some).collect();
        for (new, &old) in order.iter().enumerate() {
            let mut node = nodes[old as usize].take().expect("each node once");
            if let Some(run) = runs.next_if(|run| run[0] >> 32 == new as u64) {
                node.docs = run.iter().map(|&p| DocId(p as u32)).collect();
            }
            if let Some((mentions, aliases)) = self.details.remove(&node.name) {
                node.mentions = mentions;
                node.aliases = aliases;
            }
            g.push_node(node);
        }
        // Edges go in in the order every listing and export walks them, so
        // walking a million edges reads them front to back rather than at
        // random (saving and exporting took half the time).
        let mut edges = edges;
        let mut keyed: Vec<(EdgeKey, u32)> = edges
            .iter()
            .enumerate()
            .map(|(i, (s, o, e))| {
                (
                    (index[*s as usize], e.relation, index[*o as usize], e.modality),
                    i as u32,
                )
            })
            .collect();
        keyed.par_sort_unstable_by_key(|&(key, _)| key);
        edges.par_iter_mut().for_each(|(_, _, e)| {
            renumber.apply_edge(&mut e.docs);
            e.evidence.sort_unstable();
        });
        for ((s, _, o, _), i) in keyed {
            let edge = std::mem::replace(&mut edges[i as usize].2, Edge::EMPTY);
            g.graph.add_edge(s, o, edge);
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

    /// Renumbering leaves a list sorted and each id once, inline (up to
    /// four) or spilled to the heap, the same for nodes' and edges' lists.
    #[test]
    fn renumbering_sorts_and_drops_repeats() {
        let renumber = Renumber(vec![4, 3, 2, 1, 0, 2]);
        let ids = |v: &[u32]| v.iter().map(|&i| DocId(i)).collect::<Vec<_>>();
        for (input, expected) in [
            (vec![], vec![]),
            (vec![0], vec![4]),
            (vec![0, 1], vec![3, 4]),
            (vec![2, 5], vec![2]),
            (vec![5, 0, 1, 2, 3, 4, 4], vec![0, 1, 2, 3, 4]),
        ] {
            let mut node = ids(&input);
            renumber.apply(&mut node);
            let mut edge: EdgeDocs = ids(&input).into_iter().collect();
            renumber.apply_edge(&mut edge);
            assert_eq!(node, ids(&expected), "{input:?}");
            assert_eq!(edge.as_slice(), ids(&expected).as_slice(), "{input:?}");
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
        graph_of(triples)
    }

    /// The graph of one document's triples (certain ones only).
    fn graph_of(triples: Vec<Triple>) -> ActorGraph {
        let doc = DocExtraction {
            doc: "d".into(),
            triples,
            ..Default::default()
        };
        ActorGraph::build([doc], false)
    }

    /// Edges placed on a thread of their own, batch after batch, come out as
    /// those placed one by one on the caller's: same weights, same evidence
    /// in the same (document) order, cut at the same place.
    #[test]
    fn a_build_on_two_threads_equals_one_on_one() {
        // Few actors, so edges recur across batches and fill their evidence.
        let triples = 3 * BATCH_TRIPLES + 123;
        let docs = crate::synthetic::corpus(30, triples, 9);
        let build = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| ActorGraph::build(docs.clone(), true))
        };
        let json = |g: &ActorGraph| {
            let mut out = Vec::new();
            g.write_json(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let (one, two) = (build(1), build(2));
        assert!(json(&one) == json(&two), "graph.json differs between 1 and 2 threads");
        let edges = two.edges();
        assert_eq!(edges.iter().map(|e| e.edge.weight).sum::<usize>(), triples);
        assert!(edges.iter().any(|e| e.edge.weight > MAX_EVIDENCE));
        for e in edges {
            assert_eq!(e.edge.evidence.len(), e.edge.weight.min(MAX_EVIDENCE));
            assert!(e.edge.evidence.is_sorted_by(|a, b| a.doc <= b.doc));
        }
    }

    /// The documents' order changes nothing: not the nodes, the weights,
    /// nor which evidence an edge over [`MAX_EVIDENCE`] sentences keeps
    /// (the first by document and sentence), so shards built in any order
    /// give one graph.
    #[test]
    fn the_documents_order_changes_nothing() {
        let docs = crate::synthetic::corpus(40, 2 * BATCH_TRIPLES, 5);
        let json = |docs: Vec<DocExtraction>| {
            let mut out = Vec::new();
            ActorGraph::build(docs, true).write_json(&mut out).unwrap();
            out
        };
        let forward = json(docs.clone());
        let mut shuffled = docs.clone();
        shuffled.reverse();
        shuffled.rotate_left(7);
        assert!(forward == json(shuffled), "graph.json depends on the documents' order");
        let g = ActorGraph::build(docs, true);
        let edge = g
            .edges()
            .into_iter()
            .find(|e| e.edge.weight > MAX_EVIDENCE)
            .expect("a busy edge");
        assert_eq!(edge.edge.evidence.len(), MAX_EVIDENCE);
        assert!(edge.edge.evidence.is_sorted());
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
    fn find_by_name_alias_surname_and_suggest() {
        let g = sample();
        let putin = g.find("vladimir putin").unwrap();
        assert_eq!(g.find("Putin").unwrap(), putin);
        match g.find("Putni") {
            Err(Error::UnknownActor { suggestions, .. }) => assert_eq!(suggestions[0], "Vladimir Putin"),
            other => panic!("{other:?}"),
        }
    }

    /// A surname several people share means the most connected of them, and
    /// the others are named; a full name is taken as it is.
    #[test]
    fn an_ambiguous_name_is_the_most_connected_actor() {
        let triples = vec![
            triple("Joe Biden", Relation::Met, "Vladimir Putin", Modality::Fact),
            triple("Joe Biden", Relation::Visited, "Russia", Modality::Fact),
            triple("Joe Biden", Relation::Leads, "United States", Modality::Fact),
            triple("Hunter Biden", Relation::Met, "Vladimir Putin", Modality::Fact),
            triple("Jill Biden", Relation::Visited, "Russia", Modality::Fact),
            triple("Jill Biden", Relation::Met, "Hunter Biden", Modality::Fact),
        ];
        let g = graph_of(triples);
        let name = |i| g.actor(i).name.as_str();
        let l = g.lookup("biden").unwrap();
        assert_eq!(name(l.actor), "Joe Biden");
        let others: Vec<&str> = l.others.iter().map(|&i| name(i)).collect();
        assert_eq!(others, ["Hunter Biden", "Jill Biden"]);
        let l = g.lookup("Hunter Biden").unwrap();
        assert_eq!((name(l.actor), l.others.len()), ("Hunter Biden", 0));
    }
}
