//! A corpus's extractions between the per-document pass and the
//! cross-document naming pass.
//!
//! Canonical names need the whole corpus ("Putin" in one article becomes the
//! "Vladimir Putin" of another), so no triple can be final before the last
//! article is read. [`CorpusWriter`] keeps each document's triples until
//! then, and beside them only what the naming pass needs: the names, with
//! their mention counts and aliases. The triples stay in memory while they
//! are few (up to [`HOLD_BYTES`], the triples of about 250 MB of
//! news); past that, all of them go to a temporary file, so that memory grows
//! with the number of distinct names, not with the corpus.
//! [`Corpus::documents`] gives the triples back, canonical, in input order.

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorType, DocExtraction, Triple};
use crate::naming::{CorpusNames, Renames};
use crate::pipeline::canonical_triples;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};

/// How many bytes of triples [`CorpusWriter`] holds in memory before it
/// moves them all to its temporary file. Writing every triple out as JSON
/// and parsing it back was most of the work after extraction on a corpus of
/// tens of megabytes, and half of it on one thread. The triples of 100 MB
/// of news take about 9 MB; those of 1 GB, about 130 MB as JSON, go to the
/// file, and that run's peak memory is 70 MB instead of 30.
pub const HOLD_BYTES: usize = 32 << 20;

/// One document as kept for the naming pass, in memory or in the
/// temporary file: everything but its actor list.
#[derive(Clone, Serialize, Deserialize)]
struct Kept {
    doc: String,
    date: Option<String>,
    triples: Vec<Triple>,
}

impl Kept {
    /// About the memory it holds: the strings and the triples themselves.
    fn bytes(&self) -> usize {
        let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let triple = |t: &Triple| {
            std::mem::size_of::<Triple>()
                + t.doc.len()
                + t.subject.len()
                + t.object.len()
                + t.sentence.len()
                + t.rule.len()
                + text(&t.date)
        };
        self.doc.len() + text(&self.date) + self.triples.iter().map(triple).sum::<usize>()
    }

    fn canonical(self, names: &Renames) -> DocExtraction {
        DocExtraction {
            doc: self.doc,
            date: self.date,
            actors: Vec::new(),
            triples: canonical_triples(names, self.triples),
        }
    }
}

/// Mentions and aliases of one name, summed over documents.
#[derive(Default)]
struct NameStats {
    mentions: usize,
    aliases: BTreeSet<String>,
}

/// Collects a corpus's extractions, one document at a time.
pub struct CorpusWriter {
    /// Documents held in memory, in input order, while `spilled` is false.
    held: Vec<Kept>,
    held_bytes: usize,
    /// Whether the documents went to `out`: all of them, from the one that
    /// took `held` past `hold_bytes` ([`HOLD_BYTES`]) on.
    spilled: bool,
    hold_bytes: usize,
    out: BufWriter<File>,
    names: CorpusNames,
    stats: FxHashMap<(String, ActorType), NameStats>,
    documents: usize,
    dated: usize,
}

fn spill_error(e: impl Into<std::io::Error>) -> Error {
    Error::io(std::env::temp_dir(), e.into())
}

impl CorpusWriter {
    /// A writer spilling to an anonymous temporary file (removed by the
    /// system however the run ends). The file is made at once, even if it
    /// is never written to, so that a temporary directory that cannot take
    /// it fails the run before any work is done.
    pub fn new() -> Result<Self> {
        Self::holding(HOLD_BYTES)
    }

    /// [`CorpusWriter::new`], holding up to `bytes` in memory (tests take
    /// both roads with it).
    fn holding(bytes: usize) -> Result<Self> {
        let file = tempfile::tempfile().map_err(spill_error)?;
        Ok(CorpusWriter {
            held: Vec::new(),
            held_bytes: 0,
            spilled: bytes == 0,
            hold_bytes: bytes,
            out: BufWriter::with_capacity(1 << 20, file),
            names: CorpusNames::default(),
            stats: FxHashMap::default(),
            documents: 0,
            dated: 0,
        })
    }

