//! The entity dictionaries in a form that is read in place: `build.rs` builds the shipped
//! [`Lexicon`](super::lexicon::Lexicon) from `data/` and writes it out with
//! [`pack`](super::pack::pack); at run time [`Packed`] answers lookups straight from those
//! bytes, so that a process neither parses nor indexes some 120,000 names before its first
//! article.
//!
//! Layout: a string area (UTF-8; every name, key and code once) and a table area of
//! little-endian `u32` words: a header ([`HEADER`] words), the actors ([`ACTOR`] words each),
//! their codes ([`CODE`] words each), the actor ids of every name key, then the [`Table`]s in
//! their order. A table is a power-of-two number of slots (0 for empty, else the entry number
//! plus one in the low [`ENTRY_BITS`] bits and a tag of the key's hash above them, placed by
//! the key's hash with linear probing) followed by its entries, [`ENTRY`]
//! words each: the key as a string reference (offset, length) and two values whose meaning
//! depends on the table.

use std::fmt;
use std::hash::Hasher;
use std::sync::OnceLock;

use dyad_doc::Geo;

use super::lexicon::{Actor, ActorKind, DatedCode};
use crate::fasthash::{WordHasher, WordSet};

/// Marks a table area of this layout (and its version).
pub(super) const MAGIC: u32 = 0x4c44_5902;
/// Bits of a slot word that hold the entry number; the rest hold the key's tag, so that a
/// probe that meets another key mostly ends without reading that key's entry and string.
pub(super) const ENTRY_BITS: u32 = 20;
/// Words in the header: the magic, the actor, code and id counts, the longest name and agent
/// phrase in tokens, then each table's slot and entry counts.
pub(super) const HEADER: usize = 6 + 2 * TABLES;
/// Words per actor: kind (bit 8 set when it has coordinates), name, first code and code
/// count, country, capital, latitude, longitude, population; strings as offset and length,
/// `f64` bits and `u64` as two words, low first.
pub(super) const ACTOR: usize = 15;
/// Words per code: the code, then the first and the last day it holds (`NONE` when open).
pub(super) const CODE: usize = 4;
/// Words per table entry: the key, then two values.
pub(super) const ENTRY: usize = 4;
pub(super) const TABLES: usize = 6;
/// An absent string or date.
pub(super) const NONE: u32 = u32::MAX;
pub(super) const HAS_GEO: u32 = 1 << 8;
/// Actor kinds by their number in the layout.
pub(super) const KINDS: [ActorKind; 5] = [
    ActorKind::Country,
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Group,
    ActorKind::Place,
];

/// The tables, in their order in the area.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    /// Name key → first index and count in the id list.
    Names,
    NamePrefixes,
    FirstNames,
    /// Country code → actor id.
    Countries,
    /// Agent phrase key → role code (a string reference).
    Agents,
    AgentPrefixes,
}

/// The first slot tried for a key (the hash's top bits, its best mixed) and the key's tag
/// (low bits of the hash, kept in the slot word above the entry number).
pub(super) fn slot_and_tag(key: &str, bits: u32) -> (usize, u32) {
    let mut h = WordHasher::default();
    h.write(key.as_bytes());
    let h = h.finish();
    ((h >> (64 - bits)) as usize, (h as u32) << ENTRY_BITS)
}

/// Log2 of the slot count of a hash index for `n` keys: at most half the slots are used, and
/// there are at least two.
pub(super) fn slot_bits(n: usize) -> u32 {
    (2 * n).max(2).next_power_of_two().trailing_zeros()
}

/// The slots a key's search visits in a table of `1 << bits` slots, in order: its first slot
/// (`first`, from [`slot_and_tag`]) and the ones after it round the table, each once. Every
/// index here places and finds keys this way (linear probing).
pub(super) fn probe(first: usize, bits: u32) -> impl Iterator<Item = usize> {
    let mask = (1usize << bits) - 1;
    (0..=mask).map(move |k| (first + k) & mask)
}

/// The slot a new key takes: the first free one on its probe (`taken` tells a used slot).
/// The tables are at most half full ([`slot_bits`]), so there is one.
pub(super) fn free_slot(key: &str, bits: u32, taken: impl Fn(usize) -> bool) -> usize {
    probe(slot_and_tag(key, bits).0, bits)
        .find(|&s| !taken(s))
        .expect("a hash index at most half full has a free slot")
}

fn join64(lo: u32, hi: u32) -> u64 {
    u64::from(lo) | (u64::from(hi) << 32)
}

