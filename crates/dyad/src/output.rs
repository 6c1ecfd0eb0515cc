//! Where a command writes its output: a file given with `--out`, or stdout.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// A buffered writer to `path`, or to stdout when there is none.
pub fn open(path: Option<&Path>) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::with_capacity(1 << 16, File::create(p)?)),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
    })
}
