//! The extraction pipeline over one document, and the cross-document pass that
//! gives every actor one canonical name.
//!
//! Per document: text → mentions → names resolved → affiliations (which record
//! titles) → descriptions and pronouns resolved → description affiliations →
//! patterns → post-processing (symmetric order, GUIDELINES' citizen_of rule,
//! duplicates merged, confidence filter). Each document is independent, so
//! callers may run documents in parallel and must keep their order.

use crate::lexicon::Lexicon;
use crate::mentions::{find_mentions, tag_tokens};
use crate::model::{Actor, ActorType, DocExtraction, Document, Modality, Relation, Triple};
use crate::relations::{Found, affiliations, description_affiliations, group_members, patterns};
use crate::resolve::{CorpusNames, Renames, Stage, resolve_names, resolve_references};
use crate::text::{Tokenized, sentence_text};
use std::collections::{BTreeMap, BTreeSet};

/// How many documents [`Extractor::extract_stream`] reads ahead and extracts in parallel.
pub const BATCH: usize = 256;

/// The size of the stream's first batch; each next one is twice as large, up to
/// [`BATCH`].
const FIRST_BATCH: usize = 8;

/// What the caller can tune about extraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractConfig {
    /// Triples below this confidence are dropped.
    pub min_confidence: f32,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig { min_confidence: 0.0 }
    }
}

/// Extracts triples from documents with one set of lexicons.
#[derive(Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    config: ExtractConfig,
}

impl Extractor {
    /// An extractor with these lexicons and settings.
    pub fn new(lexicon: Lexicon, config: ExtractConfig) -> Self {
        Extractor { lexicon, config }
    }

