//! Per-stage benchmarks (divan): ingest, sentence split, actor recognition,
//! name resolution, relations, graph build, query and export, and end-to-end
//! extraction throughput. `cargo bench --bench stages`.
//!
//! Text comes from two places: the sample article in `data/articles/` (always
//! present) and, where `../shared/corpus/` exists, its 150 recent articles and
//! a 1 MB slice of its bulk JSONL file; the corpus benchmarks say they are
//! skipped and return at once where it is absent. Graph benchmarks use the
//! seeded synthetic generator at 10,000 actors and 100,000 triples; the
//! million-edge figures are `benches/scale.rs`.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use polgraph::export::{self, CsvOptions};
use polgraph::graph::ActorGraph;
use polgraph::ingest;
use polgraph::mentions::{find_mentions, tag_tokens};
use polgraph::pipeline::{ExtractConfig, Extractor};
use polgraph::query::{self, Filter};
use polgraph::relations::{affiliations, description_affiliations, group_members, patterns};
use polgraph::resolve::{Stage, resolve_names, resolve_references};
use polgraph::text::{Tokenized, split_sentences, tokenize};
use polgraph::{Document, Lexicon};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

const SAMPLE: &str = include_str!("../data/articles/witkoff-2025-04-22.txt");

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin(), ExtractConfig::default()));

/// The recent articles as documents, or none (with a message) where the corpus is absent.
static RECENT: LazyLock<Vec<Document>> = LazyLock::new(|| {
    let dir = corpus_dir().join("recent");
    if !dir.is_dir() {
        eprintln!("stages: {} is absent; its benchmarks are skipped", dir.display());
        return Vec::new();
    }
    let sources = ingest::sources(&[dir]).expect("the recent corpus lists");
    ingest::documents(sources)
        .map(|d| d.expect("the recent corpus reads"))
        .collect()
});

/// The first megabyte (whole lines) of the bulk JSONL file, written to a temp file.
static BULK_SLICE: LazyLock<Option<(tempfile::TempDir, PathBuf)>> = LazyLock::new(|| {
    let bulk = corpus_dir().join("bulk/allsides-news.jsonl");
    let Ok(text) = std::fs::read_to_string(&bulk) else {
        eprintln!("stages: {} is absent; its benchmark is skipped", bulk.display());
        return None;
    };
    let end = text[..1_000_000.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bulk-1mb.jsonl");
    std::fs::write(&path, &text[..end]).expect("the slice is written");
    Some((dir, path))
});

fn text_of(doc: &Document) -> String {
    format!("{}\n\n{}", doc.title, doc.body)
}

fn sample_doc() -> Document {
    ingest::parse_text("witkoff-2025-04-22", SAMPLE)
}

/// The sample article as a news page: navigation, a script, the paragraphs.
fn sample_html() -> String {
    let mut lines = SAMPLE.lines();
    let title = lines.next().unwrap_or_default();
    let mut html = format!(
        "<html><head><title>{title}</title><script>var x = 1;</script></head><body>\
         <nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
    );
    for p in lines.filter(|l| !l.trim().is_empty()) {
        html.push_str(&format!("<p>{p}</p>"));
    }
    html.push_str("</article><footer>© News</footer></body></html>");
    html
}

fn bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.title.len() + d.body.len()).sum()
}

mod ingest_stage {
    use super::*;

    #[divan::bench]
    fn text_sample(b: Bencher) {
        b.counter(BytesCount::new(SAMPLE.len()))
            .bench(|| ingest::parse_text("sample", black_box(SAMPLE)));
    }

    #[divan::bench]
    fn html_sample(b: Bencher) {
        let html = sample_html();
        b.counter(BytesCount::new(html.len()))
            .bench(|| ingest::parse_html("sample", black_box(&html)));
    }

    /// Reading and decoding JSONL records from a file.
    #[divan::bench(sample_count = 10)]
    fn jsonl_1mb(b: Bencher) {
        let Some((_, path)) = &*BULK_SLICE else { return };
        let size = std::fs::metadata(path).map_or(0, |m| m.len() as usize);
        b.counter(BytesCount::new(size)).bench(|| {
            let sources = ingest::sources(std::slice::from_ref(path)).unwrap();
            ingest::documents(sources).count()
        });
    }
}

mod text_stage {
    use super::*;

