//! Ingest: paths and standard input → a stream of [`Document`]s.
//!
//! The only module that opens input files. Directories are walked recursively in
//! sorted order (so runs are reproducible); JSONL files are streamed a line at a
//! time, so a corpus of any size never sits in memory whole.

use crate::error::{Error, Result};
use crate::model::Document;
use regex::Regex;
use std::collections::{HashSet, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The formats polgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the first non-empty line is the title.
    Text,
    /// An HTML page: the article's paragraphs, scripts and navigation dropped.
    Html,
    /// One JSON object per line: `id`, `title`, `text`, optional `date`, `url`.
    Jsonl,
}

impl Format {
    /// The format a file name implies, if polgraph reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The format a buffer looks like (for standard input).
    pub fn sniff(data: &str) -> Format {
        let start = data.trim_start();
        if start.starts_with('{') {
            Format::Jsonl
        } else if start.starts_with('<') {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// One place documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, with the format its name implies (text when it implies none).
    File(PathBuf, Format),
    /// Standard input, format sniffed from its content.
    Stdin,
}

/// Expands the user's inputs into sources: files as given, directories walked
/// recursively in sorted order (files of unknown types in them are skipped), `-`
/// for standard input. A missing path is an error naming it.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            walk(input, &mut out, &mut seen_dirs)?;
        } else {
            out.push(Source::File(
                input.clone(),
                Format::from_path(input).unwrap_or(Format::Text),
            ));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>, seen: &mut HashSet<PathBuf>) -> Result<()> {
    // A symlink loop would revisit a directory; its canonical path stops that.
    let canonical = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|e| e.map(|e| e.path()).map_err(|err| Error::io(dir, err)))
        .collect::<Result<_>>()?;
    entries.sort();
    for path in entries {
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, seen)?;
        } else if let Some(format) = Format::from_path(&path) {
            out.push(Source::File(path, format));
        }
    }
    Ok(())
}

/// What went wrong with an input without stopping the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// Bytes that are not UTF-8, decoded with replacement characters.
    Encoding,
    /// A binary file, skipped.
    Binary,
    /// A file with no text, skipped.
    Empty,
    /// A malformed JSONL record, skipped (with `skip_bad`).
    BadRecord,
}

/// A problem with one input, reported through [`Documents::on_warning`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// The file.
    pub path: PathBuf,
    /// The line, for JSONL.
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

type WarningSink = Box<dyn FnMut(Warning) + Send>;

/// A stream of documents from sources, in order. JSONL is read lazily.
pub struct Documents {
    sources: VecDeque<Source>,
    jsonl: Option<JsonlReader>,
    skip_bad: bool,
    warn: WarningSink,
}

struct JsonlReader {
    path: PathBuf,
    stem: String,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
    offset: u64,
    buf: Vec<u8>,
}

/// Opens the sources as a document stream. Warnings are dropped unless a sink
/// is set with [`Documents::on_warning`].
pub fn documents(sources: Vec<Source>) -> Documents {
    Documents {
        sources: sources.into(),
        jsonl: None,
        skip_bad: false,
        warn: Box::new(|_| {}),
    }
}

impl Documents {
    /// Skip malformed JSONL records (reporting each as a warning) instead of
    /// stopping at the first.
    pub fn skip_bad(mut self, yes: bool) -> Self {
        self.skip_bad = yes;
        self
    }