/// Where one table lies in the area.
#[derive(Debug, Clone, Copy, Default)]
struct TableAt {
    bits: u32,
    slots: usize,
    entries: usize,
    /// Number of entries.
    count: usize,
}

/// A packed lexicon read in place. Actors are decoded on first use and kept.
pub(crate) struct Packed {
    strings: &'static str,
    /// The table area as little-endian words (its length is a multiple of four).
    words: &'static [[u8; 4]],
    actors: usize,
    codes: usize,
    /// The id list, decoded (lookups hand out slices of it).
    ids: Vec<u32>,
    max_name_tokens: usize,
    max_agent_tokens: usize,
    tables: [TableAt; TABLES],
    decoded: Box<[OnceLock<Box<Actor>>]>,
    /// The first words of the agent phrases, gathered on first use.
    agent_starts: OnceLock<WordSet<&'static str>>,
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Packed")
            .field("actors", &self.decoded.len())
            .field("ids", &self.ids.len())
            .finish_non_exhaustive()
    }
}

impl Packed {
    /// Reads the areas [`pack`] wrote; `None` when the table area is not of this layout.
    pub(crate) fn read(strings: &'static str, area: &'static [u8]) -> Option<Packed> {
        let word = |i: usize| read_word(area, i);
        if word(0)? != MAGIC {
            return None;
        }
        let count = |i: usize| word(i).map(|w| w as usize);
        let (actors, codes, ids) = (count(1)?, count(2)?, count(3)?);
        let mut at = HEADER;
        let actors_at = at;
        at = at.checked_add(actors.checked_mul(ACTOR)?)?;
        let codes_at = at;
        at = at.checked_add(codes.checked_mul(CODE)?)?;
        let ids_bytes = area.get(at * 4..at.checked_add(ids)? * 4)?;
        let ids: Vec<u32> = ids_bytes.chunks_exact(4).map(le_word).collect();
        at += ids.len();
        let mut tables = [TableAt::default(); TABLES];
        for (t, table) in tables.iter_mut().enumerate() {
            let (slots, entries) = (count(6 + 2 * t)?, count(7 + 2 * t)?);
            if !slots.is_power_of_two() || slots < 2 {
                return None;
            }
            *table = TableAt {
                bits: slots.trailing_zeros(),
                slots: at,
                entries: at + slots,
                count: entries,
            };
            at = at
                .checked_add(slots)?
                .checked_add(entries.checked_mul(ENTRY)?)?;
        }
        if at.checked_mul(4)? != area.len() {
            return None;
        }
        Some(Packed {
            strings,
            words: area.as_chunks::<4>().0,
            actors: actors_at,
            codes: codes_at,
            ids,
            max_name_tokens: count(4)?,
            max_agent_tokens: count(5)?,
            tables,
            decoded: (0..actors).map(|_| OnceLock::new()).collect(),
            agent_starts: OnceLock::new(),
        })
    }

    /// Number of actors.
    pub(crate) fn actor_count(&self) -> usize {
        self.decoded.len()
    }

    /// The actor with this id, decoded on first use.
    pub(crate) fn actor(&self, id: u32) -> Option<&Actor> {
        let slot = self.decoded.get(id as usize)?;
        Some(slot.get_or_init(|| Box::new(self.decode(id as usize))))
    }

    /// Actors whose name or alias has exactly this key.
    pub(crate) fn lookup(&self, key: &str) -> &[u32] {
        self.find(Table::Names, key)
            .and_then(|[first, n]| self.ids.get(first as usize..(first as usize + n as usize)))
            .unwrap_or(&[])
    }

    /// Whether the table has the key.
    pub(crate) fn has(&self, table: Table, key: &str) -> bool {
        self.find(table, key).is_some()
    }

    /// The first country actor with this code.
    pub(crate) fn country(&self, code: &str) -> Option<u32> {
        self.find(Table::Countries, code).map(|[id, _]| id)
    }

