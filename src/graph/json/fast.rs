//! A reader for graph.json exactly as [`ActorGraph::write_json`] lays it out.
//!
//! serde_json costs about 27 instructions per byte of graph.json, and a
//! million-edge file is 400 MB. This reader knows the writer's layout (key
//! order, no spaces, one link per line) and reads a link in a few
//! instructions per byte. It accepts only that layout: at the first byte it
//! does not expect it gives up and the caller reads the file again through
//! serde, which also gives every error its line and column. So a file
//! another tool wrote or reformatted (`jq`, Python's `json`) still loads, and
//! a broken file is reported exactly as before; only the fast path's own
//! accept or give-up decision is new.

use super::{GraphMeta, Load, NodeIn, SCHEMA_VERSION, Sources, Str, intern, node};
use crate::graph::{ActorGraph, DocId, DocTable, Edge, MAX_EVIDENCE};
use crate::model::{Evidence, Modality, Relation};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::sync::Arc;

/// Links per part read by one thread: at about 400 bytes a link, a few
/// thousand links.
pub(super) const PART_BYTES: usize = 1 << 20;

/// Loads `text` into `load`, or returns `None` at the first thing that is
/// not laid out as the writer lays it out (or is not a valid graph); `load`
/// is then half-filled and must be thrown away.
///
/// The links are read in parts of at least `part_bytes` side by side
/// ([`PART_BYTES`] but in tests).
pub(super) fn load<'a>(load: &mut Load<'a>, text: &'a str, part_bytes: usize) -> Option<()> {
    // The writer puts raw line breaks only between items and no other
    // control characters anywhere; JSON allows none inside strings. Then
    // "\n]" can end only a list, and a string scan can stop at '\n'.
    // Tested 64 bytes at a time without an early exit, a loop the compiler
    // vectorises.
    let control = |chunk: &[u8]| chunk.iter().fold(false, |any, &b| any | ((b < 0x20) & (b != b'\n')));
    if text.as_bytes().chunks(64).any(control) {
        return None;
    }
    let mut c = Cursor { text, at: 0 };
    c.lit("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\":")?;
    c.string()?;
    c.lit(",\"schema_version\":")?;
    let version = c.uint()?;
    c.lit(",\"documents\":")?;
    let documents = c.uint()?;
    c.lit("},\n\"nodes\": ")?;
    if version != u64::from(SCHEMA_VERSION) {
        return None;
    }
    load.meta = Some(GraphMeta {
        schema_version: SCHEMA_VERSION,
        documents: usize::try_from(documents).ok()?,
    });
    // Nodes are a tenth of the file: serde reads them, from the list's
    // bracket to the one that closes it (the first "\n]" after it).
    let nodes_end = c.at + text[c.at..].find("\n],\n\"links\": [")? + 2;
    let nodes: Vec<NodeIn<'a>> = serde_json::from_str(&text[c.at..nodes_end]).ok()?;
    load.add_nodes(nodes).ok()?;
    c.at = nodes_end;
    c.lit(",\n\"links\": [")?;
    let links = text[c.at..].trim_ascii_end().strip_suffix("\n]}")?;
    // Links are a line each, so the list splits at line breaks into parts
    // read side by side; edges then go into the graph in file order. A
    // link's document ids are looked up, not added: the writer lists every
    // document of a link among its nodes' documents, so the table is
    // complete once the nodes are read.
    let parts = split(links, part_bytes)?;
    let (g, docs) = (&load.g, &load.docs);
    let edges: Vec<Vec<(NodeIndex, NodeIndex, Edge)>> = parts
        .into_par_iter()
        .map(|part| read_links(part, g, docs))
        .collect::<Option<_>>()?;
    load.g.graph.reserve_exact_edges(edges.iter().map(Vec::len).sum());
    for (s, o, edge) in edges.into_iter().flatten() {
        load.add_edge(s, o, edge).ok()?;
    }
    load.links_loaded = true;
    Some(())
}