    #[divan::bench]
    fn tokenize_sample(b: Bencher) {
        let text = text_of(&sample_doc());
        b.counter(BytesCount::new(text.len()))
            .bench(|| tokenize(black_box(&text)));
    }

    #[divan::bench]
    fn split_sentences_sample(b: Bencher) {
        let text = text_of(&sample_doc());
        let tokens = tokenize(&text);
        b.counter(BytesCount::new(text.len()))
            .bench(|| split_sentences(black_box(&text), black_box(&tokens)));
    }

    /// Tokens, sentences and folded word forms: all the text stage does.
    #[divan::bench(sample_count = 10)]
    fn tokenized_recent(b: Bencher) {
        let texts: Vec<String> = RECENT.iter().map(text_of).collect();
        b.counter(BytesCount::new(bytes(&RECENT)))
            .bench(|| texts.iter().map(|t| Tokenized::new(t).sentences.len()).sum::<usize>());
    }
}

/// Actor recognition: lexicon tags per token, then mentions.
mod mentions_stage {
    use super::*;

    fn recognise(text: &str) -> usize {
        let mut t = Tokenized::new(text);
        tag_tokens(&mut t, &LEXICON);
        find_mentions(&t, &LEXICON).len()
    }

    #[divan::bench]
    fn sample(b: Bencher) {
        let text = text_of(&sample_doc());
        LazyLock::force(&LEXICON);
        let t = Tokenized::new(&text);
        b.counter(BytesCount::new(text.len()))
            .bench(|| find_mentions(black_box(&t), &LEXICON));
    }

    /// Tokenizing included: recognition needs the tags a fresh text lacks.
    #[divan::bench(sample_count = 10)]
    fn recent(b: Bencher) {
        let texts: Vec<String> = RECENT.iter().map(text_of).collect();
        LazyLock::force(&LEXICON);
        b.counter(BytesCount::new(bytes(&RECENT)))
            .bench(|| texts.iter().map(|t| recognise(t)).sum::<usize>());
    }
}

/// Name resolution ("Putin" -> Vladimir Putin) and pronouns, on the sample.
#[divan::bench]
fn resolution_sample(b: Bencher) {
    let text = text_of(&sample_doc());
    let mut t = Tokenized::new(&text);
    tag_tokens(&mut t, &LEXICON);
    let mentions = find_mentions(&t, &LEXICON);
    b.counter(BytesCount::new(text.len()))
        .with_inputs(|| mentions.clone())
        .bench_refs(|mentions| {
            let mut ents = resolve_names(&t, &LEXICON, mentions, 1);
            resolve_references(&t, &LEXICON, mentions, &mut ents, Stage::Pronouns);
            ents
        });
}

/// Relation rules on the sample, in the pipeline's order (descriptions such as
/// "the Kremlin leader" are resolved between the rule passes, as there).
#[divan::bench]
fn relations_sample(b: Bencher) {
    let text = text_of(&sample_doc());
    let lex = &*LEXICON;
    let mut t = Tokenized::new(&text);
    tag_tokens(&mut t, lex);
    let mut mentions = find_mentions(&t, lex);
    let mut ents = resolve_names(&t, lex, &mut mentions, 1);
    resolve_references(&t, lex, &mut mentions, &mut ents, Stage::Pronouns);
    b.counter(BytesCount::new(text.len()))
        .with_inputs(|| (mentions.clone(), ents.clone()))
        .bench_refs(|(mentions, ents)| {
            let mut found = affiliations(&t, lex, mentions, ents);
            found.extend(group_members(&t, lex, mentions, ents));
            resolve_references(&t, lex, mentions, ents, Stage::Descriptions);
            found.extend(description_affiliations(&t, lex, mentions, ents));
            found.extend(patterns(&t, lex, mentions, ents));
            found
        });
}

/// Whole-document extraction, one core.
mod end_to_end {
    use super::*;

    #[divan::bench]
    fn sample(b: Bencher) {
        let doc = sample_doc();
        LazyLock::force(&EXTRACTOR);
        b.counter(BytesCount::new(doc.title.len() + doc.body.len()))
            .bench(|| EXTRACTOR.extract(black_box(&doc)));
    }