    /// The role code of an agent phrase key.
    pub(crate) fn agent(&self, key: &str) -> Option<&'static str> {
        let [offset, len] = self.find(Table::Agents, key)?;
        self.string(offset, len)
    }

    /// Whether some agent phrase has `word` as its first word (a one-word phrase is its own
    /// first word). A set of some thousand words, cheaper to ask than the agent tables.
    pub(crate) fn starts_agent(&self, word: &str) -> bool {
        self.agent_first_words().contains(word)
    }

    /// The first words of the agent phrases (built when first asked for).
    pub(crate) fn agent_first_words(&self) -> &WordSet<&'static str> {
        self.agent_starts.get_or_init(|| {
            self.keys(Table::Agents)
                .chain(self.keys(Table::AgentPrefixes))
                .map(|k| k.split(' ').next().unwrap_or(k))
                .collect()
        })
    }

    pub(crate) fn max_name_tokens(&self) -> usize {
        self.max_name_tokens
    }

    pub(crate) fn max_agent_tokens(&self) -> usize {
        self.max_agent_tokens
    }

    /// Every key of a table, in entry order.
    pub(crate) fn keys(&self, table: Table) -> impl Iterator<Item = &'static str> + '_ {
        let t = self.tables[table as usize];
        (0..t.count).filter_map(move |e| {
            let at = t.entries + e * ENTRY;
            self.string(self.word(at), self.word(at + 1))
        })
    }

    /// The two values of a key's entry.
    fn find(&self, table: Table, key: &str) -> Option<[u32; 2]> {
        let t = self.tables[table as usize];
        let (first, tag) = slot_and_tag(key, t.bits);
        let index = (1u32 << ENTRY_BITS) - 1;
        // The table's slots and each entry are taken as one slice each: one bounds check
        // instead of one per word read.
        let slots = self.words.get(t.slots..t.slots + (1usize << t.bits))?;
        // The slots of [`probe`], walked with a plain counter (the inclusive range it
        // iterates cost more than the probes themselves).
        let mask = slots.len() - 1;
        let mut slot = first;
        for _ in 0..slots.len() {
            let at = slot;
            slot = (slot + 1) & mask;
            let word = slots.get(at).map_or(0, |w| u32::from_le_bytes(*w));
            if word == 0 {
                return None;
            }
            if word & !index != tag {
                continue;
            }
            let at = t.entries + ((word & index) as usize).saturating_sub(1) * ENTRY;
            let Some(&[k, n, a, b]) = self.words.get(at..at + ENTRY) else {
                continue;
            };
            let le = u32::from_le_bytes;
            // Compared as bytes: a stored key equal to `key` is whole characters, so the
            // character-boundary checks of a string slice add nothing.
            if self.key_bytes(le(k), le(n)) == Some(key.as_bytes()) {
                return Some([le(a), le(b)]);
            }
        }
        None
    }

    fn decode(&self, id: usize) -> Actor {
        let at = self.actors + id * ACTOR;
        let w = |k: usize| self.word(at + k);
        let text = |k: usize| self.string(w(k), w(k + 1)).map(str::to_string);
        let codes = (0..w(4) as usize)
            .map(|j| {
                let c = self.codes + (w(3) as usize + j) * CODE;
                DatedCode {
                    code: self
                        .string(self.word(c), self.word(c + 1))
                        .unwrap_or("")
                        .to_string(),
                    from: Some(self.word(c + 2)).filter(|&d| d != NONE),
                    to: Some(self.word(c + 3)).filter(|&d| d != NONE),
                }
            })
            .collect();
        Actor {
            kind: KINDS
                .get((w(0) & 0xff) as usize)
                .copied()
                .unwrap_or(ActorKind::Place),
            name: text(1).unwrap_or_default(),
            codes,
            country: text(5),
            geo: (w(0) & HAS_GEO != 0).then(|| Geo {
                lat: f64::from_bits(join64(w(9), w(10))),
                lon: f64::from_bits(join64(w(11), w(12))),
            }),
            population: join64(w(13), w(14)),
            capital_of: text(7),
        }
    }

    /// The word at an index of the table area (0 past its end, which a read area never has).
    fn word(&self, i: usize) -> u32 {
        self.words.get(i).map_or(0, |w| u32::from_le_bytes(*w))
    }

    fn key_bytes(&self, offset: u32, len: u32) -> Option<&'static [u8]> {
        let start = offset as usize;
        self.strings
            .as_bytes()
            .get(start..start.checked_add(len as usize)?)
    }

    fn string(&self, offset: u32, len: u32) -> Option<&'static str> {
        let start = offset as usize;
        self.strings.get(start..start.checked_add(len as usize)?)
    }
}

/// The `i`-th little-endian `u32` of a packed area.
pub(super) fn read_word(area: &[u8], i: usize) -> Option<u32> {
    area.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)
        .map(le_word)
}

fn le_word(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(b);
    u32::from_le_bytes(w)
}
