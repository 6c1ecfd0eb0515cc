//! The tables, indexes and full-text indexes of the store, with a schema version.

use rusqlite::{Connection, OptionalExtension};

use crate::{Result, StoreError};

/// The version of the store's schema; a store of another version is refused with a clear error.
pub const SCHEMA_VERSION: i64 = 1;

const DDL: &str = r#"
CREATE TABLE IF NOT EXISTS articles (
    rowid     INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    url       TEXT,
    path      TEXT,
    title     TEXT,
    published TEXT,
    site      TEXT,
    tone      REAL,
    text      TEXT NOT NULL,
    minhash   BLOB,
    story     INTEGER NOT NULL,
    duplicate INTEGER NOT NULL DEFAULT 0,
    added     TEXT NOT NULL,
    record    TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS minhash_bands (
    key     INTEGER NOT NULL,
    band    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(rowid)
);
CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands(key, band);

CREATE TABLE IF NOT EXISTS entities (
    rowid   INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid),
    eid     TEXT NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    code    TEXT,
    actor   TEXT,
    country TEXT,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article, eid);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor, article);
CREATE INDEX IF NOT EXISTS entities_code ON entities(code, article);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS actor_names (
    name TEXT NOT NULL COLLATE NOCASE,
    code TEXT NOT NULL,
    PRIMARY KEY (name, code)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    entity  INTEGER NOT NULL REFERENCES entities(rowid),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article, start);

CREATE TABLE IF NOT EXISTS quotes (
    rowid    INTEGER PRIMARY KEY,
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    qid      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    speaker  TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_actor TEXT,
    cue      TEXT,
    sentence TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);

CREATE TABLE IF NOT EXISTS quote_dyads (
    quote   INTEGER NOT NULL REFERENCES quotes(rowid),
    speaker_actor TEXT NOT NULL,
    speaker_code  TEXT NOT NULL,
    other_actor   TEXT NOT NULL,
    other_code    TEXT NOT NULL,
    published     TEXT,
    PRIMARY KEY (speaker_actor, other_actor, quote, speaker_code, other_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_dyads_code ON quote_dyads(speaker_code, other_code);

CREATE TABLE IF NOT EXISTS events (
    rowid      INTEGER PRIMARY KEY,
    article    INTEGER NOT NULL REFERENCES articles(rowid),
    eid        TEXT NOT NULL,
    source     TEXT,
    target     TEXT,
    source_actor TEXT,
    target_actor TEXT,
    source_name TEXT,
    target_name TEXT,
    source_country TEXT,
    target_country TEXT,
    cameo      TEXT NOT NULL,
    root       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    goldstein  REAL NOT NULL,
    plover     TEXT,
    date       TEXT,
    month      TEXT,
    sentence   INTEGER,
    evidence   TEXT NOT NULL,
    is_root    INTEGER NOT NULL,
    negated    INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    confidence REAL NOT NULL,
    tone       REAL,
    amounts    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, negated, hypothetical, month,
    quad, root, plover, goldstein, date, article, tone, amounts);
CREATE INDEX IF NOT EXISTS events_actor_dyad ON events(source_actor, target_actor, negated,
    hypothetical, month, quad, root, plover, goldstein, date, article, tone, amounts);
CREATE INDEX IF NOT EXISTS events_article ON events(article, sentence);

-- Pairs of actors that were joint sources of one event (same sentence, code and target):
-- alignment evidence for the relations graph, written at ingest.
CREATE TABLE IF NOT EXISTS joint_sources (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    strength REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS amounts (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    value    REAL NOT NULL,
    unit     TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    about    TEXT,
    text     TEXT NOT NULL,
    sentence INTEGER,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS amounts_article ON amounts(article, sentence);

CREATE TABLE IF NOT EXISTS failures (
    path  TEXT PRIMARY KEY,
    error TEXT NOT NULL,
    added TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, content='quotes', content_rowid='rowid', tokenize='porter unicode61'
);
"#;

/// The schema version recorded in the database, if any.
fn version(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Checks that an existing database is a store of this schema version, changing nothing.
pub(crate) fn check(conn: &Connection) -> Result<()> {
    let has_version_table = conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")?
        .exists([])?;
    if !has_version_table {
        return Err(StoreError::NotAStore);
    }
    match version(conn)? {
        Some(v) if v == SCHEMA_VERSION => Ok(()),
        found => Err(StoreError::Version {
            found: found.unwrap_or(0),
            expected: SCHEMA_VERSION,
        }),
    }
}

/// Creates the schema in an empty database, or checks the version of an existing one.
pub(crate) fn ensure(conn: &Connection) -> Result<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);")?;
    match version(conn)? {
        Some(v) if v == SCHEMA_VERSION => Ok(()),
        Some(v) => Err(StoreError::Version {
            found: v,
            expected: SCHEMA_VERSION,
        }),
        None => {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(DDL)?;
            tx.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [SCHEMA_VERSION],
            )?;
            tx.commit()?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_once_and_refuses_other_versions() {
        let conn = Connection::open_in_memory().unwrap();
        ensure(&conn).unwrap();
        ensure(&conn).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        conn.execute("UPDATE schema_version SET version = 99", [])
            .unwrap();
        assert!(matches!(
            ensure(&conn),
            Err(StoreError::Version { found: 99, .. })
        ));
    }
}
