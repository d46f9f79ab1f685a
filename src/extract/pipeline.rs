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
use crate::naming::{CorpusNames, Renames};
use crate::relations::{Found, affiliations, description_affiliations, group_members, pair_meetings, patterns};
use crate::resolve::{Stage, resolve_names, resolve_references};
use crate::text::{Tokenized, sentence_text};
use std::collections::{BTreeMap, BTreeSet};

/// How many documents [`Extractor::extract_stream`] holds at most: read and not yet sunk.
pub const BATCH: usize = 256;

/// How many consecutive documents [`Extractor::extract_stream`] hands a
/// thread at once: a thread switch per document cost a 1-core run 10%.
const CHUNK: usize = 8;

/// A counting semaphore: a worker takes a permit per chunk of documents it
/// reads and the sink gives it back, so few are in memory at once.
struct Permits {
    /// Permits free, and whether the stream has stopped.
    state: std::sync::Mutex<(usize, bool)>,
    freed: std::sync::Condvar,
}

impl Permits {
    fn new(n: usize) -> Self {
        Permits {
            state: std::sync::Mutex::new((n, false)),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits for a permit; false once the stream has stopped.
    fn acquire(&self) -> bool {
        let Ok(mut state) = self.state.lock() else { return false };
        loop {
            match *state {
                (_, true) => return false,
                (0, false) => match self.freed.wait(state) {
                    Ok(s) => state = s,
                    Err(_) => return false,
                },
                (ref mut n, false) => {
                    *n -= 1;
                    return true;
                }
            }
        }
    }

    fn release(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.0 += 1;
            self.freed.notify_one();
        }
    }

    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.1 = true;
            self.freed.notify_all();
        }
    }
}

/// The article text of a document, in bytes, as progress counts it.
fn text_bytes(d: &Document) -> u64 {
    (d.title.len() + d.body.len()) as u64
}

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

    /// Extracts every document of a stream in parallel, on `threads` threads
    /// (the calling thread one of them), and hands each document's
    /// extraction to `sink` in input order (so the output is the same on any
    /// number of threads). At most [`BATCH`] documents are read and not yet
    /// sunk at a time. `progress` is called as documents are sunk, with the
    /// documents and text bytes done so far. The first unreadable input ends
    /// the run after every document before it is sunk; the first error of
    /// `sink` ends it at once; a thread that cannot be started ends it before
    /// any is sunk.
    ///
    /// No thread waits for the others at a batch's end: each reads the next
    /// chunk of 8 documents as soon as it is free (the stream behind a lock),
    /// extracts it, and sinks whatever is next in order (the sink behind a
    /// lock: a chunk done early waits there for those before it). Batches
    /// of 256 documents, each extracted by the whole pool, had left a core
    /// idle 12% of a 2-core run on 10 MB (a long article ending a batch).
    /// A reader thread of its own made three busy threads on two cores and
    /// every text read on one core and extracted on another; the calling
    /// thread sinking what the workers sent it woke for every chunk and put
    /// a worker off its core each time (900 thread switches on 10 MB).
    ///
    /// The threads are not rayon's: a pool started before the stream had its
    /// idle threads looking for work for the first milliseconds of the run,
    /// while the lexicons compiled and the first documents were read (the
    /// CLI starts its pool after the stream, for the passes that follow).
    ///
    /// One thread reads, extracts and sinks one document at a time: with a
    /// reader and a worker on one core, each document was read up to 256
    /// documents before its turn, out of the cache by then, and handed
    /// between threads twice. That cost a 1-core run on 10 MB about 5%
    /// (BENCHMARKS.md).
    pub fn extract_stream(
        &self,
        threads: usize,
        docs: impl Iterator<Item = crate::Result<Document>> + Send,
        mut progress: impl FnMut(usize, u64) + Send,
        mut sink: impl FnMut(DocExtraction) -> crate::Result<()> + Send,
    ) -> crate::Result<()> {
        use std::sync::atomic::{AtomicBool, Ordering};
        if threads <= 1 {
            let (mut done, mut bytes) = (0, 0);
            for doc in docs {
                let doc = doc?;
                bytes += text_bytes(&doc);
                let out = self.extract(&doc);
                drop(doc);
                sink(out)?;
                done += 1;
                progress(done, bytes);
            }
            return Ok(());
        }
        /// Chunks done out of order, by their first document's number, until
        /// those before them are sunk; and how the run ended, if it has.
        struct Order {
            pending: BTreeMap<usize, crate::Result<(u64, Vec<DocExtraction>)>>,
            next: usize,
            done: usize,
            bytes: u64,
            failed: Option<crate::Error>,
            panicked: Option<Box<dyn std::any::Any + Send>>,
        }
        // Permits count chunks in flight, so at most `BATCH` documents.
        let permits = Permits::new(BATCH / CHUNK);
        let stopped = AtomicBool::new(false);
        let stop = || {
            stopped.store(true, Ordering::Relaxed);
            permits.close();
        };
        // The documents, numbered, and whether they have ended.
        let feed = std::sync::Mutex::new((docs.enumerate(), false));
        // The order, with the sink and progress that only its holder calls.
        let order = std::sync::Mutex::new((
            Order {
                pending: BTreeMap::new(),
                next: 0,
                done: 0,
                bytes: 0,
                failed: None,
                panicked: None,
            },
            &mut sink,
            &mut progress,
        ));
        // Puts a chunk (or an unreadable document) in order and sinks all
        // that is next; false once the run has stopped.
        let deliver = |seq: usize, item: crate::Result<(u64, Vec<DocExtraction>)>| -> bool {
            let Ok(mut order) = order.lock() else { return false };
            let (o, sink, progress) = &mut *order;
            // A sink's error stops the run under this lock, before it is let go.
            if stopped.load(Ordering::Relaxed) {
                return false;
            }
            o.pending.insert(seq, item);
            let before = o.done;
            while let Some(ready) = o.pending.remove(&o.next) {
                let sunk = ready.and_then(|(size, outs)| {
                    let n = outs.len();
                    outs.into_iter().try_for_each(&mut **sink)?;
                    Ok((size, n))
                });
                match sunk {
                    Ok((size, n)) => {
                        permits.release();
                        (o.done, o.bytes, o.next) = (o.done + n, o.bytes + size, o.next + n);
                    }
                    Err(e) => {
                        o.failed = Some(e);
                        stop();
                        return false;
                    }
                }
            }
            if o.done > before {
                progress(o.done, o.bytes);
            }
            true
        };
        let work = || {
            /// Stops the run if this thread unwinds (a panic reading or
            /// sinking), so that no other waits for a permit for ever.
            struct StopOnUnwind<F: Fn()>(F);
            impl<F: Fn()> Drop for StopOnUnwind<F> {
                fn drop(&mut self) {
                    if std::thread::panicking() {
                        (self.0)();
                    }
                }
            }
            let _guard = StopOnUnwind(stop);
            // Until the documents end or the run stops.
            while permits.acquire() {
                // A chunk of consecutive documents, cut short by an
                // unreadable one or the end.
                let (mut first, mut chunk) = (None, Vec::with_capacity(CHUNK));
                let mut unreadable = None;
                {
                    let Ok(mut feed) = feed.lock() else { return };
                    let (docs, ended) = &mut *feed;
                    while !*ended && chunk.len() < CHUNK {
                        match docs.next() {
                            Some((seq, Ok(doc))) => {
                                first.get_or_insert(seq);
                                chunk.push(doc);
                            }
                            Some((seq, Err(e))) => {
                                unreadable = Some((seq, e));
                                *ended = true;
                            }
                            None => *ended = true,
                        }
                    }
                }
                if let Some((seq, e)) = unreadable
                    && !deliver(seq, Err(e))
                {
                    return;
                }
                let Some(first) = first else {
                    // The end: the permit taken is never given back, so the
                    // threads still waiting for one must be told, or more
                    // threads than permits would wait for ever.
                    permits.close();
                    return;
                };
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                let bytes = chunk.iter().map(text_bytes).sum();
                let extract = || chunk.iter().map(|d| self.extract(d)).collect();
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(extract)) {
                    Ok(outs) => {
                        drop(chunk);
                        if !deliver(first, Ok((bytes, outs))) {
                            return;
                        }
                    }
                    Err(payload) => {
                        if let Ok(mut order) = order.lock() {
                            order.0.panicked.get_or_insert(payload);
                        }
                        stop();
                        return;
                    }
                }
            }
        };
        let started = std::thread::scope(|scope| {
            // Nothing is sunk until every thread has started, so a thread
            // that cannot start ends the run with nothing sunk; those that
            // have started extract meanwhile.
            let gate = order.lock();
            for i in 1..threads {
                let worker = std::thread::Builder::new().name(format!("pg-extract-{i}"));
                if let Err(source) = worker.spawn_scoped(scope, work) {
                    // Without all its threads the run stops at once: fewer
                    // than asked for would go unnoticed.
                    stop();
                    return Err(crate::Error::Thread { source });
                }
            }
            drop(gate);
            work();
            Ok(())
        });
        let (order, _, _) = order.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(payload) = order.panicked {
            std::panic::resume_unwind(payload);
        }
        started?;
        match order.failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Extracts the actors and triples of one document. Never fails: text that
    /// makes no sense yields fewer triples.
    pub fn extract(&self, doc: &Document) -> DocExtraction {
        // A huge document (a 200 MB line of scrape) is read in parts, so memory
        // stays bounded; names are resolved within each part.
        let mut triples = Vec::new();
        let mut actors: Vec<Actor> = Vec::new();
        let mut offset = 0;
        for (i, body) in split_parts(without_title(&doc.title, &doc.body), MAX_PART)
            .into_iter()
            .enumerate()
        {
            let title = if i == 0 { doc.title.as_str() } else { "" };
            let (part_triples, part_actors, sentences) = self.extract_part(doc, title, body);
            triples.extend(merge_triples(part_triples).into_iter().map(|mut t| {
                t.sentence_index += offset;
                t
            }));
            actors.extend(part_actors);
            offset += sentences;
        }
        let triples = merge_triples(triples);
        // In name order, one per name: the first of a name takes in the
        // mentions and aliases of the others (parts of a huge document).
        actors.sort_by(|a, b| a.name.cmp(&b.name));
        actors.dedup_by(|later, first| {
            let same = later.name == first.name;
            if same {
                first.mentions += later.mentions;
                first.aliases.append(&mut later.aliases);
            }
            same
        });
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
        resolve_references(&t, lex, &mut mentions, &mut ents, Stage::Late);
        found.extend(description_affiliations(&t, lex, &mentions, &mut ents));
        found.extend(patterns(&t, lex, &mentions, &ents));
        found.extend(pair_meetings(&t, lex, &mentions, &ents));

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

/// The body without a first line that repeats the title: scraped records
/// often begin their text with the headline, and a headline read as body
/// text makes actors of its title-case words ("Senators Question Fitness
/// of Trump").
fn without_title<'a>(title: &str, body: &'a str) -> &'a str {
    let title = title.trim();
    if title.is_empty() {
        return body;
    }
    match body.trim_start().strip_prefix(title) {
        Some(after) if after.is_empty() || after.starts_with(['\n', '\r']) => after,
        _ => body,
    }
}

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