    /// The lexicons in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts every document of a stream in batches of up to [`BATCH`]
    /// documents, in parallel on rayon's current thread pool, in input order (so
    /// the output is the same on any number of threads). A reader thread reads
    /// the next batches while this one is extracted; at most a few batches are
    /// held at a time. `progress` is called after each batch with the documents
    /// and text bytes done so far, and `sink` with each document's extraction,
    /// in order. The first unreadable input, or the first error of `sink`, stops
    /// the run.
    ///
    /// Nothing waits on one thread while the others idle: the first batches
    /// are small (the pool starts after a few documents, not after the reader
    /// has cleaned [`BATCH`] of them), and each batch's results go to `sink`
    /// while the pool extracts the next batch.
    pub fn extract_stream(
        &self,
        docs: impl Iterator<Item = crate::Result<Document>> + Send,
        mut progress: impl FnMut(usize, u64),
        mut sink: impl FnMut(DocExtraction) -> crate::Result<()> + Send,
    ) -> crate::Result<()> {
        use rayon::prelude::*;
        let (tx, rx) = std::sync::mpsc::sync_channel::<crate::Result<Vec<Document>>>(2);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut docs = docs.peekable();
                let mut size = FIRST_BATCH;
                while docs.peek().is_some() {
                    let batch = docs.by_ref().take(size).collect::<crate::Result<Vec<Document>>>();
                    size = (size * 2).min(BATCH);
                    let failed = batch.is_err();
                    if tx.send(batch).is_err() || failed {
                        return;
                    }
                }
            });
            let (mut done, mut bytes) = (0usize, 0u64);
            let mut sink_all = |out: Vec<DocExtraction>| out.into_iter().try_for_each(&mut sink);
            let mut extracted = Vec::new();
            for batch in rx {
                // An error ends the run, after the batches before it are
                // handed on; dropping `rx` stops the reader.
                let batch = match batch {
                    Ok(batch) => batch,
                    Err(e) => {
                        sink_all(std::mem::take(&mut extracted))?;
                        return Err(e);
                    }
                };
                bytes += batch.iter().map(|d| (d.title.len() + d.body.len()) as u64).sum::<u64>();
                done += batch.len();
                let previous = std::mem::take(&mut extracted);
                let (out, sunk) = rayon::join(
                    || {
                        batch
                            .par_iter()
                            .map(|d| self.extract(d))
                            .collect::<Vec<DocExtraction>>()
                    },
                    || sink_all(previous),
                );
                sunk?;
                extracted = out;
                drop(batch);
                progress(done, bytes);
            }
            sink_all(extracted)
        })
    }

    /// Extracts the actors and triples of one document. Never fails: text that
    /// makes no sense yields fewer triples.
    pub fn extract(&self, doc: &Document) -> DocExtraction {
        // A huge document (a 200 MB line of scrape) is read in parts, so memory
        // stays bounded; names are resolved within each part.
        let mut triples = Vec::new();
        let mut actors: BTreeMap<String, Actor> = BTreeMap::new();
        let mut offset = 0;
        for (i, body) in split_parts(&doc.body, MAX_PART).into_iter().enumerate() {
            let title = if i == 0 { doc.title.as_str() } else { "" };
            let (part_triples, part_actors, sentences) = self.extract_part(doc, title, body);
            triples.extend(merge_triples(part_triples).into_iter().map(|mut t| {
                t.sentence_index += offset;
                t
            }));
            for a in part_actors {
                // One search of the map per actor, not a lookup and an insert.
                match actors.entry(a.name.clone()) {
                    std::collections::btree_map::Entry::Occupied(mut x) => {
                        let x = x.get_mut();
                        x.mentions += a.mentions;
                        x.aliases.extend(a.aliases);
                    }
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(a);
                    }
                }
            }
            offset += sentences;
        }
        let triples = merge_triples(triples);
        let actors = actors.into_values().collect();
        DocExtraction {
            doc: doc.id.clone(),
            date: doc.date.clone(),
            actors,
            triples,
        }
    }

    /// Extracts one part of a document: its triples (not yet merged), its
    /// actors, and how many sentences it has.
    fn extract_part(&self, doc: &Document, title: &str, body: &str) -> (Vec<Triple>, Vec<Actor>, usize) {
        let lex = &self.lexicon;
        let text = if title.is_empty() {
            body.to_string()
        } else {
            format!("{title}\n\n{body}")
        };
        let mut t = Tokenized::new(&text);
        tag_tokens(&mut t, lex);
        let headline_sentences = if title.is_empty() {
            0
        } else {
            t.sentences.iter().take_while(|s| s.start < title.len()).count()
        };
        let mut mentions = find_mentions(&t, lex);
        let mut ents = resolve_names(&t, lex, &mut mentions, headline_sentences);
        resolve_references(&t, lex, &mut mentions, &mut ents, Stage::Pronouns);
        let mut found = affiliations(&t, lex, &mentions, &mut ents);
        found.extend(group_members(&t, lex, &mentions, &ents));
        resolve_references(&t, lex, &mut mentions, &mut ents, Stage::Descriptions);
        found.extend(description_affiliations(&t, lex, &mentions, &mut ents));
        found.extend(patterns(&t, lex, &mentions, &ents));

        // GUIDELINES: citizen_of only where the person has no leads/works_for with that country.
        let affiliated: BTreeSet<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.relation, Relation::Leads | Relation::WorksFor))
            .map(|f| (f.subject, f.object))
            .collect();
        found.retain(|f| f.relation != Relation::CitizenOf || !affiliated.contains(&(f.subject, f.object)));

        let mut triples = Vec::with_capacity(found.len());
        for Found {
            subject,
            relation,
            object,
            modality,
            sentence,
            mut confidence,
            rule,
        } in found
        {
            // Headlines are terse and cased like names throughout: trust them less.
            if sentence < headline_sentences {
                confidence = (confidence * 0.9 * 100.0).round() / 100.0;
            }
            if confidence < self.config.min_confidence {
                continue;
            }
            let (mut s, mut o) = (&ents.list[subject], &ents.list[object]);
            if relation.is_symmetric() && o.name < s.name {
                std::mem::swap(&mut s, &mut o);
            }
            triples.push(Triple {
                doc: doc.id.clone(),
                subject: s.name.clone(),
                subject_type: s.ty,
                relation,
                object: o.name.clone(),
                object_type: o.ty,
                modality,
                sentence: sentence_text(&text, &t.sentences[sentence]),
                sentence_index: sentence,
                date: doc.date.clone(),
                confidence,
                rule,
            });
        }
        let actors = ents
            .list
            .into_iter()
            .filter(|e| e.mentions > 0)
            .map(|e| Actor {
                name: e.name,
                actor_type: e.ty,
                aliases: e.aliases,
                mentions: e.mentions,
            })
            .collect();
        (triples, actors, t.sentences.len())
    }
}

