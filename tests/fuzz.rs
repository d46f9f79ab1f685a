//! Property tests standing in for fuzzing (cargo-fuzz needs a nightly toolchain
//! this project cannot fetch): arbitrary and news-like hostile text through
//! ingest, tokenizer and the whole pipeline, and arbitrary names through the
//! DOT escaper. Failing cases are kept under `proptest-regressions/` and replayed
//! on every run. `PROPTEST_CASES=5000 cargo test --test fuzz` runs longer.

use polgraph::ingest::{parse_html, parse_text};
use polgraph::pipeline::{ExtractConfig, Extractor, canonicalize};
use polgraph::text::Tokenized;
use polgraph::{Document, Lexicon};
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin(), ExtractConfig::default()));

/// Text built from the pieces news (and scrapers) are made of: names, titles,
/// trigger verbs, punctuation, quotes, abbreviations, odd Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Putin",
        "Vladimir Putin",
        "Trump",
        "Mr",
        "Mr.",
        "U.S.",
        "U.S",
        "President",
        "Russian",
        "the",
        "a",
        "an",
        "Kremlin",
        "spokesman",
        "Dmitry Peskov",
        "met",
        "met with",
        "told",
        "said",
        "will",
        "not",
        "whether",
        "he",
        "she",
        "his",
        "him",
        "and",
        ",",
        ".",
        ";",
        ":",
        "?",
        "!",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'s",
        "\u{2019}s",
        "-",
        "\u{2014}",
        "(",
        ")",
        "\n",
        "\n\n",
        "  ",
        "Labour",
        "MPs",
        "R-Ariz.",
        "Sen.",
        "St.",
        "Petersburg",
        "Iranian-backed",
        "Houthi",
        "rebels",
        "talks",
        "between",
        "including",
        "who",
        "which",
        "an aide to",
        "MORE",
        "TrumpTrump",
        "WASHINGTON (AP) \u{2014}",
        "<b>",
        "</u>",
        "é",
        "\u{0}",
        "\u{feff}",
        "日本",
        "\u{202e}",
        "was",
        "by",
        "in",
        "Moscow",
        "Kyiv",
        "Witkoff",
        "Dmitriev",
        "head",
        "of",
        "ally",
        "former",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tokens_and_sentences_are_sound(text in "\\PC{0,300}") {
        let t = Tokenized::new(&text);
        let mut prev_end = 0;
        for (i, tok) in t.tokens().iter().enumerate() {
            prop_assert!(tok.start < tok.end && tok.end <= text.len());
            prop_assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
            prop_assert!(tok.start >= prev_end);
            prev_end = tok.end;
            // The unchecked slices: the token's own text, and its lower case
            // with curly apostrophes folded.
            prop_assert_eq!(t.raw(i), &text[tok.start..tok.end]);
            let lower: String = t
                .raw(i)
                .chars()
                .flat_map(|c| match c {
                    '\u{2019}' | '\u{2018}' => vec!['\''],
                    c => c.to_lowercase().collect(),
                })
                .collect();
            prop_assert_eq!(t.word(i), lower);
        }
        let mut next = 0;
        for s in &t.sentences {
            prop_assert_eq!(s.first, next);
            prop_assert!(s.last > s.first);
            next = s.last;
        }
        prop_assert_eq!(next, t.tokens().len());
    }

    #[test]
    fn the_pipeline_never_panics_on_arbitrary_text(title in "\\PC{0,80}", body in "\\PC{0,400}") {
        let doc = Document { id: "x".into(), title, body, ..Default::default() };
        let mut out = vec![EXTRACTOR.extract(&doc)];
        canonicalize(&mut out, EXTRACTOR.lexicon());
        for t in &out[0].triples {
            prop_assert!(t.subject != t.object);
            prop_assert!(!t.sentence.is_empty());
            prop_assert!((0.0..=1.0).contains(&t.confidence));
        }
    }

    #[test]
    fn the_pipeline_never_panics_on_newsy_text(title in newsy(), body in newsy()) {
        let doc = Document { id: "x".into(), title, body, ..Default::default() };
        let out = EXTRACTOR.extract(&doc);
        for t in &out.triples {
            prop_assert!(t.subject != t.object);
            if t.relation.is_symmetric() {
                prop_assert!(t.subject < t.object);
            }
        }
    }

    #[test]
    fn ingest_never_panics(data in "\\PC{0,500}", newsy in newsy()) {
        for d in [&data, &newsy] {
            let _ = parse_text("x", d);
            let _ = parse_html("x", d);
            let _ = parse_html("x", &format!("<html><body><article><p>{d}</p></article></body></html>"));
            let _ = polgraph::ingest::clean_body(d);
            let _ = polgraph::ingest::parse_date(d);
        }
    }

    #[test]
    fn dot_and_csv_round_trip_any_name(name in "\\PC{1,40}", sentence in "\\PC{0,80}") {
        use polgraph::{ActorType, DocExtraction, Modality, Relation, Triple};
        let t = Triple {
            doc: "d".into(), subject: name.clone(), subject_type: ActorType::Person, relation: Relation::Met,
            object: "\u{10FFFF}Other".into(), object_type: ActorType::Place, modality: Modality::Fact,
            sentence, sentence_index: 0, date: None, confidence: 0.5, rule: "r".into(),
        };
        let g = polgraph::graph::ActorGraph::build([DocExtraction { doc: "d".into(), triples: vec![t], ..Default::default() }], false);
        let dot = polgraph::export::to_dot(&g);
        let parsed = graphviz_rust::parse(&dot);
        prop_assert!(parsed.is_ok(), "{dot}");
        let label = format!("{}", polgraph::export::dot_string(&name));
        prop_assert!(dot.contains(label.trim_start_matches("esc ")), "{dot}");
        let mut csv = Vec::new();
        polgraph::export::write_nodes_csv(&g, &mut csv, polgraph::export::CsvOptions { neutralize_formulas: false }).unwrap();
        let mut r = csv::Reader::from_reader(csv.as_slice());
        let names: Vec<String> = r.records().map(|x| x.unwrap()[0].to_string()).collect();
        prop_assert!(names.contains(&name));
        // HTML: the data block ends where the template ends it, and holds the name.
        let mut html = Vec::new();
        polgraph::export::write_html(&g, &mut html).unwrap();
        let html = String::from_utf8(html).unwrap();
        prop_assert_eq!(html.to_lowercase().matches("</script").count(), 2);
        prop_assert!(!html.contains("<!--"));
        let start = html.find("type=\"application/json\">").unwrap() + "type=\"application/json\">".len();
        let data: serde_json::Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
        prop_assert!(data["nodes"].as_array().unwrap().iter().any(|n| n["id"] == name.as_str()));
    }
}