    /// Where warnings go (undecodable bytes, binary and empty files, skipped records).
    pub fn on_warning(mut self, sink: impl FnMut(Warning) + Send + 'static) -> Self {
        self.warn = Box::new(sink);
        self
    }
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_doc(&mut self.warn) {
                    Some(Err(Error::BadRecord { path, line, message })) if self.skip_bad => {
                        (self.warn)(Warning {
                            kind: WarningKind::BadRecord,
                            path,
                            line: Some(line),
                            message: format!("skipped: {message}"),
                        });
                        continue;
                    }
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let source = self.sources.pop_front()?;
            match open(source, &mut self.warn) {
                Ok(Opened::Doc(doc)) => return Some(Ok(doc)),
                Ok(Opened::Jsonl(reader)) => self.jsonl = Some(reader),
                Ok(Opened::Nothing) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

enum Opened {
    Doc(Document),
    Jsonl(JsonlReader),
    Nothing,
}

/// Bytes to text: a UTF-8 byte-order mark is dropped, UTF-16 (with its mark) is
/// decoded, invalid UTF-8 is replaced (with a warning naming the first bad
/// byte's offset). `None` for binary data (a NUL byte in the first 8 KiB).
fn decode(path: &Path, bytes: Vec<u8>, warn: &mut WarningSink) -> Option<String> {
    let utf16 = |bytes: &[u8], le: bool| {
        let units = bytes.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return Some(utf16(rest, true)),
        [0xFE, 0xFF, rest @ ..] => return Some(utf16(rest, false)),
        _ => {}
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    if body[..body.len().min(8192)].contains(&0) {
        warn(Warning {
            kind: WarningKind::Binary,
            path: path.to_path_buf(),
            line: None,
            message: "binary file, skipped".into(),
        });
        return None;
    }
    match std::str::from_utf8(body) {
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            let bad = body.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
            warn(Warning {
                kind: WarningKind::Encoding,
                path: path.to_path_buf(),
                line: None,
                message: format!(
                    "invalid UTF-8 at byte {} ({bad} place{} in all), read with replacement characters",
                    e.valid_up_to() + (bytes.len() - body.len()),
                    if bad == 1 { "" } else { "s" }
                ),
            });
            Some(String::from_utf8_lossy(body).into_owned())
        }
    }
}

fn read_all(path: &Path, reader: &mut dyn Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    Ok(bytes)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}

fn jsonl_reader(path: PathBuf, stem: String, lines: Box<dyn BufRead + Send>) -> JsonlReader {
    JsonlReader {
        path,
        stem,
        lines,
        line_no: 0,
        offset: 0,
        buf: Vec::new(),
    }
}

fn open(source: Source, warn: &mut WarningSink) -> Result<Opened> {
    let (path, bytes, format) = match source {
        Source::File(path, Format::Jsonl) => {
            let mut file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
            let mut head = [0u8; 2];
            let n = file.read(&mut head).map_err(|e| Error::io(&path, e))?;
            let utf16 = n == 2 && matches!(head, [0xFF, 0xFE] | [0xFE, 0xFF]);
            if !utf16 {
                use std::io::Seek;
                file.seek(std::io::SeekFrom::Start(0))
                    .map_err(|e| Error::io(&path, e))?;
                let lines = Box::new(BufReader::with_capacity(1 << 16, file));
                return Ok(Opened::Jsonl(jsonl_reader(path.clone(), stem(&path), lines)));
            }
            // UTF-16 JSON lines: decode whole, then read as lines.
            let mut bytes = head.to_vec();
            bytes.extend(read_all(&path, &mut file)?);
            (path, bytes, Format::Jsonl)
        }
        Source::File(path, format) => {
            let mut file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
            let bytes = read_all(&path, &mut file)?;
            (path, bytes, format)
        }
        Source::Stdin => {
            let path = PathBuf::from("-");
            let bytes = read_all(&path, &mut std::io::stdin().lock())?;
            (path, bytes, Format::Text)
        }
    };
    let is_stdin = path.as_os_str() == "-";
    let Some(data) = decode(&path, bytes, warn) else {
        return Ok(Opened::Nothing);
    };
    let format = if is_stdin { Format::sniff(&data) } else { format };
    let id = if is_stdin { "stdin".to_string() } else { stem(&path) };
    let doc = match format {
        Format::Text => parse_text(&id, &data),
        Format::Html => parse_html(&id, &data),
        Format::Jsonl => {
            let lines = Box::new(std::io::Cursor::new(data.into_bytes()));
            return Ok(Opened::Jsonl(jsonl_reader(path, id, lines)));
        }
    };
    Ok(if doc.body.trim().is_empty() && doc.title.trim().is_empty() {
        warn(Warning {
            kind: WarningKind::Empty,
            path,
            line: None,
            message: "no text, skipped".into(),
        });
        Opened::Nothing
    } else {
        Opened::Doc(doc)
    })
}

impl JsonlReader {
    fn next_doc(&mut self, warn: &mut WarningSink) -> Option<Result<Document>> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            let read = match self.lines.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => return Some(Err(Error::io(&self.path, e))),
            };
            let start = self.offset;
            self.offset += read as u64;
            let line = match std::str::from_utf8(&self.buf) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(e) => {
                    warn(Warning {
                        kind: WarningKind::Encoding,
                        path: self.path.clone(),
                        line: Some(self.line_no),
                        message: format!(
                            "invalid UTF-8 at byte {} of the file, read with replacement characters",
                            start + e.valid_up_to() as u64
                        ),
                    });
                    String::from_utf8_lossy(&self.buf)
                }
            };
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            return Some(
                parse_jsonl_line(line, &self.stem, self.line_no).map_err(|message| Error::BadRecord {
                    path: self.path.clone(),
                    line: self.line_no,
                    message,
                }),
            );
        }
    }
}

#[derive(serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(alias = "body", alias = "content")]
    text: Option<String>,
    #[serde(default)]
    url: Option<String>,
    // The date, under the keys news exports use (the first that reads as a
    // date wins): a string in a common shape or a Unix time.
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    publish_date: Option<serde_json::Value>,
    #[serde(default)]
    published_date: Option<serde_json::Value>,
    #[serde(default, rename = "pubDate")]
    pub_date: Option<serde_json::Value>,
    #[serde(default)]
    published_at: Option<serde_json::Value>,
    #[serde(default, rename = "publishedAt")]
    published_at_camel: Option<serde_json::Value>,
    #[serde(default)]
    datetime: Option<serde_json::Value>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
}

impl Record {
    fn date(&self) -> Option<String> {
        [
            &self.date,
            &self.published,
            &self.publish_date,
            &self.published_date,
            &self.pub_date,
            &self.published_at,
            &self.published_at_camel,
            &self.datetime,
            &self.timestamp,
        ]
        .into_iter()
        .flatten()
        .find_map(|v| match v {
            serde_json::Value::String(s) => date_value(s),
            serde_json::Value::Number(n) => n.as_i64().and_then(unix_date),
            _ => None,
        })
    }
}

fn parse_jsonl_line(line: &str, stem: &str, line_no: usize) -> Result<Document, String> {
    let mut rec: Record = serde_json::from_str(line).map_err(|e| format!("not a JSON article record: {e}"))?;
    let text = rec.text.take().ok_or("the record has no \"text\" field")?;
    let date = rec.date();
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{stem}-{line_no}"),
    };
    Ok(Document {
        id,
        title: clean_inline(rec.title.as_deref().unwrap_or("")).trim().to_string(),
        body: clean_body(&text),
        date,
        url: rec.url.filter(|u| !u.is_empty()),
    })
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            related(?:\s+(?:article|articles|stories|story|coverage|content|reading))?\s*:.*
          | read\s+more\b.*
          | original\s+url\s*:?.*
          | sign\s+up\b.*
          | share\s+this\s+(?:article|story).*
          | advertisement
          | story\s+continued\s+below
          | click\s+here\b.*
          | subscribe\b.*
          | follow\s+us\b.*
          | https?://\S+
          | www\.\S+
          | copyright\b.*
          | ©.*
          | updated\s+at\b.*
        )\s*$",
    )
    .unwrap()
});

