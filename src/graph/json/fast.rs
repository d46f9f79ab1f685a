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

use super::{GraphMeta, LinkIn, Load, NodeIn, SCHEMA_VERSION, Str, intern};
use crate::graph::DocId;
use crate::model::{Evidence, Modality, Relation};
use std::borrow::Cow;

/// Loads `text` into `load`, or returns `None` at the first thing that is
/// not laid out as the writer lays it out (or is not a valid graph); `load`
/// is then half-filled and must be thrown away.
pub(super) fn load<'a>(load: &mut Load<'a>, text: &'a str) -> Option<()> {
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
    let mut first = true;
    loop {
        if c.lit("\n]}").is_some() {
            break;
        }
        c.lit(if first { "\n" } else { ",\n" })?;
        first = false;
        let link = link(&mut c, load)?;
        load.add_link(link).ok()?;
    }
    load.links_loaded = true;
    text[c.at..].trim_ascii().is_empty().then_some(())
}

/// `{"source":…,"target":…,"key":…,"symmetric":…,"relation":…,"modality":…,
/// "weight":…,"confidence":…,"docs":[…],["first_date":…,]["last_date":…,]
/// "evidence":[…]}`
fn link<'a>(c: &mut Cursor<'a>, load: &mut Load<'a>) -> Option<LinkIn<'a>> {
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
    let mut named: Vec<(Cow<'a, str>, DocId)> = Vec::new();
    if c.lit("]").is_none() {
        loop {
            let name = c.string()?;
            let id = load.docs.id(&name);
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
        Some(Some(intern(&mut load.dates, Str(c.string()?))))
    };
    let first_date = date(c, ",\"first_date\":")?;
    let last_date = date(c, ",\"last_date\":")?;
    c.lit(",\"evidence\":[")?;
    let mut evidence = Vec::new();
    if c.lit("]").is_none() {
        loop {
            c.lit("{\"doc\":")?;
            let name = c.string()?;
            let doc = match named.iter().find(|(n, _)| *n == name) {
                Some(&(_, id)) => id,
                None => load.docs.id(&name),
            };
            c.lit(",\"sentence_index\":")?;
            let sentence_index = usize::try_from(c.uint()?).ok()?;
            c.lit(",\"sentence\":")?;
            let sentence = c.string()?.into_owned();
            c.lit("}")?;
            evidence.push(Evidence {
                doc: load.docs.name(doc).clone(),
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
    Some(LinkIn {
        source: Str(source),
        target: Str(target),
        relation,
        modality,
        weight,
        confidence,
        docs,
        first_date,
        last_date,
        evidence,
    })
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
