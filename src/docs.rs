//! The document-extraction format: what one document's extraction hands the
//! corpus-wide naming pass, one JSON line per document.
//!
//! A run splits at the boundary it already has: extraction is per document
//! and needs no other document; naming ("Putin" here is the "Vladimir
//! Putin" of another article) needs every document's names, but only names
//! and triples, not text. `polgraph extract --format docs` writes each
//! document's actors (names before corpus-wide renaming, with mention counts
//! and aliases), its triples with evidence, its id and date; `polgraph build
//! --from-docs` reads such lines, from any number of shards in any order,
//! and runs naming and the graph build on them. The same documents give the
//! same graph either way (the naming pass and the graph build depend on the
//! set of documents, not their order).
//!
//! Each line carries the format's version, `"polgraph_docs": 1`: a reader
//! refuses lines of a version it does not know rather than misread them.

use crate::error::{Error, Result};
use crate::model::{Actor, ActorType, DocExtraction, Modality, Relation, Triple};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The version of the docs format this polgraph writes and reads.
pub const DOCS_VERSION: u32 = 1;

/// An actor as a docs line holds it: `[name, type, mentions, [aliases]]`,
/// an array rather than an object, for a document names many actors (with
/// keys, the actors took as many bytes as the triples).
#[derive(Serialize, Deserialize)]
struct ActorLine<'a>(#[serde(borrow)] Cow<'a, str>, ActorType, usize, BTreeSet<String>);

/// A triple as a docs line holds it: its document's id and date are the
/// line's, not repeated in each (which made the lines twice the size of
/// `extract`'s triples on the bulk corpus).
#[derive(Serialize, Deserialize)]
struct TripleLine<'a> {
    #[serde(borrow)]
    subject: Cow<'a, str>,
    subject_type: ActorType,
    relation: Relation,
    #[serde(borrow)]
    object: Cow<'a, str>,
    object_type: ActorType,
    modality: Modality,
    #[serde(borrow)]
    sentence: Cow<'a, str>,
    sentence_index: usize,
    confidence: f32,
    #[serde(borrow)]
    rule: Cow<'a, str>,
}

/// A docs line, as written and as read (where a missing version or id is
/// told apart from a wrong one).
#[derive(Serialize, Deserialize)]
struct Line<'a> {
    polgraph_docs: Option<u32>,
    #[serde(default, borrow)]
    doc: Cow<'a, str>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    actors: Vec<ActorLine<'a>>,
    #[serde(default, borrow)]
    triples: Vec<TripleLine<'a>>,
}

/// Writes one document's extraction as a docs line (with its newline).
pub fn write_line(w: &mut (impl Write + ?Sized), d: &DocExtraction) -> std::io::Result<()> {
    let line = Line {
        polgraph_docs: Some(DOCS_VERSION),
        doc: Cow::Borrowed(&d.doc),
        date: d.date.as_deref().map(Cow::Borrowed),
        actors: d
            .actors
            .iter()
            .map(|a| ActorLine(Cow::Borrowed(&a.name), a.actor_type, a.mentions, a.aliases.clone()))
            .collect(),
        triples: d
            .triples
            .iter()
            .map(|t| TripleLine {
                subject: Cow::Borrowed(&t.subject),
                subject_type: t.subject_type,
                relation: t.relation,
                object: Cow::Borrowed(&t.object),
                object_type: t.object_type,
                modality: t.modality,
                sentence: Cow::Borrowed(&t.sentence),
                sentence_index: t.sentence_index,
                confidence: t.confidence,
                rule: Cow::Borrowed(&t.rule),
            })
            .collect(),
    };
    serde_json::to_writer(&mut *w, &line)?;
    w.write_all(b"\n")
}

