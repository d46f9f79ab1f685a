//! Lists each document's actors as extraction resolved them, one JSON line a
//! document: `cargo run --release --example actors -- ARTICLES...`. For error
//! analysis: a gold actor absent here was never found, so no rule could use it.
use polgraph::{
    Lexicon, ingest,
    pipeline::{ExtractConfig, Extractor},
};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let extractor = Extractor::new(Lexicon::builtin(), ExtractConfig::default());
    for doc in ingest::documents(ingest::sources(&inputs)?) {
        let doc = doc?;
        let ex = extractor.extract(&doc);
        let actors: Vec<_> = ex
            .actors
            .iter()
            .map(|a| serde_json::json!({"name": a.name, "type": a.actor_type.as_str(), "aliases": a.aliases, "mentions": a.mentions}))
            .collect();
        println!("{}", serde_json::json!({"doc": ex.doc, "actors": actors}));
    }
    Ok(())
}