/// A wire dateline opening a paragraph: "WASHINGTON/SEOUL (Reuters) - ",
/// "LONDON (AP) — ", "WASHINGTON — ". Its agency is no actor of the story.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"^\s*(?:",
            r"[A-Z][A-Z .,/'-]{{1,60}}(?:\s*\([A-Za-z][A-Za-z .&-]{{0,30}}\))?\s*[-\u{{2013}}\u{{2014}}]+\s+",
            // "TURNBERRY/GLASGOW, Scotland (Reuters) - ", "Istanbul (CNN) ": a place in
            // any case, then a wire service or network, dash or not.
            r"|[A-Z][A-Za-z .,/'-]{{1,60}}?\s*\((?:{})\)\s*[-\u{{2013}}\u{{2014}}]*\s*",
            r")"
        ),
        WIRE_SERVICES.join("|")
    ))
    .unwrap()
});

/// Drops inline tags such as `<u>told</u>` kept in scraped text: what
/// `</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>` matches, a tag name and at
/// most 300 characters of attributes. Scanned by hand: that regex took 2–3
/// ms to compile (the bounded repeat is 300 states), longer than the rest
/// of reading a megabyte's first document.
fn clean_inline(s: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut kept = 0;
    let mut from = 0;
    while let Some(i) = s[from..].find('<').map(|i| from + i) {
        match inline_tag_end(&s[i..]) {
            Some(len) => {
                out.push_str(&s[kept..i]);
                kept = i + len;
                from = kept;
            }
            None => from = i + 1,
        }
    }
    if kept == 0 {
        return std::borrow::Cow::Borrowed(s);
    }
    out.push_str(&s[kept..]);
    std::borrow::Cow::Owned(out)
}

/// The length of the inline tag `s` starts with (see [`clean_inline`]), if
/// it starts with one.
fn inline_tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = 1 + usize::from(b.get(1) == Some(&b'/'));
    if !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    j += 1 + b[j + 1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    // Past the attributes, if a white space starts them: at most 300
    // characters other than `<` and `>`.
    if let Some(space) = s[j..].chars().next().filter(|c| c.is_whitespace()) {
        j += space.len_utf8();
        j += s[j..]
            .chars()
            .take(300)
            .take_while(|&c| c != '<' && c != '>')
            .map(char::len_utf8)
            .sum::<usize>();
    }
    match (b.get(j), b.get(j + 1)) {
        (Some(b'>'), _) => Some(j + 1),
        (Some(b'/'), Some(b'>')) => Some(j + 2),
        _ => None,
    }
}

/// Removes news boilerplate lines, inline tags and hover-card debris, keeping
/// paragraph breaks.
pub fn clean_body(text: &str) -> String {
    let text = clean_inline(text);
    // Every line comes out no longer than it went in, plus a line break the
    // last may lack: room for that break spares a copy of the whole body.
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.lines() {
        if may_be_boilerplate(line) && BOILERPLATE.is_match(line) {
            continue;
        }
        let line = strip_hovercards(line);
        if may_open_with_dateline(&line) {
            out.push_str(DATELINE.replace(&line, "").trim_end());
        } else {
            out.push_str(line.trim_end());
        }
        out.push('\n');
    }
    out
}

/// False where [`BOILERPLATE`] cannot match: the line's first word (after
/// white space) is not the first word of one of its phrases. A first word
/// with a non-ASCII character goes on to the regex, whose case folding knows
/// more (a long "ſ" is an "s"), and so does a line opening with "©"; one
/// opening with a quotation mark does not. Most paragraphs are ruled out
/// here, and the regex, which must read a line to its end, costs more than
/// the rest of the cleaning.
fn may_be_boilerplate(line: &str) -> bool {
    const FIRST_WORDS: &[&[u8]] = &[
        b"related",
        b"read",
        b"original",
        b"sign",
        b"share",
        b"advertisement",
        b"story",
        b"click",
        b"subscribe",
        b"follow",
        b"http",
        b"https",
        b"www",
        b"copyright",
        b"updated",
    ];
    let line = line.trim_start();
    let bytes = line.as_bytes();
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if bytes.get(len).is_some_and(|b| !b.is_ascii()) {
        return len > 0 || line.starts_with(['©', 'ſ']);
    }
    let mut word = [0u8; 16];
    len <= word.len() && {
        word[..len].copy_from_slice(&bytes[..len]);
        word[..len].make_ascii_lowercase();
        FIRST_WORDS.contains(&&word[..len])
    }
}

/// False where [`DATELINE`] cannot match. Both its forms start with a capital
/// letter and reach their dash (`-`, an en or em dash) or bracket within 61
/// characters besides white space. In the first form, what comes before is
/// capitals and `.,/'-` (lower case only inside its bracket); in the second,
/// letters and the same marks, and the bracket holds a wire service. Most
/// paragraphs that open with a capital fail on a lower-case letter before a
/// dash, on a character neither form allows, or on their bracket's contents.
fn may_open_with_dateline(line: &str) -> bool {
    let line = line.trim_start();
    let bytes = line.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut capitals_only = true;
    let mut seen = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'A'..=b'Z' | b'.' | b',' | b'/' | b'\'' => {}
            // From here only a bracket can open a dateline (the second
            // form); most paragraphs have none, and are done.
            b'a'..=b'z' if capitals_only => {
                if memchr::memchr(b'(', &bytes[i..]).is_none() {
                    return false;
                }
                capitals_only = false;
            }
            b'a'..=b'z' => {}
            b'-' if capitals_only => return true,
            b'-' => {}
            b'(' => {
                let inside = &line[i + 1..];
                return capitals_only
                    || WIRE_SERVICES
                        .iter()
                        .any(|w| inside.strip_prefix(w).is_some_and(|rest| rest.starts_with(')')));
            }
            0x80.. => {
                // `i` is a character boundary: only ASCII bytes were stepped over.
                let c = line[i..].chars().next().unwrap_or_default();
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                return capitals_only && matches!(c, '\u{2013}' | '\u{2014}');
            }
            _ => return false,
        }
        seen += 1;
        if seen > DATELINE_REACH {
            return false;
        }
        i += 1;
    }
    false
}

/// The wire services and networks of [`DATELINE`]'s second form.
const WIRE_SERVICES: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "CNN",
    "UPI",
    "Bloomberg",
    "dpa",
    "Xinhua",
    "BBC",
];

