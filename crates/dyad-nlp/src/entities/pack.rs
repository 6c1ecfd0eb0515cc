//! Writes a lexicon in the packed form [`Packed`](super::packed::Packed) reads (the layout is
//! documented there). `build.rs` packs the shipped dictionaries with it.

use super::lexicon::Actor;
use super::packed::{
    free_slot, slot_and_tag, slot_bits, ACTOR, CODE, ENTRY_BITS, HAS_GEO, KINDS, MAGIC, NONE,
};
use crate::fasthash::WordMap;

/// What is packed: a lexicon's actors and indexes, borrowed.
pub(crate) struct Contents<'a> {
    pub actors: &'a [Actor],
    pub max_name_tokens: usize,
    pub max_agent_tokens: usize,
    /// Each name key with its actor ids.
    pub names: Vec<(&'a str, &'a [u32])>,
    pub name_prefixes: Vec<&'a str>,
    pub first_names: Vec<&'a str>,
    pub countries: Vec<(&'a str, u32)>,
    pub agents: Vec<(&'a str, &'a str)>,
    pub agent_prefixes: Vec<&'a str>,
}

/// A packed lexicon: its string area and its table area.
pub(crate) struct PackedBytes {
    pub strings: String,
    pub tables: Vec<u8>,
}

/// Packs a lexicon's contents. The result does
/// not depend on the order of the contents' lists.
pub(crate) fn pack(c: &Contents) -> PackedBytes {
    let mut strings = Strings::default();
    let mut actors = Vec::with_capacity(c.actors.len() * ACTOR);
    let mut codes = Vec::new();
    for a in c.actors {
        let kind = KINDS.iter().position(|&k| k == a.kind).unwrap_or(0) as u32;
        actors.push(kind | if a.geo.is_some() { HAS_GEO } else { 0 });
        actors.extend(strings.add(&a.name));
        actors.extend([(codes.len() / CODE) as u32, a.codes.len() as u32]);
        for code in &a.codes {
            codes.extend(strings.add(&code.code));
            codes.extend([code.from.unwrap_or(NONE), code.to.unwrap_or(NONE)]);
        }
        actors.extend(strings.maybe(a.country.as_deref()));
        actors.extend(strings.maybe(a.capital_of.as_deref()));
        let (lat, lon) = a.geo.as_ref().map_or((0.0, 0.0), |g| (g.lat, g.lon));
        actors.extend(split64(lat.to_bits()));
        actors.extend(split64(lon.to_bits()));
        actors.extend(split64(a.population));
    }
    let mut names = c.names.clone();
    names.sort_unstable_by_key(|&(k, _)| k);
    let mut ids = Vec::new();
    let names = names
        .into_iter()
        .map(|(k, v)| {
            let first = ids.len() as u32;
            ids.extend_from_slice(v);
            (k, [first, v.len() as u32])
        })
        .collect();
    let agents = c
        .agents
        .iter()
        .map(|&(k, code)| (k, strings.add(code)))
        .collect();
    let countries = c.countries.iter().map(|&(k, id)| (k, [id, 0])).collect();
    let tables = [
        table(&mut strings, names),
        table(&mut strings, keys(&c.name_prefixes)),
        table(&mut strings, keys(&c.first_names)),
        table(&mut strings, countries),
        table(&mut strings, agents),
        table(&mut strings, keys(&c.agent_prefixes)),
    ];
    let mut words = vec![
        MAGIC,
        c.actors.len() as u32,
        (codes.len() / CODE) as u32,
        ids.len() as u32,
        c.max_name_tokens as u32,
        c.max_agent_tokens as u32,
    ];
    for (slots, entries, _) in &tables {
        words.extend([*slots, *entries]);
    }
    words.extend(actors);
    words.extend(codes);
    words.extend(ids);
    for (_, _, t) in tables {
        words.extend(t);
    }
    PackedBytes {
        strings: strings.area,
        tables: words.iter().flat_map(|w| w.to_le_bytes()).collect(),
    }
}

/// Entries for a set: keys without values.
fn keys<'a>(keys: &[&'a str]) -> Vec<(&'a str, [u32; 2])> {
    keys.iter().map(|&k| (k, [0, 0])).collect()
}