    /// Adds one document's extraction.
    pub fn push(&mut self, d: DocExtraction) -> Result<()> {
        self.names.observe_document(&d.actors);
        for a in d.actors {
            let s = self.stats.entry((a.name, a.actor_type)).or_default();
            s.mentions += a.mentions;
            s.aliases.extend(a.aliases);
        }
        let record = Kept {
            doc: d.doc,
            date: d.date,
            triples: d.triples,
        };
        self.documents += 1;
        self.dated += usize::from(record.date.is_some());
        if self.spilled {
            return self.spill(&record);
        }
        self.held_bytes += record.bytes();
        self.held.push(record);
        if self.held_bytes > self.hold_bytes {
            self.spilled = true;
            for record in std::mem::take(&mut self.held) {
                self.spill(&record)?;
            }
        }
        Ok(())
    }

    fn spill(&mut self, record: &Kept) -> Result<()> {
        serde_json::to_writer(&mut self.out, record).map_err(spill_error)?;
        self.out.write_all(b"\n").map_err(spill_error)
    }

    /// Ends the first pass: names are final from here on, decided with the
    /// lexicon's nicknames and corrections.
    pub fn finish(self, lex: &Lexicon) -> Result<Corpus> {
        let triples = if self.spilled {
            let mut file = self.out.into_inner().map_err(|e| spill_error(e.into_error()))?;
            file.rewind().map_err(spill_error)?;
            Triples::Spilled(file)
        } else {
            Triples::Held(self.held)
        };
        let names = self.names.resolve(
            lex,
            self.stats
                .iter()
                .map(|((name, ty), s)| (name.as_str(), *ty, s.mentions)),
        );
        Ok(Corpus {
            triples,
            names,
            stats: self.stats,
            actors: None,
            documents: self.documents,
            dated: self.dated,
        })
    }
}

/// Where a corpus's triples wait: see [`HOLD_BYTES`].
enum Triples {
    Held(Vec<Kept>),
    Spilled(File),
}

/// A whole corpus's extractions, names final.
pub struct Corpus {
    triples: Triples,
    names: Renames,
    /// The names' sums until [`Corpus::actors`] merges them under canonical
    /// names: `extract` never asks, and the merge would run on one thread
    /// between the parallel passes.
    stats: FxHashMap<(String, ActorType), NameStats>,
    actors: Option<Vec<Actor>>,
    documents: usize,
    dated: usize,
}

/// Actors under their canonical names and types, merged, in name order;
/// those a correction calls no actor left out.
fn merge_actors(names: &Renames, stats: FxHashMap<(String, ActorType), NameStats>) -> Vec<Actor> {
    // Per canonical name: the actor, and the names merged into it.
    let mut actors: FxHashMap<String, (Actor, Vec<String>)> = FxHashMap::default();
    for ((name, ty), s) in stats {
        let Some((canonical, ty)) = names.canonical(&name, ty) else {
            continue;
        };
        let (a, merged) = actors.entry(canonical.clone()).or_insert_with(|| {
            (
                Actor {
                    name: canonical.clone(),
                    actor_type: ty,
                    aliases: BTreeSet::new(),
                    mentions: 0,
                },
                Vec::new(),
            )
        });
        a.mentions += s.mentions;
        a.aliases.extend(s.aliases);
        if name != canonical && names.is_name_form(&name) {
            merged.push(name);
        }
    }
    let mut actors: Vec<Actor> = actors
        .into_values()
        .map(|(mut a, merged)| {
            keep_name_aliases(&mut a, &merged);
            a.aliases.extend(
                merged
                    .into_iter()
                    .filter(|m| m.starts_with(|c: char| !c.is_lowercase())),
            );
            a.aliases.remove(&a.name);
            a
        })
        .collect();
    actors.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    actors
}

