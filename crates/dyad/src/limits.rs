//! The per-document limits `analyze` and `ingest` share: text length and time budget.

use std::time::Duration;

use dyad_pipeline::{Options, DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_TEXT_CHARS};

/// Per-document limits on the command line.
#[derive(clap::Args)]
pub struct Limits {
    /// Longest clean article text analysed, in characters (0: no limit); a longer article is
    /// reported as failed.
    #[arg(long, default_value_t = DEFAULT_MAX_TEXT_CHARS)]
    max_text_chars: usize,
    /// Time budget of one document in milliseconds (0: none); a document over it is stopped
    /// at the next stage and reported as failed.
    #[arg(long, default_value_t = DEFAULT_DOC_TIMEOUT.as_millis() as u64)]
    doc_timeout_ms: u64,
}

impl Limits {
    /// Analysis options with these limits.
    pub fn options(&self, tokens: bool) -> Options {
        Options {
            tokens,
            max_text_chars: (self.max_text_chars > 0).then_some(self.max_text_chars),
            doc_timeout: (self.doc_timeout_ms > 0)
                .then(|| Duration::from_millis(self.doc_timeout_ms)),
        }
    }
}
