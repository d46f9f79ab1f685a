//! The incremental store (`build --store FILE`): every document's
//! extraction, kept in SQLite as its docs line ([`crate::docs`]), so that a
//! graph grows by the day's articles without reading old ones again.
//!
//! An update is one transaction: the new documents go in (a document id
//! seen before replaces its old extraction) and either all of them are
//! there afterwards or, if the run is killed or fails, none, and the store
//! is as it was. The naming pass and the graph build then run over every
//! document in the store, as `build --from-docs` runs over docs files; the
//! graph depends on the set of documents, not on the batches they came in.

use crate::docs;
use crate::error::{Error, Result};
use crate::model::DocExtraction;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// The store's schema version, kept in its `meta` table.
pub const STORE_VERSION: u32 = 1;

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// An update in progress: documents added are seen by no one until
/// [`Update::commit`]; dropped uncommitted, it adds nothing.
pub struct Update<'s> {
    tx: rusqlite::Transaction<'s>,
    path: &'s Path,
    added: usize,
}

fn sql_error(path: &Path, e: rusqlite::Error) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl Store {
    /// Opens the store at `path`, made (empty) if it does not exist. A file
    /// that is no polgraph store, or one of a newer version, is an error.
    pub fn open(path: &Path) -> Result<Self> {
        let err = |e| sql_error(path, e);
        let conn = Connection::open(path).map_err(err)?;
        // (A rollback journal: the store is one file between runs.)
        conn.execute_batch(
            "PRAGMA journal_mode = DELETE;
             PRAGMA synchronous = FULL;
             CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, line TEXT NOT NULL);",
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => Error::Store {
                path: path.to_path_buf(),
                message: "not a polgraph store (not an SQLite database)".into(),
            },
            e => err(e),
        })?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'polgraph_store'", [], |r| r.get(0))
            .optional()
            .map_err(err)?;
        match version.as_deref().map(str::parse::<u32>) {
            None => {
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('polgraph_store', ?1)",
                    params![STORE_VERSION.to_string()],
                )
                .map_err(err)?;
            }
            Some(Ok(STORE_VERSION)) => {}
            Some(v) => {
                return Err(Error::Store {
                    path: path.to_path_buf(),
                    message: format!(
                        "store version {}; this polgraph reads version {STORE_VERSION}",
                        v.map_or_else(|_| "unreadable".to_string(), |v| v.to_string())
                    ),
                });
            }
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Starts an update.
    pub fn update(&mut self) -> Result<Update<'_>> {
        let tx = self.conn.transaction().map_err(|e| sql_error(&self.path, e))?;
        Ok(Update {
            tx,
            path: &self.path,
            added: 0,
        })
    }

    /// How many documents the store holds.
    pub fn len(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM docs", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| sql_error(&self.path, e))
    }

    /// Whether the store holds no document.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Calls `f` with every document in the store, by id, one at a time
    /// (memory holds one document's line, not the store); the first error,
    /// the store's or `f`'s, ends the reading.
    pub fn each(&self, mut f: impl FnMut(DocExtraction) -> Result<()>) -> Result<()> {
        let err = |e| sql_error(&self.path, e);
        let mut stmt = self
            .conn
            .prepare("SELECT id, line FROM docs ORDER BY id")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(err)? {
            n += 1;
            let line: String = row.get(1).map_err(err)?;
            f(docs::parse_line(&line, &self.path, n)?)?;
        }
        Ok(())
    }
}

impl Update<'_> {
    /// Adds one document, replacing the one of the same id if there is one.
    pub fn add(&mut self, d: &DocExtraction) -> Result<()> {
        let mut line = Vec::with_capacity(4096);
        docs::write_line(&mut line, d).map_err(|e| Error::io(self.path, e))?;
        let line = String::from_utf8(line).expect("serde_json writes UTF-8");
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO docs (id, line) VALUES (?1, ?2)")
            .and_then(|mut stmt| stmt.execute(params![d.doc, line.trim_end()]))
            .map_err(|e| sql_error(self.path, e))?;
        self.added += 1;
        Ok(())
    }

    /// Documents added so far.
    pub fn added(&self) -> usize {
        self.added
    }

    /// Makes the update's documents part of the store, all at once.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tx.commit().map_err(|e| sql_error(path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document in the store, by id.
    fn documents(s: &Store) -> Vec<DocExtraction> {
        let mut out = Vec::new();
        s.each(|d| {
            out.push(d);
            Ok(())
        })
        .unwrap();
        out
    }

    fn doc(id: &str, subject: &str) -> DocExtraction {
        let mut t = crate::graph::tests::triple(
            subject,
            crate::model::Relation::Met,
            "Vladimir Putin",
            crate::model::Modality::Fact,
        );
        t.doc = id.into();
        DocExtraction {
            doc: id.into(),
            triples: vec![t],
            ..Default::default()
        }
    }

    #[test]
    fn an_update_adds_and_replaces_all_at_once_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let mut s = Store::open(&path).unwrap();
        let mut u = s.update().unwrap();
        u.add(&doc("a", "Steve Witkoff")).unwrap();
        u.add(&doc("b", "Donald Trump")).unwrap();
        u.commit().unwrap();
        assert_eq!(s.len().unwrap(), 2);
        // Dropped without commit: nothing changes.
        let mut u = s.update().unwrap();
        u.add(&doc("c", "Emmanuel Macron")).unwrap();
        u.add(&doc("a", "Keir Starmer")).unwrap();
        drop(u);
        let ids: Vec<String> = documents(&s).into_iter().map(|d| d.doc).collect();
        assert_eq!(ids, ["a", "b"]);
        // Committed: "a" replaced, "c" added; the store reopens with them.
        let mut u = s.update().unwrap();
        u.add(&doc("c", "Emmanuel Macron")).unwrap();
        u.add(&doc("a", "Keir Starmer")).unwrap();
        u.commit().unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        let docs = documents(&s);
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].triples[0].subject, "Keir Starmer");
    }

    #[test]
    fn a_file_that_is_no_store_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(
            &path,
            "these are my notes, not a database, and there are enough of them",
        )
        .unwrap();
        let e = Store::open(&path).err().unwrap().to_string();
        assert!(e.contains("notes.txt") && e.contains("not a polgraph store"), "{e}");
        let other = dir.path().join("other.sqlite");
        let conn = Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('polgraph_store', '9');")
            .unwrap();
        drop(conn);
        let e = Store::open(&other).err().unwrap().to_string();
        assert!(e.contains("version 9"), "{e}");
    }
}
