//! Language layers over an article's clean text: sentences, tokens and quotations. All offsets are byte
//! offsets into the text (the record converts them to code points at the end).

pub mod quotes;
pub mod sentences;
pub mod tokens;

pub use quotes::quotes;
pub use sentences::sentences;
pub use tokens::{tokenize, Token, TokenKind};
