//! The article record `dyad.article/1` and the stand-off layers it carries.
//!
//! Every layer is a list of spans into the record's clean `text`. Offsets are Unicode
//! code-point offsets (as Python's `str` and spaCy count), end exclusive. Inside the engine,
//! stages work on byte offsets of `&str`; [`CharIndex`] converts when the record is finished.

mod json;
mod offsets;
mod record;

pub use json::write_record;
pub use offsets::CharIndex;
pub use record::*;

/// The schema name and version written in every record's `schema` field.
pub const SCHEMA: &str = "dyad.article/1";