/// Keeps of a document's aliases of an actor those that are its names, fit
/// to stand beside it in the graph: for a person, words of its own names
/// (and of `merged`, the names merged into it) only ("Trump", "Donald J.
/// Trump"; not "Acquit Trump" from a headline nor "Joe Biden" for Hunter
/// Biden); for the others, a name, not a description ("country", "the
/// party").
fn keep_name_aliases(actor: &mut Actor, merged: &[String]) {
    let capitalised = |alias: &str| alias.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if actor.actor_type != ActorType::Person {
        actor
            .aliases
            .retain(|alias| capitalised(alias) && !alias.split_whitespace().any(|w| matches!(w, "The" | "A" | "An")));
        return;
    }
    // The person's name words, keyed once for all its aliases.
    let words: FxHashSet<String> = std::iter::once(actor.name.as_str())
        .chain(merged.iter().map(String::as_str))
        .flat_map(str::split_whitespace)
        .map(crate::naming::spelling_key)
        .collect();
    actor.aliases.retain(|alias| {
        capitalised(alias)
            && alias
                .split_whitespace()
                .all(|w| words.contains(&crate::naming::spelling_key(w)))
    });
}

impl Corpus {
    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// Number of documents that had a date.
    pub fn dated_count(&self) -> usize {
        self.dated
    }

    /// Every actor the corpus mentions, by canonical name (in name order),
    /// with its mentions and aliases summed over documents.
    pub fn actors(&mut self) -> &[Actor] {
        self.actors
            .get_or_insert_with(|| merge_actors(&self.names, std::mem::take(&mut self.stats)))
    }

    /// The names decided for the corpus (and which corrections matched nothing).
    pub fn names(&self) -> &Renames {
        &self.names
    }

    /// The documents in input order, their triples under canonical names.
    /// Their actor lists are empty: see [`Corpus::actors`].
    pub fn documents(&mut self) -> Result<impl Iterator<Item = Result<DocExtraction>> + '_> {
        self.documents_as(|d| d)
    }

    /// [`Corpus::documents`], each turned by `f` into what the caller wants
    /// of it (an output line, say) on the pool, beside the reading.
    ///
    /// Documents come about a megabyte at a time, and each such part is
    /// parsed (if it was spilled), renamed and turned side by side on
    /// rayon's pool: this pass comes after the parallel one, and on one
    /// thread it would idle the rest. Held documents are copied, not
    /// consumed, so that the corpus can be read again.
    pub fn documents_as<'c, T: Send + 'c>(
        &'c mut self,
        f: impl Fn(DocExtraction) -> T + Sync + 'c,
    ) -> Result<impl Iterator<Item = Result<T>> + 'c> {
        use rayon::prelude::*;
        let names = &self.names;
        // The next part: the lines of about a megabyte of the file, or
        // documents held of about as many bytes; `None` at the end.
        let mut next_part: Box<dyn FnMut() -> Option<Part<'c>> + 'c> = match &mut self.triples {
            Triples::Held(held) => {
                let mut rest = held.as_slice();
                Box::new(move || {
                    let (mut n, mut bytes) = (0, 0);
                    while bytes < READ_BACK_BYTES
                        && let Some(d) = rest.get(n)
                    {
                        bytes += d.bytes();
                        n += 1;
                    }
                    let (part, after) = rest.split_at(n);
                    rest = after;
                    (n > 0).then_some(Part::Held(part))
                })
            }
            Triples::Spilled(file) => {
                file.rewind().map_err(spill_error)?;
                let mut lines = BufReader::with_capacity(1 << 20, &*file).lines();
                Box::new(move || {
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
                    (!part.is_empty()).then_some(Part::Lines(part))
                })
            }
        };
        let mut ready = Vec::new().into_iter();
        Ok(std::iter::from_fn(move || {
            if let Some(d) = ready.next() {
                return Some(d);
            }
            ready = match next_part()? {
                Part::Held(docs) => docs
                    .par_iter()
                    .map(|d| Ok(f(d.clone().canonical(names))))
                    .collect::<Vec<_>>(),
                Part::Lines(lines) => lines
                    .into_par_iter()
                    .map(|line| {
                        let line = line.map_err(spill_error)?;
                        let s: Kept = serde_json::from_str(&line).map_err(spill_error)?;
                        Ok(f(s.canonical(names)))
                    })
                    .collect::<Vec<_>>(),
            }
            .into_iter();
            ready.next()
        }))
    }
}

