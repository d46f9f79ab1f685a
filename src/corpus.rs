//! A corpus's extractions between the per-document pass and the
//! cross-document naming pass.
//!
//! Canonical names need the whole corpus ("Putin" in one article becomes the
//! "Vladimir Putin" of another), so no triple can be final before the last
//! article is read. Rather than hold every triple, [`CorpusWriter`] spills each
//! document's triples to a temporary file as it comes and keeps only what the
//! naming pass needs: the names, with their mention counts and aliases. Memory
//! then grows with the number of distinct names, not with the corpus.
//! [`Corpus::documents`] reads the triples back, canonical, in input order.

use crate::error::{Error, Result};
use crate::model::{Actor, ActorType, DocExtraction, Triple};
use crate::pipeline::canonical_triples;
use crate::resolve::{CorpusNames, Renames};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};

/// One document as spilled: everything but its actor list.
#[derive(Serialize, Deserialize)]
struct Spilled {
    doc: String,
    date: Option<String>,
    triples: Vec<Triple>,
}

/// Mentions and aliases of one name, summed over documents.
#[derive(Default)]
struct NameStats {
    mentions: usize,
    aliases: BTreeSet<String>,
}

/// Collects a corpus's extractions, one document at a time.
pub struct CorpusWriter {
    out: BufWriter<File>,
    names: CorpusNames,
    stats: FxHashMap<(String, ActorType), NameStats>,
    documents: usize,
}

fn spill_error(e: impl Into<std::io::Error>) -> Error {
    Error::io(std::env::temp_dir(), e.into())
}

impl CorpusWriter {
    /// A writer spilling to an anonymous temporary file (removed by the
    /// system however the run ends).
    pub fn new() -> Result<Self> {
        let file = tempfile::tempfile().map_err(spill_error)?;
        Ok(CorpusWriter {
            out: BufWriter::with_capacity(1 << 20, file),
            names: CorpusNames::default(),
            stats: FxHashMap::default(),
            documents: 0,
        })
    }

    /// Adds one document's extraction.
    pub fn push(&mut self, d: DocExtraction) -> Result<()> {
        for a in d.actors {
            self.names.observe(&a.name, a.actor_type);
            let s = self.stats.entry((a.name, a.actor_type)).or_default();
            s.mentions += a.mentions;
            s.aliases.extend(a.aliases);
        }
        let record = Spilled {
            doc: d.doc,
            date: d.date,
            triples: d.triples,
        };
        serde_json::to_writer(&mut self.out, &record).map_err(spill_error)?;
        self.out.write_all(b"\n").map_err(spill_error)?;
        self.documents += 1;
        Ok(())
    }

    /// Ends the first pass: names are final from here on.
    pub fn finish(self) -> Result<Corpus> {
        let mut file = self.out.into_inner().map_err(|e| spill_error(e.into_error()))?;
        file.rewind().map_err(spill_error)?;
        let persons = self.stats.keys().filter(|(_, ty)| *ty == ActorType::Person);
        let names = Renames::new(self.names, persons.map(|(name, _)| name.as_str()));
        Ok(Corpus {
            file,
            names,
            stats: self.stats,
            actors: None,
            documents: self.documents,
        })
    }
}

/// A whole corpus's extractions, names final.
pub struct Corpus {
    file: File,
    names: Renames,
    /// The names' sums until [`Corpus::actors`] merges them under canonical
    /// names: `extract` never asks, and the merge would run on one thread
    /// between the parallel passes.
    stats: FxHashMap<(String, ActorType), NameStats>,
    actors: Option<Vec<Actor>>,
    documents: usize,
}

/// Actors under their canonical names, merged, in name order.
fn merge_actors(names: &Renames, stats: FxHashMap<(String, ActorType), NameStats>) -> Vec<Actor> {
    let mut actors: FxHashMap<String, Actor> = FxHashMap::default();
    for ((name, ty), s) in stats {
        let canonical = names.canonical(&name, ty);
        let a = actors.entry(canonical.clone()).or_insert_with(|| Actor {
            name: canonical.clone(),
            actor_type: ty,
            aliases: BTreeSet::new(),
            mentions: 0,
        });
        a.mentions += s.mentions;
        a.aliases.extend(s.aliases);
        if name != canonical {
            a.aliases.insert(name);
        }
    }
    let mut actors: Vec<Actor> = actors.into_values().collect();
    actors.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    for a in &mut actors {
        a.aliases.remove(&a.name);
    }
    actors
}

