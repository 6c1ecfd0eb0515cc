//! Language layers over an article's clean text: sentences and tokens. All offsets are byte
//! offsets into the text (the record converts them to code points at the end).

pub mod lexicon;
pub mod sentences;
pub mod tokens;

pub use lexicon::AbbrevClass;
pub use sentences::sentences;
pub use tokens::{mark_sentence_starts, tokenize, Token, TokenKind};