/// A part of a corpus's triples, turned side by side on the pool.
enum Part<'c> {
    Held(&'c [Kept]),
    Lines(Vec<std::io::Result<String>>),
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
    fn held_or_spilled_the_corpus_reads_back_what_canonicalize_gives_in_memory() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let texts = [
            "Vladimir Putin met Tony Blair in Moscow.",
            "President Putin visited France. Putin praised Blair.",
            "Kremlin spokesman Dmitry Peskov said Putin would call Emmanuel Macron. Angela Merkel was on holiday.",
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
        canonicalize(&mut in_memory, &Lexicon::builtin());
        assert!(in_memory[1].triples.iter().any(|t| t.subject == "Vladimir Putin"));
        let in_a_triple = |name: &str| {
            in_memory
                .iter()
                .flat_map(|d| &d.triples)
                .any(|t| t.subject == name || t.object == name)
        };
        assert!(!in_a_triple("Angela Merkel"));
        let total: usize = in_memory
            .iter()
            .flat_map(|d| &d.actors)
            .filter(|a| a.name == "Vladimir Putin")
            .map(|a| a.mentions)
            .sum();
        let first = Kept {
            doc: docs[0].doc.clone(),
            date: None,
            triples: docs[0].triples.clone(),
        }
        .bytes();
        assert!(first > 0);
        // Spilled from the start, from the first document, from the second
        // (the first held, then written out), and never.
        for (hold, spilled_after) in [(0, Some(0)), (1, Some(1)), (first, Some(2)), (HOLD_BYTES, None)] {
            let mut w = CorpusWriter::holding(hold).unwrap();
            for (i, d) in docs.iter().enumerate() {
                assert_eq!(
                    w.spilled,
                    spilled_after.is_some_and(|n| i >= n),
                    "hold {hold}, document {i}"
                );
                w.push(d.clone()).unwrap();
            }
            assert_eq!(w.spilled, spilled_after.is_some(), "hold {hold}");
            assert!(!w.spilled || w.held.is_empty());
            let mut corpus = w.finish(&Lexicon::builtin()).unwrap();
            assert_eq!(corpus.document_count(), 3);
            // Twice: reading does not consume the corpus.
            for _ in 0..2 {
                let back: Vec<DocExtraction> = corpus.documents().unwrap().collect::<Result<_>>().unwrap();
                assert_eq!(back.len(), 3);
                for (a, b) in back.iter().zip(&in_memory) {
                    assert_eq!((&a.doc, &a.triples), (&b.doc, &b.triples), "hold {hold}");
                }
            }
            // Persons in no triple are renamed only now, and are there.
            let actors = corpus.actors();
            let putin = actors.iter().find(|a| a.name == "Vladimir Putin").unwrap();
            assert!(putin.aliases.contains("Putin"), "{putin:?}");
            assert_eq!(putin.mentions, total);
            let merkel = actors.iter().find(|a| a.name == "Angela Merkel").unwrap();
            assert_eq!(merkel.actor_type, crate::ActorType::Person);
            let mut names: Vec<&str> = in_memory
                .iter()
                .flat_map(|d| &d.actors)
                .map(|a| a.name.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), names);
        }
    }

    /// A name merged for a headline's word run into it lends the person
    /// neither itself nor its words as aliases.
    #[test]
    fn a_run_on_name_gives_no_alias() {
        let doc = |i: usize, name: &str, aliases: &[&str]| DocExtraction {
            doc: format!("d{i}"),
            date: None,
            actors: vec![Actor {
                name: name.to_string(),
                actor_type: ActorType::Person,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                mentions: 1 + aliases.len(),
            }],
            triples: Vec::new(),
        };
        let mut w = CorpusWriter::holding(HOLD_BYTES).unwrap();
        for i in 0..20 {
            w.push(doc(i, "Donald Trump", &["Trump"])).unwrap();
        }
        w.push(doc(20, "Donald J. Trump", &[])).unwrap();
        w.push(doc(21, "Donald Trump Replay", &["Replay"])).unwrap();
        let mut corpus = w.finish(&Lexicon::builtin()).unwrap();
        let actors = corpus.actors();
        let [trump] = actors else {
            panic!("one actor: {actors:?}");
        };
        assert_eq!(trump.name, "Donald Trump");
        assert_eq!(trump.mentions, 20 * 2 + 1 + 2);
        let aliases: Vec<&str> = trump.aliases.iter().map(String::as_str).collect();
        assert_eq!(aliases, ["Donald J. Trump", "Trump"]);
    }
}