    /// The 150 recent articles: US and UK outlets, scraper debris included.
    #[divan::bench(sample_count = 5)]
    fn recent(b: Bencher) {
        LazyLock::force(&EXTRACTOR);
        b.counter(BytesCount::new(bytes(&RECENT)))
            .bench(|| RECENT.iter().map(|d| EXTRACTOR.extract(d).triples.len()).sum::<usize>());
    }

    /// Reading the JSONL file included, as `polgraph extract -j 1` does.
    #[divan::bench(sample_count = 5)]
    fn bulk_1mb(b: Bencher) {
        let Some((_, path)) = &*BULK_SLICE else { return };
        LazyLock::force(&EXTRACTOR);
        let size = std::fs::metadata(path).map_or(0, |m| m.len() as usize);
        b.counter(BytesCount::new(size)).bench(|| {
            let sources = ingest::sources(std::slice::from_ref(path)).unwrap();
            ingest::documents(sources)
                .map(|d| EXTRACTOR.extract(&d.unwrap()).triples.len())
                .sum::<usize>()
        });
    }
}

const ACTORS: usize = 10_000;
const TRIPLES: usize = 100_000;

static GRAPH: LazyLock<ActorGraph> =
    LazyLock::new(|| ActorGraph::build(polgraph::synthetic::corpus(ACTORS, TRIPLES, 42), false));

mod graph {
    use super::*;

    #[divan::bench(sample_count = 10)]
    fn build(b: Bencher) {
        let docs = polgraph::synthetic::corpus(ACTORS, TRIPLES, 42);
        // The builder takes the documents (it moves their sentences); copying them is not timed.
        b.counter(ItemsCount::new(TRIPLES))
            .with_inputs(|| docs.clone())
            .bench_values(|docs| ActorGraph::build(docs, false));
    }
}

mod query_stage {
    use super::*;

    fn pairs() -> Vec<(polgraph::graph::ActorId, polgraph::graph::ActorId)> {
        let ids = GRAPH.actor_ids();
        let mut rng = polgraph::synthetic::Rng::new(1);
        (0..100)
            .map(|_| (ids[rng.below(ids.len())], ids[rng.below(ids.len())]))
            .collect()
    }

    /// 100 random pairs per iteration.
    #[divan::bench]
    fn shortest_path(b: Bencher) {
        let pairs = pairs();
        let f = Filter::default();
        b.counter(ItemsCount::new(pairs.len())).bench(|| {
            pairs
                .iter()
                .filter(|&&(a, c)| query::shortest_path(&GRAPH, a, c, 4, &f).is_some())
                .count()
        });
    }

    /// 100 random actors per iteration.
    #[divan::bench]
    fn neighbours(b: Bencher) {
        let pairs = pairs();
        let f = Filter::default();
        b.counter(ItemsCount::new(pairs.len())).bench(|| {
            pairs
                .iter()
                .map(|&(a, _)| query::neighbors(&GRAPH, a, 1, &f).len())
                .sum::<usize>()
        });
    }

    /// Degree and exact betweenness of every actor: O(actors × edges).
    #[divan::bench(sample_count = 3)]
    fn centrality(b: Bencher) {
        let f = Filter::default();
        b.bench(|| query::centrality(&GRAPH, &f, false));
    }
}

mod export_stage {
    use super::*;

    fn edges() -> ItemsCount {
        ItemsCount::new(GRAPH.edge_count())
    }

    #[divan::bench(sample_count = 10)]
    fn save_json(b: Bencher) {
        b.counter(edges()).bench(|| GRAPH.write_json(std::io::sink()));
    }

    #[divan::bench(sample_count = 10)]
    fn load_json(b: Bencher) {
        let mut json = Vec::new();
        GRAPH.write_json(&mut json).unwrap();
        b.counter(edges())
            .bench(|| ActorGraph::read_json(black_box(json.as_slice()), Path::new("graph.json")));
    }

    #[divan::bench(sample_count = 10)]
    fn edges_csv(b: Bencher) {
        b.counter(edges())
            .bench(|| export::write_edges_csv(&GRAPH, std::io::sink(), CsvOptions::default()));
    }

    #[divan::bench(sample_count = 10)]
    fn graphml(b: Bencher) {
        b.counter(edges())
            .bench(|| export::write_graphml(&GRAPH, std::io::sink()));
    }

    #[divan::bench(sample_count = 10)]
    fn dot(b: Bencher) {
        b.counter(edges()).bench(|| export::to_dot(&GRAPH));
    }
}
