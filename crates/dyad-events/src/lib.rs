//! Event coding: actor–action–target events in CAMEO and PLOVER, each traced to its evidence.
//!
//! Shallow and fast: for every sentence that mentions an actor, verbs (and event nouns) are
//! looked up by their inflected forms in a hash index built from verb-pattern dictionaries
//! (the shipped one converted from the Phoenix CAMEO verb dictionary, plus the project's noun
//! patterns; users may load PETRARCH-format dictionaries of their own). The best pattern of
//! the verb's block gives the code; the source is the actor in subject position, the target
//! the actor the pattern marks or the first after the verb; passives, conjoined actors,
//! negation, modality and quotations are handled on top. Codes become quad class, Goldstein
//! value and PLOVER type through a [`Codebook`].
//!
//! All offsets are byte offsets into the text.

pub mod coder;
pub mod dictionary;
mod forms;
use dyad_nlp::fasthash;
pub mod inflect;
pub mod matcher;
mod modality;
mod roles;
mod sentence;

pub use coder::{EventCoder, Inputs};
pub use dictionary::{read_compact, read_petrarch, write_compact, VerbDictionary};

/// A mention of an actor in the text, with its CAMEO-style actor code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Actor code: a country code with role codes ("ISRGOV"), or a group's own code.
    pub code: String,
    /// Id of the entity the mention belongs to.
    pub entity: Option<String>,
}

/// What the coder needs to know about CAMEO codes.
pub trait Codebook {
    /// Goldstein scale value of a CAMEO code.
    fn goldstein(&self, cameo: &str) -> Option<f64>;
    /// GDELT quad class (1–4) of a CAMEO code.
    fn quad_class(&self, cameo: &str) -> Option<u8>;
    /// PLOVER event type of a CAMEO code.
    fn plover(&self, cameo: &str) -> Option<String>;
}

/// Quad class from the CAMEO root alone: 01–05 verbal cooperation, 06–08 material
/// cooperation, 09–13 verbal conflict, 14–20 material conflict.
pub fn quad_from_root(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quads() {
        assert_eq!(quad_from_root("0871"), Some(2));
        assert_eq!(quad_from_root("190"), Some(4));
        assert_eq!(quad_from_root("112"), Some(3));
        assert_eq!(quad_from_root("x"), None);
    }
}
