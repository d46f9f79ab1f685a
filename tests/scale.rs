//! Scaling out: extraction in shards (`extract --format docs`) and the
//! build from them (`build --from-docs`) give the graph one `build` gives.

#[allow(dead_code)]
mod common;

use common::polgraph;
use predicates::prelude::PredicateBooleanExt;
use std::path::{Path, PathBuf};

/// Every file `build` makes, compared byte for byte.
const OUTPUTS: &[&str] = &[
    "graph.json",
    "graph.dot",
    "edges.csv",
    "nodes.csv",
    "graph.graphml",
    "graph.html",
    "graph.svg",
];

fn shared(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(part)
}

/// The article files under `dirs`, in sorted order.
fn articles(dirs: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out);
    }
    out
}

/// The one-process build every other way of building is compared with:
/// `build -o DIR/whole INPUTS...`, which must succeed.
fn built_whole(dir: &Path, inputs: &[PathBuf]) -> PathBuf {
    let whole = dir.join("whole");
    polgraph()
        .args(["build", "-q", "-o"])
        .arg(&whole)
        .args(inputs)
        .assert()
        .success();
    whole
}

/// `build --store STORE -o OUT INPUTS...`, which must succeed.
fn build_store(store: &Path, out: &Path, inputs: &[PathBuf]) {
    polgraph()
        .args(["build", "-q", "--store"])
        .arg(store)
        .arg("-o")
        .arg(out)
        .args(inputs)
        .assert()
        .success();
}

fn assert_same_outputs(a: &Path, b: &Path, what: &str) {
    for name in OUTPUTS {
        let (x, y) = (
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
        );
        assert!(x == y, "{what}: {name} differs from the one-process build's");
    }
}

