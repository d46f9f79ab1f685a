//! CLI tests: each subcommand and each error case, run through the real binary.

mod common;

use common::{polgraph, python};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const SAMPLE: &str = "data/articles/witkoff-2025-04-22.txt";

/// The node and link counts of a saved graph.json.
fn node_link_counts(graph: &Path) -> (usize, usize) {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(graph).unwrap()).unwrap();
    (
        g["nodes"].as_array().unwrap().len(),
        g["links"].as_array().unwrap().len(),
    )
}

fn triples(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn has(ts: &[Value], s: &str, r: &str, o: &str, m: &str) -> bool {
    ts.iter().any(|t| {
        let (ts, to) = (t["subject"].as_str().unwrap(), t["object"].as_str().unwrap());
        let pair = (ts == s && to == o) || (t["relation"] == "met" && ts == o && to == s);
        pair && t["relation"] == r && t["modality"] == m
    })
}

/// Builds the sample into a fresh directory; returns it (kept alive by the TempDir).
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    polgraph().args(["build", "data/", "-o"]).arg(&out).assert().success();
    (dir, out)
}

#[test]
fn extract_finds_the_sample_articles_key_triples() {
    let out = polgraph()
        .args(["extract", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ts = triples(&out);
    for (s, r, o, m) in [
        ("Steve Witkoff", "met", "Vladimir Putin", "fact"),
        ("Yuri Ushakov", "spoke_to", "Interfax", "fact"),
        ("Steve Witkoff", "works_for", "Donald Trump", "fact"),
        ("Vladimir Putin", "leads", "Russia", "fact"),
        ("Steve Witkoff", "visited", "Russia", "planned"),
    ] {
        assert!(has(&ts, s, r, o, m), "missing ({s}, {r}, {o}, {m})");
    }
    // "nor did he say whether the Trump envoy would meet with Putin" is hypothetical, not planned.
    assert!(!has(&ts, "Steve Witkoff", "met", "Vladimir Putin", "planned"));
    for t in &ts {
        for key in [
            "doc",
            "subject_type",
            "object_type",
            "sentence",
            "sentence_index",
            "date",
            "confidence",
            "rule",
        ] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
        assert_eq!(t["doc"], "witkoff-2025-04-22");
        assert_eq!(t["date"], "2025-04-22");
    }
}

#[test]
fn extract_output_snapshot() {
    let out = polgraph()
        .args(["extract", SAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<String> = triples(&out)
        .iter()
        .map(|t| {
            format!(
                "{} | {} | {} | {} | {} | s{}",
                t["subject"].as_str().unwrap(),
                t["relation"].as_str().unwrap(),
                t["object"].as_str().unwrap(),
                t["modality"].as_str().unwrap(),
                t["rule"].as_str().unwrap(),
                t["sentence_index"]
            )
        })
        .collect();
    insta::assert_snapshot!(rows.join("\n"));
}

#[test]
fn extract_formats_csv_and_json() {
    let out = polgraph()
        .args(["extract", SAMPLE, "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().take(3).collect::<Vec<_>>(),
        ["doc", "subject", "subject_type"]
    );
    let rows = r.records().count();
    let out = polgraph()
        .args(["extract", SAMPLE, "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), rows);
    assert!(rows >= 10);
}

#[test]
fn extract_min_confidence_filters() {
    let all = triples(
        &polgraph()
            .args(["extract", SAMPLE])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let high = triples(
        &polgraph()
            .args(["extract", SAMPLE, "--min-confidence", "0.8"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(high.len() < all.len() && !high.is_empty());
    assert!(high.iter().all(|t| t["confidence"].as_f64().unwrap() >= 0.8));
}

#[test]
fn extract_reads_stdin_html_and_jsonl() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let out = polgraph()
        .args(["extract", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ts = triples(&out);
    assert!(has(&ts, "Steve Witkoff", "met", "Vladimir Putin", "fact"));
    assert!(ts.iter().all(|t| t["doc"] == "stdin"));

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("page.html");
    std::fs::write(
        &html,
        "<html><head><title>x</title><script>Putin met Obama.</script></head><body><nav>Menu</nav><article><h1>Talks</h1>\
         <p>Russian President Vladimir Putin met U.S. Special Envoy Steve Witkoff in Moscow.</p></article></body></html>",
    )
    .unwrap();
    let jsonl = dir.path().join("feed.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a1\", \"title\": \"T\", \"text\": \"Kremlin spokesman Dmitry Peskov spoke.\"}\n",
    )
    .unwrap();
    let out = polgraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ts = triples(&out);
    assert!(has(&ts, "Steve Witkoff", "met", "Vladimir Putin", "fact"), "{ts:?}");
    assert!(
        !ts.iter()
            .any(|t| t["object"] == "Barack Obama" || t["subject"] == "Barack Obama")
    );
    assert!(
        ts.iter()
            .any(|t| t["doc"] == "a1" && t["subject"] == "Dmitry Peskov" && t["relation"] == "works_for")
    );
}

#[test]
fn build_writes_every_output_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let assert = polgraph().args(["build", "data/", "-o"]).arg(&out).assert().success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(stdout.starts_with("1 article,"), "{stdout}");
    assert!(stdout.contains("Top actors by degree:") && stdout.contains("Steve Witkoff"));
    for f in [
        "graph.json",
        "graph.dot",
        "edges.csv",
        "nodes.csv",
        "graph.graphml",
        "graph.html",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    // A drawing always: by Graphviz where installed, by polgraph's own layout elsewhere.
    assert!(std::fs::read_to_string(out.join("graph.svg")).unwrap().contains("<svg"));
    if !which("dot") {
        assert!(
            stdout.contains("own layout: Graphviz `dot` is not installed"),
            "{stdout}"
        );
    }
    // The CSV reads back with the same edges as graph.json.
    let g: Value = serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let mut r = csv::Reader::from_path(out.join("edges.csv")).unwrap();
    let rows: Vec<(String, String, String, String)> = r
        .records()
        .map(|x| {
            let x = x.unwrap();
            (x[0].to_string(), x[1].to_string(), x[2].to_string(), x[3].to_string())
        })
        .collect();
    let links: Vec<(String, String, String, String)> = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let s = |k: &str| l[k].as_str().unwrap().to_string();
            (s("source"), s("target"), s("relation"), s("modality"))
        })
        .collect();
    assert_eq!(rows, links);
    assert_eq!(
        csv::Reader::from_path(out.join("nodes.csv")).unwrap().records().count(),
        g["nodes"].as_array().unwrap().len()
    );
}

fn which(cmd: &str) -> bool {
    std::process::Command::new(cmd).arg("-V").output().is_ok()
}

#[test]
fn dot_output_renders_with_graphviz() {
    let (_d, out) = built();
    if !which("dot") {
        eprintln!("skipping: Graphviz `dot` is not installed (bash .ci/run installs it)");
        return;
    }
    let status = std::process::Command::new("dot")
        .args(["-Tsvg", "-o", "/dev/null"])
        .arg(out.join("graph.dot"))
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn query_path_connects_witkoff_to_dmitriev_and_interfax() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    polgraph()
        .args(["query", "path", "Witkoff", "Dmitriev", "--graph"])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("Steve Witkoff —met— Kirill Dmitriev"));
    let a = polgraph()
        .args(["query", "path", "steve witkoff", "interfax", "-g"])
        .arg(&g)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(text.contains("—spoke_to→ Interfax"), "{text}");
    assert!(text.contains("witkoff-2025-04-22 #"), "evidence on each hop: {text}");
    let a = polgraph()
        .args([
            "query",
            "--json",
            "path",
            "Witkoff",
            "Interfax",
            "--all",
            "--max-hops",
            "3",
            "-g",
        ])
        .arg(&g)
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert!(!v["paths"].as_array().unwrap().is_empty());
    // Too short a leash: nothing found, exit 1.
    polgraph()
        .args(["query", "path", "Witkoff", "Interfax", "--max-hops", "1", "-g"])
        .arg(&g)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("No path"));
}

#[test]
fn query_neighbors_pairs_and_central() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    polgraph()
        .args(["query", "neighbors", "Putin", "-g"])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("Vladimir Putin (person)").and(predicate::str::contains("Steve Witkoff")));
    let a = polgraph()
        .args(["query", "pairs", "--relation", "met", "--csv", "-g"])
        .arg(&g)
        .assert()
        .success();
    let mut r = csv::Reader::from_reader(a.get_output().stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec!["a", "b", "weight", "mutual", "a_to_b", "b_to_a"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(
        rows.iter()
            .any(|x| &x[0] == "Steve Witkoff" && &x[1] == "Vladimir Putin" && &x[3] == "met=1" && &x[2] == "1")
    );
    assert!(
        rows.iter()
            .all(|x| x[3].starts_with("met=") && x[4].is_empty() && x[5].is_empty())
    );
    polgraph()
        .args(["query", "central", "--top", "3", "-g"])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("Steve Witkoff"));
}

#[test]
fn export_each_format_from_a_saved_graph() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    let dot = polgraph()
        .args(["export", "--format", "dot", "-g"])
        .arg(&g)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&dot).starts_with("digraph polgraph {"));
    let json = polgraph()
        .args(["export", "-f", "json", "-g"])
        .arg(&g)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json, std::fs::read(&g).unwrap(), "export json = the saved graph");
    let csv_dir = out.join("csv");
    polgraph()
        .args(["export", "-f", "csv", "-g"])
        .arg(&g)
        .arg("-o")
        .arg(&csv_dir)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(csv_dir.join("edges.csv")).unwrap(),
        std::fs::read(out.join("edges.csv")).unwrap()
    );
    let svg = polgraph().args(["export", "-f", "svg", "-g"]).arg(&g).assert();
    if which("dot") {
        svg.success().stdout(predicate::str::contains("<svg"));
    } else {
        // Without Graphviz the default renderer draws with polgraph's own
        // layout and says so; asking for `dot` is an error that names the fix.
        svg.success()
            .stdout(predicate::str::contains("<svg"))
            .stderr(predicate::str::contains("Graphviz `dot` is not installed"));
        polgraph()
            .args(["export", "-f", "svg", "--renderer", "dot", "-g"])
            .arg(&g)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Graphviz `dot` is not installed"));
    }
}

#[test]
fn errors_name_what_and_where() {
    polgraph()
        .args(["extract", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: no such file or directory"));
    let dir = tempfile::tempdir().unwrap();
    polgraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles found"));
    polgraph()
        .args(["extract", SAMPLE, "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'xml'"));
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"ok\"}\n{broken\n").unwrap();
    polgraph()
        .arg("extract")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.jsonl:2: not a JSON article record"));
    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    std::fs::write(lex.join("titles.tsv"), "czar\tgoverns\n").unwrap();
    polgraph()
        .args(["extract", SAMPLE, "--lexicon"])
        .arg(&lex)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("titles.tsv:1: unknown relation \"governs\""));
    // The lexicons compile beside the opening of the inputs; their error still
    // comes first, not the missing input's.
    polgraph()
        .arg("extract")
        .arg(dir.path().join("missing.jsonl"))
        .arg("--lexicon")
        .arg(&lex)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown relation \"governs\"").and(predicate::str::contains("missing").not()),
        );
    polgraph()
        .args(["extract", SAMPLE, "--disable-rule", "no.such"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule with id \"no.such\""));
    polgraph()
        .args(["build", SAMPLE, "-j", "100000", "-o"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--threads must be at most 1024"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn query_errors_unknown_actor_and_bad_graphs() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    polgraph()
        .args(["query", "path", "Witkof", "Putin", "-g"])
        .arg(&g)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no actor named \"Witkof\"; did you mean Steve Witkoff?",
        ));
    polgraph()
        .args(["query", "pairs", "--relation", "hugged", "-g"])
        .arg(&g)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown relation \"hugged\""));
    let missing = out.join("nope.json");
    polgraph()
        .args(["query", "pairs", "-g"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("nope.json: no such file or directory")
                .and(predicate::str::contains("polgraph build")),
        );
    let text = std::fs::read_to_string(&g).unwrap();
    let truncated = out.join("truncated.json");
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    polgraph()
        .args(["export", "-f", "dot", "-g"])
        .arg(&truncated)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("truncated.json: not a polgraph graph.json"));
    // A graph from another schema version names both versions.
    let newer = out.join("newer.json");
    std::fs::write(&newer, text.replacen("\"schema_version\":1", "\"schema_version\":2", 1)).unwrap();
    polgraph()
        .args(["query", "-g"])
        .arg(&newer)
        .args(["central"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("newer.json: written with graph schema version 2")
                .and(predicate::str::contains("reads version 1")),
        );
}

