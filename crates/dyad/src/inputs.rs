//! The read-and-analyse loop shared by `dyad analyze` and `dyad ingest`: expands paths, reads
//! each item within the size limit and analyses it, handing every outcome to the caller.

use std::ops::ControlFlow;
use std::path::PathBuf;

use dyad_doc::Record;
use dyad_pipeline::{analyze, Options, Origin};

/// What became of one input item.
pub enum Analysed {
    /// The item's record.
    Record(Box<Record>),
    /// The caller asked to skip the item (e.g. already stored), by its record id.
    Skipped,
    /// The item could not be read or analysed.
    Failed { path: String, error: String },
}

/// Reads and analyses every item under `paths`, in order. `skip` sees each item's record id
/// before analysis and may skip it; `each` gets every outcome and may stop the loop.
pub fn analyse_each(
    paths: &[PathBuf],
    max_bytes: u64,
    opts: &Options,
    mut skip: impl FnMut(&str) -> bool,
    mut each: impl FnMut(Analysed) -> ControlFlow<()>,
) {
    for path in dyad_source::expand(paths) {
        let item = match path.and_then(|p| dyad_source::read(&p, max_bytes)) {
            Ok(item) => item,
            Err(e) => {
                let failed = Analysed::Failed {
                    path: e.path().to_string(),
                    error: e.to_string(),
                };
                if each(failed).is_break() {
                    return;
                }
                continue;
            }
        };
        let outcome = if skip(&dyad_pipeline::record_id(&item.bytes)) {
            Analysed::Skipped
        } else {
            let origin = Origin {
                path: Some(item.path.clone()),
                url: item.url.clone(),
            };
            match analyze(&item.bytes, origin, opts) {
                Ok(rec) => Analysed::Record(Box::new(rec)),
                Err(e) => Analysed::Failed {
                    error: format!("{}: {e}", item.path),
                    path: item.path,
                },
            }
        };
        if each(outcome).is_break() {
            return;
        }
    }
}
