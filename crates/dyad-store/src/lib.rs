//! The corpus: an embedded SQLite store of article records, with full-text search, dyad
//! summaries, the signed relations graph and exports (GDELT 2.0 Events TSV, JSONL, CSV).
//!
//! Every query is a plain function of an open [`Store`] returning serde-serialisable values,
//! so the command line and an HTTP server call the same code.

mod actors;
mod browse;
mod export;
mod graph;
mod ingest;
mod minhash;
mod parquet_export;
mod relation;
mod schema;
mod search;
mod stats;
pub mod synth;

use std::path::Path;

use rusqlite::Connection;

pub use browse::{
    actors, article_record, articles, ActorList, ActorRow, ArticleList, ArticleOptions, ArticleRow,
    Revision,
};
pub use export::{export, gdelt_columns, ExportFormat, ExportOptions};
pub use graph::{graph, write_graphml, Bloc, Graph, GraphEdge, GraphNode};
pub use ingest::{IngestReport, Ingester, Outcome, DEFAULT_BATCH};
pub use parquet_export::export_parquet;
pub use relation::{
    relation, AmountRow, EvidenceRow, MonthRow, QuoteRow, Relation, RelationOptions, Side,
};
pub use schema::SCHEMA_VERSION;
pub use search::{sanitize_query, search, ArticleHit, QuoteHit, SearchOptions, SearchResults};
pub use stats::{stats, Stats};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("record JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the store has schema version {found}; this dyad reads version {expected}")]
    Version { found: i64, expected: i64 },
    #[error("not a dyad store (it has no schema version)")]
    NotAStore,
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("search query has no searchable words: {0:?}")]
    EmptyQuery(String),
    #[error("no actor matches {0:?} (give a CAMEO code such as ISR or a name in the store)")]
    UnknownActor(String),
}

/// Result type of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open corpus store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode, with the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::init(conn)
    }

    /// Opens an existing store for reading only: nothing is created or written, and a file that
    /// is missing or not a store of this schema version is an error.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "query_only", "ON")?;
        conn.pragma_update(None, "cache_size", -16384)?;
        schema::check(&conn)?;
        Ok(Store { conn })
    }

    /// Opens a fresh store in memory (for tests and one-off work).
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -65536)?;
        // Each record is inserted under a savepoint; its statement journal stays in memory
        // instead of a temporary file (on disk it cost some 170 page writes per record).
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // Checkpoint every 64 MB of WAL rather than 4 MB: fewer copies of hot index pages.
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        schema::ensure(&conn)?;
        Ok(Store { conn })
    }

    /// The underlying connection (read-only use by callers that need a custom query).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether a record with this id is stored already.
    pub fn contains(&self, id: &str) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    /// Starts a batched ingest: records and failures go in transactions of `batch` items.
    pub fn ingester(&self, batch: usize) -> Ingester<'_> {
        Ingester::new(&self.conn, batch)
    }
}