/// One hash table: slot count, entry count and its words (slots, then entries).
fn table(strings: &mut Strings, mut entries: Vec<(&str, [u32; 2])>) -> (u32, u32, Vec<u32>) {
    entries.sort_unstable_by_key(|&(k, _)| k);
    let bits = slot_bits(entries.len());
    let mask = (1usize << bits) - 1;
    assert!(
        entries.len() < (1 << ENTRY_BITS) - 1,
        "a packed table holds fewer than 2^{ENTRY_BITS} entries"
    );
    let mut words = vec![0u32; mask + 1];
    for (i, (key, _)) in entries.iter().enumerate() {
        let s = free_slot(key, bits, |s| words[s] != 0);
        words[s] = slot_and_tag(key, bits).1 | (i as u32 + 1);
    }
    for (key, [a, b]) in &entries {
        words.extend(strings.add(key));
        words.extend([*a, *b]);
    }
    ((mask + 1) as u32, entries.len() as u32, words)
}

fn split64(x: u64) -> [u32; 2] {
    [x as u32, (x >> 32) as u32]
}

/// The string area being written, each distinct string once.
#[derive(Default)]
struct Strings {
    area: String,
    at: WordMap<String, u32>,
}

impl Strings {
    /// The string's reference (offset, length), adding it when new.
    fn add(&mut self, s: &str) -> [u32; 2] {
        let area = &mut self.area;
        let offset = *self.at.entry(s.to_string()).or_insert_with(|| {
            let o = area.len() as u32;
            area.push_str(s);
            o
        });
        [offset, s.len() as u32]
    }
    fn maybe(&mut self, s: Option<&str>) -> [u32; 2] {
        s.map_or([NONE, 0], |s| self.add(s))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::packed::Packed;
    use super::*;

    fn leak(p: PackedBytes) -> (&'static str, &'static [u8]) {
        (p.strings.leak(), p.tables.leak())
    }

    fn sample() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.add_places_tsv("Baku\tAZE\tcapital\t40.4093\t49.8671\t2300500\tBakı\n");
        lex.add_actors_tsv(
            "country\tAZE\tAzerbaijan|Azerbaijani\n\
             person\tAZEGOV@2003-10-31.. AZEELI@..2003-10-30\tIlham Aliyev|Aliyev\n\
             organization\tAZEMED\tAzerTac|Azer Tac\n",
        );
        lex.add_agents_tsv("foreign minister\tGOV\nminister\tGOV\n");
        lex
    }

    #[test]
    fn a_packed_lexicon_answers_as_the_one_it_was_packed_from() {
        let lex = sample();
        let (strings, area) = leak(pack(&lex.contents()));
        let packed: &'static Packed = Box::leak(Box::new(Packed::read(strings, area).unwrap()));
        let read = Lexicon::over(packed);
        assert_eq!(read.actor_count(), lex.actor_count());
        for id in 0..lex.actor_count() as u32 {
            assert_eq!(read.actor(id), lex.actor(id));
        }
        assert_eq!(read.actor(lex.actor_count() as u32), None);
        for key in [
            "azerbaijan",
            "baku",
            "bakı",
            "aliyev",
            "ilham aliyev",
            "azer tac",
            "aze",
        ] {
            assert_eq!(read.lookup(key), lex.lookup(key), "{key}");
            assert!(!read.lookup(key).is_empty(), "{key}");
        }
        assert!(read.lookup("azer").is_empty() && read.is_name_prefix("azer"));
        assert!(read.is_name_prefix("ilham") && !read.is_name_prefix("aliyev"));
        assert!(read.is_first_name("ilham"));
        assert_eq!(
            read.country("AZE").map(|a| a.name.as_str()),
            Some("Azerbaijan")
        );
        assert_eq!(read.agent("foreign minister"), Some("GOV"));
        assert!(read.is_agent_prefix("foreign") && read.agent("foreign").is_none());
        assert_eq!(read.max_name_tokens(), lex.max_name_tokens());
        assert_eq!(read.max_agent_tokens(), lex.max_agent_tokens());
    }

    #[test]
    fn the_packed_bytes_do_not_depend_on_hash_order() {
        let lex = sample();
        let a = pack(&lex.contents());
        let mut contents = lex.contents();
        contents.names.reverse();
        contents.agents.reverse();
        let b = pack(&contents);
        assert_eq!(a.strings, b.strings);
        assert_eq!(a.tables, b.tables);
    }

    #[test]
    fn damaged_tables_are_refused() {
        let (strings, area) = leak(pack(&sample().contents()));
        assert!(Packed::read(strings, area).is_some());
        assert!(Packed::read(strings, &area[..area.len() - 4]).is_none());
        assert!(Packed::read(strings, &area[4..]).is_none());
        assert!(Packed::read(strings, &[]).is_none());
    }
}
