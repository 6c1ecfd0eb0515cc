//! Language layers over an article's clean text: sentences, tokens, quotations, amounts and dates. All offsets are byte
//! offsets into the text (the record converts them to code points at the end).

pub mod amounts;
pub mod chars;
pub mod dates;
pub mod entities;
pub mod fasthash;
pub mod lexicon;
pub mod lower;
pub mod quotes;
pub mod sentences;
pub mod tokens;
mod words;

pub use amounts::amounts;
pub use dates::{amounts_and_dates, dates};
pub use entities::entities;
pub use lexicon::AbbrevClass;
pub use lower::{Lower, LoweredText};
pub use quotes::{quotes, quotes_fine};
pub use sentences::{sentences, sentences_with_tokens};
pub use tokens::{
    fine_tokens, mark_sentence_starts, split_fine, split_fine_into, tokenize, Token, TokenKind,
};
