//! Deterministic synthetic data for benchmarks and scale tests: a seeded
//! generator of triples over a population of actors, so the million-edge
//! figures in BENCHMARKS.md can be reproduced anywhere.

use crate::model::{ActorType, DocExtraction, Modality, Relation, Triple};

/// A small, fast, seeded generator (xorshift64*); not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed non-zero value).
    pub fn new(seed: u64) -> Self {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// `triples` random triples among `actors` actors, spread over documents of
/// 20 triples each. Actor degrees are skewed (a few hubs, a long tail), as in
/// news. The same arguments always give the same data.
pub fn corpus(actors: usize, triples: usize, seed: u64) -> Vec<DocExtraction> {
    let mut rng = Rng::new(seed);
    let types = [ActorType::Person, ActorType::Organization, ActorType::Place];
    let name = |i: usize| format!("Actor {i:07}");
    // Skewed choice: squaring a uniform number favours low indices.
    let pick = |rng: &mut Rng| {
        let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
        ((u * u) * actors as f64) as usize % actors
    };
    let mut docs = Vec::with_capacity(triples / 20 + 1);
    for (d, chunk) in (0..triples).collect::<Vec<_>>().chunks(20).enumerate() {
        let doc = format!("doc-{d:07}");
        let triples = chunk
            .iter()
            .map(|_| {
                let (s, mut o) = (pick(&mut rng), pick(&mut rng));
                if o == s {
                    o = (s + 1) % actors;
                }
                let relation = Relation::ALL[rng.below(Relation::ALL.len())];
                let modality = if rng.below(10) == 0 {
                    Modality::Planned
                } else {
                    Modality::Fact
                };
                Triple {
                    doc: doc.clone(),
                    subject: name(s),
                    subject_type: types[s % 3],
                    relation,
                    object: name(o),
                    object_type: types[o % 3],
                    modality,
                    sentence: format!("{} {} {} in a synthetic sentence.", name(s), relation, name(o)),
                    sentence_index: 1,
                    date: Some("2025-01-01".into()),
                    confidence: 0.8,
                    rule: "synthetic".into(),
                }
            })
            .collect();
        docs.push(DocExtraction {
            doc,
            date: Some("2025-01-01".into()),
            actors: Vec::new(),
            triples,
        });
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a = corpus(100, 1000, 7);
        let b = corpus(100, 1000, 7);
        assert_eq!(a.len(), 50);
        assert_eq!(a[3].triples, b[3].triples);
        assert_ne!(a[3].triples, corpus(100, 1000, 8)[3].triples);
    }
}