/// Gives every actor its canonical name and type across documents
/// ([`crate::naming`]): a document that only says "Putin" joins the
/// "Vladimir Putin" of another. Triples that the merge makes identical within
/// a document are merged again; actors and triples a correction calls no
/// actor are dropped. Returns the renames (which corrections matched nothing).
/// In memory; the CLI's runs go through [`crate::corpus`].
pub fn canonicalize(docs: &mut [DocExtraction], lex: &Lexicon) -> Renames {
    let mut names = CorpusNames::default();
    for d in docs.iter() {
        names.observe_document(&d.actors);
    }
    let all = docs.iter().flat_map(|d| &d.actors);
    let names = names.resolve(lex, all.map(|a| (a.name.as_str(), a.actor_type, a.mentions)));
    for d in docs.iter_mut() {
        d.actors.retain_mut(|a| {
            let before = a.name.clone();
            let keep = names.rename(&mut a.name, &mut a.actor_type);
            if a.name != before && names.is_name_form(&before) {
                a.aliases.insert(before);
            }
            keep
        });
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
    names
}

/// One document's triples under the corpus's canonical names: symmetric
/// relations in name order again, and triples the renaming made identical
/// (or reflexive) dropped.
pub(crate) fn canonical_triples(names: &Renames, triples: Vec<Triple>) -> Vec<Triple> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(triples.len());
    for mut tr in triples {
        let object_type = tr.object_type;
        if !names.rename(&mut tr.subject, &mut tr.subject_type) || !names.rename(&mut tr.object, &mut tr.object_type) {
            continue;
        }
        // A place visited or lived in that the corpus finds to be a person
        // or a body was misread ("in Trump…").
        if object_type == ActorType::Place
            && tr.object_type != ActorType::Place
            && matches!(tr.relation, Relation::Visited | Relation::CitizenOf)
        {
            continue;
        }
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

    /// More documents than the stream holds at once, on one thread and on
    /// three: the sink sees every document once, in input order, with what
    /// `extract` gives alone; progress only grows; and the stream is never
    /// read more than [`BATCH`] documents (and the one in hand) ahead of the
    /// sink.
    #[test]
    fn the_stream_keeps_input_order_and_its_bound() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let docs = stream_docs(3 * BATCH + 5);
        let alone: Vec<DocExtraction> = docs.iter().map(|d| ex.extract(d)).collect();
        for threads in [1, 3] {
            let (mut sunk, mut reported) = (Vec::new(), Vec::new());
            let (read, sunk_count, most_ahead) = (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
            let stream = docs.clone().into_iter().map(|d| {
                let ahead = read.fetch_add(1, Ordering::SeqCst) + 1 - sunk_count.load(Ordering::SeqCst);
                most_ahead.fetch_max(ahead, Ordering::SeqCst);
                Ok(d)
            });
            ex.extract_stream(
                threads,
                stream,
                |done, _| reported.push(done),
                |d| {
                    sunk.push(d);
                    sunk_count.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(sunk.len(), docs.len(), "{threads} threads");
            for (a, b) in sunk.iter().zip(&alone) {
                assert_eq!((&a.doc, &a.triples), (&b.doc, &b.triples), "{threads} threads");
            }
            assert_eq!(reported.last(), Some(&docs.len()));
            assert!(reported.windows(2).all(|w| w[0] < w[1]), "{reported:?}");
            let most_ahead = most_ahead.load(Ordering::SeqCst);
            assert!(most_ahead <= BATCH + 1, "{most_ahead} documents held");
        }
    }

    /// More threads than chunks in flight, on a stream of a few documents:
    /// the threads that find it ended wake those waiting, and the run ends.
    #[test]
    fn the_stream_ends_with_more_threads_than_permits() {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
            let mut sunk = 0;
            let result = ex.extract_stream(
                2 * BATCH / CHUNK + 3,
                stream_docs(5).into_iter().map(Ok),
                |_, _| {},
                |_| {
                    sunk += 1;
                    Ok(())
                },
            );
            let _ = tx.send(result.map(|()| sunk));
        });
        let done = rx.recv_timeout(std::time::Duration::from_secs(60));
        assert_eq!(done.expect("the stream never ended").unwrap(), 5);
    }

    /// An unreadable document ends the run with its error, after every
    /// document before it has gone to the sink.
    #[test]
    fn the_stream_stops_at_an_unreadable_document() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        for threads in [1, 2] {
            let stream = stream_docs(100).into_iter().enumerate().map(|(i, d)| {
                if i == 60 {
                    Err(crate::Error::io("input", std::io::Error::other("unreadable")))
                } else {
                    Ok(d)
                }
            });
            let mut sunk = Vec::new();
            let result = ex.extract_stream(
                threads,
                stream,
                |_, _| {},
                |d| {
                    sunk.push(d.doc);
                    Ok(())
                },
            );
            assert!(
                result.unwrap_err().to_string().contains("unreadable"),
                "{threads} threads"
            );
            let expected: Vec<String> = (0..60).map(|i| format!("d{i}")).collect();
            assert_eq!(sunk, expected, "{threads} threads");
        }
    }

    /// A panic reading a document or in the sink, on whichever thread it
    /// happens, reaches the caller as a panic, and no thread is left
    /// waiting for a permit (a minute's watchdog).
    #[test]
    fn a_panic_in_the_stream_or_the_sink_reaches_the_caller() {
        // More threads than permits, so that some wait for one.
        let many = 2 * BATCH / CHUNK + 3;
        for (threads, in_sink) in [(2, false), (2, true), (many, false), (many, true)] {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
                let stream = stream_docs(400).into_iter().enumerate().map(move |(i, d)| {
                    assert!(in_sink || i != 150, "reading document 150");
                    Ok(d)
                });
                let mut sunk = 0;
                let run = std::panic::AssertUnwindSafe(|| {
                    ex.extract_stream(
                        threads,
                        stream,
                        |_, _| {},
                        |_| {
                            sunk += 1;
                            assert!(!in_sink || sunk != 150, "sinking document 150");
                            Ok(())
                        },
                    )
                });
                let _ = tx.send(std::panic::catch_unwind(run).is_err());
            });
            let panicked = rx.recv_timeout(std::time::Duration::from_secs(60));
            assert_eq!(panicked, Ok(true), "{threads} threads, in the sink: {in_sink}");
        }
    }

    /// The sink's first error ends the run, and nothing after it is sunk.
    #[test]
    fn the_stream_stops_at_the_sinks_first_error() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        for threads in [1, 2] {
            let mut calls = 0;
            let result = ex.extract_stream(
                threads,
                stream_docs(300).into_iter().map(Ok),
                |_, _| {},
                |_| {
                    calls += 1;
                    if calls == 20 {
                        Err(crate::Error::io("spill", std::io::Error::other("disk full")))
                    } else {
                        Ok(())
                    }
                },
            );
            assert!(
                result.unwrap_err().to_string().contains("disk full"),
                "{threads} threads"
            );
            assert_eq!(calls, 20, "{threads} threads");
        }
    }

    #[test]
    fn a_body_repeating_its_title_reads_it_as_the_title() {
        assert_eq!(
            without_title("Senators Question Trump", "Senators Question Trump\n\nText."),
            "\n\nText."
        );
        assert_eq!(
            without_title("Senators", "Senators Question Trump\n\nText."),
            "Senators Question Trump\n\nText."
        );
        assert_eq!(without_title("", "Text."), "Text.");
        // No new actor from a headline that the body repeats.
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let title = "Adam Schiff Reacts To Mueller Report";
        let doc = Document {
            id: "t".into(),
            title: title.into(),
            body: format!("{title}\n\nRep. Adam Schiff said the report was damning."),
            ..Default::default()
        };
        let actors: Vec<String> = ex.extract(&doc).actors.into_iter().map(|a| a.name).collect();
        assert!(actors.contains(&"Adam Schiff".to_string()), "{actors:?}");
        assert!(!actors.iter().any(|a| a.contains("Reacts")), "{actors:?}");
    }

    /// "on a visit to Tokyo", "traveled Sunday to Mar-a-Lago": a trip's
    /// destination, however far its subject; not "in return for".
    #[test]
    fn a_trip_to_a_place_is_a_visit() {
        let t = triples(
            "T",
            "Prime Minister Mahathir Mohamad, on a visit to Tokyo, said so. \
             Mark Esper traveled Sunday with aides to Mar-a-Lago. \
             Donald Trump asked for help in return for aid to Ukraine.",
        );
        has_all(
            &t,
            &[
                "Mahathir Mohamad visited Tokyo fact",
                "Mark Esper visited Mar-a-Lago fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("visited Ukraine")), "{t:?}");
    }

    /// An apposition's second part after "and", and a state whose name
    /// opens with a title's modifier word ("New York Democrat").
    #[test]
    fn coordinated_appositions_and_new_york() {
        let t = triples(
            "T",
            "Eliot Engel, New York Democrat and chairman of the House Foreign Affairs Committee, said so. \
             Peter Murrell, the SNP's longstanding chief executive, was charged. \
             Ehud Barak and Palestinian Authority leader Yasser Arafat met.",
        );
        has_all(
            &t,
            &[
                "Eliot Engel member_of Democratic Party fact",
                "Eliot Engel leads House Foreign Affairs Committee fact",
                "Peter Murrell leads Scottish National Party fact",
                "Yasser Arafat leads Palestinian Authority fact",
            ],
        );
    }

    /// A programme named in quotes after its outlet's possessive is the
    /// outlet's; a person after it is the person, and the outlet.
    #[test]
    fn a_quoted_programme_is_its_outlet() {
        let t = triples(
            "T",
            "Lindsey Graham said during an appearance on Fox News’s “Hannity.” \
             Mike Pompeo said on CNN's \"State of the Union\" that Iran lied. \
             Mike Pompeo told Fox News's Sean Hannity that Iran lied.",
        );
        has_all(
            &t,
            &[
                "Lindsey Graham spoke_to Fox News fact",
                "Mike Pompeo spoke_to CNN fact",
                "Mike Pompeo spoke_to Sean Hannity fact",
            ],
        );
        // Speaking to an outlet's person speaks to the outlet too (the gold's
        // "told MSNBC's Hugh Hewitt").
        assert!(t.contains(&"Mike Pompeo spoke_to Fox News fact".to_string()), "{t:?}");
        // An outlet's possessive that ends the text (found by the fuzz test).
        for end in [
            "Lindsey Graham said on Fox News's",
            "Lindsey Graham said on Fox News's\n\n“Hannity”",
        ] {
            triples("T", end);
        }
    }

    /// "X, from Y" and "a spokesman for Y": the body one speaks for, named
    /// or not in the lexicon; not a town one comes from.
    #[test]
    fn from_and_for_an_unknown_body() {
        let t = triples(
            "T",
            "Jim Parton, from Families Need Fathers, said so. \
             Jeremy de Souza, a spokesman for Crossrail, said so. \
             Mary Smith, from Kansas City, said so. \
             Nancy Pelosi spoke. A spokesman for Pelosi, Drew Hammill, said so. \
             A spokesman for Health said so.",
        );
        assert!(
            !t.iter().any(|x| x.contains("works_for Pelosi") || x.contains("Health")),
            "{t:?}"
        );
        has_all(
            &t,
            &[
                "Jim Parton works_for Families Need Fathers fact",
                "Jeremy de Souza works_for Crossrail fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Kansas City")), "{t:?}");
    }

    /// Meeting in person without "met": standing beside, being welcomed;
    /// not a welcomed decision, nor a justice joining a dissent.
    #[test]
    fn standing_beside_and_welcoming_are_meetings() {
        let t = triples(
            "T",
            "Benjamin Netanyahu was in Moscow, standing beside President Vladimir Putin. \
             Donald Trump welcomed freed American Joshua Holt. \
             Theresa May welcomed the decision. \
             Justice Sonia Sotomayor was joined by Justice Ruth Bader Ginsburg in dissent.",
        );
        has_all(
            &t,
            &[
                "Benjamin Netanyahu met Vladimir Putin fact",
                "Donald Trump met Joshua Holt fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Theresa May met") || x.contains("Sotomayor met")),
            "{t:?}"
        );
    }

    /// A presence noun in an adjunct takes the clause's subject over its
    /// verb and object; an infinitive does not reach over them.
    #[test]
    fn a_presence_in_an_adjunct_is_the_subject_s() {
        let t = triples(
            "T",
            "Jerome Powell downplayed recession fears Friday during an appearance in Switzerland. \
             Donald Trump kicked off the campaign with a rally in Tulsa. \
             Rachel Reeves considers a tax on people deciding to leave the United Kingdom.",
        );
        has_all(
            &t,
            &[
                "Jerome Powell visited Switzerland fact",
                "Donald Trump visited Tulsa fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Rachel Reeves visited")), "{t:?}");
    }

    /// An allegation is criticism of the one it is against; "alleged" before
    /// a noun is no verb.
    #[test]
    fn allegations_criticize_and_alleged_nouns_do_not() {
        let t = triples(
            "T",
            "Marie Yovanovitch alleged Lev Parnas and associate Igor Fruman worked to oust her. \
             James Corden avoided any controversy with alleged abuser Joe Biden. \
             The alleged victim, Jane Doe, met Donald Trump.",
        );
        has_all(
            &t,
            &[
                "Marie Yovanovitch criticized Lev Parnas fact",
                "Marie Yovanovitch criticized Igor Fruman fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("criticized Joe Biden")), "{t:?}");
    }

    /// An unnamed spokesman or official speaks for the body the
    /// description names; a named one speaks for themselves.
    #[test]
    fn an_unnamed_spokesman_speaks_for_the_body() {
        let t = triples(
            "T",
            "An EPA spokesperson told The Hill in an email that the agency was reviewing it. \
             A State Department official told Reuters that talks continue. \
             State Department spokesman Ned Price told CNN so.",
        );
        has_all(
            &t,
            &[
                "Environmental Protection Agency spoke_to The Hill fact",
                "State Department spoke_to Reuters fact",
                "Ned Price spoke_to CNN fact",
            ],
        );
        assert!(!t.contains(&"State Department spoke_to CNN fact".to_string()), "{t:?}");
    }

    /// A contributor line that opens with its outlet's writers: every person
    /// it names works for the outlet, however the list is punctuated; a
    /// line without "contributed" is no such line.
    #[test]
    fn a_contributor_line_names_the_outlet_s_staff() {
        let t = triples(
            "T",
            "AP writers Jung Kim in Seoul; Mari Yamaguchi and Kaori Hitomi in Tokyo; Jon Gambrell in Dubai \
             contributed to this report. AP writers met Donald Trump and Joe Biden in Washington.",
        );
        has_all(
            &t,
            &[
                "Mari Yamaguchi works_for Associated Press fact",
                "Kaori Hitomi works_for Associated Press fact",
                "Jon Gambrell works_for Associated Press fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Joe Biden works_for")), "{t:?}");
    }

    /// Asserts that every one of `wants` is among the triples.
    fn has_all(t: &[String], wants: &[&str]) {
        for want in wants {
            assert!(t.iter().any(|x| x == want), "{want}: {t:?}");
        }
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

    /// Each actor's name and type.
    fn actors(body: &str) -> Vec<(String, String)> {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let doc = Document {
            id: "t".into(),
            body: body.into(),
            ..Default::default()
        };
        ex.extract(&doc)
            .actors
            .iter()
            .map(|a| (a.name.to_string(), a.actor_type.as_str().to_string()))
            .collect()
    }

    /// A party code's state between a name and its verb hides neither
    /// ("Pelosi, D-Calif., told NPR"), and is no actor of its own.
    #[test]
    fn a_party_code_between_subject_and_verb_is_skipped() {
        let t = triples(
            "",
            "House Speaker Nancy Pelosi, D-Calif., told NPR that the bill would pass. Sen. Lisa Murkowski, R-Alaska, \
             criticized the president.",
        );
        has_all(&t, &["Nancy Pelosi spoke_to NPR fact"]);
        assert!(
            !t.iter().any(|x| x.starts_with("Calif.") || x.contains(" Calif. ")),
            "{t:?}"
        );
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

    /// A capital after a locative word is the city; acting, it is its country.
    #[test]
    fn capitals_are_cities_where_someone_goes() {
        let t = triples("", "Shinzo Abe flew to Tokyo on Monday. Tokyo condemned Pyongyang.");
        assert!(t.contains(&"Shinzo Abe visited Tokyo fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("visited Japan")), "{t:?}");
        assert!(t.contains(&"Japan criticized North Korea fact".to_string()), "{t:?}");
        // A capital's mayor is the city's.
        let t = triples(
            "",
            "London's mayor Sadiq Khan said so. The Moscow mayor Sergei Sobyanin agreed.",
        );
        has_all(
            &t,
            &["Sadiq Khan leads London fact", "Sergei Sobyanin leads Moscow fact"],
        );
        // Leaving for or returning from a capital is being in the city.
        let t = triples(
            "",
            "Shinzo Abe left for Paris on Monday. Theresa May returned from Moscow. Criticism from Moscow was swift.",
        );
        has_all(
            &t,
            &["Shinzo Abe visited Paris fact", "Theresa May visited Moscow fact"],
        );
        assert!(!t.iter().any(|x| x.contains("France") || x.contains("Russia")), "{t:?}");
    }

    /// Being somewhere is a visit: the subject of a presence word a few words
    /// before "in"/"at" a place; not where one was born, nor where others
    /// acted on one.
    #[test]
    fn presence_in_a_place_is_a_visit() {
        let t = triples(
            "",
            "Boris Johnson spoke to reporters on Sunday in Biarritz, France. \
             Speaking in Harrogate, Charles Kennedy said the party was ready. \
             Donald Trump told reporters at the White House that he was pleased.",
        );
        has_all(
            &t,
            &[
                "Boris Johnson visited Biarritz fact",
                "Boris Johnson visited France fact",
                "Charles Kennedy visited Harrogate fact",
                "Donald Trump visited White House fact",
            ],
        );
        // A name in a bracket before the verb is no subject; a noun trigger whose
        // subject cannot be found gives way to the verb before it.
        let t = triples(
            "",
            "Sen. Mitt Romney (R-Utah) walks with reporters on Capitol Hill. \
             Donald Trump and North Korean leader Kim Jong-un held an unprecedented summit Tuesday in Singapore.",
        );
        has_all(
            &t,
            &[
                "Mitt Romney visited Capitol Hill fact",
                "Donald Trump visited Singapore fact",
                "Kim Jong-un visited Singapore fact",
            ],
        );
        // A part of a site is the site; a subject's talk "of" something is no visit.
        let t = triples(
            "",
            "Donald Trump spoke on the South Lawn of the White House. Boris Johnson spoke on the lawn of the \
             White House. Theresa May spoke on the future of Europe.",
        );
        has_all(
            &t,
            &[
                "Donald Trump visited White House fact",
                "Boris Johnson visited White House fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("visited Europe")), "{t:?}");
        // A capital naming a gathering is where it was.
        let t = triples(
            "",
            "Donald Trump spoke at the Helsinki summit on Monday. Theresa May said the Paris summit was a success.",
        );
        assert!(t.contains(&"Donald Trump visited Helsinki fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Finland") || x.contains("Paris")), "{t:?}");
        // A noun trigger after a light verb has the clause's subject.
        let t = triples(
            "",
            "Donald Trump made his remarks in London. Officials made remarks in Paris.",
        );
        assert!(t.contains(&"Donald Trump visited London fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Paris")), "{t:?}");
        // An opening phrase's place is the visit of the subject after its comma.
        let t = triples(
            "",
            "In remarks to reporters in Singapore, Mike Pompeo said the U.S. was ready. \
             At a news conference in Tehran that was carried live on Iranian television, Behrouz \
             Kamalvandi, a spokesman for the Atomic Energy Organization of Iran, said so. \
             In talks in Geneva, officials said Vladimir Putin was ready.",
        );
        has_all(
            &t,
            &[
                "Mike Pompeo visited Singapore fact",
                "Behrouz Kamalvandi visited Tehran fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Putin visited")), "{t:?}");
        let t = triples("", "Hassan Rouhani spoke upon arriving in Tehran from New York.");
        assert!(t.contains(&"Hassan Rouhani visited New York fact".to_string()), "{t:?}");
        let t = triples(
            "",
            "Moon Jae-in and Kim Jong Un met Friday at the border village of Panmunjom.",
        );
        has_all(
            &t,
            &[
                "Moon Jae-in visited Panmunjom fact",
                "Kim Jong Un visited Panmunjom fact",
            ],
        );
        let t = triples(
            "",
            "Barack Obama was born in Honolulu. Donald Trump was criticized by Democrats in Washington. \
             Vladimir Putin ordered meetings that took place in Geneva.",
        );
        assert!(!t.iter().any(|x| x.contains(" visited ")), "{t:?}");
        // A link word ending the text has nothing after it (this indexed past the tokens).
        for text in ["Vladimir Putin spoke in", "Vladimir Putin spoke at the", "Putin was in"] {
            assert!(triples("", text).iter().all(|x| !x.contains("visited")), "{text}");
        }
    }

    /// A place set after another and a comma says where the first is: a
    /// visit to the city is one to its state or country too ("Annapolis,
    /// Md.", "Osaka, Japan", a name no lexicon knows before a state's
    /// abbreviation), and a city's mayor is the city's; but such a place is
    /// no argument of its own, nor is a party code's state ("D-N.Y.") or a
    /// dateline's. A capital listed after a city is a city. A country after
    /// a comma before a title is the title's ("In Washington, U.S.
    /// President Donald Trump").
    #[test]
    fn places_set_after_places() {
        let t = triples(
            "",
            "Donald Trump flew to Annapolis, Md., where he spoke. Shinzo Abe visited Osaka, Japan. \
             Joe Biden spoke at a campaign event in Rochester, N.H., on Wednesday. \
             Kim Jong Un visited Tokyo and Seoul. Louisville, Kentucky Mayor Greg Fischer spoke. \
             Jerrold Nadler, D-N.Y., has invited Robert Mueller to testify.",
        );
        has_all(
            &t,
            &[
                "Donald Trump visited Annapolis fact",
                "Donald Trump visited Maryland fact",
                "Shinzo Abe visited Osaka fact",
                "Shinzo Abe visited Japan fact",
                "Joe Biden visited Rochester fact",
                "Joe Biden visited New Hampshire fact",
                "Kim Jong Un visited Seoul fact",
                "Kim Jong Un visited Tokyo fact",
                "Greg Fischer leads Louisville fact",
                "Jerrold Nadler invited Robert Mueller fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.starts_with("New York ") || x.contains("South Korea") || x.contains("leads Kentucky")),
            "{t:?}"
        );
        let t = triples(
            "",
            "Pete Buttigieg, the former mayor of South Bend, Ind., criticized the deal. \
             WEST PALM BEACH, Fla. - Donald Trump said he will sign a trade deal with China. \
             In Washington, U.S. President Donald Trump said the deal was good.",
        );
        has_all(
            &t,
            &[
                "China agreed_with Donald Trump planned",
                "Donald Trump leads United States fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.starts_with("Indiana ")
                || x.contains("Florida")
                || x.contains("leads Washington")
                || x.contains("leads Bend")),
            "{t:?}"
        );
    }

    /// A general secretary leads the body (a union's, a party's), as a
    /// secretary-general does; a secretary works for it.
    #[test]
    fn a_general_secretary_leads() {
        let t = triples(
            "",
            "Usdaw general secretary John Hannett spoke. Jane Smith, a secretary at the TUC, spoke. \
             Paul Nowak, the TUC general secretary, says no.",
        );
        has_all(&t, &["John Hannett leads Usdaw fact", "Paul Nowak leads TUC fact"]);
        assert!(!t.iter().any(|x| x.contains("Jane Smith leads")), "{t:?}");
    }

    /// A country's own body named in lower case acts for the country
    /// ("China's foreign ministry urged the U.S."); not a person of it
    /// ("Iran's government spokesman", whose name is not given).
    #[test]
    fn a_countrys_body_acts_for_it() {
        let t = triples(
            "",
            "China's foreign ministry urged the U.S. to work toward a deal. Iran's government spokesman criticized \
             the United States.",
        );
        has_all(&t, &["China urged United States fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Iran ")), "{t:?}");
    }

    /// Coordinated subjects that agree agree with each other ("Democrats and
    /// Republicans agreed on a bill", "Congress and the White House reached
    /// a deal"); not one inside a phrase before a clause's ", and" ("a
    /// biography of Ross Perot, and Allan Lichtman had agreed").
    #[test]
    fn coordinated_subjects_agree_with_each_other() {
        let t = triples(
            "",
            "Democrats and Republicans agreed on a new bill. Congress and the White House reached a deal on Tuesday.",
        );
        has_all(
            &t,
            &[
                "Democratic Party agreed_with Republican Party fact",
                "Congress agreed_with White House fact",
            ],
        );
        let t = triples(
            "",
            "Allan Lichtman was asked to write a biography of Ross Perot, and Allan Lichtman had agreed.",
        );
        assert!(!t.iter().any(|x| x.contains("agreed_with")), "{t:?}");
    }

    /// A passive judgement of an actor's act judges the actor ("Barr's
    /// comments were criticized by Democrats"), as the active voice does;
    /// part of a group ("some Democrats") is the group's. Not an act named
    /// inside a phrase before the clause ("In Biden's response, the plan was
    /// criticized by Pelosi").
    #[test]
    fn passive_judgements_of_acts() {
        let t = triples(
            "",
            "Joe Biden and William Barr spoke. Barr's comments were criticized by Democrats. \
             Biden's response to the attacks has been criticized as slow and ineffective by some Republicans.",
        );
        has_all(
            &t,
            &[
                "Democratic Party criticized William Barr fact",
                "Republican Party criticized Joe Biden fact",
            ],
        );
        let t = triples(
            "",
            "Joe Biden and Nancy Pelosi spoke. In Biden's response, the plan was criticized by Pelosi.",
        );
        assert!(!t.iter().any(|x| x.contains("criticized")), "{t:?}");
    }

    /// A relative clause can state a post ("who served as economic adviser
    /// to former Vice President Joe Biden"); a name that only begins a body
    /// named in lower case is not the body; one's counterpart works for no
    /// one of the other side.
    #[test]
    fn posts_in_relative_clauses() {
        let t = triples(
            "",
            "\"It is dumb,\" said Jared Bernstein, who served as economic adviser to former Vice President Joe Biden. \
             Edward Leigh, who is chairman of the Commons public accounts committee, warned. \
             John Kerry met Iranian Foreign Minister Mohammad Javad Zarif, who was Kerry's counterpart.",
        );
        has_all(&t, &["Jared Bernstein works_for Joe Biden fact"]);
        assert!(!t.iter().any(|x| x.contains("House of Commons")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("works_for John Kerry")), "{t:?}");
    }

    /// A passive's agent may follow a short phrase ("informed of the
    /// announcement by"); a progressive "was speaking at an event organised
    /// by" is no passive. A letter to someone speaks to them.
    #[test]
    fn passive_agents_and_letters() {
        let t = triples(
            "",
            "Dan Coats was informed of the announcement by Andrea Mitchell. \
             Gordon Brown was speaking at an event organised by the United Nations. \
             Donald Trump called off the meeting with a letter to Kim Jong Un.",
        );
        has_all(
            &t,
            &[
                "Andrea Mitchell spoke_to Dan Coats fact",
                "Donald Trump spoke_to Kim Jong Un fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("United Nations spoke_to")), "{t:?}");
    }

    /// A counterpart holds the same post for another side: a president's
    /// leads, a foreign secretary's works for.
    #[test]
    fn a_counterpart_holds_the_same_post() {
        let t = triples(
            "",
            "French President Emmanuel Macron told his Iranian counterpart, Hassan Rouhani, that he was trying. \
             Foreign Secretary Jack Straw met his Russian counterpart Sergei Lavrov.",
        );
        has_all(
            &t,
            &["Hassan Rouhani leads Iran fact", "Sergei Lavrov works_for Russia fact"],
        );
        assert!(!t.iter().any(|x| x == "Sergei Lavrov leads Russia fact"), "{t:?}");
    }

    /// CAMEO's criticize verbs (code 111): active and passive; the
    /// adjective alone ("disparaging remarks") is no trigger.
    #[test]
    fn cameo_criticize_verbs() {
        let t = triples(
            "",
            "Benjamin Netanyahu has been reprimanded by the Reagan administration. \
             Senator John McCain castigated President Donald Trump. \
             Boris Johnson made disparaging remarks about Theresa May.",
        );
        has_all(
            &t,
            &[
                "Reagan administration criticized Benjamin Netanyahu fact",
                "John McCain criticized Donald Trump fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("criticized Theresa May")), "{t:?}");
    }

    /// A list goes on past items that name no actor, and may end without
    /// "and"; a clause that stops at a verb is no list.
    #[test]
    fn lists_pass_over_items_that_are_no_actor() {
        let t = triples(
            "",
            "President Donald Trump attacked the media, Barack Obama, Google, the mayor of Dayton, California, Joe Biden.",
        );
        has_all(
            &t,
            &[
                "Donald Trump criticized Barack Obama fact",
                "Donald Trump criticized California fact",
                "Donald Trump criticized Joe Biden fact",
            ],
        );
        let t = triples(
            "",
            "President Donald Trump met Barack Obama, discussed taxes and left Joe Biden behind.",
        );
        assert!(!t.iter().any(|x| x.contains("met Joe Biden")), "{t:?}");
    }

    /// Telling someone that a third should act is speaking to the first and
    /// urging the third.
    #[test]
    fn told_someone_that_another_should() {
        let t = triples(
            "",
            "Chris Christie, a former governor, told ABC that President Donald Trump should embrace the plan.",
        );
        has_all(
            &t,
            &[
                "Chris Christie spoke_to ABC News fact",
                "Chris Christie urged Donald Trump fact",
            ],
        );
    }

    /// A party's member "on" a committee sits on it; a party in a
    /// description makes a member, not an employee; portfolios joined by
    /// "and" make one title.
    #[test]
    fn committee_seats_and_joined_portfolios() {
        let t = triples(
            "",
            "Mr. Mark Warner, the top Democrat on the Senate Intelligence Committee, said so. \
             Rep. Doug Collins, a Republican member of the House Judiciary Committee, objected. \
             Theresa May, Tory shadow work and pensions secretary, agreed.",
        );
        has_all(
            &t,
            &[
                "Mark Warner member_of Democratic Party fact",
                "Mark Warner member_of Senate Intelligence Committee fact",
                "Doug Collins member_of Republican Party fact",
                "Doug Collins member_of House Judiciary Committee fact",
                "Theresa May member_of Conservative Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("works_for Republican")), "{t:?}");
        // A body whose name goes on is not the one sat on.
        let t = triples(
            "",
            "Representative Eliot Engel, the top Democrat on the U.S. House of Representatives Foreign Affairs Committee, said so.",
        );
        assert!(
            !t.iter().any(|x| x.contains("member_of House of Representatives")),
            "{t:?}"
        );
    }

    /// A party named with a post: its post-holders are members, its leader
    /// leads it, its spokesman works for it; "State Democrat" and "(R-Calif.)"
    /// appositions name a member.
    #[test]
    fn party_posts_and_tags_give_membership() {
        let t = triples(
            "",
            "Tory shadow chancellor Oliver Letwin said so. Labour leader Keir Starmer agreed. \
             Rep. Barbara Lee, California Democrat, said it was wrong. \
             House Minority Leader Kevin McCarthy (R-Calif.) disagreed.",
        );
        has_all(
            &t,
            &[
                "Oliver Letwin member_of Conservative Party fact",
                "Keir Starmer leads Labour Party fact",
                "Barbara Lee member_of Democratic Party fact",
                "Kevin McCarthy member_of Republican Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Oliver Letwin leads")), "{t:?}");
        // A definite description bound by salience alone makes no affiliation
        // ("the president of Mexico" is not the article's Trump).
        let t = triples(
            "",
            "President Donald Trump spoke on Friday. Trump signed a deal with the president of Mexico.",
        );
        assert!(!t.iter().any(|x| x.contains("leads Mexico")), "{t:?}");
        // A title and its body before the name: "the chairman of X, NAME".
        let t = triples(
            "",
            "The chairman of the Bar Council, Guy Mansfield, warned. The Mayor of London, Ken Livingstone, agreed.",
        );
        assert!(t.contains(&"Guy Mansfield leads Bar Council fact".to_string()), "{t:?}");
        assert!(t.contains(&"Ken Livingstone leads London fact".to_string()), "{t:?}");
        // An unnamed body's owner employs: "the head of Iran's nuclear department, NAME".
        let t = triples(
            "",
            "The head of Iran's nuclear department, Behrouz Kamalvandi, said so.",
        );
        assert!(
            t.contains(&"Behrouz Kamalvandi works_for Iran fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("leads Iran")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("United Kingdom")), "{t:?}");
        // A state in the apposition is no party: "Barbara Lee, California" alone says nothing.
        let t = triples("", "Rep. Barbara Lee, California, said it was wrong.");
        assert!(!t.iter().any(|x| x.contains("member_of")), "{t:?}");
        // "Democrat of California": the state after the party.
        let t = triples(
            "",
            "Rep. Christopher Smith, Republican of New Jersey, said so. Jim Jones, Republican of the year, agreed.",
        );
        assert!(
            t.contains(&"Christopher Smith member_of Republican Party fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("Jim Jones member_of")), "{t:?}");
    }

    /// An outlet's people work for it: "Fox News' X", every name of a
    /// contributor line, "X of Axios", "AP writer X"; a profession's country is
    /// citizenship, not employment.
    #[test]
    fn outlets_bodies_and_professions() {
        let t = triples(
            "",
            "Fox News' Catherine Herridge, John Roberts and Lucia Suarez contributed to this report. \
             Jonathan Swan of Axios asked a question. Associated Press writer Eric Tucker contributed. \
             American writer Paul Theroux agreed. Doug Collins of Georgia spoke.",
        );
        has_all(
            &t,
            &[
                "Catherine Herridge works_for Fox News fact",
                "John Roberts works_for Fox News fact",
                "Lucia Suarez works_for Fox News fact",
                "Jonathan Swan works_for Axios fact",
                "Eric Tucker works_for Associated Press fact",
                "Paul Theroux citizen_of United States fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Paul Theroux works_for")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Doug Collins works_for")), "{t:?}");
        // Two demonyms joined by a hyphen; a country's with a plain noun
        // between (not without one: "Russia's Sergei Lavrov" may be its minister).
        let t = triples(
            "",
            "He met Lebanese-American businessman George Nader. Britain's richest man Jim Ratcliffe spoke. \
             Russia's Sergei Lavrov agreed. Andrew Murray is Britain's youngest-ever Davis Cup player.",
        );
        has_all(
            &t,
            &[
                "George Nader citizen_of Lebanon fact",
                "George Nader citizen_of United States fact",
                "Jim Ratcliffe citizen_of United Kingdom fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Sergei Lavrov citizen_of")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Davis Cup")), "{t:?}");
        // A name list with no contributor line is no outlet's staff.
        let t = triples(
            "",
            "Fox News' Bret Baier interviewed Mike Pompeo, Nancy Pelosi and Adam Schiff.",
        );
        assert!(t.contains(&"Bret Baier works_for Fox News fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Nancy Pelosi works_for")), "{t:?}");
    }

    /// Criticism: a party's members named as a group act for the party; a
    /// person's verbal attack is criticism; an actor's act stands for the actor.
    #[test]
    fn criticism_by_groups_of_acts_and_in_words() {
        let t = triples(
            "",
            "Labour MPs have angrily criticised Tony Blair. Donald Trump attacked Nancy Pelosi on Twitter. \
             Britain condemned Russia's outrageous action.",
        );
        has_all(
            &t,
            &[
                "Labour Party criticized Tony Blair fact",
                "Donald Trump criticized Nancy Pelosi fact",
                "United Kingdom criticized Russia fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("attacked Nancy Pelosi")), "{t:?}");
        // Backing a party's plans supports a policy, no actor (GUIDELINES).
        let t = triples("", "Michael Howard backed Labour's ID card plans.");
        assert!(!t.iter().any(|x| x.contains("supported")), "{t:?}");
    }

    /// The imported gazetteer types a name nothing else in the text types
    /// ("praised Tulsa"), and the imported given names make a person of a
    /// name with no title ("Lucia Suarez"); neither takes a known person's
    /// surname or a common word.
    #[test]
    fn imported_places_and_given_names() {
        let t = triples("", "Lucia Suarez praised Tulsa. Donald Trump criticized Reading.");
        assert!(t.contains(&"Lucia Suarez praised Tulsa fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Reading")), "{t:?}");
        let lex = Lexicon::builtin();
        assert!(lex.is_gazetteer_place("El Paso") && lex.is_gazetteer_place("Biarritz"));
        for person_or_word in ["Jackson", "Lincoln", "Reading", "Mobile", "Austin"] {
            assert!(!lex.is_gazetteer_place(person_or_word), "{person_or_word}");
        }
        assert!(lex.is_given_name("Lucia") && !lex.is_given_name("Will"));
    }

    /// Speaking to an outlet: "told public broadcaster NHK", "in a statement
    /// to Fox News", "an appearance on CNN"; urging as a reported demand:
    /// "said Trump should", "subpoenaed McGahn".
    #[test]
    fn outlets_spoken_to_and_urging_in_reported_speech() {
        let t = triples(
            "",
            "Shinzo Abe told Japanese public broadcaster NHK that it was a miracle. \
             Rudy Giuliani said in a statement to Fox News that he was right. \
             Lindsey Graham spoke during an appearance on CNN. \
             Adam Kinzinger said Donald Trump should retract his comment.",
        );
        has_all(
            &t,
            &[
                "Shinzo Abe spoke_to NHK fact",
                "Rudy Giuliani spoke_to Fox News fact",
                "Lindsey Graham spoke_to CNN fact",
                "Adam Kinzinger urged Donald Trump fact",
            ],
        );
        // An adverb between a verb and its link word; a bare "testify before".
        let t = triples(
            "",
            "John Bolton has spoken voluntarily with Congress. William Barr is scheduled to testify before Congress.",
        );
        assert!(t.iter().any(|x| x.starts_with("John Bolton spoke_to")), "{t:?}");
        assert!(t.iter().any(|x| x.starts_with("William Barr spoke_to")), "{t:?}");
        // On air: "said on CNN" speaks to an outlet, "said on Twitter" to no one.
        let t = triples(
            "",
            "Mike Pompeo said on Fox News that it was true. Donald Trump said on Twitter that it was false. \
             Lisa Nandy has apologised to Keir Starmer.",
        );
        assert!(t.contains(&"Mike Pompeo spoke_to Fox News fact".to_string()), "{t:?}");
        assert!(
            t.contains(&"Lisa Nandy spoke_to Keir Starmer fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("Twitter")), "{t:?}");
        // Telling someone to do something is urging them; being told is not.
        let t = triples(
            "",
            "Boris Johnson told Nigel Farage to stop. Hassan Rouhani said he had been told the United States had offered to talk.",
        );
        assert!(
            t.contains(&"Boris Johnson urged Nigel Farage fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("United States")), "{t:?}");
        // The object must open the clause the modal continues.
        let t = triples("", "Adam Kinzinger said the deal with Donald Trump should stand.");
        assert!(!t.iter().any(|x| x.contains("urged")), "{t:?}");
    }

    /// US chambers: "House Speaker" leads the House, "House Judiciary
    /// Chairman" the committee the lexicon knows, a majority leader is a
    /// member; "House Democrats" are the party; a known name ending a
    /// longer one ("the Sydney Opera House") is no chamber.
    #[test]
    fn chambers_committees_and_their_chairs() {
        let t = triples(
            "",
            "House Speaker Nancy Pelosi met House Judiciary Chairman Jerrold Nadler. \
             Senate Majority Leader Mitch McConnell spoke. Donald Trump criticized House Democrats. \
             Kevin Rudd visited the Sydney Opera House.",
        );
        has_all(
            &t,
            &[
                "Nancy Pelosi leads House of Representatives fact",
                "Jerrold Nadler leads House Judiciary Committee fact",
                "Mitch McConnell member_of Senate fact",
                "Donald Trump criticized Democratic Party fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Jerrold Nadler leads House of Representatives")),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("Kevin Rudd visited House")), "{t:?}");
    }

    /// A physical attack named as a noun ("the attack on Skripal",
    /// "Russia's invasion of Ukraine"), and agreeing with someone's view.
    #[test]
    fn attacks_as_nouns_and_agreeing_with_a_view() {
        let t = triples(
            "",
            "Theresa May said Russia is responsible for the attack on Sergei Skripal. \
             Russia's invasion of Ukraine continued. Norman Tebbit said he agreed with Liam Fox's view.",
        );
        has_all(
            &t,
            &[
                "Russia attacked Sergei Skripal fact",
                "Russia attacked Ukraine fact",
                "Liam Fox agreed_with Norman Tebbit fact",
            ],
        );
        // Two known names joined by a hyphen stay names ("Korea-United" is no surname).
        let t = triples(
            "",
            "They hoped for the success of the North Korea-United States summit.",
        );
        assert!(t.contains(&"North Korea met United States fact".to_string()), "{t:?}");
        // A person's "attack on" someone is no military attack.
        let t = triples("", "Donald Trump's attack on Nancy Pelosi drew criticism.");
        assert!(!t.iter().any(|x| x.contains("attacked")), "{t:?}");
    }

    /// "the Trump administration" is an organization of its own; an acronym
    /// names a body unless it is a common abbreviation; an untyped name in a
    /// list of people is a person.
    #[test]
    fn administrations_acronyms_and_lists_of_people() {
        let t = triples(
            "",
            "The Bush administration blamed the Taliban. Former Trump campaign chairman Paul Manafort spoke. \
             Vladimir Putin once worked for the KGB. CNN's Wolf Blitzer, Nunu Japaridze and Lucia Suarez met Boris Johnson.",
        );
        has_all(
            &t,
            &[
                "Bush administration criticized Taliban fact",
                "Paul Manafort leads Trump campaign fact",
                "Vladimir Putin works_for KGB fact",
                "Boris Johnson met Nunu Japaridze fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.contains("George W. Bush") || x.contains("Former")),
            "{t:?}"
        );
        // Common abbreviations are no bodies.
        let t = triples("", "Donald Trump praised GDP growth and criticized the CEO.");
        assert!(!t.iter().any(|x| x.contains("GDP") || x.contains("CEO")), "{t:?}");
    }

    /// Stances: a stance title ("a Trump critic"), siding or standing with
    /// someone, "Iranian-allied" rebels.
    #[test]
    fn stances_as_titles_verbs_and_prefixes() {
        let t = triples(
            "",
            "Donald Trump spoke. Adam Kinzinger, a Trump critic, agreed. The United States stands firmly with the United Kingdom. \
             Yemen's Iranian-allied Houthi rebels claimed the assault.",
        );
        has_all(
            &t,
            &[
                "Adam Kinzinger criticized Donald Trump fact",
                "United States supported United Kingdom fact",
                "Houthis ally_of Iran fact",
            ],
        );
        // A critic of a country is no employee of it.
        assert!(!t.iter().any(|x| x.contains("works_for")), "{t:?}");
    }

    /// Naming someone with an evaluative word judges them ("called
    /// Tuberville weak", "called Putin a great leader"), without being a
    /// phone call; a name inside an apposition is not the verb's subject.
    #[test]
    fn naming_and_appositions() {
        let t = triples(
            "",
            "Jeff Sessions faced Tommy Tuberville. Sessions has called Tuberville weak. \
             Donald Trump called Vladimir Putin a great leader. \
             Deborah Birx, the White House task force coordinator, told NBC News.",
        );
        has_all(
            &t,
            &[
                "Jeff Sessions criticized Tommy Tuberville fact",
                "Donald Trump praised Vladimir Putin fact",
                "Deborah Birx spoke_to NBC News fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains(" called ") || x.starts_with("White House spoke_to")),
            "{t:?}"
        );
        // The same through a relative clause and a member's tag; lifting sanctions is none.
        let t = triples(
            "",
            "Dwight Eisenhower, who named the retreat Camp David, met with Nikita Khrushchev. \
             Mark Warner, Virginia Democrat, told CNN. Iran said the United States must lift sanctions on Iran.",
        );
        has_all(
            &t,
            &[
                "Dwight Eisenhower met Nikita Khrushchev fact",
                "Mark Warner spoke_to CNN fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Camp David met") || x.contains("sanctioned")),
            "{t:?}"
        );
        // A call with no evaluative word after its object stays a call.
        let t = triples("", "Donald Trump called Vladimir Putin on Tuesday.");
        assert!(
            t.contains(&"Donald Trump called Vladimir Putin fact".to_string()),
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
        // Naming is no call; a "brave man" is praise (GUIDELINES: called Y "a great leader").
        assert!(!t.iter().any(|x| x.contains("called Paul Manafort")), "{t:?}");
        assert!(
            t.contains(&"Donald Trump praised Paul Manafort fact".to_string()),
            "{t:?}"
        );
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
        // One actor per name, in name order, its mentions summed over the parts.
        assert!(out.actors.windows(2).all(|w| w[0].name < w[1].name), "{:?}", out.actors);
        let putin = out.actors.iter().find(|a| a.name == "Vladimir Putin").unwrap();
        assert!(putin.mentions >= 3 * MAX_PART / sentence.len(), "{putin:?}");
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
        canonicalize(&mut docs, &Lexicon::builtin());
        assert_eq!(docs[1].triples[0].subject, "Vladimir Putin");
    }

    #[test]
    fn the_one_met_away_from_home_visited_too() {
        let t = triples(
            "",
            "President Donald Trump met with Russian President Vladimir Putin in Helsinki. \
             President Donald Trump met with Russian President Vladimir Putin in Moscow.",
        );
        has_all(
            &t,
            &[
                "Donald Trump visited Helsinki fact",
                "Vladimir Putin visited Helsinki fact",
                "Donald Trump visited Moscow fact",
            ],
        );
        assert!(!t.contains(&"Vladimir Putin visited Moscow fact".to_string()), "{t:?}");
        // A gazetteer town's country is known too; a gathering names the place.
        let t = triples(
            "",
            "President Donald Trump made the comments ahead of a meeting with British Prime Minister \
             Boris Johnson during this weekend's G-7 summit in Biarritz, France.",
        );
        has_all(
            &t,
            &[
                "Donald Trump visited Biarritz fact",
                "Boris Johnson visited Biarritz fact",
                "Boris Johnson visited France fact",
            ],
        );
        // No gathering between: the place is not where they met.
        let t = triples(
            "",
            "President Donald Trump met with British Prime Minister Boris Johnson, who was born in New York.",
        );
        assert!(!t.iter().any(|x| x.contains(" visited ")), "{t:?}");
    }

    #[test]
    fn verbs_joined_by_and_share_their_subject() {
        let t = triples(
            "",
            "President Donald Trump has blamed the Federal Reserve for slowing economic growth and has \
             criticized Fed chairman Jerome Powell.",
        );
        assert!(
            t.contains(&"Donald Trump criticized Jerome Powell fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.starts_with("Federal Reserve criticized")), "{t:?}");
        // Coordinated subjects are still subjects.
        let t = triples("", "Donald Trump and Vladimir Putin criticized Angela Merkel.");
        has_all(
            &t,
            &[
                "Donald Trump criticized Angela Merkel fact",
                "Vladimir Putin criticized Angela Merkel fact",
            ],
        );
    }

    #[test]
    fn a_party_candidate_is_its_member_but_not_a_bodys() {
        let t = triples(
            "",
            "Democratic presidential candidate Hillary Clinton spoke. Tory frontbencher John Redwood spoke. \
             Senate candidate Royce West spoke. Supreme Court nominee Brett Kavanaugh spoke.",
        );
        has_all(
            &t,
            &[
                "Hillary Clinton member_of Democratic Party fact",
                "John Redwood member_of Conservative Party fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.contains("Royce West") || x.contains("Kavanaugh")),
            "{t:?}"
        );
    }

    #[test]
    fn a_description_opening_a_sentence_continues_the_last_subject() {
        let t = triples(
            "",
            "President Donald Trump said he would invite Russian President Vladimir Putin to the summit. \
             The president made the comments ahead of a meeting with Boris Johnson.",
        );
        assert!(t.contains(&"Boris Johnson met Donald Trump fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("met Vladimir Putin")), "{t:?}");
    }

    #[test]
    fn contradicting_and_a_letter_by_someone() {
        let t = triples(
            "",
            "Dan Coats contradicted President Donald Trump on Russia. Details will be sent in a letter by \
             Iranian Foreign Minister Mohammad Javad Zarif to EU foreign policy chief Federica Mogherini.",
        );
        has_all(
            &t,
            &[
                "Dan Coats opposed Donald Trump fact",
                "Mohammad Javad Zarif spoke_to Federica Mogherini fact",
            ],
        );
    }

    #[test]
    fn portfolios_plural_possessives_and_titled_owners() {
        let t = triples(
            "",
            "Max Wilkinson, the Liberal Democrats' home affairs spokesperson, said it. Labour's election chief \
             Alan Milburn spoke. Lib Dem Treasury spokesman Vince Cable spoke. Corey Lewandowski, President \
             Donald Trump's first campaign manager, was asked.",
        );
        has_all(
            &t,
            &[
                "Max Wilkinson works_for Liberal Democrats fact",
                "Alan Milburn works_for Labour Party fact",
                "Vince Cable works_for Liberal Democrats fact",
                "Corey Lewandowski works_for Donald Trump fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.contains("leads Labour") || x.contains("Treasury")),
            "{t:?}"
        );
        // A quoted plural is no possessive.
        let t = triples("", "Donald Trump called them 'Democrats' now.");
        assert!(!t.iter().any(|x| x.contains("works_for")), "{t:?}");
    }

    #[test]
    fn letters_speeches_and_messages_speak_to() {
        let t = triples(
            "",
            "In a letter to Lisa Nandy, Keir Starmer said he accepted the apology. Alan Milburn gave more \
             details of planned reforms in a speech to the Fabian Society. David Cameron sent WhatsApp \
             messages to the then chancellor, Rishi Sunak. A Labour source told the Sunday Times that \
             Alastair Campbell would return.",
        );
        has_all(
            &t,
            &[
                "Keir Starmer spoke_to Lisa Nandy fact",
                // (The reforms were planned; the speech was given.)
                "Alan Milburn spoke_to Fabian Society fact",
                "David Cameron spoke_to Rishi Sunak fact",
                "Labour Party spoke_to The Sunday Times fact",
            ],
        );
        // An anonymous source is no one named later.
        assert!(!t.iter().any(|x| x.starts_with("Alastair Campbell")), "{t:?}");
    }

    #[test]
    fn criticism_as_a_noun_and_as_a_claim() {
        let t = triples(
            "",
            "Senator Lindsey Graham explained North Korea's criticisms of the United States. The Tories say \
             Labour is acting too late. The new head of the radio, Nikolay Krastev, suspended Silvia \
             Velikova, a reporter, saying she had violated the rules.",
        );
        has_all(
            &t,
            &[
                "North Korea criticized United States fact",
                "Conservative Party criticized Labour Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Silvia Velikova criticized")), "{t:?}");
        // Describing someone (and their things) as a threat or an aggressor;
        // "went on to" is a thing done, not planned.
        let t = triples(
            "",
            "Dan Coats went on to describe Russia as the most aggressive state actor. \
             Benjamin Netanyahu has long described Iran and its nuclear program as a threat.",
        );
        has_all(
            &t,
            &[
                "Dan Coats criticized Russia fact",
                "Benjamin Netanyahu criticized Iran fact",
            ],
        );
        // Haranguing, pushing back at, calling one's words inappropriate.
        let t = triples(
            "",
            "Mike Pompeo pushed back at Democrats. Donald Trump harangued NATO. \
             Nicky Gavron said Ken Livingstone's comments were \"inappropriate\".",
        );
        has_all(
            &t,
            &[
                "Mike Pompeo criticized Democratic Party fact",
                "Donald Trump criticized NATO fact",
                "Nicky Gavron criticized Ken Livingstone fact",
            ],
        );
        // A claim with no judgement in it is none.
        let t = triples("", "The Tories say Labour is acting quickly.");
        assert!(!t.iter().any(|x| x.contains("criticized")), "{t:?}");
    }

    #[test]
    fn a_persons_party_is_led_by_them() {
        let t = triples(
            "",
            "Nigel Farage's Reform UK has suspended another member. Former Fox News co-President Bill Shine spoke.",
        );
        has_all(
            &t,
            &["Nigel Farage leads Reform UK fact", "Bill Shine leads Fox News fact"],
        );
        // A person's possession that is no party is no lead.
        let t = triples("", "Nigel Farage's London home was sold.");
        assert!(!t.iter().any(|x| x.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn challenges_appeals_and_donations() {
        let t = triples(
            "",
            "Gordon Brown challenged Michael Howard to deny the reports. The Liberal Democrats appealed to \
             Keir Starmer to restore the chair. Johan Christofferson previously gave money to Boris Johnson. \
             Bassim Haidar, a former Tory donor, spoke.",
        );
        has_all(
            &t,
            &[
                "Gordon Brown urged Michael Howard fact",
                "Liberal Democrats urged Keir Starmer fact",
                "Johan Christofferson supported Boris Johnson fact",
                "Bassim Haidar supported Conservative Party fact",
            ],
        );
        // Challenging a thing asks no one.
        let t = triples("", "Gordon Brown challenged the ruling of Michael Howard to the end.");
        assert!(!t.iter().any(|x| x.contains(" urged ")), "{t:?}");
    }

    #[test]
    fn one_who_joins_someone_does_what_they_do() {
        let t = triples(
            "",
            "Tony Blair is to join Home Secretary David Blunkett in a visit to Sheffield on Thursday.",
        );
        has_all(
            &t,
            &[
                "Tony Blair visited Sheffield fact",
                "David Blunkett visited Sheffield fact",
            ],
        );
        // A relative clause is its own.
        let t = triples("", "Tony Blair joined David Blunkett, who criticized Michael Howard.");
        assert!(!t.iter().any(|x| x.starts_with("Tony Blair criticized")), "{t:?}");
    }

    /// A post over part of a body ("China director at Human Rights Watch") is
    /// a post in the body, not its head, and no tie to the country; a body
    /// described before its name ("the audit firm RSM"), one named "of" after
    /// a comma, and body names with "on" or a country after "of".
    #[test]
    fn portfolios_and_described_bodies() {
        let t = triples(
            "",
            "\"It is bad,\" said Sophie Richardson, China director at Human Rights Watch. \
             Blake Lee-Harwood, campaigns director at Greenpeace, said no. \
             \"It will take time,\" said Robert Einhorn, a former arms control official at the State Department. \
             \"It is a problem,\" said Joe Brusuelas, chief economist for the audit and consulting firm RSM. \
             The mayor accused Oliver Finegold, of the Evening Standard newspaper, of lying. \
             \"We are fine,\" said Jared Bernstein, an economist with the Center on Budget and Policy Priorities. \
             Behrouz Kamalvandi, a spokesman for the Atomic Energy Organization of Iran, spoke. \
             Anthony Fauci of the Coronavirus Task Force says it could backfire. \
             Deborah Birx, the White House Coronavirus Task Force coordinator, spoke. \
             Kim Yong Chol, vice chairman of the Workers' Party's Central Committee, will meet Mike Pompeo.",
        );
        has_all(
            &t,
            &[
                "Sophie Richardson works_for Human Rights Watch fact",
                "Blake Lee-Harwood works_for Greenpeace fact",
                "Robert Einhorn works_for State Department fact",
                "Joe Brusuelas works_for RSM fact",
                "Oliver Finegold works_for Evening Standard fact",
                "Jared Bernstein works_for Center on Budget and Policy Priorities fact",
                "Behrouz Kamalvandi works_for Atomic Energy Organization of Iran fact",
                "Anthony Fauci works_for Coronavirus Task Force fact",
                "Deborah Birx works_for White House Coronavirus Task Force fact",
                // (A bare title opens an apposition: the name is the subject.)
                "Kim Yong Chol met Mike Pompeo planned",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Richardson leads") || x.contains("works_for China")),
            "{t:?}"
        );
        // A head of state's "at" is where; a bare director heads the body; a
        // region before a body in an unknown name claims nothing.
        let t = triples(
            "",
            "Volodymyr Zelensky, the president of Ukraine at the United Nations, spoke. \
             Jane Smith, the director at Human Rights Watch, spoke. \
             \"It is a tactic,\" said Tao Dong, vice chairman for Greater China at Credit Suisse Private Banking.",
        );
        has_all(
            &t,
            &[
                "Volodymyr Zelensky leads Ukraine fact",
                "Jane Smith leads Human Rights Watch fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Zelensky works_for") || x.contains("Greater China")),
            "{t:?}"
        );
        // A portfolio between a title and "at" ("head of research at", "a
        // senior fellow in governance at", "vice chairman for Asia at")
        // makes the unknown name after it a body one works for; the region
        // is no employer, nor is a place the title is "at" ("the head of
        // state at Camp David"), nor a body after a phrase of "in" and "with".
        let t = triples(
            "",
            "\"It is a tactic,\" said Tao Dong, vice chairman for Greater China at Credit Suisse Private Banking. \
             \"It is bad,\" said Artem Abramov, head of shale research at Rystad Energy. \
             \"It is fine,\" said Ann Lee, a vice chairman for Asia at Goldman Sachs. \
             \"It is late,\" says Elaine Kamarck, a senior fellow in governance studies at the Brookings Institution. \
             \"It is over,\" said Tom Baker, the head of state at Camp David. \
             The article identified Paul Manafort as a key adviser in communication with Kremlin spies.",
        );
        has_all(
            &t,
            &[
                "Tao Dong works_for Credit Suisse Private Banking fact",
                "Artem Abramov works_for Rystad Energy fact",
                "Ann Lee works_for Goldman Sachs fact",
                "Elaine Kamarck works_for Brookings Institution fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains(" Asia ") || x.contains("Camp David") || x.contains("Kremlin")),
            "{t:?}"
        );
        // An unknown name before a head's title and a person is the body
        // they head (not so before an ally's title); a committee named in
        // lower case after its chamber is the body a chairman heads.
        let t = triples(
            "",
            "It followed a battle with Humberside chief David Westwood. Edward Leigh, who is chairman of the \
             Commons public accounts committee, spoke. He met Maduro ally Diosdado Cabello.",
        );
        has_all(
            &t,
            &[
                "David Westwood leads Humberside fact",
                "Edward Leigh leads Public Accounts Committee fact",
            ],
        );
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let doc = Document {
            id: "t".into(),
            body: "He met Maduro ally Diosdado Cabello.".into(),
            ..Default::default()
        };
        let actors = ex.extract(&doc).actors;
        assert!(
            !actors
                .iter()
                .any(|a| a.name == "Maduro" && a.actor_type == ActorType::Organization),
            "{actors:?}"
        );
    }

    /// Memberships stated around a list or a relative clause: "both
    /// Democrats" after a list of people, "Democrat and feminist X", a
    /// party's defector, "who is on Labour's NEC", a body's members.
    #[test]
    fn memberships_of_lists_and_seats() {
        let t = triples(
            "",
            "It was proposed by Senators Chris Coons of Delaware and Martin Heinrich of New Mexico, both \
             Democrats, and others. Democrat and feminist Kara Dansky spoke. Tory defector Robert Jackson \
             spoke. Shahid Malik, who is on Labour's ruling NEC, spoke. Those with doubts were senior shadow \
             cabinet members David Davis, Oliver Letwin and Tim Yeo.",
        );
        has_all(
            &t,
            &[
                "Chris Coons member_of Democratic Party fact",
                "Martin Heinrich member_of Democratic Party fact",
                "Kara Dansky member_of Democratic Party fact",
                "Robert Jackson member_of Conservative Party fact",
                "Shahid Malik member_of Labour Party fact",
                "Shahid Malik member_of NEC fact",
                "Oliver Letwin member_of Shadow Cabinet fact",
                "Tim Yeo member_of Shadow Cabinet fact",
            ],
        );
        // "whose members include … X and Y": the body named before.
        let t = triples(
            "",
            "MPs may join the left of the party, the Socialist Campaign Group, whose members include those \
             close to Jeremy Corbyn like John McDonnell and Diane Abbott.",
        );
        has_all(
            &t,
            &[
                "John McDonnell member_of Socialist Campaign Group fact",
                "Diane Abbott member_of Socialist Campaign Group fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Jeremy Corbyn member_of")), "{t:?}");
        // One name before "both" is no list; a plural party joined by "and"
        // is no person's label.
        let t = triples(
            "",
            "Chris Coons met voters, both Democrats and others. Democrats and voters Kara Dansky met spoke.",
        );
        assert!(!t.iter().any(|x| x.contains("member_of")), "{t:?}");
    }

    /// Given names of the SSA's counts ("Sherrod") make a name a person's; a
    /// given name opening a body's name of English words does not; a list's
    /// item is no apposition of the one before it; a possessor's act judged
    /// is the possessor judged.
    #[test]
    fn given_names_lists_and_judged_acts() {
        let ex = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
        let doc = Document {
            id: "t".into(),
            body: "Sherrod Brown spoke. Apollo Global Management said no. Ventura County Public Health said yes."
                .into(),
            ..Default::default()
        };
        let actors = ex.extract(&doc).actors;
        let ty = |name: &str| actors.iter().find(|a| a.name == name).map(|a| a.actor_type);
        assert_eq!(ty("Sherrod Brown"), Some(ActorType::Person), "{actors:?}");
        assert_ne!(ty("Apollo Global Management"), Some(ActorType::Person), "{actors:?}");
        assert_ne!(
            ty("Ventura County Public Health"),
            Some(ActorType::Person),
            "{actors:?}"
        );
        // A place's council named in lower case is a body of its own.
        let t = triples(
            "",
            "Isabella Kemp, a member of Kent county council, quit. Sheffield city council leader Tom Hunt spoke.",
        );
        has_all(
            &t,
            &[
                "Isabella Kemp member_of Kent County Council fact",
                "Tom Hunt leads Sheffield City Council fact",
            ],
        );
        // A title inside a capitalised run ends the name before it; "List"
        // heads a body's name.
        let doc = Document {
            id: "t".into(),
            body: "Jefferson County Sheriff Jeff Coffey said so. The Susan B. Anthony List endorsed him.".into(),
            ..Default::default()
        };
        let actors = ex.extract(&doc).actors;
        let ty = |name: &str| actors.iter().find(|a| a.name == name).map(|a| a.actor_type);
        assert_eq!(ty("Jeff Coffey"), Some(ActorType::Person), "{actors:?}");
        assert_eq!(ty("Susan B. Anthony List"), Some(ActorType::Organization), "{actors:?}");
        let t = triples(
            "",
            "President Donald Trump spoke. Then he attacked Barack Obama, Google, Sherrod Brown, the mayor of \
             Dayton, Beto O'Rourke, California. President Trump called the House Democrats' push for \
             impeachment a \"lynching\".",
        );
        has_all(
            &t,
            &[
                "Donald Trump criticized Sherrod Brown fact",
                "Donald Trump criticized Democratic Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("leads Dayton")), "{t:?}");
    }

    /// Judging an actor's plans judges the actor, backing them backs a policy;
    /// branding, hitting back at, warning that one cannot be trusted
    /// criticize; demanding that one act urges.
    #[test]
    fn branding_demands_and_plans() {
        let t = triples(
            "",
            "Lib Dem Treasury spokesman Vince Cable branded the Tory plans as \"fantasy economics\". Labour hit \
             back at the Tory proposals. Iran warned that President Donald Trump should not be trusted. The \
             Tories are demanding that Tony Blair spell out which taxes he would raise.",
        );
        has_all(
            &t,
            &[
                "Vince Cable criticized Conservative Party fact",
                "Labour Party criticized Conservative Party fact",
                "Iran criticized Donald Trump fact",
                "Conservative Party urged Tony Blair fact",
            ],
        );
        let t = triples(
            "",
            "The Labour Party backed the Tory plans. Keir Starmer insisted that Labour would win. Boris \
             Johnson branded Keir Starmer's answer.",
        );
        assert!(
            !t.iter()
                .any(|x| x.contains(" supported ") || x.contains(" urged ") || x.contains(" criticized ")),
            "{t:?}"
        );
    }

    /// "He" and "she" stand for people of their sex where a given name or an
    /// honorific tells it (`name_sexes`), and for anyone where none does.
    #[test]
    fn pronouns_agree_in_sex() {
        let t = triples(
            "",
            "Sarah Sanders said Donald Trump asked his national security adviser John Bolton to go. Donald \
             Trump met Nancy Pelosi. She criticized him. Mrs Quinn met Tony Blair. Later she praised Kim Jong Un.",
        );
        has_all(
            &t,
            &[
                "John Bolton works_for Donald Trump fact",
                "Nancy Pelosi criticized Donald Trump fact",
                "Quinn praised Kim Jong Un fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("works_for Sarah Sanders") || x.starts_with("Donald Trump criticized")),
            "{t:?}"
        );
    }

    /// A description names the post ("the first minister"): it is not the
    /// person whose title names another ("a trade minister"), and is the one
    /// whose title names it ("Home Secretary David Blunkett").
    #[test]
    fn descriptions_keep_to_their_post() {
        let t = triples(
            "",
            "Chris Bryant, a trade minister, spoke. The first minister has pushed hard for an exemption, \
             meeting Donald Trump. Tony Blair is to join Home Secretary David Blunkett. Blair stressed his \
             support for the home secretary.",
        );
        has_all(&t, &["Tony Blair supported David Blunkett fact"]);
        assert!(!t.iter().any(|x| x.contains("Chris Bryant met")), "{t:?}");
    }

    /// Visiting a town at home is no visit to one's own country; abroad, the
    /// town and its country both.
    #[test]
    fn a_town_at_home_is_no_visit_to_the_country() {
        let t = triples(
            "",
            "Russian President Vladimir Putin and Defence Minister Sergei Shoigu visit a factory in Kazan, \
             Russia. British Prime Minister Theresa May spoke in Kazan, Russia.",
        );
        has_all(
            &t,
            &[
                "Vladimir Putin visited Kazan fact",
                "Sergei Shoigu visited Kazan fact",
                "Theresa May visited Kazan fact",
                "Theresa May visited Russia fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Putin visited Russia") || x.contains("Shoigu visited Russia")),
            "{t:?}"
        );
        // Compass words between "in" and the place, and before a capital
        // (the city, not its country).
        let t = triples("", "Tony Blair spoke at a school in south east London on Monday.");
        has_all(&t, &["Tony Blair visited London fact"]);
        assert!(!t.iter().any(|x| x.contains("United Kingdom")), "{t:?}");
    }

    /// Opening participles on air ("Appearing on BBC Radio 4's Today
    /// programme, X"), programmes in quotes, bodies described before their
    /// names ("the conciliation service Acas").
    #[test]
    fn broadcasts_and_described_bodies_spoken_to() {
        let t = triples(
            "",
            "Appearing on BBC Radio 4's Today programme, Shahid Malik acknowledged it. Appearing on Fox \
             News' \u{201c}Hannity,\u{201d} Rudy Giuliani compared the FBI to stormtroopers. Lindsey Graham told \
             \"Fox News Sunday.\" Isabella Kemp said she had contacted the conciliation service Acas.",
        );
        has_all(
            &t,
            &[
                "Shahid Malik spoke_to BBC Radio 4 fact",
                "Rudy Giuliani spoke_to Fox News fact",
                "Lindsey Graham spoke_to Fox News Sunday fact",
                "Isabella Kemp spoke_to Acas fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Hannity")), "{t:?}");
    }

    /// Two sides qualifying a noun of talks: "Republican and Democratic
    /// negotiators", "discussions between House and Senate leaders".
    #[test]
    fn two_sides_of_talks() {
        let t = triples(
            "",
            "Republican and Democratic negotiators have agreed on the principles. The deal came after months \
             of discussions between House and Senate leaders. Labour and Tory voters met.",
        );
        has_all(
            &t,
            &[
                "Democratic Party negotiated_with Republican Party fact",
                "House of Representatives negotiated_with Senate fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Labour")), "{t:?}");
    }

    /// Attacking a country's bases or land attacks the country; an attack on
    /// a party's record is words, and striking a deal no attack.
    #[test]
    fn attacks_on_what_an_actor_holds() {
        let t = triples(
            "",
            "Israel attacked Iranian bases in Syria. Russia was removed from the G-8 after its 2014 \
             annexation of Ukraine's Crimean Peninsula.",
        );
        has_all(&t, &["Israel attacked Iran fact", "Russia attacked Ukraine fact"]);
        let t = triples(
            "",
            "Ukraine strikes Turkmen gas deal. Liam Fox opened the forum in Brighton with an attack on \
             Labour's record.",
        );
        assert!(!t.iter().any(|x| x.contains(" attacked ")), "{t:?}");
    }

    /// Calling for someone's removal, launching an attack on them: criticism.
    #[test]
    fn calls_for_removal_and_launched_attacks_criticize() {
        let t = triples(
            "",
            "Liz Cheney called for Steve King's resignation after his comments. \
             Tony Blair has launched an attack on the Conservatives, saying their plans are wrong. \
             John Kasich declined to call for Donald Trump's ouster. \
             Joe Biden called for an investigation of Rudy Giuliani's firm.",
        );
        has_all(
            &t,
            &[
                "Liz Cheney criticized Steve King fact",
                "Tony Blair criticized Conservative Party fact",
                "John Kasich criticized Donald Trump negated",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Biden criticized")), "{t:?}");
        // A longer trigger that finds nothing leaves the shorter ones their
        // turn: "calls for X to apologise" is a demand.
        let t = triples("", "Tony Blair repeated calls for Ken Livingstone to apologise.");
        has_all(&t, &["Tony Blair urged Ken Livingstone fact"]);
    }

    /// A verb joined by "and" keeps the first verb's subject, whatever ends
    /// the first clause ("last month"), unless a clause of its own stands
    /// between ("noted that X is voluntary and criticized").
    #[test]
    fn a_verb_joined_by_and_keeps_the_subject() {
        let t = triples(
            "",
            "French President Emmanuel Macron met with Donald Trump last month and urged Congress to keep the deal. \
             A spokeswoman for Rep. Doug Collins noted that the testimony is voluntary and criticized the Democrats.",
        );
        has_all(&t, &["Emmanuel Macron urged Congress fact"]);
        assert!(!t.iter().any(|x| x.contains("Collins criticized")), "{t:?}");
    }

    /// A post held "as" a title of a body or place, by the clause's subject
    /// or the owner of "tenure", "time", "term".
    #[test]
    fn posts_held_as_a_title() {
        let t = triples(
            "",
            "Vladimir Putin won another six-year term as president of Russia. \
             Chuck Grassley, who previously served as the chairman of the Senate Judiciary Committee, spoke. \
             During his tenure as head of the Independent Football Regulator, David Kogan said so. \
             Richard Grenell, who also serves as ambassador to Germany, spoke.",
        );
        has_all(
            &t,
            &[
                "Vladimir Putin leads Russia fact",
                "Chuck Grassley leads Senate Judiciary Committee fact",
                "David Kogan leads Independent Football Regulator fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Grenell works_for Germany")), "{t:?}");
    }

    /// The one hosted or welcomed somewhere was there too; a presenter
    /// ("Fox News host") hosts no one.
    #[test]
    fn a_guest_visits_where_the_host_is() {
        let t = triples(
            "",
            "Donald Trump hosted Recep Tayyip Erdogan at the White House last month. \
             As CNN's Brian Stelter writes, Fox News host Laura Ingraham on Wednesday tweeted approvingly of \
             people in Michigan demonstrating against the governor.",
        );
        has_all(&t, &["Recep Tayyip Erdogan visited White House fact"]);
        assert!(!t.iter().any(|x| x.contains("Ingraham visited")), "{t:?}");
    }

    /// The one whose fellows a party's members are is a member too.
    #[test]
    fn a_partys_fellows_make_a_member() {
        let t = triples(
            "",
            "Even a few of Donald Trump's fellow Republicans have said so. Joe Lieberman criticized his fellow \
             Democrats on Monday. Nancy Pelosi met fellow lawmakers.",
        );
        has_all(
            &t,
            &[
                "Donald Trump member_of Republican Party fact",
                "Joe Lieberman member_of Democratic Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Pelosi member_of")), "{t:?}");
        // One named with a party's other members is one.
        let t = triples(
            "",
            "Charles Kennedy missed the Commons vote, along with 16 other Lib Dem MPs. Sen. Mitt Romney \
             joined other Republicans in voting against it. Tony Blair met other leaders.",
        );
        has_all(
            &t,
            &[
                "Charles Kennedy member_of Liberal Democrats fact",
                "Mitt Romney member_of Republican Party fact",
            ],
        );
    }

    /// Heads named as examples of leaders, after a country's possessive,
    /// lead it; a country's person named elsewhere does not.
    #[test]
    fn leaders_named_as_examples() {
        let t = triples(
            "",
            "World leaders like China's Xi Jinping and Russia's Vladimir Putin need to listen. \
             Critics like Britain's Nigel Farage spoke.",
        );
        has_all(&t, &["Xi Jinping leads China fact", "Vladimir Putin leads Russia fact"]);
        assert!(!t.iter().any(|x| x.contains("Farage leads")), "{t:?}");
    }

    /// A party's head said with its possessive leads it; a head's title
    /// after a party's adjective only makes a member.
    #[test]
    fn a_partys_own_head_leads_it() {
        let t = triples(
            "",
            "Meanwhile, the Liberal Democrats' President Simon Hughes said so. Republican President Donald Trump \
             said so.",
        );
        has_all(
            &t,
            &[
                "Simon Hughes leads Liberal Democrats fact",
                "Donald Trump member_of Republican Party fact",
            ],
        );
    }

    /// "there" after a presence word is the place last named; not "there
    /// is", nor "said there cannot be".
    #[test]
    fn there_is_the_place_last_named() {
        let t = triples(
            "",
            "Dwight Eisenhower named the retreat Camp David. Eisenhower met with Soviet leader Nikita \
             Khrushchev there in 1959. Donald Trump flew to Helsinki. There is no doubt, Trump said. \
             The court ruled on the case from Texas. John Roberts said there cannot be limits.",
        );
        has_all(&t, &["Dwight Eisenhower visited Camp David fact"]);
        assert!(!t.iter().any(|x| x.contains("Roberts visited")), "{t:?}");
    }

    /// A dash sets an apposition off as a comma does.
    #[test]
    fn an_apposition_between_dashes() {
        let t = triples(
            "",
            "On Sunday, Anthony Fauci \u{2014} the director of the National Institute of Allergy and Infectious \
             Diseases \u{2014} said so. The star witness, Rick Gates \u{2013} Paul Manafort's former business partner \
             \u{2013} testified.",
        );
        has_all(
            &t,
            &[
                "Anthony Fauci leads National Institute of Allergy and Infectious Diseases fact",
                "Paul Manafort ally_of Rick Gates fact",
            ],
        );
    }

    /// A participle set off after an actor's name, with its agent, is a
    /// passive: "The Senate Judiciary Committee, chaired by Lindsey Graham,";
    /// not after a thing ("plans, backed by the UK,").
    #[test]
    fn a_participle_set_off_after_a_name_is_a_passive() {
        let t = triples(
            "",
            "After al Qaeda, supported by the Taliban, killed 3000 Americans, leaders met. \
             The Senate Judiciary Committee, chaired by Sen. Lindsey Graham, will hold a hearing. \
             Menzies Campbell was worried about plans, backed by the UK, to lift the embargo.",
        );
        has_all(
            &t,
            &[
                "Taliban supported al-Qaeda fact",
                "Lindsey Graham leads Senate Judiciary Committee fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("supported Menzies")), "{t:?}");
    }

    /// A title kept in names that ends one names no one after it: "Erik
    /// Prince" is a surname, "the Diamond Princess" is no princess.
    #[test]
    fn a_royal_title_ending_a_name_is_a_surname() {
        let t = triples(
            "",
            "Erik Prince, the founder of Blackwater, spoke. Mr. Prince told the Daily Beast he had cooperated. \
             The Diamond Princess was held in quarantine in Yokohama, Japan.",
        );
        has_all(&t, &["Erik Prince spoke_to The Daily Beast fact"]);
        assert!(
            !t.iter().any(|x| x.starts_with("Prince ") || x.starts_with("Princess ")),
            "{t:?}"
        );
    }

    /// "The California Republican", "the Democrat who": a party's word
    /// for one member is a person, the last sentence's subject or the name
    /// it is set off after; a member may hold any post. "vote for a
    /// Democrat", "the GOP" name no one.
    #[test]
    fn a_party_s_member_said_by_the_party_s_name() {
        let t = triples(
            "",
            "House Majority Leader Kevin McCarthy spoke on Saturday. \
             The California Republican said President Obama bungled the deal. \
             Sen. Chuck Grassley, the Iowa Republican who chairs the Judiciary Committee, spoke. \
             Russell Findlay, the Scottish Conservative leader, spoke.",
        );
        has_all(
            &t,
            &[
                "Kevin McCarthy member_of Republican Party fact",
                "Kevin McCarthy criticized Obama fact",
                "Chuck Grassley leads Judiciary Committee fact",
                "Russell Findlay leads Conservative Party fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.starts_with("Republican Party") || x.contains("Obama member_of") || x.contains("Scotland")),
            "{t:?}"
        );
        let t = triples(
            "",
            "Joe Smith spoke. It shows a lack of knowledge to vote for a Democrat, he said. \
             The GOP has 23 seats to defend. Ann Jones, a former Democrat, is planning to become a Republican.",
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Joe Smith member_of") || x.contains("Jones member_of Republican")),
            "{t:?}"
        );
    }

    #[test]
    fn bodies_named_with_and_or_in_lower_case() {
        let t = triples(
            "",
            "Anthony Fauci, the head of the National Institute of Allergy and Infectious Diseases, spoke. \
             Sarah Owen, the chair of the women and equalities committee, spoke. Britain expelled \
             diplomats after the poisoning of ex-Russian spy Sergei Skripal.",
        );
        has_all(
            &t,
            &[
                "Anthony Fauci leads National Institute of Allergy and Infectious Diseases fact",
                "Sarah Owen leads Women and Equalities Committee fact",
                "Sergei Skripal works_for Russia fact",
            ],
        );
        // A known body after "and" is a body of its own; a committee's
        // description is no name.
        let t = triples(
            "",
            "Officials of the Ministry of Defence and Foreign Office met Boris Johnson. Boris Johnson told the \
             same committee and the powerful intelligence committee nothing.",
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Defence and Foreign") || x.contains("Committee")),
            "{t:?}"
        );
    }

    #[test]
    fn leading_a_body_and_named_groups() {
        let t = triples(
            "",
            "Louise Haigh and Vicky Foxcroft are to take the reins of the Tribune group. Vladimir Putin has \
             led Russia since 2000. Edward Leigh chairs the Public Accounts Committee.",
        );
        has_all(
            &t,
            &[
                "Louise Haigh leads Tribune group planned",
                "Vicky Foxcroft leads Tribune group planned",
                "Vladimir Putin leads Russia fact",
                "Edward Leigh leads Public Accounts Committee fact",
            ],
        );
        // Leading to something, or leading a charge, leads no one.
        let t = triples(
            "",
            "The talks with Vladimir Putin led to protests. Donald Trump led the charge.",
        );
        assert!(!t.iter().any(|x| x.contains(" leads ")), "{t:?}");
    }

    #[test]
    fn the_second_of_two_in_a_phrase_is_no_subject() {
        let t = triples(
            "",
            "Donald Trump was roundly criticized from Democrats and Republicans in Washington for siding with \
             the Kremlin. The intervention came after Theresa May and John Major criticised the Tories.",
        );
        has_all(
            &t,
            &[
                "Donald Trump supported Kremlin fact",
                "Theresa May criticized Conservative Party fact",
                "John Major criticized Conservative Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Republican Party supported")), "{t:?}");
    }

    #[test]
    fn an_honorific_makes_a_bodys_name_a_surname() {
        let t = triples(
            "",
            "Liam Fox spoke on Monday. Tory peer Lord Tebbit said he agreed with Dr Fox's view. Donald Trump \
             met Mr Blair.",
        );
        assert!(
            t.iter().any(|x| x.contains("agreed_with") && x.contains("Tebbit")),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("Fox News")), "{t:?}");
        // Without quotes, with the speaker after the verb ending the sentence;
        // an actor's plans that would not work judge the actor.
        let t = triples(
            "",
            "Tory proposals to cap the number of asylum seekers would not work, argued Tony Blair. \
             The plan is fine, argued Tony Blair.",
        );
        assert_eq!(t, vec!["Tony Blair criticized Conservative Party fact".to_string()]);
        // Telling someone that another erred; a pronoun in a quote is no one's.
        let t = triples(
            "",
            "Charles Kennedy told delegates that Labour had abused the public's trust. \
             Nick Robinson spoke to Zarah Sultana. \"He's a danger,\" Zarah Sultana added.",
        );
        assert!(
            t.contains(&"Charles Kennedy criticized Labour Party fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("criticized Nick Robinson")), "{t:?}");
    }

    #[test]
    fn a_party_before_a_name_and_serving_on_a_body() {
        let t = triples(
            "",
            "Labour's Paul Flynn said it was a row. Republican Mitt Romney voted no. For the Lib Dems David \
             Laws said no. Lindsey Graham, who serves on the Senate Judiciary Committee, spoke. Robert \
             Jackson defected to the Labour Party.",
        );
        has_all(
            &t,
            &[
                "Paul Flynn member_of Labour Party fact",
                "Mitt Romney member_of Republican Party fact",
                "David Laws works_for Liberal Democrats fact",
                "Lindsey Graham member_of Senate Judiciary Committee fact",
                "Robert Jackson member_of Labour Party fact",
            ],
        );
        // Leaving a party was membership (former posts count); a party's rival is its member.
        let t = triples(
            "",
            "Zarah Sultana left the Labour Party in July. Trump attacked Democratic rival Joe Biden. \
             Diane Abbott has cut ties with Labour.",
        );
        has_all(
            &t,
            &[
                "Zarah Sultana member_of Labour Party fact",
                "Joe Biden member_of Democratic Party fact",
                "Diane Abbott member_of Labour Party fact",
            ],
        );
        // The one whose fellows a party's members are is one; a party before a
        // person's name is that person's, not an object of the verb.
        let t = triples(
            "",
            "President Donald Trump faced blowback from fellow Republicans. Joe Biden spoke with Democrat Bernie Sanders.",
        );
        has_all(
            &t,
            &[
                "Donald Trump member_of Republican Party fact",
                "Bernie Sanders member_of Democratic Party fact",
                "Joe Biden spoke_to Bernie Sanders fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("spoke_to Democratic")), "{t:?}");
        // A list's last party is no one's; joining or leaving a person is no membership.
        let t = triples(
            "",
            "Democrats and Republicans, Kara Dansky said. Boris Johnson joined Donald Trump. Boris Johnson left Donald Trump.",
        );
        assert!(!t.iter().any(|x| x.contains("member_of")), "{t:?}");
    }

    /// A description of a post in a body that opens its sentence continues
    /// the last sentence's subject when no title fits, unless that person
    /// already heads or serves somewhere.
    #[test]
    fn a_body_post_continues_the_last_subject() {
        let t = triples(
            "",
            "Nigel Farage will spell out Reform UK's policies. The Reform UK leader will give a speech in London.",
        );
        has_all(
            &t,
            &[
                "Nigel Farage leads Reform UK fact",
                "Nigel Farage visited London planned",
            ],
        );
        let t = triples(
            "",
            "President Donald Trump spoke. The Fed chairman said rates would rise.",
        );
        assert!(!t.iter().any(|x| x.contains("Donald Trump leads")), "{t:?}");
    }

    /// A body's or a country's people named as a group before the verb act
    /// for it; a site's do not, nor those after a preposition.
    #[test]
    fn a_group_of_a_body_acts_for_it() {
        let t = triples(
            "",
            "At a summit in Brussels, the 28 EU leaders agreed with Britain that it was likely. \
             Iranian officials criticized the United States. \
             Some Capitol Hill lawmakers said Donald Trump should go. \
             Iran sent a memo to U.S. officials who criticized Saudi Arabia.",
        );
        has_all(
            &t,
            &[
                "European Union agreed_with United Kingdom fact",
                "Iran criticized United States fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Capitol Hill urged")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("criticized Saudi Arabia")), "{t:?}");
    }

    /// A pronoun after a description that opens its clause waits for the
    /// description to be bound, not for the last person named; a
    /// description inside a quote makes no one wait.
    #[test]
    fn a_pronoun_after_a_description_means_its_person() {
        let t = triples(
            "",
            "Home Secretary Charles Clarke spoke on Monday. Tory Liam Fox said his party disagreed. \
             The home secretary said, by 2008, he wanted everyone fingerprinted. Speaking on BBC One, he said \
             migrants were welcome.",
        );
        assert!(t.contains(&"Charles Clarke spoke_to BBC One fact".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("Liam Fox spoke_to")), "{t:?}");
        let t = triples(
            "",
            "Home Secretary Charles Clarke spoke on Monday. Liberal Democrat Mark Oaten disagreed. \
             \"The issue the home secretary is dodging is the principle,\" he told BBC News.",
        );
        assert!(t.contains(&"Mark Oaten spoke_to BBC News fact".to_string()), "{t:?}");
    }

    /// A "received" pattern reads the other way round: facing blowback from
    /// someone is their criticism, having someone's backing their support.
    #[test]
    fn criticism_and_backing_received() {
        let t = triples(
            "",
            "President Donald Trump faced blowback from fellow Republicans this week. \
             Boris Johnson came under fire from Labour. Labour came under fire in London. \
             Mainstream Group has the backing of the Greater Manchester mayor, Andy Burnham.",
        );
        has_all(
            &t,
            &[
                "Republican Party criticized Donald Trump fact",
                "Labour Party criticized Boris Johnson fact",
                "Andy Burnham supported Mainstream Group fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("Donald Trump criticized") || x.contains("London")),
            "{t:?}"
        );
    }

    /// The one stood with in an act does it too; a person's business
    /// partner is an ally, a partner at a firm no one's.
    #[test]
    fn standing_with_someone_in_an_act_and_partners() {
        let t = triples(
            "",
            "The United States stands firmly with the United Kingdom in condemning Russia's action. \
             Rick Gates, Paul Manafort's former business partner, testified. Jim Smith, a partner at Deloitte, \
             spoke. Trump rival Joe Biden spoke.",
        );
        has_all(
            &t,
            &[
                "United Kingdom criticized Russia fact",
                "United States criticized Russia fact",
                "Paul Manafort ally_of Rick Gates fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.contains("Deloitte") || x.contains("works_for")),
            "{t:?}"
        );
    }

    /// A quote said before its speaker: the quote's opening actor is judged
    /// or urged by whoever speaks after its comma; a guess is no demand.
    #[test]
    fn a_quote_before_its_speaker() {
        let t = triples(
            "",
            "\"Tony Blair must resign,\" said Michael Howard. \"Michael Cohen is a liar,\" Rudy Giuliani said. \
             Prince Harry should see for himself \"the results\", Rabbi Marvin Hier, founder of the Simon Wiesenthal Center said. \
             \"Matt Williams must be wondering what happened,\" said Jim Calder.",
        );
        has_all(
            &t,
            &[
                "Michael Howard urged Tony Blair fact",
                "Rudy Giuliani criticized Michael Cohen fact",
                "Marvin Hier urged Prince Harry fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Simon Wiesenthal Center urged")), "{t:?}");
        // A quote after a colon; breaking a bone is no broken pledge.
        let t = triples(
            "",
            "John Redwood said: \"Tony Blair has forgotten the taxpayers.\" \
             Nigel Melville said: \"Phil Vickery has broken his radius.\"",
        );
        assert!(
            t.contains(&"John Redwood criticized Tony Blair fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("criticized Phil Vickery")), "{t:?}");
        // A comparison before the clause is said of both; a given name that is
        // no English word opens a name at a sentence's start ("Liam Fox" is
        // no Fox News).
        let t = triples(
            "",
            "Liam Fox said: \"Like Labour, the Lib Dems are soft on crime.\" Will Russia attack?",
        );
        has_all(
            &t,
            &[
                "Liam Fox criticized Labour Party fact",
                "Liam Fox criticized Liberal Democrats fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Fox News")), "{t:?}");
        // Without quotes, with the speaker after the verb ending the sentence;
        // an actor's plans that would not work judge the actor.
        let t = triples(
            "",
            "Tory proposals to cap the number of asylum seekers would not work, argued Tony Blair. \
             The plan is fine, argued Tony Blair.",
        );
        assert_eq!(t, vec!["Tony Blair criticized Conservative Party fact".to_string()]);
        // Telling someone that another erred; a pronoun in a quote is no one's.
        let t = triples(
            "",
            "Charles Kennedy told delegates that Labour had abused the public's trust. \
             Nick Robinson spoke to Zarah Sultana. \"He's a danger,\" Zarah Sultana added.",
        );
        assert!(
            t.contains(&"Charles Kennedy criticized Labour Party fact".to_string()),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.contains("criticized Nick Robinson")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("urged Matt Williams")), "{t:?}");
    }

    /// A post said before a surname that is also an English word makes a
    /// person ("President Macron", "Senator Blunt"); not a body's plural.
    #[test]
    fn a_post_before_an_english_surname() {
        let t = triples(
            "",
            "Donald Trump met President Macron. Senator Blunt met Donald Trump. \
             The Orange County Sheriff Departments met Donald Trump.",
        );
        has_all(&t, &["Donald Trump met Macron fact", "Blunt met Donald Trump fact"]);
        assert!(!t.iter().any(|x| x.contains("met Departments")), "{t:?}");
    }

    /// "TITLE NAME of PLACE": a head leads the place after the name; a place
    /// after another post is a home state; a body's purpose after "for" may
    /// hold a place's word ("Center for American Progress").
    #[test]
    fn a_title_with_its_place_after_the_name() {
        let t = triples(
            "",
            "President Vladimir V. Putin of Russia spoke. Former vice president John C. Calhoun of South Carolina \
             wrote. Richard Fontaine, president of the Center for a New American Security, said so. \
             Helmut Schneider, director of the Institute for the Study of Labor, agreed.",
        );
        has_all(
            &t,
            &[
                "Vladimir V. Putin leads Russia fact",
                "Richard Fontaine leads Center for a New American Security fact",
                "Helmut Schneider leads Institute for the Study of Labor fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("South Carolina")), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("leads United States")), "{t:?}");
    }

    #[test]
    fn a_post_stated_with_a_verb() {
        let t = triples(
            "",
            "Bill Shine has been named White House deputy chief of staff. Bill Shine is close to Fox News \
             personality Sean Hannity.",
        );
        has_all(
            &t,
            &[
                "Bill Shine works_for White House fact",
                "Sean Hannity works_for Fox News fact",
            ],
        );
        let t = triples("", "Boris Johnson was named in the report of the Foreign Office.");
        assert!(!t.iter().any(|x| x.contains("works_for")), "{t:?}");
    }

    /// A programme after its outlet's possessive is the outlet's: the
    /// outlet is the node ("told BBC One's Breakfast with Frost programme",
    /// "BBC Two's Newsnight"; the annotators name either).
    #[test]
    fn an_outlets_programme_is_spoken_to() {
        let t = triples(
            "",
            "John Prescott told BBC Radio 4's Today on Tuesday. Tony Blair told BBC Radio 4's Westminster \
             Hour: \"We should cut it.\" Nick Raynsford told BBC One's Breakfast with Frost programme. \
             Robin Butler told BBC Two's Newsnight that it was wrong.",
        );
        has_all(
            &t,
            &[
                "John Prescott spoke_to BBC Radio 4 fact",
                "Tony Blair spoke_to BBC Radio 4 fact",
                "Nick Raynsford spoke_to BBC One fact",
                "Robin Butler spoke_to BBC Two fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("Parliament")), "{t:?}");
        // An outlet's people are no programme.
        let t = triples(
            "",
            "Fox News' Rich Edson, John Roberts and Lucia Suarez contributed to this report.",
        );
        has_all(
            &t,
            &[
                "Rich Edson works_for Fox News fact",
                "John Roberts works_for Fox News fact",
            ],
        );
    }

    #[test]
    fn praising_an_actors_act_praises_the_actor() {
        let t = triples(
            "",
            "Lindsey Graham said he appreciated William Barr's update. Gordon Brown welcomed Donald Trump's \
             decision. Gordon Brown welcomed Boris Johnson to Downing Street.",
        );
        has_all(
            &t,
            &[
                "Lindsey Graham praised William Barr fact",
                "Gordon Brown praised Donald Trump fact",
                "Boris Johnson met Gordon Brown fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("praised Boris Johnson")), "{t:?}");
    }

    #[test]
    fn criticism_exchanged_goes_both_ways() {
        let t = triples(
            "",
            "Mike Pompeo and Ri Yong Ho exchanged barbs and accusations Saturday in Singapore.",
        );
        has_all(
            &t,
            &[
                "Mike Pompeo criticized Ri Yong Ho fact",
                "Ri Yong Ho criticized Mike Pompeo fact",
            ],
        );
        // Meeting stays one symmetric triple.
        let t = triples("", "Donald Trump and Nancy Pelosi met.");
        assert_eq!(t.iter().filter(|x| x.contains(" met ")).count(), 1, "{t:?}");
    }

    #[test]
    fn a_post_held_under_a_person_works_for_that_person() {
        let t = triples(
            "",
            "\"It will hurt,\" said Tony Blinken, who was deputy secretary of State under President Barack \
             Obama. Ann Smith, a judge under review since March, resigned after Barack Obama spoke.",
        );
        has_all(&t, &["Tony Blinken works_for Barack Obama fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Ann Smith works_for")), "{t:?}");
    }

    #[test]
    fn a_bodys_possessive_before_a_name_is_the_persons_employer() {
        let t = triples(
            "",
            "Deutsche Bank's John Hilary said: \"This is bad.\" Labour's John Prescott said no. \
             Ed Miliband's John Smith said yes.",
        );
        has_all(&t, &["John Hilary works_for Deutsche Bank fact"]);
        assert!(!t.iter().any(|x| x.starts_with("John Prescott works_for")), "{t:?}");
        assert!(!t.iter().any(|x| x.starts_with("John Smith works_for")), "{t:?}");
    }

    #[test]
    fn a_titled_name_opening_with_an_english_word_ends_in_a_surname() {
        // "Linden" is an English word; "Kemkaran" is none, so a person's
        // surname: the title set off before the name makes a person.
        let t = triples(
            "",
            "In the meeting the council leader, Linden Kemkaran, spoke. The Liberal Democrats appealed to \
             Kemkaran to restore Kemp. A spokesman for Planned Parenthood said no.",
        );
        has_all(&t, &["Liberal Democrats urged Linden Kemkaran fact"]);
        assert!(
            !t.iter()
                .any(|x| x.contains("Planned Parenthood") && x.contains("member_of")),
            "{t:?}"
        );
    }

    #[test]
    fn a_day_between_said_and_its_clause_keeps_the_clause() {
        let t = triples(
            "",
            "House Majority Leader Kevin McCarthy said Saturday that President Donald Trump should submit \
             the deal to the Senate. Nancy Pelosi said Monday night that nothing should change.",
        );
        has_all(&t, &["Kevin McCarthy urged Donald Trump fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Nancy Pelosi urged")), "{t:?}");
    }

    #[test]
    fn an_eras_name_only_said_before_nouns_is_no_person() {
        let t = actors(
            "New Orleans removed its last Confederate-era monument. The Confederate Navy sank. Obama-era \
             rules stood. Obama said so.",
        );
        assert!(!t.iter().any(|(n, ty)| n == "Confederate" && ty == "person"), "{t:?}");
        assert!(t.iter().any(|(n, ty)| n == "Obama" && ty == "person"), "{t:?}");
    }

    #[test]
    fn examples_of_a_party_or_group_are_its_members() {
        let t = triples(
            "",
            "Several Republicans, including Sens. Mitt Romney and Susan Collins, voted no. The Taliban \
             harbored al Qaeda, including Osama bin Laden. Labour MPs such as Diane Abbott rebelled. \
             Democrats like the idea that John Smith proposed.",
        );
        has_all(
            &t,
            &[
                "Mitt Romney member_of Republican Party fact",
                "Susan Collins member_of Republican Party fact",
                "Osama bin Laden member_of al-Qaeda fact",
                "Diane Abbott member_of Labour Party fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("John Smith member_of")), "{t:?}");
    }

    #[test]
    fn a_post_in_a_relative_clause_may_have_adverbs_of_time() {
        let t = triples(
            "",
            "Isabella Kemp, who had also worked as a data protection officer at Reform UK, left. John \
             Smith, who has also been chairman of the BBC, spoke. Anne Jones, who previously said the BBC \
             was biased, spoke.",
        );
        has_all(
            &t,
            &["Isabella Kemp works_for Reform UK fact", "John Smith leads BBC fact"],
        );
        assert!(
            !t.iter().any(|x| x.starts_with("Anne Jones") && x.contains("BBC")),
            "{t:?}"
        );
    }

    #[test]
    fn two_who_met_are_where_they_met() {
        let t = triples(
            "",
            "Donald Trump has known Benjamin Netanyahu since they first met in New York in the 1980s. \
             Tony Blair, Gordon Brown and John Prescott left after their meeting in London.",
        );
        has_all(
            &t,
            &[
                "Benjamin Netanyahu met Donald Trump fact",
                "Donald Trump visited New York fact",
                "Benjamin Netanyahu visited New York fact",
            ],
        );
        // Three named before "their": a group, not a pair to pick two of.
        assert!(
            !t.iter().any(|x| x.contains(" met ") && x.contains("Prescott")),
            "{t:?}"
        );
    }

    #[test]
    fn a_gathering_named_by_its_place_opening_a_sentence_places_its_subject() {
        let t = triples(
            "",
            "At the Helsinki summit, Donald Trump sided with Vladimir Putin. At the Helsinki museum, \
             Boris Johnson sided with Theresa May.",
        );
        has_all(&t, &["Donald Trump visited Helsinki fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Boris Johnson visited")), "{t:?}");
    }

    #[test]
    fn a_quotes_own_if_leaves_the_telling_a_fact() {
        let t = triples(
            "",
            "\"If the bill goes through, it will hurt women,\" Tony Blair told CBN News. If the bill \
             passes, Gordon Brown will tell CBN News.",
        );
        has_all(
            &t,
            &[
                "Tony Blair spoke_to CBN News fact",
                "Gordon Brown spoke_to CBN News hypothetical",
            ],
        );
    }

    #[test]
    fn a_description_saying_a_quotation_goes_on_with_the_last_subject() {
        let t = triples(
            "",
            "Kemi Badenoch spoke to reporters on Monday. \"No, we are not. Keir Starmer is wrong,\" \
             the Conservative leader said.",
        );
        has_all(&t, &["Kemi Badenoch leads Conservative Party fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Keir Starmer leads")), "{t:?}");
    }

    #[test]
    fn a_donor_supports_whom_a_sum_goes_to() {
        let t = triples(
            "",
            "Boris Johnson donated £2m to the Conservative Party. Theresa May gave more than $1 million \
             in cash to Oxfam. Gordon Brown gave an interview to the BBC.",
        );
        has_all(&t, &["Boris Johnson supported Conservative Party fact"]);
        assert!(
            !t.iter()
                .any(|x| x.contains("supported Oxfam") || x.contains("supported BBC")),
            "{t:?}"
        );
        // A sum received from someone is their support; a letter is not, and
        // a guest received is a meeting still.
        let t = triples(
            "",
            "Reform UK has received £200,000 from Bassim Haidar. The Labour Party received a letter from \
             John Smith. Vladimir Putin has received Donald Trump at the Kremlin.",
        );
        has_all(
            &t,
            &[
                "Bassim Haidar supported Reform UK fact",
                "Donald Trump met Vladimir Putin fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("John Smith")), "{t:?}");
    }

    #[test]
    fn an_opening_phrase_about_a_gathering_puts_its_subject_there() {
        // (The first sentence opens the text with the place: nothing before it.)
        let t = triples(
            "",
            "Brussels summit ends. Tony Blair spoke. Leaving a Brussels summit Mr Blair said Turkey \
             could join. During the Helsinki summit, Donald Trump smiled. After the Tulsa rally, Boris \
             Johnson smiled.",
        );
        has_all(
            &t,
            &["Tony Blair visited Brussels fact", "Donald Trump visited Helsinki fact"],
        );
        assert!(!t.iter().any(|x| x.contains("visited Tulsa")), "{t:?}");
    }

    #[test]
    fn a_partys_first_word_stands_for_it_where_the_text_names_it() {
        let t = triples(
            "",
            "Reform UK surged in the polls. The Reform leader, Nigel Farage, spoke. Republicans gained. \
             Republican Senate leader Mitch McConnell spoke.",
        );
        has_all(&t, &["Nigel Farage leads Reform UK fact"]);
        assert!(
            !t.iter().any(|x| x.starts_with("Mitch McConnell leads Republican")),
            "{t:?}"
        );
    }

    #[test]
    fn a_persons_appointee_was_appointed_by_them() {
        let t = triples(
            "",
            "Donald Trump spoke. Barack Obama spoke. Trump appointee Judge Neomi Rao dissented. Sri \
             Srinivasan, an Obama appointee, added. Democratic nominee Joe Biden spoke.",
        );
        has_all(
            &t,
            &[
                "Donald Trump appointed Neomi Rao fact",
                "Barack Obama appointed Sri Srinivasan fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("appointed Joe Biden")), "{t:?}");
    }

    #[test]
    fn a_telling_by_phone_is_a_call() {
        let t = triples(
            "",
            "Emmanuel Macron told his Iranian counterpart, Hassan Rouhani, in a phone call that he was \
             worried. Boris Johnson told Angela Merkel that he would phone Donald Trump.",
        );
        has_all(
            &t,
            &[
                "Emmanuel Macron called Hassan Rouhani fact",
                "Boris Johnson spoke_to Angela Merkel fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Emmanuel Macron spoke_to")), "{t:?}");
    }

    #[test]
    fn a_royal_title_stays_in_the_name_and_gives_the_post() {
        let t = triples(
            "",
            "Donald Trump took tea with Queen Elizabeth II. Saudi King Salman spoke to Mike Pompeo. \
             Martin Luther King Jr. met Lyndon Johnson.",
        );
        has_all(
            &t,
            &[
                "Donald Trump met Queen Elizabeth II fact",
                "King Salman leads Saudi Arabia fact",
                "King Salman spoke_to Mike Pompeo fact",
                "Lyndon Johnson met Martin Luther King Jr. fact",
            ],
        );
    }

    #[test]
    fn the_agency_or_the_committee_is_the_last_body_so_named() {
        let t = triples(
            "",
            "The Child Support Agency could close. The agency's former chief executive Doug Smith quit. \
             The House Intelligence Committee met. Adam Schiff, the committee's Democratic chairman, \
             spoke. Donald Trump urged the Department of Homeland Security to act.",
        );
        has_all(
            &t,
            &[
                "Doug Smith leads Child Support Agency fact",
                "Adam Schiff leads House Intelligence Committee fact",
                "Adam Schiff member_of Democratic Party fact",
                "Donald Trump urged Department of Homeland Security fact",
            ],
        );
        assert!(
            !t.iter().any(|x| x.starts_with("Adam Schiff leads Democratic")),
            "{t:?}"
        );
    }

    #[test]
    fn one_invited_to_a_place_is_to_visit_it() {
        let t = triples(
            "",
            "Donald Trump invited Vladimir Putin to the White House. Boris Johnson invited Emmanuel \
             Macron to dinner.",
        );
        has_all(&t, &["Vladimir Putin visited White House planned"]);
        assert!(!t.iter().any(|x| x.starts_with("Emmanuel Macron visited")), "{t:?}");
    }

    #[test]
    fn an_envoy_to_a_country_serves_the_one_that_sent_them() {
        let t = triples(
            "",
            "Russia wanted to question Americans, including the former US ambassador to Russia, Michael \
             McFaul. Former US ambassador to Ukraine Marie Yovanovitch testified. Kurt Volker, the \
             former US envoy to Ukraine, spoke.",
        );
        has_all(
            &t,
            &[
                "Michael McFaul works_for United States fact",
                "Marie Yovanovitch works_for United States fact",
                "Kurt Volker works_for United States fact",
            ],
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("works_for Russia") || x.contains("works_for Ukraine")),
            "{t:?}"
        );
    }

    #[test]
    fn a_when_clause_under_an_if_is_taken_for_granted() {
        let t = triples(
            "",
            "Donald Trump will impose tariffs if he cannot make a deal with Xi Jinping when he meets \
             Boris Johnson in Argentina. If the talks fail, when the summit ends, Gordon Brown will \
             visit Paris.",
        );
        has_all(
            &t,
            &[
                "Boris Johnson met Donald Trump fact",
                "Donald Trump agreed_with Xi Jinping hypothetical",
                "Gordon Brown visited Paris hypothetical",
            ],
        );
    }

    #[test]
    fn one_close_to_another_is_an_ally() {
        let t = triples(
            "",
            "Jim Clyburn, the highest-ranking black member of Congress, is close to Joe Biden. Boris \
             Johnson is close to a deal with Angela Merkel.",
        );
        has_all(&t, &["Jim Clyburn ally_of Joe Biden fact"]);
        assert!(
            !t.iter().any(|x| x.contains("ally_of") && x.contains("Merkel")),
            "{t:?}"
        );
    }

    #[test]
    fn a_campaigns_namesake_is_not_the_junior() {
        let t = actors(
            "The meeting at Trump Tower included Donald Trump Jr. and George Nader. Ties between the \
             Trump campaign and Russia were probed. Saudi Arabia wanted to aid Trump in his bid.",
        );
        assert!(t.iter().any(|(n, _)| n == "Trump"), "{t:?}");
        let t = actors("Frank Pallone Jr. spoke. Pallone said no.");
        assert!(!t.iter().any(|(n, _)| n == "Pallone"), "{t:?}");
    }

    #[test]
    fn a_person_after_a_preposition_heads_a_relative_who() {
        let t = triples(
            "",
            "Reaction came, including from Benjamin Netanyahu, who has long described Iran as a threat. \
             Sanders is a professor at Vanderbilt University who criticized Donald Trump.",
        );
        has_all(&t, &["Benjamin Netanyahu criticized Iran fact"]);
        assert!(
            !t.iter().any(|x| x.starts_with("Vanderbilt University criticized")),
            "{t:?}"
        );
    }

    #[test]
    fn the_one_interviewed_speaks_to_the_interviewer() {
        let t = triples(
            "",
            "MSNBC's Rachel Maddow interviewed Elizabeth Warren on Thursday night. Joe Biden will be \
             interviewed by Anderson Cooper at 8 pm. Elizabeth Warren gave an interview to Joe Biden. \
             Bill Maher then showed a photo of Jake Tapper interviewing Donald Trump.",
        );
        has_all(
            &t,
            &[
                "Elizabeth Warren spoke_to Rachel Maddow fact",
                "Joe Biden spoke_to Anderson Cooper planned",
                "Donald Trump spoke_to Jake Tapper fact",
            ],
        );
        assert!(!t.iter().any(|x| x.contains("spoke_to Bill Maher")), "{t:?}");
        assert!(
            !t.iter().any(|x| x.starts_with("Joe Biden spoke_to Elizabeth Warren")),
            "{t:?}"
        );
    }

    #[test]
    fn the_people_a_team_includes_work_for_its_owner() {
        let t = triples(
            "",
            "Donald Trump's legal team, including Rudy Giuliani and Jay Sekulow, met. Donald Trump's \
             team includes a lawyer and met Nancy Pelosi.",
        );
        has_all(
            &t,
            &[
                "Rudy Giuliani works_for Donald Trump fact",
                "Jay Sekulow works_for Donald Trump fact",
            ],
        );
        assert!(!t.iter().any(|x| x.starts_with("Nancy Pelosi works_for")), "{t:?}");
    }

    #[test]
    fn one_who_joins_another_somewhere_is_there_too() {
        let t = triples(
            "",
            "David Blunkett was joined by Tony Blair at a school in London. Gordon Brown joined John \
             Prescott in condemning the plan in Paris.",
        );
        has_all(
            &t,
            &["David Blunkett visited London fact", "Tony Blair visited London fact"],
        );
        // (Joining someone in condemning is no presence of the one joined.)
        assert!(!t.iter().any(|x| x.starts_with("John Prescott visited")), "{t:?}");
    }

    #[test]
    fn its_before_a_title_is_the_body_or_country_named_last() {
        let t = triples(
            "",
            "In 2016, Joe Biden pressured Ukraine to remove its top prosecutor, Viktor Shokin. He \
             criticized Rappler and its chief executive Maria Ressa.",
        );
        has_all(&t, &["Viktor Shokin works_for Ukraine fact"]);
        assert!(!t.iter().any(|x| x.starts_with("Maria Ressa leads")), "{t:?}");
    }

    #[test]
    fn a_named_site_is_a_place_one_visits() {
        let t = triples(
            "",
            "Vladimir Putin and Sergei Shoigu visit the Gorbunov Aviation factory in Kazan. Donald \
             Trump visited Gorbunov Aviation in Moscow.",
        );
        has_all(&t, &["Vladimir Putin visited Gorbunov Aviation factory fact"]);
        assert!(
            !t.iter().any(|x| x.ends_with("visited Gorbunov Aviation fact")),
            "{t:?}"
        );
    }
}