impl Corpus {
    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// Every actor the corpus mentions, by canonical name (in name order),
    /// with its mentions and aliases summed over documents.
    pub fn actors(&mut self) -> &[Actor] {
        let stats = std::mem::take(&mut self.stats);
        self.actors.get_or_insert_with(|| merge_actors(&self.names, stats))
    }

    /// The documents in input order, their triples under canonical names.
    /// Their actor lists are empty: see [`Corpus::actors`].
    pub fn documents(&mut self) -> Result<impl Iterator<Item = Result<DocExtraction>> + '_> {
        self.documents_as(|d| d)
    }

    /// [`Corpus::documents`], each turned by `f` into what the caller wants
    /// of it (an output line, say) on the pool, beside the reading.
    ///
    /// Documents are read back about a megabyte at a time, and each such
    /// part is parsed, renamed and turned side by side on rayon's pool: this
    /// pass comes after the parallel one, and on one thread it would idle
    /// the rest.
    pub fn documents_as<'c, T: Send + 'c>(
        &'c mut self,
        f: impl Fn(DocExtraction) -> T + Sync + 'c,
    ) -> Result<impl Iterator<Item = Result<T>> + 'c> {
        use rayon::prelude::*;
        self.file.rewind().map_err(spill_error)?;
        let names = &self.names;
        let mut lines = BufReader::with_capacity(1 << 20, &self.file).lines();
        let mut ready = Vec::new().into_iter();
        Ok(std::iter::from_fn(move || {
            if let Some(d) = ready.next() {
                return Some(d);
            }
            let mut part = Vec::new();
            let mut bytes = 0;
            while bytes < READ_BACK_BYTES
                && let Some(line) = lines.next()
            {
                bytes += line.as_ref().map_or(0, String::len);
                let failed = line.is_err();
                part.push(line);
                if failed {
                    break;
                }
            }
            ready = part
                .into_par_iter()
                .map(|line| {
                    let line = line.map_err(spill_error)?;
                    let s: Spilled = serde_json::from_str(&line).map_err(spill_error)?;
                    Ok(f(DocExtraction {
                        doc: s.doc,
                        date: s.date,
                        actors: Vec::new(),
                        triples: canonical_triples(names, s.triples),
                    }))
                })
                .collect::<Vec<_>>()
                .into_iter();
            ready.next()
        }))
    }
}

/// How much of the spilled file [`Corpus::documents`] reads back at a time.
const READ_BACK_BYTES: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;
    use crate::model::Document;
    use crate::pipeline::{ExtractConfig, Extractor, canonicalize};

    #[test]
    fn spilled_corpus_reads_back_what_canonicalize_gives_in_memory() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let texts = [
            "Vladimir Putin met Tony Blair in Moscow.",
            "President Putin visited France. Putin praised Blair.",
            "Kremlin spokesman Dmitry Peskov said Putin would call Emmanuel Macron.",
        ];
        let docs: Vec<DocExtraction> = texts
            .iter()
            .enumerate()
            .map(|(i, body)| {
                ex.extract(&Document {
                    id: format!("d{i}"),
                    body: body.to_string(),
                    ..Default::default()
                })
            })
            .collect();
        let mut in_memory = docs.clone();
        canonicalize(&mut in_memory);
        let mut w = CorpusWriter::new().unwrap();
        for d in docs {
            w.push(d).unwrap();
        }
        let mut corpus = w.finish().unwrap();
        assert_eq!(corpus.document_count(), 3);
        // Twice: reading does not consume the corpus.
        for _ in 0..2 {
            let back: Vec<DocExtraction> = corpus.documents().unwrap().collect::<Result<_>>().unwrap();
            assert_eq!(back.len(), 3);
            for (a, b) in back.iter().zip(&in_memory) {
                assert_eq!((&a.doc, &a.triples), (&b.doc, &b.triples));
            }
        }
        assert!(in_memory[1].triples.iter().any(|t| t.subject == "Vladimir Putin"));
        let putin = corpus.actors().iter().find(|a| a.name == "Vladimir Putin").unwrap();
        assert!(putin.aliases.contains("Putin"), "{putin:?}");
        let total: usize = in_memory
            .iter()
            .flat_map(|d| &d.actors)
            .filter(|a| a.name == "Vladimir Putin")
            .map(|a| a.mentions)
            .sum();
        assert_eq!(putin.mentions, total);
    }
}
