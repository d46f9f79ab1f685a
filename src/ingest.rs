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

/// A stream of documents from sources, in order. JSONL is read lazily.
pub struct Documents {
    sources: VecDeque<Source>,
    jsonl: Option<JsonlReader>,
}

struct JsonlReader {
    path: PathBuf,
    stem: String,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: String,
}

/// Opens the sources as a document stream.
pub fn documents(sources: Vec<Source>) -> Documents {
    Documents {
        sources: sources.into(),
        jsonl: None,
    }
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_doc() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let source = self.sources.pop_front()?;
            match open(source) {
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

fn read_text(path: &Path, reader: &mut dyn Read) -> Result<String> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}

fn open(source: Source) -> Result<Opened> {
    let (path, format, data) = match source {
        Source::File(path, Format::Jsonl) => {
            let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
            return Ok(Opened::Jsonl(JsonlReader {
                stem: stem(&path),
                path,
                lines: Box::new(BufReader::with_capacity(1 << 16, file)),
                line_no: 0,
                buf: String::new(),
            }));
        }
        Source::File(path, format) => {
            let mut file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
            let data = read_text(&path, &mut file)?;
            (path, format, data)
        }
        Source::Stdin => {
            let path = PathBuf::from("-");
            let data = read_text(&path, &mut std::io::stdin().lock())?;
            let format = Format::sniff(&data);
            if format == Format::Jsonl {
                return Ok(Opened::Jsonl(JsonlReader {
                    path,
                    stem: "stdin".into(),
                    lines: Box::new(std::io::Cursor::new(data.into_bytes())),
                    line_no: 0,
                    buf: String::new(),
                }));
            }
            (path, format, data)
        }
    };
    let id = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        stem(&path)
    };
    let doc = match format {
        Format::Text => parse_text(&id, &data),
        Format::Html => parse_html(&id, &data),
        Format::Jsonl => unreachable!("handled above"),
    };
    Ok(if doc.body.trim().is_empty() && doc.title.trim().is_empty() {
        Opened::Nothing
    } else {
        Opened::Doc(doc)
    })
}

impl JsonlReader {
    fn next_doc(&mut self) -> Option<Result<Document>> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            match self.lines.read_line(&mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::io(&self.path, e))),
            }
            let line = self.buf.trim();
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
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn parse_jsonl_line(line: &str, stem: &str, line_no: usize) -> Result<Document, String> {
    let rec: Record = serde_json::from_str(line).map_err(|e| format!("not a JSON article record: {e}"))?;
    let text = rec.text.ok_or("the record has no \"text\" field")?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{stem}-{line_no}"),
    };
    Ok(Document {
        id,
        title: clean_inline(rec.title.as_deref().unwrap_or("")).trim().to_string(),
        body: clean_body(&text),
        date: rec.date.filter(|d| !d.is_empty()),
        url: rec.url.filter(|u| !u.is_empty()),
    })
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>").unwrap());

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
    Regex::new(r"^\s*[A-Z][A-Z .,/'-]{1,60}(?:\s*\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*[-\u{2013}\u{2014}]+\s+").unwrap()
});

/// Drops inline tags such as `<u>told</u>` kept in scraped text.
fn clean_inline(s: &str) -> String {
    TAG.replace_all(s, "").into_owned()
}

/// Removes news boilerplate lines, inline tags and hover-card debris, keeping
/// paragraph breaks.
pub fn clean_body(text: &str) -> String {
    let text = clean_inline(text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if BOILERPLATE.is_match(line) {
            continue;
        }
        let line = strip_hovercards(line);
        out.push_str(DATELINE.replace(&line, "").trim_end());
        out.push('\n');
    }
    out
}

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
        let window_start = out[..search_from + rel]
            .char_indices()
            .rev()
            .nth(400)
            .map_or(0, |(i, _)| i);
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
                let before = &out[..word_start];
                // The visible name: the same word, standing alone, shortly before.
                let visible = before.rmatch_indices(surname).find(|(i, _)| {
                    let end = i + surname.len();
                    before[end..].starts_with(' ') && (*i == 0 || before[..*i].ends_with(' ')) && word_start - end < 60
                });
                if let Some((i, _)) = visible {
                    cut = Some(i + surname.len());
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
            title = clean_inline(line.trim());
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
        return Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]));
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

/// An HTML page: title from `<title>`/`<h1>`/`og:title`, text from the article's
/// paragraphs (the `<article>` element where there is one), date and URL from the
/// usual meta tags.
pub fn parse_html(id: &str, data: &str) -> Document {
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
    let block = sel("p, h2, h3, li, blockquote, figcaption");
    let skip = [
        "script", "style", "nav", "footer", "header", "aside", "noscript", "form",
    ];
    let mut paragraphs = Vec::new();
    if let Some(root) = root {
        for el in root.select(&block) {
            let inside_skipped = el
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| skip.contains(&e.name())));
            // Nested blocks (<li><p>) would repeat text: keep the innermost.
            let has_block_child = el.descendants().skip(1).any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "p" | "li" | "blockquote"))
            });
            if inside_skipped || has_block_child {
                continue;
            }
            let t = text_of(el);
            if !t.is_empty() {
                paragraphs.push(t);
            }
        }
        if paragraphs.is_empty() {
            // No paragraph markup: all the text outside scripts and styles.
            let mut t = String::new();
            for node in root.descendants() {
                if let Some(text) = node.value().as_text() {
                    let hidden = node
                        .ancestors()
                        .any(|a| a.value().as_element().is_some_and(|e| skip.contains(&e.name())));
                    if !hidden {
                        t.push_str(text);
                        t.push(' ');
                    }
                }
            }
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                paragraphs.push(t);
            }
        }
    }
    let body = clean_body(&paragraphs.join("\n\n"));
    let date = meta("article:published_time")
        .or_else(|| meta("date"))
        .and_then(|d| parse_date(d.get(..10).unwrap_or(&d)));
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

#[cfg(test)]
mod tests {
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
        let plain = "He wants MORE money. The MORE the better";
        assert_eq!(strip_hovercards(plain), plain);
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

    #[test]
    fn sniffing_standard_input() {
        assert_eq!(Format::sniff("  {\"text\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff("<html>"), Format::Html);
        assert_eq!(Format::sniff("Headline\n\nBody"), Format::Text);
    }
}
