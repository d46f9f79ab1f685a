//! Narrowing a graph to what a reader asked about: some relations, types,
//! modalities, dates, well-supported edges, one actor's neighbourhood, the
//! most connected actors. Exports and queries take the same [`GraphFilter`]
//! and run on the smaller graph it gives ([`ActorGraph::filtered`]), so a
//! flag means the same thing everywhere.

use super::{ActorGraph, Edge, Node};
use crate::error::{Error, Result};
use crate::model::{ActorType, Modality, Relation};
use petgraph::graph::NodeIndex;
use std::collections::VecDeque;

/// What to keep of a graph. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphFilter {
    /// Only these relations (empty: all).
    pub relations: Vec<Relation>,
    /// Only actors of these types, and the edges between them (empty: all).
    pub types: Vec<ActorType>,
    /// Only edges stated so (empty: all).
    pub modalities: Vec<Modality>,
    /// Only edges stated in at least this many sentences.
    pub min_weight: usize,
    /// Only edges whose best triple has at least this confidence.
    pub min_confidence: f32,
    /// Only edges stated in a document dated on or after this day (`YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD`); undated edges go.
    pub since: Option<String>,
    /// Only edges stated in a document dated on or before this (a year or
    /// month means its last day); undated edges go.
    pub until: Option<String>,
    /// Only this actor (a name as [`ActorGraph::find`] takes it) and those
    /// within `depth` hops of it, over the edges the other filters keep.
    pub around: Option<String>,
    /// Hops out from `around`.
    pub depth: usize,
    /// Only the this many actors with the most edges (after the other
    /// filters), and the edges among them.
    pub top: Option<usize>,
}

impl GraphFilter {
    /// Whether the filter keeps every edge and actor.
    pub fn keeps_all(&self) -> bool {
        *self
            == GraphFilter {
                depth: self.depth,
                ..GraphFilter::default()
            }
    }

