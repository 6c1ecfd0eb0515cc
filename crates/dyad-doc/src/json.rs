//! A direct JSON writer for records: the bytes of `serde_json`'s compact output of the derived
//! `Serialize` (same field order, escapes and numbers), written with the field names as
//! literals and the strings escaped eight bytes at a time. The many small layers (entities,
//! mentions, quotes, events, spans) are written here; rare parts (source, meta, tone, enum
//! names, floats) still go through `serde_json`, so their form has one definition.

use crate::{
    Amount, Block, BlockKind, DateMention, Entity, EntityKind, Event, Geo, Mention, Meta,
    MetaField, Quote, QuoteKind, Record, Removed, Source, Span, Tone,
};

/// Appends `rec` as one line of compact JSON (no newline) to `out`: byte for byte what
/// `serde_json::to_writer(out, rec)` writes. Fails only where `serde_json` would.
pub fn write_record(rec: &Record, out: &mut Vec<u8>) -> serde_json::Result<()> {
    // Every field of the record, so one added to `Record` and not written here does not compile.
    let Record {
        schema: _,
        id: _,
        source: _,
        meta: _,
        text: _,
        blocks: _,
        removed: _,
        sentences: _,
        tokens: _,
        entities: _,
        quotes: _,
        amounts: _,
        dates: _,
        events: _,
        tone: _,
        themes: _,
    } = rec;
    let w = out;
    w.extend_from_slice(b"{\"schema\":");
    rec.schema.put(w)?;
    fields!(w, rec, id, source, meta, text, blocks, removed, sentences);
    if !rec.tokens.is_empty() {
        fields!(w, rec, tokens);
    }
    fields!(w, rec, entities, quotes, amounts, dates, events, tone, themes);
    w.push(b'}');
    Ok(())
}

/// A value written as JSON.
trait Put {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()>;
}

/// Writes `,"name":value` for each named field of `$x`.
macro_rules! fields {
    ($w:ident, $x:ident $(, $name:ident)*) => {
        $(
            $w.extend_from_slice(concat!(",\"", stringify!($name), "\":").as_bytes());
            $x.$name.put($w)?;
        )*
    };
}
use fields;

/// `Put` for a struct: its fields in declaration order, then those after `;` only when set
/// (the fields serialised with `skip_serializing_if = "Option::is_none"`).
macro_rules! object {
    ($t:ty, $first:ident $(, $name:ident)* $(; $($opt:ident),*)?) => {
        impl Put for $t {
            fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
                // Names every field, so a field added to the type and not to this list is a
                // compile error rather than a silently missing key.
                let Self { $first: _, $($name: _,)* $($($opt: _,)*)? } = self;
                let x = self;
                w.extend_from_slice(concat!("{\"", stringify!($first), "\":").as_bytes());
                x.$first.put(w)?;
                fields!(w, x $(, $name)*);
                $($(
                    if let Some(v) = &x.$opt {
                        w.extend_from_slice(concat!(",\"", stringify!($opt), "\":").as_bytes());
                        v.put(w)?;
                    }
                )*)?
                w.push(b'}');
                Ok(())
            }
        }
    };
}

object!(Span, start, end);
object!(Block, kind, start, end);
object!(Mention, start, end, text);
object!(
    Entity,
    id,
    name,
    kind,
    code,
    country,
    roles,
    affiliation,
    geo,
    mentions
);
object!(Quote, id, kind, text, start, end, speaker, speaker_text, cue, sentence; speaker_name);
object!(Amount, value, unit, approximate, about, start, end);
object!(DateMention, value, text, start, end; within);
object!(
    Event,
    id,
    source,
    target,
    source_entity,
    target_entity,
    cameo,
    quad,
    goldstein,
    plover,
    date,
    sentence,
    evidence,
    negated,
    hypothetical,
    quote,
    confidence
);

/// `Put` through `serde_json`, for the rare parts, enum names and floats: their form keeps
/// one definition.
macro_rules! by_serde {
    ($($t:ty),*) => {
        $(
            impl Put for $t {
                fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
                    serde_json::to_writer(&mut *w, self)
                }
            }
        )*
    };
}

by_serde!(Source, Meta, Removed, Option<Tone>, Option<Geo>, f64);
by_serde!(BlockKind, EntityKind, QuoteKind, MetaField);

impl<T: Put> Put for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        w.push(b'[');
        for (k, x) in self.iter().enumerate() {
            if k > 0 {
                w.push(b',');
            }
            x.put(w)?;
        }
        w.push(b']');
        Ok(())
    }
}

impl<T: Put> Put for Option<T>
where
    T: NotSerde,
{
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        match self {
            Some(v) => v.put(w),
            None => {
                w.extend_from_slice(b"null");
                Ok(())
            }
        }
    }
}

/// The types whose `Option` is written here rather than through `serde_json`.
trait NotSerde {}
impl NotSerde for String {}
impl NotSerde for usize {}

impl Put for String {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        string(w, self);
        Ok(())
    }
}

impl Put for bool {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        w.extend_from_slice(if *self { b"true" } else { b"false" });
        Ok(())
    }
}

impl Put for u8 {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        usize::from(*self).put(w)
    }
}

impl Put for usize {
    fn put(&self, w: &mut Vec<u8>) -> serde_json::Result<()> {
        // The integer formatter serde_json itself uses.
        w.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
        Ok(())
    }
}

/// Whether any of the eight bytes of `x` is a control character, `"` or `\`: the bytes JSON
/// escapes. Exact (the per-byte tests below only find where).
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
    below_space
        || zero_byte(x ^ (ONES * u64::from(b'"')))
        || zero_byte(x ^ (ONES * u64::from(b'\\')))
}

