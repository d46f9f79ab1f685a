//! Hostile and broken input through the real binary: each case gets one clear
//! message, a documented exit code (0 done, 2 error), no panic, nothing lost.

mod common;

use common::{polgraph, python};
use predicates::prelude::*;
use std::path::Path;

const ARTICLE: &str = "Talks\n\nRussian President Vladimir Putin met U.S. Special Envoy Steve Witkoff in Moscow.\n";

fn triples(out: &[u8]) -> usize {
    String::from_utf8_lossy(out).lines().count()
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.extend(b"Caf\xe9 society.\n");
    std::fs::write(&f, bytes).unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("latin1.txt: invalid UTF-8 at byte")
                .and(predicate::str::contains(format!("byte {}", ARTICLE.len() + 3))),
        )
        .get_output()
        .stdout
        .clone();
    assert!(triples(&out) >= 2);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("utf16.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&f, bytes).unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("\"Vladimir Putin\""));
}

#[test]
fn binary_and_empty_files_are_skipped_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x7fELF\x02\x01\x00\x00\x00garbage").unwrap();
    std::fs::write(dir.path().join("c.txt"), "").unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(
            predicate::str::contains("b.txt: binary file, skipped")
                .and(predicate::str::contains("c.txt: no text, skipped")),
        )
        .get_output()
        .stdout
        .clone();
    assert!(triples(&out) >= 2);
    // Only unusable files: nothing to do is an error.
    std::fs::remove_file(dir.path().join("a.txt")).unwrap();
    polgraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles found"));
}

#[test]
fn malformed_jsonl_stops_with_file_and_line_or_is_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    let good = serde_json::json!({"id": "a", "text": ARTICLE}).to_string();
    std::fs::write(&f, format!("{good}\n{{\"text\": 3}}\nnot json\n{good}\n")).unwrap();
    polgraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("feed.jsonl:2: not a JSON article record"));
    polgraph()
        .arg("extract")
        .arg(&f)
        .arg("--skip-bad")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("feed.jsonl:2: skipped")
                .and(predicate::str::contains("feed.jsonl:3: skipped"))
                .and(predicate::str::contains("skipped 2 malformed records")),
        );
}

#[cfg(unix)]
#[test]
fn a_directory_loop_through_symlinks_ends() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success();
    assert!(triples(&out.get_output().stdout) >= 2);
}

#[test]
fn deeply_nested_html_finishes_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("deep.html");
    let depth = 100_000;
    std::fs::write(
        &f,
        format!(
            "<html><body>{}<p>{}</p>{}</body></html>",
            "<div>".repeat(depth),
            ARTICLE,
            "</div>".repeat(depth)
        ),
    )
    .unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(&f)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success();
    assert!(triples(&out.get_output().stdout) >= 2);
}

#[test]
fn output_is_the_same_on_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    // More documents than one batch, with varied content.
    let sample =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/witkoff-2025-04-22.txt"))
            .unwrap();
    let lines: Vec<String> = (0..300)
        .map(|i| serde_json::json!({"id": format!("d{i}"), "title": "T", "text": sample.lines().skip(i % 20).collect::<Vec<_>>().join("\n")}).to_string())
        .collect();
    let f = dir.path().join("many.jsonl");
    std::fs::write(&f, lines.join("\n")).unwrap();
    let one = polgraph()
        .args(["extract", "-j", "1"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let two = polgraph()
        .args(["extract", "-j", "2"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(triples(&one) > 300);
    assert_eq!(one, two);
}

#[test]
fn hostile_names_are_neutralised_in_csv_and_escaped_in_dot() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    // A user lexicon maps a plain alias to names built to break outputs.
    std::fs::write(
        lex.join("organizations.tsv"),
        "=HYPERLINK(\"http://x\")\tcompany\tEvil Corp\t\n\"quoted\" \\ </script> <b>&\tmedia\tQuote Media\t\n",
    )
    .unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "T\n\nKremlin spokesman Dmitry Peskov criticized Evil Corp.\nQuote Media spokesman Ivan Petrov met Dmitry Peskov.\n").unwrap();
    let out = dir.path().join("out");
    polgraph()
        .arg("build")
        .arg(&art)
        .arg("--lexicon")
        .arg(&lex)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let edges = std::fs::read_to_string(out.join("edges.csv")).unwrap();
    assert!(edges.contains("'=HYPERLINK"), "{edges}");
    assert!(!edges.lines().any(|l| l.starts_with('=')));
    let dot = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    assert!(dot.contains(r#"label="\"quoted\" \\ </script> <b>&""#), "{dot}");
    assert!(graphviz_rust::parse(&dot).is_ok());
    // GraphML: well-formed XML that gives the name back as it was.
    let printed = python(
        "xml.etree.ElementTree",
        "import sys\n\
         ns = '{http://graphml.graphdrawing.org/xmlns}'\n\
         r = xml.etree.ElementTree.parse(sys.argv[1]).getroot()\n\
         print(any(d.text == sys.argv[2] for d in r.iter(ns + 'data')))",
        [
            out.join("graph.graphml").into_os_string(),
            "\"quoted\" \\ </script> <b>&".into(),
        ],
    );
    if let Some(printed) = printed {
        assert_eq!(printed.trim(), "True");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    assert!(
        json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "\"quoted\" \\ </script> <b>&")
    );
}

/// Triples wait in a temporary file; where none can be made, the error says
/// which directory and how to choose another, and nothing is written.
#[test]
fn an_unusable_temporary_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("triples.jsonl");
    polgraph()
        .env("TMPDIR", dir.path().join("missing"))
        .args(["extract", "data/articles", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TMPDIR").and(predicate::str::contains("missing")));
    assert!(!out.exists());
}

/// A 200 MB file that is one line (no headline, no paragraphs): read as one
/// body, extracted in 1 MB parts, with the same triple found throughout merged
/// into one. Slow in a debug build, so `bash .ci/run` runs it in release.
#[test]
#[ignore = "200 MB of input: run with `cargo test --release --test hostile -- --ignored`"]
fn a_200_mb_single_line_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let sentence = "Vladimir Putin met Donald Trump in Helsinki and they talked about trade. ";
    let mut text = sentence.repeat(200_000_000 / sentence.len());
    text.push_str("Emmanuel Macron called Olaf Scholz.");
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let out = polgraph()
        .args(["extract", "-q"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().filter(|l| l.contains("\"met\"")).count(), 1, "{out}");
    assert!(out.contains("Olaf Scholz"), "the end of the line is read too: {out}");
}