/// Cuts the text of the link list (`\n{…},\n{…}…`, or nothing) into parts
/// of the same form, of about the same size, at least `part_bytes` each, a
/// few per thread (so a thread that finishes early takes another).
fn split(links: &str, part_bytes: usize) -> Option<Vec<&str>> {
    let n = (links.len() / part_bytes.max(1)).clamp(1, 4 * rayon::current_num_threads());
    let mut parts = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        let mid = (links.len() * k / n).max(start + 1);
        let Some(at) = links.as_bytes().get(mid..).and_then(|rest| memchr::memchr(b'\n', rest)) else {
            break;
        };
        let cut = mid + at;
        // Between two links, a comma ends the line.
        if links.as_bytes()[cut - 1] != b',' {
            return None;
        }
        parts.push(&links[start..cut - 1]);
        start = cut;
    }
    parts.push(&links[start..]);
    Some(parts)
}

/// Reads one part of the link list into edges.
fn read_links(part: &str, g: &ActorGraph, docs: &DocTable) -> Option<Vec<(NodeIndex, NodeIndex, Edge)>> {
    let mut c = Cursor { text: part, at: 0 };
    let mut edges = Vec::new();
    let mut dates = FxHashMap::default();
    let mut sources = Sources::default();
    while c.at < part.len() {
        c.lit(if edges.is_empty() { "\n" } else { ",\n" })?;
        let (source, target, edge) = link(&mut c, docs, &mut dates)?;
        let s = sources.find(g, source).ok()?;
        edges.push((s, node(g, &target).ok()?, edge));
    }
    Some(edges)
}