/// A cheap, fixed shuffle (no randomness in a test): the order of `n`
/// items taken by a stride prime to `n`.
fn shuffled<T: Clone>(items: &[T], seed: usize) -> Vec<T> {
    let n = items.len();
    let stride = (1..n.max(2)).rev().find(|s| gcd(*s, n) == 1 && *s > n / 3).unwrap_or(1);
    (0..n).map(|i| items[(seed + i * stride) % n].clone()).collect()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The recent articles and the BBC's, built in one process and from 1, 2
/// and 7 shards of docs lines given in shuffled order: every output the same.
#[test]
fn shards_in_any_order_build_the_one_process_graph() {
    let dirs = [shared("corpus/recent"), shared("corpus/bbc")];
    if !dirs.iter().all(|d| d.is_dir()) {
        eprintln!("skipping: ../shared/corpus/recent or ../shared/corpus/bbc is absent");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let whole = built_whole(tmp.path(), &dirs);
    let files = articles(&dirs);
    assert!(files.len() > 2000, "{} articles", files.len());
    for shards in [1usize, 2, 7] {
        // Each shard a stride through the articles, extracted on its own.
        let mut docs = Vec::new();
        for k in 0..shards {
            let part: Vec<&PathBuf> = files.iter().skip(k).step_by(shards).collect();
            let out = tmp.path().join(format!("docs-{shards}-{k}.jsonl"));
            polgraph()
                .args(["extract", "--format", "docs", "-q", "-o"])
                .arg(&out)
                .args(&part)
                .assert()
                .success();
            docs.push(out);
        }
        let built = tmp.path().join(format!("from-{shards}"));
        polgraph()
            .args(["build", "--from-docs", "-q", "-o"])
            .arg(&built)
            .args(shuffled(&docs, shards))
            .assert()
            .success();
        assert_same_outputs(&whole, &built, &format!("{shards} shards"));
    }
}

/// The docs lines of one article are those of a sharded run: one per
/// document, versioned; standard input works too.
#[test]
fn extract_writes_one_versioned_line_per_document() {
    let out = polgraph()
        .args(["extract", "--format", "docs", "data/articles/witkoff-2025-04-22.txt"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["polgraph_docs"], 1);
    assert_eq!(v["doc"], "witkoff-2025-04-22");
    // Actors are [name, type, mentions, [aliases]].
    let actors = v["actors"].as_array().unwrap();
    assert!(actors.iter().any(|a| a[0] == "Steve Witkoff" && a[1] == "person"));
    assert!(!v["triples"].as_array().unwrap().is_empty());
    // The same from standard input, as a Spark pipe() stage feeds it.
    let record = serde_json::json!({
        "id": "witkoff-2025-04-22",
        "text": std::fs::read_to_string("data/articles/witkoff-2025-04-22.txt").unwrap(),
    });
    let piped = polgraph()
        .args(["extract", "--format", "docs", "-"])
        .write_stdin(format!("{record}\n"))
        .assert()
        .success();
    let piped: serde_json::Value =
        serde_json::from_str(String::from_utf8(piped.get_output().stdout.clone()).unwrap().trim()).unwrap();
    assert_eq!(piped["doc"], "witkoff-2025-04-22");
    assert!(!piped["triples"].as_array().unwrap().is_empty());
    // An empty partition is a stage with nothing to do, not an error.
    polgraph()
        .args(["extract", "--format", "docs", "-"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
    // A file with no articles still is one.
    polgraph()
        .args(["extract", "--format", "docs", "tests/data"])
        .assert()
        .failure();
}

/// A line that is no docs line is an error naming its file and line, and
/// the output directory is left as it was.
#[test]
fn build_from_bad_docs_names_the_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let good = polgraph()
        .args(["extract", "--format", "docs", "data/articles/witkoff-2025-04-22.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let bad = tmp.path().join("shard.jsonl");
    let mut text = good.clone();
    text.extend_from_slice(b"{\"id\":\"x\",\"text\":\"an article, not a docs line\"}\n");
    std::fs::write(&bad, &text).unwrap();
    let out = tmp.path().join("out");
    polgraph()
        .args(["build", "--from-docs", "-q", "-o"])
        .arg(&out)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicates::str::contains("shard.jsonl:2:").and(predicates::str::contains("polgraph_docs")));
    assert!(!out.join("graph.json").exists());
    // Options that act while extracting are refused, not ignored.
    polgraph()
        .args(["build", "--from-docs", "--min-confidence", "0.5", "-o"])
        .arg(&out)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicates::str::contains("extract --format docs"));
}

/// `export --format neo4j` writes the two files `neo4j-admin database
/// import full` takes, with its header fields, unique node ids and every
/// relationship's ends among them. (Neo4j itself is not installed by
/// .ci/run: no registry it reaches packages it; README shows the import.)
#[test]
fn neo4j_export_writes_importable_csvs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    polgraph()
        .args(["build", "data/", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    polgraph()
        .args(["export", "--format", "neo4j", "-g"])
        .arg(out.join("graph.json"))
        .assert()
        .success()
        .stderr(predicates::str::contains("neo4j-admin database import full"));
    let read = |name: &str| {
        let mut r = csv::Reader::from_path(out.join("neo4j").join(name)).unwrap();
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_string).collect())
            .collect();
        (header, rows)
    };
    let (nh, nodes) = read("actors.csv");
    let (rh, rels) = read("relations.csv");
    assert_eq!(nh[..2], ["name:ID", ":LABEL"]);
    assert_eq!(rh[..3], [":START_ID", ":END_ID", ":TYPE"]);
    let ids: std::collections::HashSet<&str> = nodes.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids repeat");
    assert!(!rels.is_empty());
    for r in &rels {
        assert!(ids.contains(r[0].as_str()) && ids.contains(r[1].as_str()), "{r:?}");
        assert!(r[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'), "{r:?}");
    }
}

/// The recent articles added to a store in three batches (and one of them
/// again: a document id seen before replaces its old extraction) give the
/// graph one build of all of them gives; `build --store` with no inputs
/// rebuilds it from the store alone.
#[test]
fn a_store_fed_in_batches_builds_the_one_shot_graph() {
    let recent = shared("corpus/recent");
    if !recent.is_dir() {
        eprintln!("skipping: ../shared/corpus/recent is absent");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let whole = built_whole(tmp.path(), std::slice::from_ref(&recent));
    let files = articles(std::slice::from_ref(&recent));
    let store = tmp.path().join("polgraph.sqlite");
    let batches: [&[PathBuf]; 4] = [&files[..60], &files[60..100], &files[100..], &files[10..30]];
    for (i, batch) in batches.iter().enumerate() {
        build_store(&store, &tmp.path().join(format!("batch-{i}")), batch);
    }
    assert_same_outputs(&whole, &tmp.path().join("batch-2"), "three batches");
    assert_same_outputs(&whole, &tmp.path().join("batch-3"), "a batch added again");
    let again = tmp.path().join("again");
    build_store(&store, &again, &[]);
    assert_same_outputs(&whole, &again, "the store alone");
}

/// An update killed while it runs leaves the store as it was: the next
/// build from the store gives the graph of before.
#[test]
fn a_killed_update_leaves_the_store_as_it_was() {
    let (recent, bbc) = (shared("corpus/recent"), shared("corpus/bbc"));
    if !recent.is_dir() || !bbc.is_dir() {
        eprintln!("skipping: ../shared/corpus/recent or ../shared/corpus/bbc is absent");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("s.sqlite");
    let before = tmp.path().join("before");
    build_store(&store, &before, std::slice::from_ref(&recent));
    // The update of 2,225 BBC articles is one transaction, the whole
    // extraction long; its journal shows it under way.
    let journal = tmp.path().join("s.sqlite-journal");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("polgraph"))
        .args(["build", "-q", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(tmp.path().join("never"))
        .arg(&bbc)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let mut killed = false;
    while started.elapsed() < std::time::Duration::from_secs(120) {
        if journal.exists() {
            child.kill().unwrap();
            killed = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.wait().unwrap();
    assert!(killed, "the update ended before it could be killed mid-way");
    let after = tmp.path().join("after");
    build_store(&store, &after, &[]);
    assert_same_outputs(&before, &after, "after a killed update");
}

/// A file that is no store is an error naming it, and nothing is written.
#[test]
fn a_file_that_is_no_store_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    polgraph()
        .args(["build", "--store", "README.md", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("README.md: not a polgraph store"));
    assert!(!out.exists());
}

/// examples/spark/polgraph_spark.py in Spark's local mode: the articles
/// piped through `extract --format docs -` in five partitions, then
/// `build --from-docs` on the part files, give the single-process build's
/// outputs. Needs PySpark and a Java runtime (bash .ci/run installs them).
#[test]
fn spark_local_mode_builds_the_one_process_graph() {
    let recent = shared("corpus/recent");
    if !recent.is_dir() {
        eprintln!("skipping: ../shared/corpus/recent is absent");
        return;
    }
    let ready = |program: &str, args: &[&str]| {
        std::process::Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !ready("java", &["-version"]) || !ready("python3", &["-c", "import pyspark"]) {
        eprintln!("skipping: Spark local mode needs java and python3 with pyspark (bash .ci/run installs them)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // The articles as JSONL, one per line, as a Spark job reads them.
    let jsonl = tmp.path().join("articles.jsonl");
    let mut lines = String::new();
    for f in articles(std::slice::from_ref(&recent)) {
        let text = std::fs::read_to_string(&f).unwrap();
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let id = f.file_stem().unwrap().to_str().unwrap();
        lines.push_str(&serde_json::json!({"id": id, "title": title, "text": body}).to_string());
        lines.push('\n');
    }
    std::fs::write(&jsonl, lines).unwrap();
    let whole = built_whole(tmp.path(), std::slice::from_ref(&jsonl));
    let docs = tmp.path().join("docs");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/polgraph_spark.py");
    let run = std::process::Command::new("python3")
        .arg(&script)
        .arg(&jsonl)
        .arg(&docs)
        .arg("--polgraph")
        .arg(assert_cmd::cargo::cargo_bin("polgraph"))
        .args(["--partitions", "5", "--master", "local[2]"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(docs.join("part-00004").exists(), "five partitions, five part files");
    let spark = tmp.path().join("spark");
    polgraph()
        .args(["build", "--from-docs", "-q", "-o"])
        .arg(&spark)
        .arg(&docs)
        .assert()
        .success();
    assert_same_outputs(&whole, &spark, "Spark local mode");
}
