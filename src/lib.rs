//! polgraph: political news in, a knowledge graph of who did what to whom out.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md): [`ingest`] →
//! [`extract`] ([`text`] → [`mentions`] → [`resolve`] → [`relations`], run by
//! [`pipeline`] from the data files [`lexicon`] compiles) → [`corpus`] (the
//! documents between the two passes; [`docs`] writes and reads them, one
//! line per document, for sharded runs) with [`naming`] (the cross-document
//! naming pass) → [`graph`] → [`query`] and [`export`].
#![warn(missing_docs)]

pub mod corpus;
pub mod docs;
pub mod error;
pub mod export;
pub mod extract;
pub mod fsutil;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod naming;
pub mod query;
pub mod store;
pub mod synthetic;

// The extraction stages keep their short paths (`polgraph::text`,
// `crate::resolve`): callers name the stage, not the folder it sits in.
pub use extract::{lexicon, mentions, pipeline, relations, resolve, text};

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use model::{Actor, ActorType, DocExtraction, Document, Evidence, Modality, Relation, Triple};
