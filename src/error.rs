//! The library's error type. Extraction itself never fails on text (bad text gives
//! fewer triples, not an error); errors come only from the outside world: files,
//! lexicons, saved graphs and user-supplied names.

use std::path::PathBuf;

/// Everything that can go wrong in polgraph's library, each variant naming the
/// file (and line) at fault so the binary can print one clear line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path at fault ("-" for standard input).
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An input path does not exist.
    #[error("{}: no such file or directory", path.display())]
    NotFound {
        /// The missing path.
        path: PathBuf,
    },
    /// A JSONL line is not a valid article record.
    #[error("{}:{line}: {message}", path.display())]
    BadRecord {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A lexicon or pattern file has a malformed line.
    #[error("{}:{line}: {message}", path.display())]
    Lexicon {
        /// The lexicon file (a built-in one is named by its path under `data/`).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A docs line (`extract --format docs`, read by `build --from-docs`) is malformed.
    #[error("{}:{line}: {message}", path.display())]
    BadDocs {
        /// The docs file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The incremental store (`build --store`) cannot be used.
    #[error("{}: {message}", path.display())]
    Store {
        /// The store's file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A table of article dates (`--dates`) has a malformed line.
    #[error("{}:{line}: {message}", path.display())]
    BadDates {
        /// The table.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A saved graph could not be read back.
    #[error("{}: {message}", path.display())]
    BadGraph {
        /// The graph file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The inputs held no article text at all.
    #[error("no articles found in {inputs}")]
    NoArticles {
        /// The inputs as the user gave them.
        inputs: String,
    },
    /// A query named an actor the graph does not have.
    #[error("no actor named {name:?}{}", did_you_mean(suggestions))]
    UnknownActor {
        /// The name as the user gave it.
        name: String,
        /// Close names that do exist.
        suggestions: Vec<String>,
    },
    /// The system would not start another thread.
    #[error("starting a thread: {source}")]
    Thread {
        /// Why not.
        #[source]
        source: std::io::Error,
    },
    /// A name or value given on the command line is not one polgraph knows.
    #[error("{0}")]
    Invalid(String),
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path }
        } else {
            Error::Io { path, source }
        }
    }
}
