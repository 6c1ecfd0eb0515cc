//! The shipped dictionaries, as `build.rs` packed them from `data/`: read in place, so that
//! they cost a process almost nothing to open.

use std::sync::OnceLock;

use super::lexicon::Lexicon;
use super::names::{PersonNames, CENSUS_NAMES};
use super::packed::Packed;
use super::stats::{WordStats, NAME_LEXICON};

/// Every string of the packed dictionaries.
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon-strings.txt"));
/// Their tables.
static TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-tables.bin"));

/// The index of the census name lists.
static CENSUS_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/census-names.bin"));

/// The hash index of the word statistics.
static STATS_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-stats.bin"));

fn packed() -> Option<&'static Packed> {
    static PACKED: OnceLock<Option<Packed>> = OnceLock::new();
    PACKED
        .get_or_init(|| Packed::read(STRINGS, TABLES))
        .as_ref()
}

impl Lexicon {
    /// The dictionaries shipped in `data/`, opened once.
    pub fn shipped() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::with_shipped)
    }

    /// A lexicon holding the shipped dictionaries, to add one's own to: what is added
    /// comes after them (the shipped entry of a name or agent phrase is still found first).
    pub fn with_shipped() -> Lexicon {
        match packed() {
            Some(base) => Lexicon::over(base),
            // Only a build that packed the tables wrongly gets here; the text still serves.
            None => Lexicon::from_shipped_text(),
        }
    }
}

/// A table opened once: from its packed index, or from its text when the index does not read
/// (only a build that packed it wrongly gets there).
fn opened<T>(
    cell: &'static OnceLock<T>,
    packed: impl FnOnce() -> Option<T>,
    text: impl FnOnce() -> T,
) -> &'static T {
    cell.get_or_init(|| packed().unwrap_or_else(text))
}

impl PersonNames {
    /// The lists shipped in `data/model`, opened once.
    pub fn shipped() -> &'static PersonNames {
        static NAMES: OnceLock<PersonNames> = OnceLock::new();
        opened(
            &NAMES,
            || PersonNames::packed(CENSUS_NAMES, CENSUS_INDEX),
            || PersonNames::parse(CENSUS_NAMES),
        )
    }
}

impl WordStats {
    /// The statistics shipped in `data/model`, opened once.
    pub fn shipped() -> &'static WordStats {
        static STATS: OnceLock<WordStats> = OnceLock::new();
        opened(
            &STATS,
            || WordStats::packed(NAME_LEXICON, STATS_INDEX),
            || WordStats::parse(NAME_LEXICON),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed census index is the one the text gives.
    #[test]
    fn packed_names_are_the_text_index() {
        let text = PersonNames::parse(CENSUS_NAMES);
        assert_eq!(text.pack(), CENSUS_INDEX);
        let shipped = PersonNames::shipped();
        for line in CENSUS_NAMES.lines().filter(|l| !l.starts_with('#')) {
            let name = line.split('\t').next().unwrap_or("");
            assert_eq!(shipped.get(name), text.get(name), "{name}");
            assert!(
                shipped.get(name).given || shipped.get(name).surname,
                "{name}"
            );
        }
        for absent in ["", "zzzzz", "a", "mary ann"] {
            assert_eq!(shipped.get(absent), text.get(absent), "{absent}");
        }
    }

    /// The packed dictionaries answer as the ones built from the text do, for every key.
    #[test]
    fn packed_dictionaries_answer_as_the_text_does() {
        assert!(packed().is_some(), "the packed tables read");
        let text = Lexicon::from_shipped_text();
        let shipped = Lexicon::shipped();
        assert_eq!(shipped.actor_count(), text.actor_count());
        for id in 0..text.actor_count() as u32 {
            assert_eq!(shipped.actor(id), text.actor(id), "actor {id}");
        }
        let c = text.contents();
        for (key, ids) in &c.names {
            assert_eq!(shipped.lookup(key), *ids, "{key}");
        }
        assert!(c.name_prefixes.iter().all(|k| shipped.is_name_prefix(k)));
        assert!(c.first_names.iter().all(|k| shipped.is_first_name(k)));
        for (code, _) in &c.countries {
            assert_eq!(shipped.country(code), text.country(code), "{code}");
        }
        for (key, code) in &c.agents {
            assert_eq!(shipped.agent(key), Some(*code), "{key}");
        }
        assert!(c.agent_prefixes.iter().all(|k| shipped.is_agent_prefix(k)));
        assert_eq!(shipped.max_name_tokens(), text.max_name_tokens());
        assert_eq!(shipped.max_agent_tokens(), text.max_agent_tokens());
        for absent in ["", "no such name", "zzyzx"] {
            assert!(shipped.lookup(absent).is_empty() && !shipped.is_name_prefix(absent));
            assert!(shipped.agent(absent).is_none() && !shipped.is_first_name(absent));
        }
    }

    #[test]
    fn own_dictionaries_extend_the_shipped_ones() {
        let mut lex = Lexicon::with_shipped();
        let israel = lex.lookup("israel").to_vec();
        assert!(!israel.is_empty());
        assert_eq!(lex.add_actors_tsv("country\tFRE\tFreedonia|Israel\n"), 1);
        let both = lex.lookup("israel");
        assert_eq!(both[..israel.len()], israel[..]);
        let added = lex.actor(both[israel.len()]).unwrap();
        assert_eq!(added.name, "Freedonia");
        assert_eq!(lex.actor_count(), Lexicon::shipped().actor_count() + 1);
        assert_eq!(
            lex.country("FRE").map(|a| a.name.as_str()),
            Some("Freedonia")
        );
        assert_eq!(lex.country("ISR"), Lexicon::shipped().country("ISR"));
        let pm = Lexicon::shipped().agent("prime minister");
        assert!(pm.is_some());
        lex.add_agents_tsv("prime minister\tXXX\nchief druid\tREL\n");
        assert_eq!(lex.agent("prime minister"), pm);
        assert_eq!(lex.agent("chief druid"), Some("REL"));
        assert!(lex.is_agent_prefix("chief"));
    }
}