/// `{"source":…,"target":…,"key":…,"symmetric":…,"relation":…,"modality":…,
/// "weight":…,"confidence":…,"docs":[…],["first_date":…,]["last_date":…,]
/// "evidence":[…]}`
fn link<'a>(
    c: &mut Cursor<'a>,
    table: &DocTable,
    dates: &mut FxHashMap<Cow<'a, str>, Arc<str>>,
) -> Option<(Cow<'a, str>, Cow<'a, str>, Edge)> {
    c.lit("{\"source\":")?;
    let source = c.string()?;
    c.lit(",\"target\":")?;
    let target = c.string()?;
    c.lit(",\"key\":")?;
    c.string()?;
    c.lit(",\"symmetric\":")?;
    c.lit("true").or_else(|| c.lit("false"))?;
    c.lit(",\"relation\":")?;
    let relation = c.string()?.parse::<Relation>().ok()?;
    c.lit(",\"modality\":")?;
    let modality = c.string()?.parse::<Modality>().ok()?;
    c.lit(",\"weight\":")?;
    let weight = usize::try_from(c.uint()?).ok()?;
    c.lit(",\"confidence\":")?;
    let confidence = c.float()?;
    c.lit(",\"docs\":[")?;
    // The link's documents as written, beside their ids: an evidence's
    // document is nearly always one of them, and comparing with text just
    // read is cheaper than a hash probe into a table of every document.
    let mut named: SmallVec<[(Cow<'a, str>, DocId); 4]> = SmallVec::new();
    if c.lit("]").is_none() {
        loop {
            let name = c.string()?;
            let id = table.get(&name)?;
            named.push((name, id));
            if c.lit("]").is_some() {
                break;
            }
            c.lit(",")?;
        }
    }
    let docs = named.iter().map(|&(_, id)| id).collect();
    let mut date = |c: &mut Cursor<'a>, key: &str| -> Option<Option<_>> {
        if c.lit(key).is_none() {
            return Some(None);
        }
        Some(Some(intern(dates, Str(c.string()?))))
    };
    let first_date = date(c, ",\"first_date\":")?;
    let last_date = date(c, ",\"last_date\":")?;
    c.lit(",\"evidence\":[")?;
    let mut evidence = Vec::new();
    if c.lit("]").is_none() {
        // Sized once: most links have one sentence, and a Vec that grows
        // from empty holds room for four.
        evidence.reserve_exact(weight.clamp(1, MAX_EVIDENCE));
        loop {
            c.lit("{\"doc\":")?;
            let name = c.string()?;
            let doc = match named.iter().find(|(n, _)| *n == name) {
                Some(&(_, id)) => id,
                None => table.get(&name)?,
            };
            c.lit(",\"sentence_index\":")?;
            let sentence_index = usize::try_from(c.uint()?).ok()?;
            c.lit(",\"sentence\":")?;
            let sentence = c.string()?.into_owned();
            c.lit("}")?;
            evidence.push(Evidence {
                doc: table.name(doc).clone(),
                sentence_index,
                sentence,
            });
            if c.lit("]").is_some() {
                break;
            }
            c.lit(",")?;
        }
    }
    c.lit("}")?;
    let edge = Edge {
        relation,
        modality,
        weight,
        confidence,
        docs,
        first_date,
        last_date,
        evidence,
    };
    Some((source, target, edge))
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.at..]
    }

    /// Steps over `s` if the text goes on with it.
    #[inline]
    fn lit(&mut self, s: &str) -> Option<()> {
        self.rest().starts_with(s.as_bytes()).then(|| self.at += s.len())
    }

    /// A JSON string: borrowed from the text unless it has escapes, which
    /// serde_json then decodes (they are rare: quotes and backslashes in
    /// sentences).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.lit("\"")?;
        let start = self.at;
        let stop = memchr::memchr3(b'"', b'\\', b'\n', self.rest())?;
        self.at += stop;
        match self.rest()[0] {
            b'"' => {
                self.at += 1;
                Some(Cow::Borrowed(&self.text[start..self.at - 1]))
            }
            b'\\' => {
                // Find the closing quote, stepping over escaped characters.
                let bytes = self.text.as_bytes();
                let mut p = self.at;
                loop {
                    match *bytes.get(p)? {
                        b'\\' => p += 2,
                        b'"' => break,
                        b'\n' => return None,
                        _ => p += 1,
                    }
                }
                let s: String = serde_json::from_str(self.text.get(start - 1..=p)?).ok()?;
                self.at = p + 1;
                Some(Cow::Owned(s))
            }
            _ => None,
        }
    }

    /// A non-negative integer, as JSON writes it (no leading zeros).
    fn uint(&mut self) -> Option<u64> {
        let digits = self.rest().iter().take_while(|b| b.is_ascii_digit()).count();
        let s = &self.text[self.at..self.at + digits];
        if digits == 0 || (digits > 1 && s.starts_with('0')) {
            return None;
        }
        self.at += digits;
        s.parse().ok()
    }

    /// A number read as serde_json reads an `f32`: as an `f64`, then
    /// narrowed. Only JSON's number syntax is accepted (Rust's parser also
    /// takes "1." and "01"); `null` (a non-finite confidence) is not an `f32`,
    /// and serde says so.
    fn float(&mut self) -> Option<f32> {
        let b = self.rest();
        let mut n = usize::from(b.first() == Some(&b'-'));
        let digits = |n: usize| b[n..].iter().take_while(|d| d.is_ascii_digit()).count();
        let int = digits(n);
        if int == 0 || (int > 1 && b[n] == b'0') {
            return None;
        }
        n += int;
        if b.get(n) == Some(&b'.') {
            let frac = digits(n + 1);
            if frac == 0 {
                return None;
            }
            n += 1 + frac;
        }
        if matches!(b.get(n), Some(b'e' | b'E')) {
            n += 1;
            if matches!(b.get(n), Some(b'+' | b'-')) {
                n += 1;
            }
            let exp = digits(n);
            if exp == 0 {
                return None;
            }
            n += exp;
        }
        let x: f64 = self.text[self.at..self.at + n].parse().ok()?;
        self.at += n;
        Some(x as f32)
    }
}
