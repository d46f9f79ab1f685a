//! Questions asked of a graph: how are two actors connected, who is an actor
//! connected to, who is connected to whom, who is most central.
//!
//! Connections ignore edge direction (a path may go against a relation's
//! direction; each hop says which way it goes). Every result is sorted so the
//! same graph always gives the same answer.

use crate::graph::{ActorGraph, ActorId, EdgeView};
use crate::model::Relation;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashSet};

/// Which edges a query may use.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these relations (empty: all).
    pub relations: Vec<Relation>,
}

impl Filter {
    fn allows(&self, e: &EdgeView) -> bool {
        self.allows_edge(e.edge)
    }

    fn allows_edge(&self, e: &crate::graph::Edge) -> bool {
        self.relations.is_empty() || self.relations.contains(&e.relation)
    }
}

/// One step of a path: an edge, walked from `from` to `to`.
#[derive(Debug, Clone, Copy)]
pub struct Hop<'g> {
    /// Where the step starts.
    pub from: ActorId,
    /// Where it ends.
    pub to: ActorId,
    /// The edge walked (the best supported one between the two, if several).
    pub edge: EdgeView<'g>,
    /// Whether the step follows the edge's direction (subject to object).
    pub forward: bool,
}

/// The edges between `x` and `y` that the filter allows, best supported first.
fn edges_between<'g>(g: &'g ActorGraph, x: ActorId, y: ActorId, f: &Filter) -> Vec<EdgeView<'g>> {
    let mut v: Vec<EdgeView> = g
        .edges_of(x)
        .into_iter()
        .filter(|e| f.allows(e) && ((e.source_id == x && e.target_id == y) || (e.source_id == y && e.target_id == x)))
        .collect();
    v.sort_by(|a, b| {
        (b.edge.modality.is_asserted(), b.edge.weight, a.edge.relation).cmp(&(
            a.edge.modality.is_asserted(),
            a.edge.weight,
            b.edge.relation,
        ))
    });
    v
}

fn neighbours(g: &ActorGraph, x: ActorId, f: &Filter) -> Vec<ActorId> {
    g.neighbor_ids(x, |e| f.allows_edge(e))
}

fn hops<'g>(g: &'g ActorGraph, nodes: &[ActorId], f: &Filter) -> Vec<Hop<'g>> {
    nodes
        .windows(2)
        .map(|w| {
            let edge = edges_between(g, w[0], w[1], f)[0];
            Hop {
                from: w[0],
                to: w[1],
                edge,
                forward: edge.source_id == w[0],
            }
        })
        .collect()
}

/// The shortest path from `a` to `b` of at most `max_hops` steps, if any.
///
/// Bidirectional breadth-first search: each step grows the smaller frontier, so
/// a path through a hub is found without visiting the hub's whole neighbourhood.
/// Among equally short paths the one through the smallest meeting actor (in name
/// order) wins, so the answer is deterministic.
pub fn shortest_path<'g>(
    g: &'g ActorGraph,
    a: ActorId,
    b: ActorId,
    max_hops: usize,
    f: &Filter,
) -> Option<Vec<Hop<'g>>> {
    if a == b {
        return Some(Vec::new());
    }
    // For each side: actor -> (parent towards that side's start, depth).
    let mut seen: [FxHashMap<ActorId, (ActorId, usize)>; 2] = [FxHashMap::default(), FxHashMap::default()];
    seen[0].insert(a, (a, 0));
    seen[1].insert(b, (b, 0));
    let mut frontier = [vec![a], vec![b]];
    let mut depth = [0usize; 2];
    while depth[0] + depth[1] < max_hops && !frontier[0].is_empty() && !frontier[1].is_empty() {
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let other = 1 - side;
        let mut next = Vec::new();
        let mut best: Option<(usize, ActorId)> = None;
        for &x in &frontier[side] {
            for y in neighbours(g, x, f) {
                if seen[side].contains_key(&y) {
                    continue;
                }
                seen[side].insert(y, (x, depth[side] + 1));
                next.push(y);
                if let Some(&(_, d)) = seen[other].get(&y) {
                    let total = depth[side] + 1 + d;
                    if total <= max_hops && best.is_none_or(|(t, m)| (total, y) < (t, m)) {
                        best = Some((total, y));
                    }
                }
            }
        }
        if let Some((_, meet)) = best {
            let walk = |s: usize| {
                let mut v = vec![meet];
                let mut cur = meet;
                while let Some(&(p, _)) = seen[s].get(&cur) {
                    if p == cur {
                        break;
                    }
                    v.push(p);
                    cur = p;
                }
                v
            };
            let mut nodes = walk(0);
            nodes.reverse();
            nodes.extend(walk(1).into_iter().skip(1));
            return Some(hops(g, &nodes, f));
        }
        next.sort_unstable();
        frontier[side] = next;
        depth[side] += 1;
    }
    None
}

