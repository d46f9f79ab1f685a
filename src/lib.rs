//! polgraph: political news in, a knowledge graph of who did what to whom out.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`ingest`] → [`text`] → [`mentions`] → [`resolve`] → [`relations`] →
//! [`graph`] → [`query`] → [`export`]. [`pipeline`] runs the extraction stages
//! over one document; [`lexicon`] holds the data files they read.
#![warn(missing_docs)]

pub mod corpus;
pub mod error;
pub mod export;
pub mod fsutil;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod relations;
pub mod resolve;
pub mod synthetic;
pub mod text;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use model::{Actor, ActorType, DocExtraction, Document, Evidence, Modality, Relation, Triple};
