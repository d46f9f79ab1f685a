//! Questions asked of a graph: how are two actors connected, who is an actor
//! connected to, who is connected to whom, who is most central.
//!
//! Connections ignore edge direction (a path may go against a relation's
//! direction; each hop says which way it goes). Every result is sorted so the
//! same graph always gives the same answer.

use crate::graph::{ActorGraph, ActorId, EdgeView};
use crate::model::Relation;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// Which edges a query may use.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these relations (empty: all).
    pub relations: Vec<Relation>,
}

impl Filter {
    fn allows(&self, e: &EdgeView) -> bool {
        self.relations.is_empty() || self.relations.contains(&e.edge.relation)
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
    let mut v: Vec<ActorId> = g
        .edges_of(x)
        .into_iter()
        .filter(|e| f.allows(e))
        .map(|e| if e.source_id == x { e.target_id } else { e.source_id })
        .filter(|&y| y != x)
        .collect();
    v.sort_by(|a, b| g.actor(*a).name.cmp(&g.actor(*b).name));
    v.dedup();
    v
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
    let mut parent: HashMap<ActorId, ActorId> = HashMap::new();
    let mut queue = VecDeque::from([(a, 0usize)]);
    let mut seen = HashSet::from([a]);
    while let Some((x, d)) = queue.pop_front() {
        if d == max_hops {
            continue;
        }
        for y in neighbours(g, x, f) {
            if !seen.insert(y) {
                continue;
            }
            parent.insert(y, x);
            if y == b {
                let mut nodes = vec![b];
                let mut cur = b;
                while let Some(&p) = parent.get(&cur) {
                    nodes.push(p);
                    cur = p;
                }
                nodes.reverse();
                return Some(hops(g, &nodes, f));
            }
            queue.push_back((y, d + 1));
        }
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
    found.sort_by(|x, y| {
        x.len().cmp(&y.len()).then_with(|| {
            let names = |p: &Vec<ActorId>| p.iter().map(|&i| g.actor(i).name.clone()).collect::<Vec<_>>();
            names(x).cmp(&names(y))
        })
    });
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
    out.sort_by(|x, y| (x.distance, &g.actor(x.actor).name).cmp(&(y.distance, &g.actor(y.actor).name)));
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
    let mut by_pair: BTreeMap<(String, String), Pair> = BTreeMap::new();
    for e in g.edges().into_iter().filter(|e| f.allows(e)) {
        let (a, b) = if e.source.name <= e.target.name {
            (e.source_id, e.target_id)
        } else {
            (e.target_id, e.source_id)
        };
        let key = (g.actor(a).name.clone(), g.actor(b).name.clone());
        let p = by_pair.entry(key).or_insert_with(|| Pair {
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
    /// Distinct actors it is directly connected to.
    pub degree: usize,
    /// Brandes betweenness on the undirected graph, normalised to 0..1.
    pub betweenness: f64,
}

/// Degree and betweenness of every actor, most central (by `by_betweenness` or
/// degree) first.
pub fn centrality(g: &ActorGraph, f: &Filter, by_betweenness: bool) -> Vec<Centrality> {
    let ids = g.actor_ids();
    let index: HashMap<ActorId, usize> = ids.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let adj: Vec<Vec<usize>> = ids
        .iter()
        .map(|&a| neighbours(g, a, f).iter().map(|b| index[b]).collect())
        .collect();
    let n = ids.len();
    let mut cb = vec![0.0f64; n];
    // Brandes (2001), unweighted.
    for s in 0..n {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
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
        let mut delta = vec![0.0f64; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
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
            degree: adj[i].len(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

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