/// All simple paths from `a` to `b` of at most `max_hops` steps, shortest first,
/// at most `limit` of them.
pub fn all_paths<'g>(
    g: &'g ActorGraph,
    a: ActorId,
    b: ActorId,
    max_hops: usize,
    limit: usize,
    f: &Filter,
) -> Vec<Vec<Hop<'g>>> {
    let mut found: Vec<Vec<ActorId>> = Vec::new();
    let mut stack = vec![a];
    fn dfs(
        g: &ActorGraph,
        b: ActorId,
        max: usize,
        f: &Filter,
        stack: &mut Vec<ActorId>,
        found: &mut Vec<Vec<ActorId>>,
        budget: &mut usize,
    ) {
        if *budget == 0 {
            return;
        }
        let x = *stack.last().expect("stack starts non-empty");
        if x == b {
            found.push(stack.clone());
            *budget -= 1;
            return;
        }
        if stack.len() > max {
            return;
        }
        for y in neighbours(g, x, f) {
            if !stack.contains(&y) {
                stack.push(y);
                dfs(g, b, max, f, stack, found, budget);
                stack.pop();
            }
        }
    }
    // Enumerate generously, then keep the shortest `limit`.
    let mut budget = limit.saturating_mul(20).max(limit);
    dfs(g, b, max_hops, f, &mut stack, &mut found, &mut budget);
    // Shortest first, then by the names along the way (ids are in name order).
    found.sort_by(|x, y| x.len().cmp(&y.len()).then_with(|| x.cmp(y)));
    found.truncate(limit);
    found.iter().map(|p| hops(g, p, f)).collect()
}

/// An actor reached from the queried one.
#[derive(Debug, Clone)]
pub struct Neighbour<'g> {
    /// The actor.
    pub actor: ActorId,
    /// Steps from the queried actor.
    pub distance: usize,
    /// The actor it was reached from.
    pub via: ActorId,
    /// The edges between `via` and `actor`.
    pub edges: Vec<EdgeView<'g>>,
}

/// Who `a` is connected to, up to `depth` steps away, nearest first, then by name.
pub fn neighbors<'g>(g: &'g ActorGraph, a: ActorId, depth: usize, f: &Filter) -> Vec<Neighbour<'g>> {
    let mut out = Vec::new();
    let mut seen = HashSet::from([a]);
    let mut layer = vec![a];
    for d in 1..=depth {
        let mut next = Vec::new();
        for &x in &layer {
            for y in neighbours(g, x, f) {
                if seen.insert(y) {
                    out.push(Neighbour {
                        actor: y,
                        distance: d,
                        via: x,
                        edges: edges_between(g, x, y, f),
                    });
                    next.push(y);
                }
            }
        }
        layer = next;
    }
    // Ids are in name order.
    out.sort_by_key(|x| (x.distance, x.actor));
    out
}

/// Two actors and everything connecting them directly.
#[derive(Debug, Clone)]
pub struct Pair<'g> {
    /// The first, alphabetically.
    pub a: ActorId,
    /// The second.
    pub b: ActorId,
    /// The edges between them.
    pub edges: Vec<EdgeView<'g>>,
    /// Sum of the edges' weights.
    pub weight: usize,
}

/// How to order pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairOrder {
    /// Most supported first.
    Weight,
    /// Alphabetical.
    Name,
}