/// A JSON string, escaped as `serde_json` escapes: `\"`, `\\`, the short forms of backspace,
/// tab, line feed, form feed and carriage return, `\u00XX` (lower-case hex) for the other
/// control characters; everything else as it is.
fn string(w: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    w.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x09 => b't',
            0x0a => b'n',
            0x0c => b'f',
            0x0d => b'r',
            0x00..=0x1f => b'u',
            _ => {
                i += 1;
                continue;
            }
        };
        w.extend_from_slice(&b[run..i]);
        if short == b'u' {
            w.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]);
        } else {
            w.extend_from_slice(&[b'\\', short]);
        }
        i += 1;
        run = i;
    }
    w.extend_from_slice(&b[run..]);
    w.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn same_as_serde(rec: &Record) {
        let mut ours = Vec::new();
        write_record(rec, &mut ours).unwrap();
        let theirs = serde_json::to_vec(rec).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u32..0x80).filter_map(char::from_u32) {
            all.push(c);
        }
        all.push_str("“quoted” — é ✓ 😀 \u{7f}\u{2028}");
        for s in [
            "",
            "a",
            "plain text longer than eight bytes",
            "\"",
            "ab\\cd\"ef\ngh\u{1}",
            all.as_str(),
        ] {
            for cut in 0..s.len().min(9) {
                let Some(s) = s.get(cut..) else { continue };
                let mut ours = Vec::new();
                string(&mut ours, s);
                assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn empty_record_matches_serde_json() {
        same_as_serde(&Record::new("x".into(), Source::default()));
    }

    #[test]
    fn every_layer_matches_serde_json() {
        let mut r = Record::new(
            "9f7d".into(),
            Source {
                path: Some("/a/b.txt".into()),
                url: None,
                format: "text".into(),
                fetched: Some("2024-01-01".into()),
            },
        );
        r.meta.title = Some("A \"title\"".into());
        r.meta.byline = vec!["Jane Roe".into()];
        r.meta.caption = Some("Caption".into());
        r.text = "Tab\there, line\nbreak, “quotes” and \\ backslash.\u{1}".into();
        r.blocks = vec![
            Block {
                kind: BlockKind::ListItem,
                start: 0,
                end: 10,
            },
            Block {
                kind: BlockKind::Heading,
                start: 12,
                end: 20,
            },
        ];
        r.removed = vec![Removed {
            kind: RemovedKind::AuthorBio,
            text: "Bio".into(),
        }];
        r.sentences = vec![Span::new(0, 10), Span::new(11, 1_234_567)];
        r.tokens = vec![Span::new(0, 3)];
        r.entities = vec![
            Entity {
                id: "E1".into(),
                name: "Kyiv".into(),
                kind: EntityKind::Place,
                code: None,
                country: Some("UKR".into()),
                roles: vec![],
                affiliation: None,
                geo: Some(Geo {
                    lat: 50.4547,
                    lon: -30.0,
                }),
                mentions: vec![Mention {
                    start: 0,
                    end: 4,
                    text: "KYIV".into(),
                }],
            },
            Entity {
                id: "E2".into(),
                name: "Jens \"J\" Stoltenberg".into(),
                kind: EntityKind::Person,
                code: Some("IGOWSTNAT".into()),
                country: None,
                roles: vec!["GOV".into(), "MIL".into()],
                affiliation: Some("NATO".into()),
                geo: None,
                mentions: vec![],
            },
        ];
        r.quotes = vec![
            Quote {
                id: "Q1".into(),
                kind: QuoteKind::Partial,
                text: "special \"military\" operation".into(),
                start: 184,
                end: 210,
                speaker: Some("E5".into()),
                speaker_text: Some("he".into()),
                cue: Some("called".into()),
                sentence: Some(1),
                speaker_name: Some("Vladimir Putin".into()),
            },
            Quote {
                id: "Q2".into(),
                kind: QuoteKind::Indirect,
                text: "x".into(),
                start: 0,
                end: 1,
                speaker: None,
                speaker_text: None,
                cue: None,
                sentence: None,
                speaker_name: None,
            },
        ];
        r.amounts = vec![Amount {
            value: 1.2e9,
            unit: "USD".into(),
            approximate: true,
            about: Some("weapons".into()),
            start: 3,
            end: 9,
        }];
        r.dates = vec![
            DateMention {
                value: "2022-02-24".into(),
                text: "February 24, 2022".into(),
                start: 5,
                end: 22,
                within: None,
            },
            DateMention {
                value: "2021-03-03".into(),
                text: "March 3, 2021".into(),
                start: 0,
                end: 13,
                within: Some(MetaField::Caption),
            },
        ];
        r.events = vec![Event {
            id: "V1".into(),
            source: Some("RUSMIL".into()),
            target: Some("UKR".into()),
            source_entity: None,
            target_entity: Some("E4".into()),
            cameo: "190".into(),
            quad: 4,
            goldstein: -10.0,
            plover: Some("ASSAULT".into()),
            date: Some("2022-02-24".into()),
            sentence: Some(1),
            evidence: Span::new(30, 61),
            negated: false,
            hypothetical: true,
            quote: Some("Q1".into()),
            confidence: 0.75,
        }];
        r.tone = Some(Tone {
            tone: -1.5,
            positive: 2.25,
            negative: 3.75,
            polarity: 6.0,
            words: 800,
        });
        r.themes = vec!["MILITARY".into(), "ENERGY".into()];
        same_as_serde(&r);
        r.tone = None;
        r.tokens.clear();
        r.events[0].goldstein = f64::NAN;
        same_as_serde(&r);
    }
}