    /// Checks the dates' shape, so that a typo is an error rather than an
    /// empty graph.
    pub fn validate(&self) -> Result<()> {
        for (flag, date) in [("--since", &self.since), ("--until", &self.until)] {
            if let Some(d) = date
                && !is_date_prefix(d)
            {
                return Err(Error::Invalid(format!(
                    "{flag} {d:?}: give a date as YYYY, YYYY-MM or YYYY-MM-DD"
                )));
            }
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::Invalid(format!(
                "--min-confidence {}: give a number from 0 to 1",
                self.min_confidence
            )));
        }
        Ok(())
    }

    fn keeps_edge(&self, e: &Edge) -> bool {
        (self.relations.is_empty() || self.relations.contains(&e.relation))
            && (self.modalities.is_empty() || self.modalities.contains(&e.modality))
            && e.weight >= self.min_weight
            && e.confidence >= self.min_confidence
            && self.since.as_deref().is_none_or(|s| {
                // Dates compare as text: "2019-05-01" >= "2019" and >= "2019-05".
                e.last_date.as_deref().is_some_and(|d| d >= s)
            })
            && self.until.as_deref().is_none_or(|u| {
                // "2019" ends with the year: "2019-12-31" <= "2019~".
                e.first_date.as_deref().is_some_and(|d| d <= format!("{u}~").as_str())
            })
    }

    fn keeps_node(&self, n: &Node) -> bool {
        self.types.is_empty() || self.types.contains(&n.actor_type)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, digits where digits go.
fn is_date_prefix(d: &str) -> bool {
    let b = d.as_bytes();
    matches!(b.len(), 4 | 7 | 10)
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

impl ActorGraph {
    /// The part of the graph a filter keeps: its edges that pass every edge
    /// test between actors of the kept types; then, with `around`, what lies
    /// within `depth` hops of that actor; then, with `top`, the actors with
    /// the most of those edges. Actors left with no edge go (but the one
    /// asked `around`). Names, evidence and the document table are the
    /// original's, so a filtered graph exports and answers like any other.
    pub fn filtered(&self, f: &GraphFilter) -> Result<ActorGraph> {
        f.validate()?;
        if f.keeps_all() {
            return Ok(self.clone());
        }
        let n = self.graph.node_count();
        let ends = |e: petgraph::graph::EdgeIndex| {
            let (s, o) = self.graph.edge_endpoints(e).expect("edge of this graph");
            (s.index(), o.index())
        };
        let node_ok: Vec<bool> = self.graph.node_weights().map(|w| f.keeps_node(w)).collect();
        let mut edges: Vec<petgraph::graph::EdgeIndex> = self
            .graph
            .edge_indices()
            .filter(|&e| {
                let (s, o) = ends(e);
                node_ok[s] && node_ok[o] && f.keeps_edge(&self.graph[e])
            })
            .collect();
        let mut keep = vec![false; n];
        let mut centre = None;
        if let Some(name) = &f.around {
            let a = self.find(name)?;
            if !node_ok[a.0] {
                return Err(Error::Invalid(format!(
                    "{:?} is a {}, which --type leaves out",
                    self.actor(a).name,
                    self.actor(a).actor_type
                )));
            }
            centre = Some(a.0);
            // Breadth-first over the kept edges, either way.
            let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); n];
            for &e in &edges {
                let (s, o) = ends(e);
                adjacent[s].push(o);
                adjacent[o].push(s);
            }
            let mut hops = vec![usize::MAX; n];
            hops[a.0] = 0;
            let mut queue = VecDeque::from([a.0]);
            while let Some(x) = queue.pop_front() {
                if hops[x] >= f.depth {
                    continue;
                }
                for &y in &adjacent[x] {
                    if hops[y] == usize::MAX {
                        hops[y] = hops[x] + 1;
                        queue.push_back(y);
                    }
                }
            }
            edges.retain(|&e| {
                let (s, o) = ends(e);
                hops[s] != usize::MAX && hops[o] != usize::MAX
            });
        }
        if let Some(top) = f.top {
            let mut degree = vec![0usize; n];
            for &e in &edges {
                let (s, o) = ends(e);
                degree[s] += 1;
                degree[o] += 1;
            }
            // Most edges first, then name order (node order is name order).
            let mut ranked: Vec<usize> = (0..n).filter(|&i| degree[i] > 0).collect();
            ranked.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
            let mut chosen = vec![false; n];
            for &i in ranked.iter().take(top) {
                chosen[i] = true;
            }
            if let Some(c) = centre {
                chosen[c] = true;
            }
            edges.retain(|&e| {
                let (s, o) = ends(e);
                chosen[s] && chosen[o]
            });
        }
        for &e in &edges {
            let (s, o) = ends(e);
            keep[s] = true;
            keep[o] = true;
        }
        if let Some(c) = centre {
            keep[c] = true;
        }
        let mut out = ActorGraph {
            documents: self.documents,
            doc_names: self.doc_names.clone(),
            ..ActorGraph::default()
        };
        let mut new_index = vec![None; n];
        for (i, kept) in keep.iter().enumerate() {
            if *kept {
                new_index[i] = Some(out.push_node(self.graph[NodeIndex::new(i)].clone()));
            }
        }
        // Edges in their original order, so a filtered graph lists them as
        // the original does.
        edges.sort_unstable();
        for e in edges {
            let (s, o) = ends(e);
            let (Some(s), Some(o)) = (new_index[s], new_index[o]) else {
                continue;
            };
            out.graph.add_edge(s, o, self.graph[e].clone());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocExtraction, Triple};

    fn triple(doc: &str, s: &str, r: Relation, o: &str, ot: ActorType) -> Triple {
        let date = match doc {
            "a" => Some("2019-03-01".to_string()),
            "b" => Some("2020-07-01".to_string()),
            _ => None,
        };
        Triple {
            doc: doc.into(),
            date,
            sentence_index: 0,
            subject: s.into(),
            subject_type: ActorType::Person,
            relation: r,
            object: o.into(),
            object_type: ot,
            modality: Modality::Fact,
            confidence: 0.8,
            sentence: format!("{s} {r} {o}."),
            rule: "test".into(),
        }
    }

    fn graph() -> ActorGraph {
        let p = ActorType::Person;
        let docs = vec![
            DocExtraction {
                doc: "a".into(),
                date: Some("2019-03-01".into()),
                actors: vec![],
                triples: vec![
                    triple("a", "Trump", Relation::Met, "Putin", p),
                    triple("a", "Putin", Relation::Leads, "Russia", ActorType::Place),
                    triple("a", "Lavrov", Relation::WorksFor, "Putin", p),
                ],
            },
            DocExtraction {
                doc: "b".into(),
                date: Some("2020-07-01".into()),
                actors: vec![],
                triples: vec![
                    triple("b", "Trump", Relation::Met, "Putin", p),
                    triple("b", "Trump", Relation::Met, "Kim", p),
                    triple("b", "Kim", Relation::Leads, "North Korea", ActorType::Place),
                ],
            },
            DocExtraction {
                doc: "c".into(),
                date: None,
                actors: vec![],
                triples: vec![triple("c", "Pelosi", Relation::Criticized, "Trump", p)],
            },
        ];
        ActorGraph::build(docs, false)
    }

    fn names(g: &ActorGraph) -> Vec<String> {
        g.actor_ids().into_iter().map(|i| g.actor(i).name.clone()).collect()
    }

    #[test]
    fn filters_narrow_edges_and_drop_the_actors_they_leave_alone() {
        let g = graph();
        let met = g
            .filtered(&GraphFilter {
                relations: vec![Relation::Met],
                ..Default::default()
            })
            .unwrap();
        assert_eq!(names(&met), ["Kim", "Putin", "Trump"]);
        assert_eq!(met.edge_count(), 2);
        let people = g
            .filtered(&GraphFilter {
                types: vec![ActorType::Person],
                ..Default::default()
            })
            .unwrap();
        assert!(!names(&people).contains(&"Russia".to_string()));
        let heavy = g
            .filtered(&GraphFilter {
                min_weight: 2,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(names(&heavy), ["Putin", "Trump"]);
    }

    #[test]
    fn dates_keep_what_overlaps_and_drop_the_undated() {
        let g = graph();
        let y2019 = g
            .filtered(&GraphFilter {
                since: Some("2019".into()),
                until: Some("2019".into()),
                ..Default::default()
            })
            .unwrap();
        // Trump met Putin in both years: the edge overlaps 2019.
        assert_eq!(names(&y2019), ["Lavrov", "Putin", "Russia", "Trump"]);
        let later = g
            .filtered(&GraphFilter {
                since: Some("2020-01".into()),
                ..Default::default()
            })
            .unwrap();
        assert!(names(&later).contains(&"Kim".to_string()));
        assert!(!names(&later).contains(&"Pelosi".to_string()), "undated edges go");
        let bad = GraphFilter {
            since: Some("March 2019".into()),
            ..Default::default()
        };
        assert!(g.filtered(&bad).is_err());
    }

    #[test]
    fn around_an_actor_and_the_most_connected() {
        let g = graph();
        let ego = g
            .filtered(&GraphFilter {
                around: Some("Kim".into()),
                depth: 1,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(names(&ego), ["Kim", "North Korea", "Trump"]);
        let two = g
            .filtered(&GraphFilter {
                around: Some("Kim".into()),
                depth: 2,
                ..Default::default()
            })
            .unwrap();
        assert!(names(&two).contains(&"Putin".to_string()) && !names(&two).contains(&"Russia".to_string()));
        let top = g
            .filtered(&GraphFilter {
                top: Some(2),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(names(&top), ["Putin", "Trump"]);
        assert!(
            g.filtered(&GraphFilter {
                around: Some("Nobody".into()),
                depth: 1,
                ..Default::default()
            })
            .is_err()
        );
    }
}