/// Every pair of directly connected actors.
pub fn pairs<'g>(g: &'g ActorGraph, f: &Filter, order: PairOrder) -> Vec<Pair<'g>> {
    let mut by_pair: BTreeMap<(ActorId, ActorId), Pair> = BTreeMap::new();
    for e in g.edges().into_iter().filter(|e| f.allows(e)) {
        // Ids are in name order, so (a, b) is alphabetical.
        let (a, b) = (e.source_id.min(e.target_id), e.source_id.max(e.target_id));
        let p = by_pair.entry((a, b)).or_insert_with(|| Pair {
            a,
            b,
            edges: Vec::new(),
            weight: 0,
        });
        p.weight += e.edge.weight;
        p.edges.push(e);
    }
    let mut v: Vec<Pair> = by_pair.into_values().collect();
    if order == PairOrder::Weight {
        v.sort_by_key(|x| std::cmp::Reverse(x.weight)); // stable: ties stay alphabetical
    }
    v
}

/// How central each actor is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Centrality {
    /// The actor.
    pub actor: ActorId,
    /// Relations (edges) touching it, as in nodes.csv and the build's
    /// summary: one figure called degree everywhere.
    pub degree: usize,
    /// Distinct actors it is directly connected to.
    pub neighbours: usize,
    /// Brandes betweenness on the undirected graph, normalised to 0..1.
    pub betweenness: f64,
}

