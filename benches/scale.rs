//! Graph-scale figures: build, query, save, load and export on a synthetic
//! graph of 100,000 actors and 1,000,000 triples. `cargo bench --bench scale`.

use polgraph::export::{self, CsvOptions};
use polgraph::graph::ActorGraph;
use polgraph::query::{self, Filter};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median_with(runs, || (), |()| f())
}

/// As [`median`], with an input made by `setup` before the clock starts.
fn median_with<I, T>(runs: usize, mut setup: impl FnMut() -> I, mut f: impl FnMut(I) -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let input = setup();
            let start = Instant::now();
            let out = black_box(f(input));
            let t = start.elapsed();
            // Freeing the result is not part of the operation measured.
            drop(out);
            t
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let (actors, triples) = (100_000, 1_000_000);
    let docs = polgraph::synthetic::corpus(actors, triples, 42);
    // The builder takes the documents (it moves their sentences); copying them is not timed.
    let build = median_with(3, || docs.clone(), |docs| ActorGraph::build(docs, false));
    let g = ActorGraph::build(docs, false);
    println!("graph: {} actors, {} edges", g.actor_count(), g.edge_count());
    let ids: Vec<_> = g.actor_ids();
    let mut rng = polgraph::synthetic::Rng::new(1);
    let pairs: Vec<_> = (0..100)
        .map(|_| (ids[rng.below(ids.len())], ids[rng.below(ids.len())]))
        .collect();
    let f = Filter::default();
    let start = Instant::now();
    for &(a, b) in &pairs {
        black_box(query::shortest_path(&g, a, b, 4, &f));
    }
    let path = start.elapsed() / pairs.len() as u32;
    let start = Instant::now();
    for &(a, _) in &pairs {
        black_box(query::neighbors(&g, a, 1, &f));
    }
    let neighbors = start.elapsed() / pairs.len() as u32;
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("graph.json");
    let save = median(3, || {
        polgraph::fsutil::write_atomic(&json, |w| g.write_json(w)).unwrap()
    });
    let load = median(3, || ActorGraph::open(&json).unwrap());
    let csv = median(3, || {
        polgraph::fsutil::write_atomic(&dir.path().join("edges.csv"), |w| {
            export::write_edges_csv(&g, w, CsvOptions::default())
        })
        .unwrap()
    });
    println!("| graph build, 1,000,000 triples | {:.2} s |", build.as_secs_f64());
    println!(
        "| shortest path (≤4 hops), mean of 100 | {:.2} ms |",
        path.as_secs_f64() * 1e3
    );
    println!("| neighbours, mean of 100 | {:.3} ms |", neighbors.as_secs_f64() * 1e3);
    println!("| save graph.json | {:.2} s |", save.as_secs_f64());
    println!("| load graph.json | {:.2} s |", load.as_secs_f64());
    println!("| export edges.csv | {:.2} s |", csv.as_secs_f64());
}
