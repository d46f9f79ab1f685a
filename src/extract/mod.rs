//! Extraction: one document's text to its actors and triples, stage by stage.
//!
//! [`text`] (tokens and sentences) → [`mentions`] (where actors are named) →
//! [`resolve`] (one entity per actor) → [`relations`] (triples from titles
//! and patterns), all read from the data files [`lexicon`] compiles;
//! [`pipeline`] runs the stages over a document and a stream of documents.
//! Nothing here opens a file or fails on text: ingest comes before, the
//! corpus-wide naming pass after (`corpus`, `naming`).

pub mod lexicon;
pub mod mentions;
pub mod pipeline;
pub mod relations;
pub mod resolve;
pub mod text;