/// Degree and betweenness of every actor, most central (by `by_betweenness` or
/// degree) first.
///
/// Betweenness is exact (Brandes 2001, unweighted), O(actors × edges): one
/// breadth-first search per actor, with no allocation per search, spread over
/// the cores in fixed blocks of sources whose sums are added in block order,
/// so the figures are the same whatever the number of cores.
pub fn centrality(g: &ActorGraph, f: &Filter, by_betweenness: bool) -> Vec<Centrality> {
    use rayon::prelude::*;
    let ids = g.actor_ids();
    let index: FxHashMap<ActorId, u32> = ids.iter().enumerate().map(|(i, &a)| (a, i as u32)).collect();
    let adj: Vec<Vec<u32>> = ids
        .iter()
        .map(|&a| neighbours(g, a, f).iter().map(|b| index[b]).collect())
        .collect();
    let n = ids.len();
    // Sources in blocks of BLOCK, GROUP blocks at a time, so that at most
    // GROUP partial sums are held at once (not one per block: at 100,000
    // actors that was a gigabyte); sizes fixed, so sums never depend on cores.
    const BLOCK: usize = 64;
    const GROUP: usize = 16;
    let blocks = n.div_ceil(BLOCK);
    let mut cb = vec![0.0f64; n];
    for first in (0..blocks).step_by(GROUP) {
        let partial: Vec<Vec<f64>> = (first..blocks.min(first + GROUP))
            .into_par_iter()
            .map(|block| {
                let mut b = Brandes::new(n);
                for s in block * BLOCK..n.min((block + 1) * BLOCK) {
                    b.add_source(&adj, s);
                }
                b.cb
            })
            .collect();
        for p in partial {
            for (total, x) in cb.iter_mut().zip(p) {
                *total += x;
            }
        }
    }
    // Undirected: each path counted from both ends; normalise by (n-1)(n-2).
    let norm = if n > 2 { ((n - 1) * (n - 2)) as f64 } else { 1.0 };
    let mut out: Vec<Centrality> = ids
        .iter()
        .enumerate()
        .map(|(i, &a)| Centrality {
            actor: a,
            degree: g.edges_of(a).iter().filter(|e| f.allows(e)).count(),
            neighbours: adj[i].len(),
            betweenness: cb[i] / norm,
        })
        .collect();
    out.sort_by(|x, y| {
        let key = |c: &Centrality| {
            if by_betweenness {
                (c.betweenness, c.degree as f64)
            } else {
                (c.degree as f64, c.betweenness)
            }
        };
        key(y).partial_cmp(&key(x)).unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

/// The buffers of Brandes' algorithm, reused from one source to the next;
/// only the actors a search reached are reset after it.
struct Brandes {
    /// Actors in the order the search reached them (also its queue).
    order: Vec<u32>,
    dist: Vec<u32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    cb: Vec<f64>,
}

impl Brandes {
    const UNSEEN: u32 = u32::MAX;

    fn new(n: usize) -> Self {
        Brandes {
            order: Vec::with_capacity(n),
            dist: vec![Self::UNSEEN; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            cb: vec![0.0; n],
        }
    }

    /// Adds the dependencies of the shortest paths from `s`.
    fn add_source(&mut self, adj: &[Vec<u32>], s: usize) {
        self.order.clear();
        self.order.push(s as u32);
        self.dist[s] = 0;
        self.sigma[s] = 1.0;
        let mut head = 0;
        while let Some(&v) = self.order.get(head) {
            head += 1;
            let (v, next) = (v as usize, self.dist[v as usize] + 1);
            for &w in &adj[v] {
                let w = w as usize;
                if self.dist[w] == Self::UNSEEN {
                    self.dist[w] = next;
                    self.order.push(w as u32);
                }
                if self.dist[w] == next {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
        // Back from the farthest: a predecessor of w is a neighbour one step nearer.
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            let nearer = self.dist[w].wrapping_sub(1);
            for &v in &adj[w] {
                let v = v as usize;
                if self.dist[v] == nearer {
                    self.delta[v] += self.sigma[v] * coefficient;
                }
            }
            if w != s {
                self.cb[w] += self.delta[w];
            }
        }
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = Self::UNSEEN;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
        }
    }
}

/// An actor's relations in the order of their articles' dates (an edge by
/// its earliest), undated ones last; ties in the graph's edge order.
pub fn timeline(g: &ActorGraph, a: ActorId) -> Vec<EdgeView<'_>> {
    let mut v = g.edges_of(a);
    // (Stable: edges_of lists in edge order.)
    v.sort_by(|x, y| {
        let key = |e: &EdgeView| (e.edge.first_date.is_none(), e.edge.first_date.clone());
        key(x).cmp(&key(y))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use std::collections::{HashMap, VecDeque};

    #[test]
    fn shortest_path_walks_against_directions_and_says_so() {
        let g = sample();
        let (d, r) = (g.find("Kirill Dmitriev").unwrap(), g.find("Russia").unwrap());
        let p = shortest_path(&g, d, r, 4, &Filter::default()).unwrap();
        let names: Vec<_> = p
            .iter()
            .map(|h| (g.actor(h.to).name.as_str(), h.edge.edge.relation, h.forward))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Steve Witkoff", Relation::Met, true),
                ("Russia", Relation::Visited, true)
            ]
        );
        // Backwards: from Russia, the visit is walked against its direction.
        let back = shortest_path(&g, r, d, 4, &Filter::default()).unwrap();
        assert!(!back[0].forward && back[0].edge.edge.relation == Relation::Visited);
        assert!(shortest_path(&g, d, r, 1, &Filter::default()).is_none());
        let only_met = Filter {
            relations: vec![Relation::Met],
        };
        assert!(shortest_path(&g, d, r, 4, &only_met).is_none());
    }

    /// The allocation-free, block-parallel betweenness agrees with Brandes'
    /// algorithm as published (predecessor lists, one source at a time).
    #[test]
    fn betweenness_agrees_with_textbook_brandes() {
        fn textbook(adj: &[Vec<usize>]) -> Vec<f64> {
            let n = adj.len();
            let mut cb = vec![0.0; n];
            for s in 0..n {
                let (mut stack, mut preds) = (Vec::new(), vec![Vec::new(); n]);
                let (mut sigma, mut dist) = (vec![0.0f64; n], vec![-1i64; n]);
                sigma[s] = 1.0;
                dist[s] = 0;
                let mut q = VecDeque::from([s]);
                while let Some(v) = q.pop_front() {
                    stack.push(v);
                    for &w in &adj[v] {
                        if dist[w] < 0 {
                            dist[w] = dist[v] + 1;
                            q.push_back(w);
                        }
                        if dist[w] == dist[v] + 1 {
                            sigma[w] += sigma[v];
                            preds[w].push(v);
                        }
                    }
                }
                let mut delta = vec![0.0; n];
                while let Some(w) = stack.pop() {
                    for &v in &preds[w] {
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                    }
                    if w != s {
                        cb[w] += delta[w];
                    }
                }
            }
            cb
        }
        for seed in 1..4 {
            // More sources than one block, a few components, hubs.
            let g = ActorGraph::build(crate::synthetic::corpus(300, 600, seed), false);
            let ids = g.actor_ids();
            let at: HashMap<ActorId, usize> = ids.iter().enumerate().map(|(i, &a)| (a, i)).collect();
            let adj: Vec<Vec<usize>> = ids
                .iter()
                .map(|&a| neighbours(&g, a, &Filter::default()).iter().map(|b| at[b]).collect())
                .collect();
            let n = ids.len() as f64;
            let want = textbook(&adj);
            let got = centrality(&g, &Filter::default(), true);
            assert_eq!(got.len(), ids.len());
            for c in got {
                let w = want[at[&c.actor]] / ((n - 1.0) * (n - 2.0));
                assert!(
                    (c.betweenness - w).abs() <= 1e-12 * w.max(1.0),
                    "{} vs {w}",
                    c.betweenness
                );
                assert_eq!(c.neighbours, adj[at[&c.actor]].len());
                assert_eq!(c.degree, g.degree(c.actor));
            }
        }
    }

    /// The same figures, to the last bit, on one thread or several.
    #[test]
    fn betweenness_does_not_depend_on_the_thread_count() {
        let g = ActorGraph::build(crate::synthetic::corpus(1_500, 4_000, 7), false);
        let on = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| centrality(&g, &Filter::default(), true))
        };
        let one = on(1);
        assert!(one.len() > 16 * 64, "more than one group of blocks of sources");
        for threads in [2, 3] {
            let many = on(threads);
            assert!(
                one.iter()
                    .zip(&many)
                    .all(|(a, b)| a.actor == b.actor && a.betweenness.to_bits() == b.betweenness.to_bits())
            );
        }
    }

    /// The bidirectional search finds paths exactly as short as a plain
    /// breadth-first search does, on random skewed graphs.
    #[test]
    fn bidirectional_search_agrees_with_plain_bfs() {
        fn bfs_len(g: &ActorGraph, a: ActorId, b: ActorId, max: usize) -> Option<usize> {
            let mut dist = HashMap::from([(a, 0usize)]);
            let mut q = VecDeque::from([a]);
            while let Some(x) = q.pop_front() {
                if x == b {
                    return Some(dist[&x]);
                }
                for y in neighbours(g, x, &Filter::default()) {
                    if !dist.contains_key(&y) {
                        dist.insert(y, dist[&x] + 1);
                        q.push_back(y);
                    }
                }
            }
            None.filter(|&d: &usize| d <= max)
        }
        for seed in 1..4 {
            let g = ActorGraph::build(crate::synthetic::corpus(400, 600, seed), false);
            let ids = g.actor_ids();
            let mut rng = crate::synthetic::Rng::new(seed);
            for _ in 0..200 {
                let (a, b) = (ids[rng.below(ids.len())], ids[rng.below(ids.len())]);
                let expected = bfs_len(&g, a, b, usize::MAX).filter(|&d| d <= 4);
                let found = shortest_path(&g, a, b, 4, &Filter::default());
                assert_eq!(found.as_ref().map(Vec::len), expected, "seed {seed}");
                if let Some(p) = found {
                    // A real chain: each hop starts where the last ended.
                    assert!(p.windows(2).all(|w| w[0].to == w[1].from));
                }
            }
        }
    }

    #[test]
    fn all_paths_shortest_first() {
        let g = sample();
        let (w, r) = (g.find("Witkoff").unwrap(), g.find("Russia").unwrap());
        let p = all_paths(&g, w, r, 3, 10, &Filter::default());
        assert_eq!(p.iter().map(Vec::len).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn neighbours_pairs_and_centrality() {
        let g = sample();
        let w = g.find("Witkoff").unwrap();
        let n = neighbors(&g, w, 1, &Filter::default());
        let names: Vec<_> = n.iter().map(|x| g.actor(x.actor).name.as_str()).collect();
        assert_eq!(names, vec!["Kirill Dmitriev", "Russia", "Vladimir Putin"]);
        assert_eq!(neighbors(&g, w, 2, &Filter::default()).len(), 3);
        let p = pairs(&g, &Filter::default(), PairOrder::Weight);
        assert_eq!((g.actor(p[0].a).name.as_str(), p[0].weight), ("Steve Witkoff", 2));
        let c = centrality(&g, &Filter::default(), true);
        assert_eq!(g.actor(c[0].actor).name, "Steve Witkoff");
        assert!(c[0].betweenness > 0.5);
    }
}