#[test]
fn a_failed_build_leaves_earlier_outputs_intact() {
    let (_d, out) = built();
    let before = std::fs::read(out.join("graph.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{broken\n").unwrap();
    polgraph().arg("build").arg(&bad).arg("-o").arg(&out).assert().code(2);
    assert_eq!(std::fs::read(out.join("graph.json")).unwrap(), before);
    // An output path that is a file, not a directory.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    polgraph()
        .args(["build", SAMPLE, "-o"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("creating output directory"));
}

#[test]
fn outputs_are_byte_identical_across_runs() {
    let (_a, one) = built();
    let (_b, two) = built();
    for f in ["graph.json", "graph.dot", "edges.csv", "nodes.csv"] {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f}"
        );
    }
}

/// Real news with scraper debris: extraction must finish without a panic.
#[test]
fn survives_the_shared_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/recent");
    if !corpus.is_dir() {
        eprintln!("skipping: {} is absent", corpus.display());
        return;
    }
    let out = polgraph()
        .arg("extract")
        .arg(&corpus)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(triples(&out).len() > 100);
}

/// graph.json is node-link JSON, and graph.graphml GraphML, that networkx reads as they are.
#[test]
fn networkx_reads_graph_json_and_graphml() {
    let (_d, out) = built();
    let script = "import json, sys, networkx as nx\n\
                  g = nx.node_link_graph(json.load(open(sys.argv[1])), edges='links')\n\
                  print(type(g).__name__, g.number_of_nodes(), g.number_of_edges(), g.nodes['Vladimir Putin']['type'])\n\
                  h = nx.read_graphml(sys.argv[2])\n\
                  labels = {d['label'] for _, d in h.nodes(data=True)}\n\
                  print(h.number_of_nodes(), h.number_of_edges(), 'Vladimir Putin' in labels)";
    let Some(printed) = python("networkx", script, [out.join("graph.json"), out.join("graph.graphml")]) else {
        return;
    };
    let (n, l) = node_link_counts(&out.join("graph.json"));
    assert_eq!(printed, format!("MultiDiGraph {n} {l} person\n{n} {l} True\n"));
}