/// Documents longer than this many bytes are extracted in parts.
pub const MAX_PART: usize = 1 << 20;

/// Splits a body into parts of at most `max` bytes, at a paragraph break where
/// there is one, else at a sentence end, else at a space, else anywhere on a
/// character boundary.
fn split_parts(body: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = body;
    while rest.len() > max {
        let mut end = max;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let window = &rest[..end];
        let cut = window
            .rfind('\n')
            .or_else(|| window.rfind(". ").map(|i| i + 1))
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .unwrap_or(end);
        parts.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    parts.push(rest);
    parts
}

/// Merges duplicate triples of one document: one per (subject, relation,
/// object, modality), the most confident (the first, on a tie), in sentence order.
fn merge_triples(triples: Vec<Triple>) -> Vec<Triple> {
    let mut merged: BTreeMap<(String, Relation, String, Modality), Triple> = BTreeMap::new();
    for t in triples {
        let key = (t.subject.clone(), t.relation, t.object.clone(), t.modality);
        match merged.get_mut(&key) {
            Some(old) if old.confidence >= t.confidence => {}
            Some(old) => *old = t,
            None => {
                merged.insert(key, t);
            }
        }
    }
    let mut triples: Vec<Triple> = merged.into_values().collect();
    triples.sort_by(|a, b| {
        (a.sentence_index, &a.subject, a.relation, &a.object, a.modality).cmp(&(
            b.sentence_index,
            &b.subject,
            b.relation,
            &b.object,
            b.modality,
        ))
    });
    triples
}

/// Gives every person one canonical name across documents: a document that only
/// says "Putin" joins the "Vladimir Putin" of another. Triples that the merge
/// makes identical within a document are merged again.
pub fn canonicalize(docs: &mut [DocExtraction]) {
    let mut names = CorpusNames::default();
    for d in docs.iter() {
        for a in &d.actors {
            names.observe(&a.name, a.actor_type);
        }
    }
    let persons = docs
        .iter()
        .flat_map(|d| &d.actors)
        .filter(|a| a.actor_type == ActorType::Person);
    let names = Renames::new(names, persons.map(|a| a.name.as_str()));
    for d in docs.iter_mut() {
        for a in &mut d.actors {
            let c = names.canonical(&a.name, a.actor_type);
            if c != a.name {
                a.aliases.insert(std::mem::replace(&mut a.name, c));
            }
        }
        // Actors that now share a name are one actor.
        let mut by_name: BTreeMap<String, Actor> = BTreeMap::new();
        for a in d.actors.drain(..) {
            match by_name.get_mut(&a.name) {
                Some(x) => {
                    x.mentions += a.mentions;
                    x.aliases.extend(a.aliases);
                }
                None => {
                    by_name.insert(a.name.clone(), a);
                }
            }
        }
        d.actors = by_name.into_values().collect();
        d.triples = canonical_triples(&names, std::mem::take(&mut d.triples));
    }
}

/// One document's triples under the corpus's canonical names: symmetric
/// relations in name order again, and triples the renaming made identical
/// (or reflexive) dropped.
pub(crate) fn canonical_triples(names: &Renames, triples: Vec<Triple>) -> Vec<Triple> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(triples.len());
    for mut tr in triples {
        names.rename(&mut tr.subject, tr.subject_type);
        names.rename(&mut tr.object, tr.object_type);
        if tr.relation.is_symmetric() && tr.object < tr.subject {
            std::mem::swap(&mut tr.subject, &mut tr.object);
            std::mem::swap(&mut tr.subject_type, &mut tr.object_type);
        }
        if tr.subject != tr.object && seen.insert((tr.subject.clone(), tr.relation, tr.object.clone(), tr.modality)) {
            out.push(tr);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream_docs(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| Document {
                id: format!("d{i}"),
                body: if i % 3 == 0 {
                    format!("Vladimir Putin met Tony Blair {i} times.")
                } else {
                    format!("Emmanuel Macron visited Germany on day {i}.")
                },
                ..Default::default()
            })
            .collect()
    }

    /// Enough documents for every batch size from the first to [`BATCH`], on
    /// one thread and on three: the sink sees every document once, in input
    /// order, with what `extract` gives alone.
    #[test]
    fn the_stream_keeps_input_order_across_growing_batches() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let docs = stream_docs(FIRST_BATCH + 2 * BATCH + 5);
        let alone: Vec<DocExtraction> = docs.iter().map(|d| ex.extract(d)).collect();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (mut sunk, mut reported) = (Vec::new(), Vec::new());
            pool.install(|| {
                ex.extract_stream(
                    docs.clone().into_iter().map(Ok),
                    |done, _| reported.push(done),
                    |d| {
                        sunk.push(d);
                        Ok(())
                    },
                )
            })
            .unwrap();
            assert_eq!(sunk.len(), docs.len(), "{threads} threads");
            for (a, b) in sunk.iter().zip(&alone) {
                assert_eq!((&a.doc, &a.triples), (&b.doc, &b.triples), "{threads} threads");
            }
            assert_eq!(reported.first(), Some(&FIRST_BATCH), "the first batch is small");
            assert_eq!(reported.last(), Some(&docs.len()));
            assert!(
                reported.windows(2).all(|w| w[0] < w[1] && w[1] - w[0] <= BATCH),
                "{reported:?}"
            );
        }
    }

    /// An unreadable document ends the run with its error, after every batch
    /// read before its own has gone to the sink.
    #[test]
    fn the_stream_stops_at_an_unreadable_document() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let docs = stream_docs(100);
        // Batches of 8, 16 and 32 hold documents 0..56; 60 is in the fourth.
        let stream = docs.into_iter().enumerate().map(|(i, d)| {
            if i == 60 {
                Err(crate::Error::io("input", std::io::Error::other("unreadable")))
            } else {
                Ok(d)
            }
        });
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut sunk = Vec::new();
        let result = pool.install(|| {
            ex.extract_stream(
                stream,
                |_, _| {},
                |d| {
                    sunk.push(d.doc);
                    Ok(())
                },
            )
        });
        assert!(result.unwrap_err().to_string().contains("unreadable"));
        let expected: Vec<String> = (0..56).map(|i| format!("d{i}")).collect();
        assert_eq!(sunk, expected);
    }

    /// The sink's first error ends the run, and nothing after it is sunk.
    #[test]
    fn the_stream_stops_at_the_sinks_first_error() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let docs = stream_docs(300);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut calls = 0;
        let result = pool.install(|| {
            ex.extract_stream(
                docs.into_iter().map(Ok),
                |_, _| {},
                |_| {
                    calls += 1;
                    if calls == 20 {
                        Err(crate::Error::io("spill", std::io::Error::other("disk full")))
                    } else {
                        Ok(())
                    }
                },
            )
        });
        assert!(result.unwrap_err().to_string().contains("disk full"));
        assert_eq!(calls, 20);
    }

    fn triples(title: &str, body: &str) -> Vec<String> {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let doc = Document {
            id: "t".into(),
            title: title.into(),
            body: body.into(),
            ..Default::default()
        };
        ex.extract(&doc)
            .triples
            .iter()
            .map(|t| format!("{} {} {} {}", t.subject, t.relation, t.object, t.modality))
            .collect()
    }

    #[test]
    fn titles_give_affiliations() {
        let t = triples(
            "",
            "Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov.",
        );
        assert!(t.contains(&"Vladimir Putin leads Russia fact".to_string()), "{t:?}");
        assert!(t.contains(&"Dmitry Peskov works_for Kremlin fact".to_string()), "{t:?}");
        assert!(
            t.contains(&"Dmitry Peskov met Vladimir Putin fact".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn modality_from_cues() {
        let t = triples(
            "",
            "Steve Witkoff will visit Russia. Tony Blair did not meet Jacques Chirac. Nobody knows whether Blair would meet Witkoff.",
        );
        assert!(t.contains(&"Steve Witkoff visited Russia planned".to_string()), "{t:?}");
        assert!(
            t.contains(&"Jacques Chirac met Tony Blair negated".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Steve Witkoff met Tony Blair hypothetical".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn pronouns_coordination_and_passives() {
        let t = triples(
            "",
            "Steve Witkoff flew in. He met with Vladimir Putin and Kirill Dmitriev. Witkoff was praised by Donald Trump.",
        );
        assert!(
            t.contains(&"Steve Witkoff met Vladimir Putin fact".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Kirill Dmitriev met Steve Witkoff fact".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Donald Trump praised Steve Witkoff fact".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn calling_someone_a_name_is_no_phone_call() {
        let t = triples(
            "",
            "Donald Trump called Paul Manafort a \"brave man\". Vladimir Putin called Emmanuel Macron on Tuesday.",
        );
        assert!(!t.iter().any(|x| x.contains("Paul Manafort")), "{t:?}");
        assert!(
            t.contains(&"Emmanuel Macron called Vladimir Putin fact".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_junior_is_not_his_father() {
        let t = triples(
            "",
            "Donald Trump Jr. met Nigel Farage. President Donald Trump praised Boris Johnson. Trump Jr. thanked Farage.",
        );
        assert!(
            t.contains(&"Donald Trump Jr. praised Nigel Farage fact".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Donald Trump praised Boris Johnson fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.starts_with("Donald Trump praised Nigel")), "{t:?}");
    }

    #[test]
    fn huge_documents_are_read_in_parts() {
        let sentence = "Vladimir Putin met Donald Trump in Helsinki and they talked about many things. ";
        let body = sentence.repeat(3 * MAX_PART / sentence.len());
        assert!(split_parts(&body, MAX_PART).len() >= 3);
        assert!(split_parts(&body, MAX_PART).iter().all(|p| p.len() <= MAX_PART));
        assert_eq!(split_parts(&body, MAX_PART).concat(), body);
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let doc = Document {
            id: "big".into(),
            body,
            ..Default::default()
        };
        let out = ex.extract(&doc);
        let met: Vec<_> = out.triples.iter().filter(|t| t.relation == Relation::Met).collect();
        assert_eq!(met.len(), 1, "merged across parts");
        assert_eq!(met[0].sentence_index, 0);
        // No cut inside a character, even with no space for a megabyte.
        let wide = "é".repeat(MAX_PART);
        assert!(split_parts(&wide, MAX_PART).iter().all(|p| !p.is_empty()));
    }

    #[test]
    fn canonical_names_across_documents() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let a = Document {
            id: "a".into(),
            body: "Vladimir Putin met Tony Blair.".into(),
            ..Default::default()
        };
        let b = Document {
            id: "b".into(),
            body: "President Putin visited France.".into(),
            ..Default::default()
        };
        let mut docs = vec![ex.extract(&a), ex.extract(&b)];
        canonicalize(&mut docs);
        assert_eq!(docs[1].triples[0].subject, "Vladimir Putin");
    }
}