/// How many characters other than white space [`DATELINE`] reads before its
/// dash or bracket: a capital and 60 more.
const DATELINE_REACH: usize = 1 + 60;

/// How many characters before "MORE" a hover card may start.
const HOVERCARD_REACH: usize = 1600;

/// Removes the text of scraped hover cards: after a name, the person's full name
/// glued to headlines and closed by "MORE" ("President Trump Donald John
/// TrumpGOP senators balk at ... MORE on Monday" → "President Trump on Monday").
/// The glued word ("TrumpGOP") is split where its first part repeats the visible
/// name's last word; the card runs from after that name to "MORE".
fn strip_hovercards(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(" MORE") {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = line.to_string();
    let mut search_from = 0;
    while let Some(rel) = out[search_from..].find(" MORE") {
        let more_end = search_from + rel + " MORE".len();
        if out[more_end..].starts_with(|c: char| c.is_alphanumeric()) {
            search_from = more_end;
            continue;
        }
        // A card holds up to three headlines: 1,200 characters seen in the
        // bulk corpus. The window never reaches back before the last card.
        let window_start = out[..search_from + rel]
            .char_indices()
            .rev()
            .nth(HOVERCARD_REACH)
            .map_or(0, |(i, _)| i)
            .max(search_from);
        let mut cut = None;
        // Glued words before MORE, nearest the start of the window first.
        let window = &out[window_start..search_from + rel];
        let mut offset = 0;
        for word in window.split(' ') {
            let word_start = window_start + offset;
            offset += word.len() + 1;
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for w in chars.windows(2) {
                let ((_, a), (j, b)) = (w[0], w[1]);
                if !(a.is_lowercase() && b.is_uppercase()) {
                    continue;
                }
                let surname = &word[..j];
                // The visible name: the same word, standing alone, shortly
                // before (looked for in the last 60 characters and the word).
                let mut lo = word_start.saturating_sub(60 + surname.len());
                while !out.is_char_boundary(lo) {
                    lo -= 1;
                }
                let before = &out[lo..word_start];
                let visible = before.rmatch_indices(surname).find(|(i, _)| {
                    let end = i + surname.len();
                    let starts_word = if *i == 0 {
                        lo == 0 || out[..lo].ends_with(' ')
                    } else {
                        before[..*i].ends_with(' ')
                    };
                    before[end..].starts_with(' ') && starts_word && word_start - (lo + end) < 60
                });
                if let Some((i, _)) = visible {
                    // (The visible name keeps its suffix: "Donald Trump Jr.
                    // Donald (Don) John TrumpTrump Jr's … MORE".)
                    let mut c = lo + i + surname.len();
                    if let Some(suffix) = [" Jr.", " Sr.", " III", " II"]
                        .into_iter()
                        .find(|x| out[c..].starts_with(x) && out[c + x.len()..].starts_with(' '))
                    {
                        c += suffix.len();
                    }
                    cut = Some(c);
                    break;
                }
            }
            if cut.is_some() {
                break;
            }
        }
        match cut {
            Some(c) => {
                out.replace_range(c..more_end, "");
                search_from = c;
            }
            None => search_from = more_end,
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A plain-text article: the first non-empty line is the title, a line holding
/// only a date near the top gives the date.
pub fn parse_text(id: &str, data: &str) -> Document {
    let data = data.strip_prefix('\u{feff}').unwrap_or(data);
    let mut lines = data.lines();
    let mut title = String::new();
    for line in lines.by_ref() {
        if !line.trim().is_empty() {
            title = clean_inline(line.trim()).into_owned();
            break;
        }
    }
    let rest: Vec<&str> = lines.collect();
    let date = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(4)
        .find_map(|l| parse_date(l.trim()));
    let body = clean_body(&rest.join("\n"));
    // One paragraph alone is an article body, not a headline ("echo ... | polgraph extract -").
    let (title, body) = if body.trim().is_empty() {
        (String::new(), clean_body(&title))
    } else {
        (title, body)
    };
    Document {
        id: id.to_string(),
        title,
        body,
        date,
        url: None,
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Parses a line that is only a date ("April 22, 2025", "22 April 2025",
/// "2025-04-22") into ISO 8601.
pub fn parse_date(line: &str) -> Option<String> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").unwrap());
    static MDY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i)([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$").unwrap());
    static DMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$").unwrap());
    if line.len() > 40 {
        return None;
    }
    if let Some(c) = ISO.captures(line) {
        let (m, d) = (c[2].parse::<u32>().ok()?, c[3].parse::<u32>().ok()?);
        return ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    let month = |m: &str| {
        let m = m.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|n| m.len() >= 3 && n.starts_with(&m))
            .map(|i| i + 1)
    };
    let (m, d, y) = if let Some(c) = MDY.captures(line) {
        (month(&c[1])?, c[2].parse::<u32>().ok()?, c[3].to_string())
    } else if let Some(c) = DMY.captures(line) {
        (month(&c[2])?, c[1].parse::<u32>().ok()?, c[3].to_string())
    } else {
        return None;
    };
    (1..=31).contains(&d).then(|| format!("{y}-{m:02}-{d:02}"))
}

/// A date as metadata gives it: what [`parse_date`] reads (ISO 8601 with
/// or without a time, "April 22, 2025", "22 April 2025"), an RFC 2822 date
/// ("Tue, 10 Mar 2020 14:00:00 GMT"), "2020/03/10", or a Unix time in
/// seconds or milliseconds ("1583848800").
pub fn date_value(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 64 {
        return None;
    }
    if let Some(d) = parse_date(s) {
        return Some(d);
    }
    if s.len() >= 10 && s.as_bytes()[4] == b'/' && s.as_bytes()[7] == b'/' {
        return parse_date(&s[..10].replace('/', "-"));
    }
    if (10..=13).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().and_then(unix_date);
    }
    // RFC 2822: an optional weekday, then "10 Mar 2020", then a time.
    let rest = s
        .split_once(", ")
        .map_or(s, |(day, rest)| if day.len() <= 9 { rest } else { s });
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    (words.len() == 3).then(|| parse_date(&words.join(" "))).flatten()
}

/// Article dates kept outside the articles (`--dates FILE`): an index of a
/// corpus, a spreadsheet of a crawl. A TSV or CSV table with a header that
/// names an id column (`id`, `file`, `doc`, `document`, `article` or `name`)
/// and a `date` (or `published`) column, or two columns, id and date, with no
/// header. A file name stands for its article: "recent/ap-001.txt" dates
/// article `ap-001`.
#[derive(Debug, Clone, Default)]
pub struct DateTable {
    dates: rustc_hash::FxHashMap<String, String>,
}

impl DateTable {
    /// Reads a table; a line whose date does not read is an error naming it.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let bad = |line: usize, message: String| Error::BadDates {
            path: path.to_path_buf(),
            line,
            message,
        };
        let sep = if text.lines().next().unwrap_or("").contains('\t') {
            b'\t'
        } else {
            b','
        };
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes())
            .into_records();
        let line_of = |r: &csv::StringRecord| r.position().map_or(0, |p| p.line() as usize);
        let head = match rows.next() {
            Some(r) => r.map_err(|e| bad(1, e.to_string()))?,
            None => return Ok(DateTable::default()),
        };
        let named = |names: &[&str]| {
            head.iter()
                .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
        };
        let mut dates = rustc_hash::FxHashMap::default();
        let (id_col, date_col) = match (
            named(&["id", "file", "doc", "document", "article", "name"]),
            named(&["date", "published", "publish_date", "pubdate"]),
        ) {
            (Some(i), Some(d)) => (i, d),
            _ if head.len() >= 2 && date_value(&head[1]).is_some() => {
                dates.insert(
                    article_key(&head[0]).to_string(),
                    date_value(&head[1]).unwrap_or_default(),
                );
                (0, 1)
            }
            _ => {
                return Err(bad(
                    1,
                    "no id and date columns: give a header with `id` (or `file`) and `date`, or two columns, id and date"
                        .into(),
                ));
            }
        };
        for row in rows {
            let row = row.map_err(|e| bad(e.position().map_or(0, |p| p.line() as usize), e.to_string()))?;
            let line = line_of(&row);
            let (Some(id), Some(date)) = (row.get(id_col), row.get(date_col)) else {
                if row.iter().all(str::is_empty) {
                    continue;
                }
                return Err(bad(
                    line,
                    format!("expected at least {} columns", id_col.max(date_col) + 1),
                ));
            };
            if date.is_empty() {
                continue;
            }
            let date = date_value(date).ok_or_else(|| bad(line, format!("{date:?} is not a date")))?;
            dates.insert(article_key(id).to_string(), date);
        }
        Ok(DateTable { dates })
    }

    /// The date the table gives an article (by its id, or its file's stem).
    pub fn date(&self, id: &str) -> Option<&str> {
        self.dates
            .get(id)
            .or_else(|| self.dates.get(article_key(id)))
            .map(String::as_str)
    }

    /// Number of articles dated.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether the table dates no article.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }
}

/// An article's id as a table may give it: the file name without its folder
/// and without an article file's extension.
fn article_key(id: &str) -> &str {
    let base = id.rsplit(['/', '\\']).next().unwrap_or(id);
    match base.rsplit_once('.') {
        Some((stem, "txt" | "html" | "htm" | "text" | "md")) => stem,
        _ => base,
    }
}

/// The UTC day of a Unix time in seconds, or in milliseconds when it is too
/// big for seconds (after the year 5138), as ISO 8601.
fn unix_date(t: i64) -> Option<String> {
    let secs = if t.abs() >= 100_000_000_000 { t / 1000 } else { t };
    // Days to civil date (Howard Hinnant's algorithm), for 1900-2200 only.
    let days = secs.div_euclid(86_400);
    if !(-25_567..=84_000).contains(&days) {
        return None;
    }
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// An HTML page: title from `<title>`/`<h1>`/`og:title`, text from the article's
/// paragraphs (the `<article>` element where there is one), date and URL from the
/// usual meta tags.
pub fn parse_html(id: &str, data: &str) -> Document {
    // html5ever's tree building costs grow with the square of nesting depth;
    // a page nested thousands deep (hostile, or broken) is read as tag-stripped text.
    if nesting_depth(data) > MAX_HTML_DEPTH {
        let title = TITLE_TAG
            .captures(data)
            .map(|c| strip_tags(&c[1]).split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        return Document {
            id: id.to_string(),
            title,
            body: clean_body(&strip_tags(data)),
            date: None,
            url: None,
        };
    }
    use scraper::{Html, Selector};
    let page = Html::parse_document(data);
    let sel = |s: &str| Selector::parse(s).expect("static selector");
    let text_of = |el: scraper::ElementRef| -> String {
        el.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let meta = |name: &str| {
        page.select(&sel(&format!("meta[property=\"{name}\"], meta[name=\"{name}\"]")))
            .find_map(|m| m.value().attr("content"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let title = page
        .select(&sel("h1"))
        .map(text_of)
        .find(|t| !t.is_empty())
        .or_else(|| meta("og:title"))
        .or_else(|| page.select(&sel("title")).map(text_of).find(|t| !t.is_empty()))
        .unwrap_or_default();
    let root = page
        .select(&sel("article"))
        .next()
        .or_else(|| page.select(&sel("main")).next())
        .or_else(|| page.select(&sel("body")).next());
    let paragraphs = root.map(html_paragraphs).unwrap_or_default();
    let body = clean_body(&paragraphs.join("\n\n"));
    // The meta tags news sites use for the publication date, then the
    // first <time datetime>.
    let date = [
        "article:published_time",
        "og:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "DC.date.issued",
        "dc.date",
        "sailthru.date",
        "parsely-pub-date",
    ]
    .into_iter()
    .find_map(|name| meta(name).and_then(|d| date_value(&d)))
    .or_else(|| {
        page.select(&sel("time[datetime]"))
            .find_map(|t| t.value().attr("datetime").and_then(date_value))
    });
    let url = meta("og:url").or_else(|| {
        page.select(&sel("link[rel=\"canonical\"]"))
            .find_map(|l| l.value().attr("href"))
            .map(str::to_string)
    });
    Document {
        id: id.to_string(),
        title,
        body,
        date,
        url,
    }
}

/// Pages nested deeper than this are read without an HTML parser.
const MAX_HTML_DEPTH: usize = 512;

static TITLE_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title>").unwrap());
static HIDDEN_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(script|style|noscript|template|title)\b[^>]*>.*?</(script|style|noscript|template|title)\s*>")
        .unwrap()
});
static ANY_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
static BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?(p|div|br|li|h[1-6]|blockquote|article|section|tr)\b[^>]*>").unwrap());

/// How deep elements nest, estimated in one linear scan of the tags.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_end = html[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |e| name_start + e);
        let name = html[name_start..name_end].to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let self_closing = html[name_end..]
            .find('>')
            .is_some_and(|e| html[name_end..name_end + e].ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// HTML to plain text without a parser: scripts and styles dropped, block tags
/// made line breaks, other tags removed, the common entities decoded.
fn strip_tags(html: &str) -> String {
    let text = HIDDEN_BLOCK.replace_all(html, " ");
    let text = BLOCK_TAG.replace_all(&text, "\n");
    let text = ANY_TAG.replace_all(&text, "");
    let text = text
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of an HTML element's blocks (p, h2, h3, li, blockquote,
/// figcaption), one paragraph each, outside scripts, styles, navigation, headers,
/// footers and forms; all its visible text when it has no blocks. One pass over
/// the tree with a stack of open elements, so nesting depth costs nothing extra.
fn html_paragraphs(root: scraper::ElementRef) -> Vec<String> {
    use ego_tree::iter::Edge;
    const BLOCKS: &[&str] = &["p", "h2", "h3", "li", "blockquote", "figcaption"];
    const HIDDEN: &[&str] = &[
        "script", "style", "nav", "footer", "header", "aside", "noscript", "form", "template",
    ];
    let mut paragraphs = Vec::new();
    let mut all_text = String::new();
    let mut hidden = 0usize;
    let mut open_blocks = 0usize;
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            paragraphs.push(t);
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(e) = node.value().as_element() {
                    if HIDDEN.contains(&e.name()) {
                        hidden += 1;
                    } else if BLOCKS.contains(&e.name()) && hidden == 0 {
                        // A block inside a block (<li><p>) starts a paragraph of its own.
                        flush(&mut current, &mut paragraphs);
                        open_blocks += 1;
                    }
                } else if let Some(text) = node.value().as_text()
                    && hidden == 0
                {
                    all_text.push_str(text);
                    all_text.push(' ');
                    if open_blocks > 0 {
                        current.push_str(text);
                    }
                }
            }
            Edge::Close(node) => {
                if let Some(e) = node.value().as_element() {
                    if HIDDEN.contains(&e.name()) {
                        hidden -= 1;
                    } else if BLOCKS.contains(&e.name()) && hidden == 0 {
                        flush(&mut current, &mut paragraphs);
                        open_blocks -= 1;
                    } else if e.name() == "br" && open_blocks > 0 {
                        current.push(' ');
                    }
                }
            }
        }
    }
    if paragraphs.is_empty() {
        let t = all_text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            paragraphs.push(t);
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>").unwrap());

    proptest::proptest! {
        /// The hand-written scan drops what the regex it stands for drops:
        /// tags with and without attributes, `/>`, stray `<` and `>`,
        /// Unicode white space and letters, and attributes either side of
        /// the 300-character bound.
        #[test]
        fn inline_tags_go_as_the_regex_says(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[<>/ a-zA-Z0-9\t\n\u{a0}\u{e9}=\"]{0,12}",
                    "</?[a-zA-Z][a-zA-Z0-9]{0,3}( [a-z=\"\u{e9}/]{0,6})?/?>",
                    (297usize..304, "[a/ \u{e9}]", "(>|/>|<|)").prop_map(|(n, c, end)| format!("<b {}{end}", c.repeat(n))),
                ],
                0..8,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(clean_inline(&text), TAG.replace_all(&text, ""));
        }
    }
    use super::*;

    #[test]
    fn text_title_date_and_boilerplate() {
        let doc = parse_text(
            "w",
            "\n\nWitkoff to Visit Russia\n\nApril 22, 2025\n\nAn aide <u>told</u> Interfax.\n\nRelated article: Other news\n\nOriginal url:\n\nhttps://example.org/x\n",
        );
        assert_eq!(doc.title, "Witkoff to Visit Russia");
        assert_eq!(doc.date.as_deref(), Some("2025-04-22"));
        assert!(doc.body.contains("An aide told Interfax."));
        assert!(!doc.body.contains("Related") && !doc.body.contains("http") && !doc.body.contains("Original"));
    }

    /// The cheap tests in front of the two line regexes never turn away a
    /// line the regex would match: every line of the shared corpus (where
    /// present) and lines made to sit at the edges of both patterns.
    #[test]
    fn line_prefilters_never_reject_a_match() {
        // One line for every phrase of BOILERPLATE and both forms of DATELINE:
        // each must match its regex, so each phrase's prefilter case is tried.
        let boilerplate = [
            "Related: x",
            "  related stories: x",
            "READ MORE",
            "Original URL: x",
            "Sign up for our newsletter",
            "Share this article",
            "Advertisement",
            "Story continued below",
            "Click here to read",
            "Subscribe now",
            "\u{17f}ubscribe now",
            "Follow us on Twitter",
            "https://x.org/a",
            "www.example.com",
            "Copyright 2020 News",
            "\u{a9} 2020 News",
            "\u{a0}Updated at 5pm",
        ];
        let datelines = [
            "WASHINGTON (Reuters) - The",
            "LONDON \u{2014} The",
            "W. - x",
            "Istanbul (CNN) The",
            "TURNBERRY/GLASGOW, Scotland (Reuters) - ",
            "  Kyiv (AP) -- x",
        ];
        for line in boilerplate {
            assert!(BOILERPLATE.is_match(line), "{line:?} is no example");
        }
        for line in datelines {
            assert!(DATELINE.is_match(line), "{line:?} is no example");
        }
        let mut lines: Vec<String> = boilerplate
            .iter()
            .chain(&datelines)
            .chain(&["The president (Reuters) said", "the end", ""])
            .map(|l| l.to_string())
            .collect();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/recent");
        if let Ok(dir) = std::fs::read_dir(&corpus) {
            for e in dir.flatten().take(60) {
                if let Ok(text) = std::fs::read_to_string(e.path()) {
                    lines.extend(text.lines().map(String::from));
                }
            }
        } else {
            eprintln!("{} is absent; only the made-up lines are checked", corpus.display());
        }
        let (mut boiler, mut dated) = (0, 0);
        for line in &lines {
            if BOILERPLATE.is_match(line) {
                boiler += 1;
                assert!(may_be_boilerplate(line), "{line:?}");
            }
            if DATELINE.is_match(line) {
                dated += 1;
                assert!(may_open_with_dateline(line), "{line:?}");
            }
        }
        assert!(
            boiler >= boilerplate.len() && dated >= datelines.len(),
            "{boiler} boilerplate and {dated} dateline lines"
        );
        assert!(!may_be_boilerplate("The talks") && !may_open_with_dateline("The talks began"));
    }

    #[test]
    fn datelines_are_removed() {
        assert_eq!(
            clean_body("WASHINGTON/SEOUL (Reuters) - U.S. President Donald Trump said"),
            "U.S. President Donald Trump said\n"
        );
        assert_eq!(
            clean_body("WASHINGTON — President Trump placed a call"),
            "President Trump placed a call\n"
        );
        assert_eq!(clean_body("UN - the vote"), "the vote\n");
        assert_eq!(
            clean_body("TURNBERRY/GLASGOW, Scotland (Reuters) - U.S. President Donald Trump played golf"),
            "U.S. President Donald Trump played golf\n"
        );
        assert_eq!(
            clean_body("Istanbul (CNN) President Donald Trump said"),
            "President Donald Trump said\n"
        );
        // A party in brackets after a name is no dateline.
        assert_eq!(
            clean_body("Boris Johnson (Conservative) said so"),
            "Boris Johnson (Conservative) said so\n"
        );
        assert_eq!(clean_body("Trump - who else - won"), "Trump - who else - won\n");
    }

    #[test]
    fn hover_card_debris_is_removed() {
        let line = "President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Warren goes local MORE on Monday slammed former Secretary of State John Kerry John Forbes KerryDemocrats debate how to defeat Trump MORE for working.";
        assert_eq!(
            strip_hovercards(line),
            "President Trump on Monday slammed former Secretary of State John Kerry for working."
        );
        let mccain = "Sen. John McCain John Sidney McCainMcCain warns Trump MORE said.";
        assert_eq!(strip_hovercards(mccain), "Sen. John McCain said.");
        let junior =
            "a meeting that included Donald Trump Jr. Donald (Don) John TrumpTrump Jr's book debuts MORE and Nader.";
        assert_eq!(
            strip_hovercards(junior),
            "a meeting that included Donald Trump Jr. and Nader."
        );
        // A card of several headlines, its MORE 700 characters on.
        let headlines = "Battle heats up for phase-four coronavirus relief bill | ".repeat(12);
        let long = format!(
            "Speaker Nancy Pelosi Nancy PelosiHouse leaders enact new safety precautions {headlines}MORE (D-Calif.) said no."
        );
        assert_eq!(strip_hovercards(&long), "Speaker Nancy Pelosi (D-Calif.) said no.");
        let plain = "He wants MORE money. The MORE the better";
        assert_eq!(strip_hovercards(plain), plain);
    }

    #[test]
    fn deeply_nested_html_is_read_without_the_parser() {
        let depth = 20_000;
        let html = format!(
            "<html><head><title>Deep</title><script>var a = 1;</script></head><body>{}<p>Vladimir Putin met Donald Trump.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert!(nesting_depth(&html) > MAX_HTML_DEPTH);
        let doc = parse_html("d", &html);
        assert_eq!(doc.title, "Deep");
        assert_eq!(doc.body.trim(), "Vladimir Putin met Donald Trump.");
        assert_eq!(nesting_depth("<html><body><p>a<br>b</p><img src=x></body></html>"), 3);
    }

    #[test]
    fn a_single_paragraph_is_a_body() {
        let doc = parse_text("s", "Putin met Trump in Helsinki.\n");
        assert_eq!(
            (doc.title.as_str(), doc.body.as_str()),
            ("", "Putin met Trump in Helsinki.\n")
        );
    }

    #[test]
    fn dates_in_common_shapes() {
        assert_eq!(parse_date("22 April 2025").as_deref(), Some("2025-04-22"));
        assert_eq!(parse_date("Sept. 3, 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(parse_date("2019-09-03T10:00").as_deref(), Some("2019-09-03"));
        assert_eq!(parse_date("Putin met Trump"), None);
        assert_eq!(parse_date("2019-13-03"), None);
        // Metadata shapes.
        for (v, want) in [
            ("2020-03-10T14:00:00Z", "2020-03-10"),
            ("Tue, 10 Mar 2020 14:00:00 GMT", "2020-03-10"),
            ("2020/03/10 09:15", "2020-03-10"),
            ("1583848800", "2020-03-10"),
            ("1583848800000", "2020-03-10"),
            ("March 10, 2020", "2020-03-10"),
        ] {
            assert_eq!(date_value(v).as_deref(), Some(want), "{v}");
        }
        assert_eq!(unix_date(0).as_deref(), Some("1970-01-01"));
        assert_eq!(unix_date(951_782_400).as_deref(), Some("2000-02-29"));
        assert_eq!(date_value("soon"), None);
    }

    /// A table of dates, with a header or without, ids or file names.
    #[test]
    fn date_tables() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("index.tsv");
        std::fs::write(
            &p,
            "file\trepo\tdate\nrecent/ap-001.txt\tx\t2018-11-29\nap-002.txt\tx\t\n",
        )
        .unwrap();
        let t = DateTable::load(&p).unwrap();
        assert_eq!(t.date("ap-001"), Some("2018-11-29"));
        assert_eq!(t.date("ap-002"), None);
        let p = dir.path().join("dates.csv");
        std::fs::write(&p, "a1,2019-05-01\n\"a2\",\"May 2, 2019\"\n").unwrap();
        let t = DateTable::load(&p).unwrap();
        assert_eq!((t.date("a1"), t.date("a2")), (Some("2019-05-01"), Some("2019-05-02")));
        std::fs::write(&p, "id,date\na1,2019-05-01\na2,someday\n").unwrap();
        let e = DateTable::load(&p).unwrap_err().to_string();
        assert!(e.ends_with("dates.csv:3: \"someday\" is not a date"), "{e}");
        std::fs::write(&p, "x,y\na1,b\n").unwrap();
        assert!(DateTable::load(&p).is_err());
    }

    /// JSONL dates under the keys news exports use, strings or Unix times;
    /// HTML dates from the usual meta tags or a <time> element.
    #[test]
    fn dates_from_jsonl_keys_and_html_metadata() {
        for (line, want) in [
            (
                r#"{"id":"a","text":"B.","published":"2019-05-01T10:00:00Z"}"#,
                Some("2019-05-01"),
            ),
            (
                r#"{"id":"a","text":"B.","pubDate":"Wed, 01 May 2019 10:00:00 +0000"}"#,
                Some("2019-05-01"),
            ),
            (r#"{"id":"a","text":"B.","publishedAt":1556704800}"#, Some("2019-05-01")),
            (
                r#"{"id":"a","text":"B.","date":"","publish_date":"2019-05-01"}"#,
                Some("2019-05-01"),
            ),
            (r#"{"id":"a","text":"B.","date":null}"#, None),
        ] {
            let doc = parse_jsonl_line(line, "f", 1).unwrap();
            assert_eq!(doc.date.as_deref(), want, "{line}");
        }
        let page = r#"<html><head><meta name="parsely-pub-date" content="2019-05-01T10:00:00Z"></head>
            <body><article><p>Putin met Trump.</p></article></body></html>"#;
        assert_eq!(parse_html("p", page).date.as_deref(), Some("2019-05-01"));
        let page = r#"<html><body><article><time datetime="2019-05-02">May 2</time><p>Putin met Trump.</p></article></body></html>"#;
        assert_eq!(parse_html("p", page).date.as_deref(), Some("2019-05-02"));
    }

    #[test]
    fn html_keeps_the_article_and_drops_scripts_and_navigation() {
        let html = r#"<html><head><title>Site | Story</title>
            <meta property="article:published_time" content="2025-04-22T08:00:00Z">
            <link rel="canonical" href="https://example.org/story"></head>
            <body><nav><p>Home News</p></nav><script>var x = "<p>no</p>";</script>
            <article><h1>Putin meets Witkoff</h1><p>Putin <b>met</b> Witkoff.</p><p>They talked.</p></article>
            <footer><p>Copyright</p></footer></body></html>"#;
        let doc = parse_html("s", html);
        assert_eq!(doc.title, "Putin meets Witkoff");
        assert_eq!(doc.body, "Putin met Witkoff.\n\nThey talked.\n");
        assert_eq!(doc.date.as_deref(), Some("2025-04-22"));
        assert_eq!(doc.url.as_deref(), Some("https://example.org/story"));
    }

    #[test]
    fn jsonl_records_and_their_errors() {
        let doc = parse_jsonl_line(r#"{"id":"a1","title":"T","text":"Body.","date":"2020-01-01"}"#, "f", 1).unwrap();
        assert_eq!(
            (doc.id.as_str(), doc.title.as_str(), doc.date.as_deref()),
            ("a1", "T", Some("2020-01-01"))
        );
        let doc = parse_jsonl_line(r#"{"text":"Body."}"#, "f", 7).unwrap();
        assert_eq!(doc.id, "f-7");
        assert!(
            parse_jsonl_line(r#"{"title":"T"}"#, "f", 1)
                .unwrap_err()
                .contains("\"text\"")
        );
        assert!(parse_jsonl_line("{not json", "f", 1).is_err());
    }

    fn decoded(bytes: &[u8]) -> (Option<String>, Vec<Warning>) {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let mut warn: WarningSink = Box::new(move |w| sink.lock().unwrap().push(w));
        let text = decode(Path::new("f.txt"), bytes.to_vec(), &mut warn);
        let warnings = seen.lock().unwrap().clone();
        (text, warnings)
    }

    #[test]
    fn encodings_binary_and_bad_bytes() {
        assert_eq!(decoded(b"\xEF\xBB\xBFPutin").0.as_deref(), Some("Putin"));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Putin met".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decoded(&le).0.as_deref(), Some("Putin met"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decoded(&be).0.as_deref(), Some("Kyiv"));
        let (text, w) = decoded(b"Putin \xFF met \xC3 Trump");
        assert_eq!(text.as_deref(), Some("Putin \u{FFFD} met \u{FFFD} Trump"));
        assert_eq!(
            w[0].to_string(),
            "f.txt: invalid UTF-8 at byte 6 (2 places in all), read with replacement characters"
        );
        let (text, w) = decoded(b"\x7FELF\x02\x01\x00\x00binary");
        assert_eq!((text, w[0].kind), (None, WarningKind::Binary));
    }

    #[test]
    fn sniffing_standard_input() {
        assert_eq!(Format::sniff("  {\"text\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff("<html>"), Format::Html);
        assert_eq!(Format::sniff("Headline\n\nBody"), Format::Text);
    }
}