/// graph.html, read by Python's HTML parser (the HTML5 tokenizer's rules for
/// script blocks): one data block holding the graph.json data, and no markup
/// from the articles.
#[test]
fn html_report_parses_with_the_graph_inside() {
    let (_d, out) = built();
    let script = "import json, sys\n\
                  class P(html.parser.HTMLParser):\n\
                  \x20   def __init__(s):\n\
                  \x20       super().__init__(); s.tags = []; s.data = None; s.inside = False\n\
                  \x20   def handle_starttag(s, tag, attrs):\n\
                  \x20       s.tags.append(tag); s.inside = ('id', 'graph-data') in attrs\n\
                  \x20   def handle_endtag(s, tag):\n\
                  \x20       s.inside = False\n\
                  \x20   def handle_data(s, d):\n\
                  \x20       if s.inside: s.data = (s.data or '') + d\n\
                  p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())\n\
                  g = json.loads(p.data)\n\
                  print(p.tags.count('script'), len(g['nodes']), len(g['links']))";
    let Some(printed) = python("html.parser", script, [out.join("graph.html")]) else {
        return;
    };
    let (n, l) = node_link_counts(&out.join("graph.json"));
    assert_eq!(printed, format!("2 {n} {l}\n"));
}

/// graph.html's script, run by jsdom: it fills the tables and the drawing
/// without an error, filtering works, and hostile names stay text.
#[test]
fn html_report_runs_in_a_dom_and_injects_nothing() {
    let jsdom = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/js");
    let node_ok = std::process::Command::new("node")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    if !node_ok || !jsdom.join("node_modules/jsdom").is_dir() {
        eprintln!("skipping: node or jsdom is absent (bash .ci/run installs jsdom under target/js)");
        return;
    }
    let (_d, out) = built();
    let run = |page: &Path, filter: &str| -> Value {
        let o = std::process::Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/report.js"))
            .arg(&jsdom)
            .arg(page)
            .arg(filter)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let (nodes, links) = node_link_counts(&out.join("graph.json"));
    let mut g: Value = serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let r = run(&out.join("graph.html"), "putin");
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    assert_eq!(
        (r["actors"].as_u64(), r["relations"].as_u64()),
        (Some(nodes as u64), Some(links as u64))
    );
    assert_eq!(r["circles"].as_u64(), Some(nodes.min(80) as u64));
    assert!(r["filtered_actors"].as_u64().unwrap() >= 1 && r["filtered_relations"].as_u64().unwrap() < links as u64);
    // The filter drives the drawing too: actors with no relation to Putin fade.
    let dimmed = r["dimmed"].as_u64().unwrap();
    assert!(dimmed >= 1 && dimmed < nodes.min(80) as u64, "{r}");
    // A saved graph whose names and evidence are markup.
    let evil = "</script><img src=x onerror=alert(1)><script>alert(2)</script>";
    let first = g["nodes"][0]["id"].as_str().unwrap().to_string();
    g["nodes"][0]["id"] = evil.into();
    for l in g["links"].as_array_mut().unwrap() {
        for k in ["source", "target"] {
            if l[k] == first.as_str() {
                l[k] = evil.into();
            }
        }
        for e in l["evidence"].as_array_mut().unwrap() {
            e["sentence"] = "<b onmouseover=alert(3)>x</b> <iframe src=x>".into();
        }
    }
    std::fs::write(out.join("evil.json"), g.to_string()).unwrap();
    polgraph()
        .args(["export", "--format", "html", "--graph"])
        .arg(out.join("evil.json"))
        .arg("-o")
        .arg(out.join("evil.html"))
        .assert()
        .success();
    let r = run(&out.join("evil.html"), "onerror");
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    assert_eq!(
        (r["scripts"].as_u64(), r["injected"].as_u64()),
        (Some(2), Some(0)),
        "{r}"
    );
    // The markup-named actor is found by its name, as text (with the actors
    // it is related to: an actor filter shows a neighbourhood).
    assert!(r["filtered_actors"].as_u64().unwrap() >= 1, "{r}");
    assert!(r["filtered_relations"].as_u64().unwrap() >= 1, "{r}");
}

/// Writes `articles` (name, text) into a fresh directory; returns it.
fn articles(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Builds `input` quietly into a fresh directory; returns it.
fn build_quietly(input: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    polgraph()
        .args(["build", "-q", "-o"])
        .arg(dir.path())
        .arg(input)
        .assert()
        .success();
    dir
}

/// The actors of a saved graph, as `polgraph actors --json` lists them.
fn actors_of(graph: &Path) -> Vec<Value> {
    let out = polgraph()
        .args(["actors", "--sort", "name", "--json", "-g"])
        .arg(graph)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn actor<'a>(actors: &'a [Value], name: &str) -> Option<&'a Value> {
    actors.iter().find(|a| a["name"] == name)
}

const VARIANTS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Talks\n\nUkrainian President Volodymyr Zelensky met Russian President Vladimir Putin in Istanbul. \
         Senator Joe Biden praised Zelensky.\n",
    ),
    (
        "b.txt",
        "More talks\n\nUkrainian President Volodymyr Zelenskyy met French President Emmanuel Macron. \
         Trump Tower criticized Emmanuel Macron. Hunter Biden criticized Emmanuel Macron. \
         Senator Joe Biden met Volodymyr Zelenskiy.\n",
    ),
    (
        "c.txt",
        "Again\n\nUkrainian President Volodymyr Zelensky met British Prime Minister Keir Starmer. \
         Zelensky thanked the Bill of Rights Defense Committee.\n",
    ),
];