/// Parses one docs line; `path` and `line` (1-based) name it in errors.
pub fn parse_line(text: &str, path: &Path, line: usize) -> Result<DocExtraction> {
    let bad = |message: String| Error::BadDocs {
        path: path.to_path_buf(),
        line,
        message,
    };
    let parsed: Line<'_> = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "not a polgraph docs line ({e}); docs lines are what `polgraph extract --format docs` writes"
        ))
    })?;
    match parsed.polgraph_docs {
        Some(DOCS_VERSION) => {}
        Some(v) => {
            return Err(bad(format!(
                "docs format version {v}; this polgraph reads version {DOCS_VERSION} (extract them again with it)"
            )));
        }
        None => {
            return Err(bad(
                "no \"polgraph_docs\" version: not a line `polgraph extract --format docs` wrote \
                 (articles go to `polgraph build` without --from-docs)"
                    .into(),
            ));
        }
    }
    if parsed.doc.is_empty() {
        return Err(bad("the document id (\"doc\") is empty".into()));
    }
    let doc = parsed.doc.into_owned();
    let date = parsed.date.map(Cow::into_owned);
    let triples = parsed
        .triples
        .into_iter()
        .map(|t| Triple {
            doc: doc.clone(),
            subject: t.subject.into_owned(),
            subject_type: t.subject_type,
            relation: t.relation,
            object: t.object.into_owned(),
            object_type: t.object_type,
            modality: t.modality,
            sentence: t.sentence.into_owned(),
            sentence_index: t.sentence_index,
            date: date.clone(),
            confidence: t.confidence,
            rule: t.rule.into_owned(),
        })
        .collect();
    Ok(DocExtraction {
        doc,
        date,
        actors: parsed
            .actors
            .into_iter()
            .map(|ActorLine(name, actor_type, mentions, aliases)| Actor {
                name: name.into_owned(),
                actor_type,
                aliases,
                mentions,
            })
            .collect(),
        triples,
    })
}

/// Whether a file found in a directory holds docs lines: a `.jsonl` file,
/// or a part file of a Spark or Hadoop job's output (`part-00000`; not its
/// `_SUCCESS` marker nor its `.crc` checksums).
fn is_docs_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    p.extension().is_some_and(|x| x == "jsonl") || (name.starts_with("part-") && !name.ends_with(".crc"))
}

