//! Packs the shipped entity dictionaries (`data/actors`, `data/places`) into the form
//! `src/entities/packed.rs` reads in place, and indexes the census name lists
//! (`src/entities/names.rs`), the word statistics (`src/entities/stats.rs`) and the ordinary
//! English words (`src/entities/english.rs`), so that a
//! process does not parse and index them at start-up. The lexicon is built by the crate's own code, included here, so the packed form
//! is exactly what the text gives.

// The included modules are whole; the build uses a part of them.
#![allow(dead_code)]

use std::env;
use std::fs;
use std::path::PathBuf;

#[path = "src/chars.rs"]
mod chars;
#[path = "src/fasthash.rs"]
mod fasthash;
#[path = "src/lexicon.rs"]
mod lexicon;
#[path = "src/tokens.rs"]
mod tokens;

#[path = "src/entities"]
mod entities {
    #[path = "lexicon.rs"]
    pub mod lexicon;
    #[path = "names.rs"]
    pub mod names;
    #[path = "pack.rs"]
    pub mod pack;
    #[path = "packed.rs"]
    pub mod packed;
    #[path = "petrarch.rs"]
    pub mod petrarch;
    #[path = "stats.rs"]
    pub mod stats;
    #[path = "word_index.rs"]
    pub mod word_index;
}

/// The list of ordinary English words (`src/entities/english.rs` reads it and its index).
const ENGLISH_WORDS: &str = include_str!("../../data/model/english_words.txt");

use tokens::{split_fine, tokenize};

fn main() {
    // The included sources and the data they embed are tracked through this script's own
    // compilation; nothing else in the crate concerns it.
    println!("cargo::rerun-if-changed=build.rs");
    let lex = entities::lexicon::Lexicon::from_shipped_text();
    let packed = entities::pack::pack(&lex.contents());
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("lexicon-strings.txt"), packed.strings).expect("write the string area");
    fs::write(out.join("lexicon-tables.bin"), packed.tables).expect("write the tables");
    let names = entities::names::PersonNames::parse(entities::names::CENSUS_NAMES);
    fs::write(out.join("census-names.bin"), names.pack()).expect("write the census index");
    let stats = entities::stats::WordStats::pack(entities::stats::NAME_LEXICON);
    fs::write(out.join("word-stats.bin"), stats).expect("write the word statistics index");
    let english = entities::word_index::list_words(ENGLISH_WORDS);
    let english = entities::word_index::pack(ENGLISH_WORDS, english);
    fs::write(out.join("english-words.bin"), english).expect("write the English word index");
}