/// Spellings of one name become one actor; `actors` lists the variants.
#[test]
fn spelling_variants_are_one_actor_and_actors_lists_them() {
    let input = articles(VARIANTS);
    let dir = build_quietly(input.path());
    let actors = actors_of(&dir.path().join("graph.json"));
    let zelensky = actor(&actors, "Volodymyr Zelensky").unwrap();
    let aliases = zelensky["aliases"].as_array().unwrap();
    for variant in ["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"] {
        assert!(aliases.iter().any(|a| a == variant), "{variant}: {zelensky}");
        assert!(actor(&actors, variant).is_none(), "{variant} is a node of its own");
    }
    assert!(actor(&actors, "Hunter Biden").is_some() && actor(&actors, "Joe Biden").is_some());
    assert_eq!(actor(&actors, "Trump Tower").unwrap()["type"], "place");
    // --grep and --type narrow the list; nothing found exits 1.
    let out = polgraph()
        .args(["actors", "--grep", "zelensk", "--csv", "-g"])
        .arg(dir.path().join("graph.json"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("name,type,degree,mentions,documents,aliases\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    polgraph()
        .args(["actors", "--grep", "zelensk", "--type", "place", "-g"])
        .arg(dir.path().join("graph.json"))
        .assert()
        .code(1);
    polgraph()
        .args(["actors", "--grep", "(", "-g"])
        .arg(dir.path().join("graph.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--grep"));
}

/// A corrections file merges, keeps apart, retypes and removes actors, and
/// `build` says which lines matched nothing.
#[test]
fn corrections_merge_split_retype_and_remove() {
    let input = articles(VARIANTS);
    let lexicon = tempfile::tempdir().unwrap();
    std::fs::write(
        lexicon.path().join("corrections.tsv"),
        "# merges, splits, types, removals\n\
         same\tV. Zelensky (President)\tVolodymyr Zelensky\n\
         different\tVolodymyr Zelensky\tVolodymyr Zelenskiy\n\
         type\tTrump Tower\torganization\n\
         not_actor\tHunter Biden\n\
         not_actor\tNobody At All\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = polgraph()
        .args(["build", "-q", "-o"])
        .arg(dir.path())
        .arg("--lexicon")
        .arg(lexicon.path())
        .arg(input.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("corrections.tsv:6: correction matched no actor") && stderr.contains("Nobody At All"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("matched no actor").count(), 1, "{stderr}");
    let actors = actors_of(&dir.path().join("graph.json"));
    // Merged under the name the user chose.
    let z = actor(&actors, "V. Zelensky (President)").unwrap();
    assert!(
        z["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Volodymyr Zelensky"),
        "{z}"
    );
    assert!(actor(&actors, "Volodymyr Zelensky").is_none());
    // Kept apart.
    assert!(actor(&actors, "Volodymyr Zelenskiy").is_some());
    // Removed, with its triples.
    assert!(actor(&actors, "Hunter Biden").is_none());
    let edges = std::fs::read_to_string(dir.path().join("edges.csv")).unwrap();
    assert!(!edges.contains("Hunter Biden"), "{edges}");
    // Retyped: a place by its head word, an organization by the user's word.
    assert_eq!(actor(&actors, "Trump Tower").unwrap()["type"], "organization");
}

/// A surname several actors share is the most connected one, and the
/// others are named on standard error.
#[test]
fn an_ambiguous_query_name_takes_the_most_connected_actor() {
    let input = articles(&[
        (
            "a.txt",
            "One\n\nJoe Biden met Vladimir Putin. Joe Biden met Emmanuel Macron. Joe Biden visited France.\n",
        ),
        ("b.txt", "Two\n\nHunter Biden met Emmanuel Macron.\n"),
    ]);
    let dir = build_quietly(input.path());
    polgraph()
        .args(["query", "-g"])
        .arg(dir.path().join("graph.json"))
        .args(["neighbors", "Biden"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Joe Biden"))
        .stderr(predicate::str::contains("\"Biden\" taken as Joe Biden").and(predicate::str::contains("Hunter Biden")));
    // A full name is taken as it is, without a note.
    polgraph()
        .args(["query", "-g"])
        .arg(dir.path().join("graph.json"))
        .args(["neighbors", "Hunter Biden"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Hunter Biden"))
        .stderr(predicate::str::is_empty());
}

/// Without Graphviz (most laptops) a build still draws graph.svg, with
/// polgraph's own layout, and says so; the earlier build's drawing is
/// replaced, never left beside the new graph.
#[test]
fn a_build_without_graphviz_draws_with_its_own_layout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("graph.svg"), "<svg>an earlier build</svg>").unwrap();
    let empty = tempfile::tempdir().unwrap();
    polgraph()
        .env("PATH", empty.path())
        .args(["build", "data/", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("graph drawn by polgraph's own layout"));
    let svg = std::fs::read_to_string(out.join("graph.svg")).unwrap();
    assert!(
        svg.contains("class=\"legend\"") && svg.contains("Steve Witkoff"),
        "{svg:.300}"
    );
    assert!(!svg.contains("an earlier build"));
    // Asking for Graphviz where there is none is an error that says what to do.
    polgraph()
        .env("PATH", empty.path())
        .args(["export", "-f", "svg", "--renderer", "dot", "-g"])
        .arg(out.join("graph.json"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("--renderer native"));
}

/// The native drawing is well-formed SVG with one shape per actor, every
/// actor inside the picture, no two labels overlapping, a legend, and the
/// evidence as edge tooltips; the same graph draws the same bytes.
#[test]
fn the_native_drawing_is_well_formed_and_readable() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    let draw = || {
        let a = polgraph()
            .args(["export", "-f", "svg", "--renderer", "native", "-g"])
            .arg(&g)
            .assert()
            .success();
        a.get_output().stdout.clone()
    };
    let svg = draw();
    assert_eq!(svg, draw(), "the layout is deterministic");
    let path = out.join("native.svg");
    std::fs::write(&path, &svg).unwrap();
    let script = r#"import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
W, H = float(root.get("width")), float(root.get("height"))
boxes = []
for node in root.find("s:g[@class='nodes']", ns):
    t = node.find("s:text", ns)
    x, y = float(t.get("x")), float(t.get("y"))
    w = len(t.text) * 6.6
    assert 0 <= x - w / 2 and x + w / 2 <= W and 0 <= y - 12 and y <= H, (t.text, x, y, W, H)
    boxes.append((t.text, x - w / 2, y - 12, x + w / 2, y + 3))
for i, a in enumerate(boxes):
    for b in boxes[i + 1:]:
        overlap = a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
        assert not overlap, (a, b)
edges = root.find("s:g[@class='edges']", ns)
tips = [e.find("s:title", ns).text for e in edges]
print(len(boxes), len(tips), any("Interfax" in t and "told the Interfax" in t for t in tips),
      root.find("s:g[@class='legend']", ns) is not None)"#;
    let Some(printed) = python("xml", script, [&path]) else {
        return;
    };
    let (n, l) = node_link_counts(&g);
    assert_eq!(printed, format!("{n} {l} True True\n"));
}

/// Three dated articles, one undated: for the filters and the timeline.
fn dated_articles() -> tempfile::TempDir {
    articles(&[
        (
            "a1.txt",
            "Talks\n\nMarch 1, 2019\n\nU.S. President Donald Trump met Russian President Vladimir Putin in Helsinki. \
             Kremlin spokesman Dmitry Peskov told reporters the talks went well.\n",
        ),
        (
            "a2.txt",
            "Summit\n\nJuly 20, 2020\n\nU.S. President Donald Trump met North Korean leader Kim Jong Un in Singapore. \
             U.S. President Donald Trump met Russian President Vladimir Putin again.\n",
        ),
        (
            "a3.txt",
            "Criticism\n\nHouse Speaker Nancy Pelosi criticized President Donald Trump on Tuesday.\n",
        ),
    ])
}

/// The names of the nodes of a node-link JSON export.
fn exported_nodes(out: &[u8]) -> Vec<String> {
    let g: Value = serde_json::from_slice(out).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn filters_narrow_exports_and_queries_alike() {
    let input = dated_articles();
    let out = build_quietly(input.path());
    let g = out.path().join("graph.json");
    let export = |args: &[&str]| {
        let a = polgraph()
            .args(["export", "-f", "json", "-g"])
            .arg(&g)
            .args(args)
            .assert()
            .success();
        exported_nodes(&a.get_output().stdout)
    };
    let all = export(&[]);
    assert!(
        all.contains(&"Nancy Pelosi".to_string()) && all.contains(&"Dmitry Peskov".to_string()),
        "{all:?}"
    );
    // Relations: who met whom.
    let met = export(&["--relation", "met"]);
    assert!(
        !met.contains(&"Nancy Pelosi".to_string()) && met.contains(&"Kim Jong Un".to_string()),
        "{met:?}"
    );
    // An ego network: Kim and those one hop away.
    let kim = export(&["--around", "Kim Jong Un", "--depth", "1", "--type", "person"]);
    assert_eq!(kim, ["Donald Trump", "Kim Jong Un"]);
    // Dates: 2019 only; the undated criticism goes.
    let y2019 = export(&["--since", "2019", "--until", "2019"]);
    assert!(y2019.contains(&"Dmitry Peskov".to_string()), "{y2019:?}");
    assert!(!y2019.contains(&"Kim Jong Un".to_string()) && !y2019.contains(&"Nancy Pelosi".to_string()));
    // The same flags on a query.
    polgraph()
        .args([
            "query",
            "neighbors",
            "Trump",
            "--relation",
            "met",
            "--since",
            "2020",
            "-g",
        ])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("Kim Jong Un").and(predicate::str::contains("Nancy Pelosi").not()));
    polgraph()
        .args(["query", "central", "--top", "1", "--json", "-g"])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("Donald Trump"));
    // A date that is no date, and an actor the filter leaves out, are errors.
    polgraph()
        .args(["export", "-f", "dot", "--since", "last year", "-g"])
        .arg(&g)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--since").and(predicate::str::contains("YYYY")));
    polgraph()
        .args(["query", "neighbors", "Pelosi", "--relation", "met", "-g"])
        .arg(&g)
        .assert()
        .failure()
        .stderr(predicate::str::contains("Pelosi"));
}

#[test]
fn dates_reach_edges_csv_and_the_timeline() {
    let input = dated_articles();
    // The undated article dated by a table, as a corpus index gives it.
    let table = input.path().join("index.tsv");
    std::fs::write(&table, "file\tdate\nnews/a3.txt\t2021-01-05\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    polgraph()
        .args(["build", "-q", "--dates"])
        .arg(&table)
        .arg("-o")
        .arg(out.path())
        .arg(input.path().join("a1.txt"))
        .arg(input.path().join("a2.txt"))
        .arg(input.path().join("a3.txt"))
        .assert()
        .success();
    let mut r = csv::Reader::from_path(out.path().join("edges.csv")).unwrap();
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let met = rows
        .iter()
        .find(|x| {
            &x[col("relation")] == "met" && (x[col("source")].contains("Putin") || x[col("target")].contains("Putin"))
        })
        .unwrap();
    assert_eq!(&met[col("Time Interval")], "<[2019-03-01,2020-07-20]>");
    assert_eq!(&met[col("weight")], "2");
    assert!(
        met[col("evidence")].contains(" | "),
        "every kept sentence: {:?}",
        &met[col("evidence")]
    );
    let a = polgraph()
        .args(["query", "timeline", "Trump", "-g"])
        .arg(out.path().join("graph.json"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    let (p19, p21) = (text.find("2019-03-01").unwrap(), text.find("2021-01-05").unwrap());
    assert!(p19 < p21, "{text}");
    // No date anywhere: one warning.
    let plain = articles(&[(
        "x.txt",
        "T\n\nU.S. President Donald Trump met Russian President Vladimir Putin.\n",
    )]);
    let dir = tempfile::tempdir().unwrap();
    polgraph()
        .args(["build", "-q", "-o"])
        .arg(dir.path())
        .arg(plain.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("none of the 1 articles has a date"));
    // A table line that is no date names the file and line.
    std::fs::write(&table, "id,date\na1,2019-03-01\na2,soon\n").unwrap();
    polgraph()
        .args(["build", "-q", "--dates"])
        .arg(&table)
        .arg("-o")
        .arg(dir.path())
        .arg(plain.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("index.tsv:3").and(predicate::str::contains("\"soon\" is not a date")));
}

/// Two builds into one directory at once would leave a mix of both: the
/// second is refused while the first holds the directory's lock.
#[test]
fn one_build_at_a_time_per_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let held = std::fs::File::create(out.join(".polgraph.lock")).unwrap();
    held.lock().unwrap();
    polgraph()
        .args(["build", "-q", "data/", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("another polgraph build is writing into"));
    assert!(!out.join("graph.json").exists());
    held.unlock().unwrap();
    polgraph()
        .args(["build", "-q", "data/", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("graph.json").is_file());
}

/// The HTML report in a real browser (headless Chromium from Debian's
/// packages, driven by playwright-core; `bash .ci/run` installs both): for
/// the sample and for the 150 recent articles, every drawn label lies inside
/// the frame, no two overlap, there is a legend, a filter fades what it
/// leaves out and clearing it brings all back, and the page runs without an
/// error. Skips with a message where Chromium or playwright-core is absent.
#[test]
fn html_report_in_headless_chromium() {
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/js");
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.is_file());
    let node_ok = std::process::Command::new("node")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    let (Some(chromium), true, true) = (chromium, node_ok, js.join("node_modules/playwright-core").is_dir()) else {
        eprintln!(
            "skipping: headless Chromium, node or playwright-core is absent (bash .ci/run installs chromium and playwright-core)"
        );
        return;
    };
    let see = |page: &Path| -> Value {
        let o = std::process::Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/browser.js"))
            .arg(&js)
            .arg(chromium)
            .arg(page)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let check = |page: &Path, drawn: usize| {
        let r = see(page);
        assert_eq!(r["errors"], serde_json::json!([]), "{r}");
        assert_eq!(r["drawn"].as_u64(), Some(drawn as u64), "{r}");
        assert_eq!(r["outside"], serde_json::json!([]), "labels outside the frame: {r}");
        assert_eq!(r["overlaps"], serde_json::json!([]), "labels over each other: {r}");
        assert_eq!(r["legend"], true, "{r}");
        let dimmed = r["dimmed"].as_u64().unwrap();
        assert!(dimmed >= 1 && dimmed < drawn as u64, "{r}");
        assert_eq!(r["dimmed_after_clearing"].as_u64(), Some(0), "{r}");
        assert_eq!(r["places_left"].as_u64(), Some(0), "{r}");
        r
    };
    let (_d, out) = built();
    let (nodes, _) = node_link_counts(&out.join("graph.json"));
    check(&out.join("graph.html"), nodes);
    let recent = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/recent");
    if !recent.is_dir() {
        eprintln!("skipping the 150-article report: ../shared/corpus/recent is absent");
        return;
    }
    let built = tempfile::tempdir().unwrap();
    polgraph()
        .args(["build", "-q", "-o"])
        .arg(built.path())
        .arg(&recent)
        .arg("--dates")
        .arg(recent.join("../index/recent.tsv"))
        .assert()
        .success();
    let page = built.path().join("graph.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let drawn = html.matches("<g class=\"node\"").count();
    assert!((60..=80).contains(&drawn), "{drawn} actors drawn");
    let r = check(&page, drawn);
    // Dated by the corpus index: from 2025 on, only the Guardian's 2025 articles.
    let (all, since) = (
        r["relations"].as_u64().unwrap(),
        r["relations_since_2025"].as_u64().unwrap(),
    );
    assert!(0 < since && since < all, "{r}");
}

/// DOT drawings carry a legend of the shapes and of the relations drawn;
/// `--cluster type` boxes each type's actors; Graphviz draws both.
#[test]
fn dot_has_a_legend_and_clusters_on_request() {
    let (_d, out) = built();
    let g = out.join("graph.json");
    let dot = |args: &[&str]| {
        let a = polgraph()
            .args(["export", "-f", "dot", "-g"])
            .arg(&g)
            .args(args)
            .assert()
            .success();
        String::from_utf8(a.get_output().stdout.clone()).unwrap()
    };
    let plain = dot(&[]);
    assert!(
        plain.contains("subgraph cluster_legend") && plain.contains(">met<"),
        "{plain}"
    );
    assert!(!plain.contains("cluster_person"));
    let grouped = dot(&["--cluster", "type"]);
    for c in ["cluster_person", "cluster_organization", "cluster_place"] {
        assert!(grouped.contains(c), "{c}");
    }
    if !which("dot") {
        eprintln!("skipping the Graphviz rendering: `dot` is not installed");
        return;
    }
    let path = out.join("grouped.dot");
    std::fs::write(&path, &grouped).unwrap();
    let o = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = String::from_utf8_lossy(&o.stdout);
    assert!(svg.contains("Legend") && svg.contains("organizations"));
}