/// Where docs lines come from: files, directories (their `.jsonl` files and
/// Spark's `part-*` files, recursively, in sorted order) and `-` for
/// standard input.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            walk(input, &mut out)?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|e| e.map(|e| e.path()).map_err(|e| Error::io(dir, e)))
        .collect::<Result<_>>()?;
    entries.sort();
    for p in entries {
        // (Followed links: a loop of them ends at the depth the system allows.)
        let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
        if meta.is_dir() {
            walk(&p, out)?;
        } else if is_docs_file(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Every document of the docs lines in `sources`, in order; blank lines are
/// skipped, and the first bad line ends the reading with an error naming
/// its file and line.
pub fn read(sources: Vec<PathBuf>) -> impl Iterator<Item = Result<DocExtraction>> {
    sources.into_iter().flat_map(|path| {
        let reader: Result<Box<dyn BufRead>> = if path.as_os_str() == "-" {
            Ok(Box::new(std::io::BufReader::new(std::io::stdin())))
        } else {
            std::fs::File::open(&path)
                .map(|f| Box::new(std::io::BufReader::with_capacity(1 << 20, f)) as Box<dyn BufRead>)
                .map_err(|e| Error::io(&path, e))
        };
        let name = if path.as_os_str() == "-" {
            PathBuf::from("<stdin>")
        } else {
            path.clone()
        };
        Lines {
            reader: reader.map_err(Some),
            path: name,
            line: 0,
            buf: String::new(),
            done: false,
        }
    })
}

struct Lines {
    reader: std::result::Result<Box<dyn BufRead>, Option<Error>>,
    path: PathBuf,
    line: usize,
    buf: String,
    done: bool,
}

impl Iterator for Lines {
    type Item = Result<DocExtraction>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let reader = match &mut self.reader {
            Ok(r) => r,
            Err(e) => {
                self.done = true;
                return e.take().map(Err);
            }
        };
        loop {
            self.buf.clear();
            self.line += 1;
            match reader.read_line(&mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) if self.buf.trim().is_empty() => continue,
                Ok(_) => {
                    let parsed = parse_line(self.buf.trim_end(), &self.path, self.line);
                    self.done = parsed.is_err();
                    return Some(parsed);
                }
                Err(e) => {
                    self.done = true;
                    let e = if e.kind() == std::io::ErrorKind::InvalidData {
                        Error::BadDocs {
                            path: self.path.clone(),
                            line: self.line,
                            message: "not UTF-8 text: not a docs line".into(),
                        }
                    } else {
                        Error::io(&self.path, e)
                    };
                    return Some(Err(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> DocExtraction {
        DocExtraction {
            doc: "ap-001".into(),
            date: Some("2019-10-22".into()),
            actors: vec![Actor {
                name: "Putin".into(),
                actor_type: ActorType::Person,
                aliases: ["the Kremlin leader".to_string()].into(),
                mentions: 3,
            }],
            triples: vec![Triple {
                doc: "ap-001".into(),
                subject: "Putin".into(),
                subject_type: ActorType::Person,
                relation: Relation::Met,
                object: "Donald Trump".into(),
                object_type: ActorType::Person,
                modality: Modality::Fact,
                sentence: "Putin met Donald Trump.".into(),
                sentence_index: 1,
                rule: "met.verb".into(),
                confidence: 0.8,
                date: Some("2019-10-22".into()),
            }],
        }
    }

    #[test]
    fn a_line_reads_back_as_written() {
        let mut out = Vec::new();
        write_line(&mut out, &doc()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("{\"polgraph_docs\":1,") && text.ends_with("}\n"),
            "{text}"
        );
        let back = parse_line(text.trim_end(), Path::new("x.jsonl"), 1).unwrap();
        assert_eq!(back.doc, "ap-001");
        assert_eq!(back.date.as_deref(), Some("2019-10-22"));
        assert_eq!(back.actors, doc().actors);
        assert_eq!(back.triples, doc().triples);
    }

    #[test]
    fn bad_lines_are_named_by_file_and_line() {
        let path = Path::new("shard.jsonl");
        for (text, says) in [
            ("{\"id\":\"a\",\"text\":\"An article\"}", "no \"polgraph_docs\" version"),
            ("{\"polgraph_docs\":9,\"doc\":\"a\"}", "version 9"),
            ("{\"polgraph_docs\":1,\"doc\":\"\"}", "empty"),
            ("not json", "not a polgraph docs line"),
        ] {
            let e = parse_line(text, path, 7).unwrap_err().to_string();
            assert!(e.starts_with("shard.jsonl:7: ") && e.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn reading_stops_at_the_first_bad_line_and_skips_blank_ones() {
        let dir = tempfile::tempdir().unwrap();
        let mut good = Vec::new();
        write_line(&mut good, &doc()).unwrap();
        let mut text = good.clone();
        text.extend_from_slice(b"\n\n");
        text.extend_from_slice(&good);
        text.extend_from_slice(b"{\"oops\":1}\n");
        text.extend_from_slice(&good);
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, &text).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not read: no .jsonl").unwrap();
        std::fs::write(dir.path().join("_SUCCESS"), "").unwrap();
        std::fs::write(dir.path().join(".part-00000.crc"), "not read").unwrap();
        let found = sources(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(found, vec![path.clone()]);
        std::fs::write(dir.path().join("part-00000"), &good).unwrap();
        let found = sources(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(found, vec![path.clone(), dir.path().join("part-00000")]);
        let found = vec![path.clone()];
        let results: Vec<_> = read(found).collect();
        assert_eq!(results.len(), 3);
        assert!(results[0].is_ok() && results[1].is_ok());
        let e = results[2].as_ref().unwrap_err().to_string();
        assert!(e.contains("a.jsonl:5:"), "{e}");
    }
}
