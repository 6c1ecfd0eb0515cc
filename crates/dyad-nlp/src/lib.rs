//! Language layers over an article's clean text: sentences and tokens. All offsets are byte
//! offsets into the text (the record converts them to code points at the end).

pub mod entities;
pub mod sentences;
pub mod tokens;

pub use entities::entities;
pub use sentences::sentences;
pub use tokens::{tokenize, Token, TokenKind};
