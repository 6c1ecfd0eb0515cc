//! Parquet export: the events, entities and quotations tables, one uncompressed Parquet file
//! each, written column by column in row groups.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use rusqlite::types::ValueRef;

use crate::{Result, Store};

/// Rows per row group.
const ROW_GROUP: usize = 65_536;

/// A column's type.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Real,
    Text,
}

/// One exported table: its file name, the query, and the type of each column.
struct Table {
    name: &'static str,
    sql: &'static str,
    columns: &'static [(&'static str, Kind)],
}

const TABLES: [Table; 3] = [
    Table {
        name: "events",
        sql: "SELECT e.rowid, a.id, e.eid, e.source, e.target, e.source_actor, e.target_actor,
                     e.cameo, e.root, e.quad, e.goldstein, e.plover, e.date, e.month,
                     e.negated, e.hypothetical, e.confidence, e.evidence
              FROM events e JOIN articles a ON a.rowid = e.article ORDER BY e.rowid",
        columns: &[
            ("event_id", Kind::Int),
            ("article", Kind::Text),
            ("event", Kind::Text),
            ("source", Kind::Text),
            ("target", Kind::Text),
            ("source_actor", Kind::Text),
            ("target_actor", Kind::Text),
            ("cameo", Kind::Text),
            ("root", Kind::Text),
            ("quad", Kind::Int),
            ("goldstein", Kind::Real),
            ("plover", Kind::Text),
            ("date", Kind::Text),
            ("month", Kind::Text),
            ("negated", Kind::Int),
            ("hypothetical", Kind::Int),
            ("confidence", Kind::Real),
            ("evidence", Kind::Text),
        ],
    },
    Table {
        name: "entities",
        sql: "SELECT a.id, e.eid, e.name, e.kind, e.code, e.actor, e.country, e.mentions
              FROM entities e JOIN articles a ON a.rowid = e.article ORDER BY e.rowid",
        columns: &[
            ("article", Kind::Text),
            ("entity", Kind::Text),
            ("name", Kind::Text),
            ("kind", Kind::Text),
            ("code", Kind::Text),
            ("actor", Kind::Text),
            ("country", Kind::Text),
            ("mentions", Kind::Int),
        ],
    },
    Table {
        name: "quotes",
        sql: "SELECT a.id, q.qid, q.kind, q.text, q.speaker, q.speaker_name, q.speaker_code,
                     q.cue, q.sentence
              FROM quotes q JOIN articles a ON a.rowid = q.article ORDER BY q.rowid",
        columns: &[
            ("article", Kind::Text),
            ("quote", Kind::Text),
            ("kind", Kind::Text),
            ("text", Kind::Text),
            ("speaker", Kind::Text),
            ("speaker_name", Kind::Text),
            ("speaker_code", Kind::Text),
            ("cue", Kind::Text),
            ("sentence", Kind::Text),
        ],
    },
];

/// Buffered values of one column (every column is optional: null where SQLite has NULL).
enum Buffer {
    Int(Vec<i64>),
    Real(Vec<f64>),
    Text(Vec<ByteArray>),
}

/// Writes `events.parquet`, `entities.parquet` and `quotes.parquet` into `dir`; returns each
/// file with its number of rows.
pub fn export_parquet(store: &Store, dir: &Path) -> Result<Vec<(PathBuf, usize)>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for table in &TABLES {
        let path = dir.join(format!("{}.parquet", table.name));
        let rows = write_table(store, table, &path)?;
        written.push((path, rows));
    }
    Ok(written)
}

fn schema(table: &Table) -> Result<Type> {
    use parquet::basic::{LogicalType, Repetition, Type as Physical};
    let fields = table
        .columns
        .iter()
        .map(|(name, kind)| {
            let (physical, logical) = match kind {
                Kind::Int => (Physical::INT64, None),
                Kind::Real => (Physical::DOUBLE, None),
                Kind::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
            };
            Type::primitive_type_builder(name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()?;
    Ok(Type::group_type_builder(table.name)
        .with_fields(fields)
        .build()?)
}

fn write_table(store: &Store, table: &Table, path: &Path) -> Result<usize> {
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer =
        SerializedFileWriter::new(File::create(path)?, Arc::new(schema(table)?), props)?;
    let n = table.columns.len();
    let fresh = || -> (Vec<Buffer>, Vec<Vec<i16>>) {
        let bufs = table
            .columns
            .iter()
            .map(|(_, k)| match k {
                Kind::Int => Buffer::Int(Vec::new()),
                Kind::Real => Buffer::Real(Vec::new()),
                Kind::Text => Buffer::Text(Vec::new()),
            })
            .collect();
        (bufs, vec![Vec::new(); n])
    };
    let (mut bufs, mut defs) = fresh();
    let mut in_group = 0usize;
    let mut total = 0usize;
    let mut st = store.connection().prepare(table.sql)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        for (i, buf) in bufs.iter_mut().enumerate() {
            let v = r.get_ref(i)?;
            let present = match (buf, v) {
                (_, ValueRef::Null) => false,
                (Buffer::Int(b), ValueRef::Integer(x)) => {
                    b.push(x);
                    true
                }
                (Buffer::Real(b), ValueRef::Real(x)) => {
                    b.push(x);
                    true
                }
                (Buffer::Real(b), ValueRef::Integer(x)) => {
                    b.push(x as f64);
                    true
                }
                (Buffer::Text(b), ValueRef::Text(t)) => {
                    b.push(ByteArray::from(t.to_vec()));
                    true
                }
                _ => false,
            };
            defs[i].push(i16::from(present));
        }
        in_group += 1;
        total += 1;
        if in_group == ROW_GROUP {
            flush(&mut writer, &bufs, &defs)?;
            (bufs, defs) = fresh();
            in_group = 0;
        }
    }
    if in_group > 0 || total == 0 {
        flush(&mut writer, &bufs, &defs)?;
    }
    writer.close()?;
    Ok(total)
}

fn flush(
    writer: &mut SerializedFileWriter<File>,
    bufs: &[Buffer],
    defs: &[Vec<i16>],
) -> Result<()> {
    let mut group = writer.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = group.next_column()? {
        let def = Some(defs[i].as_slice());
        match &bufs[i] {
            Buffer::Int(v) => col.typed::<Int64Type>().write_batch(v, def, None)?,
            Buffer::Real(v) => col.typed::<DoubleType>().write_batch(v, def, None)?,
            Buffer::Text(v) => col.typed::<ByteArrayType>().write_batch(v, def, None)?,
        };
        col.close()?;
        i += 1;
    }
    group.close()?;
    Ok(())
}
