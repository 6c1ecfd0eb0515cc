//! Synthetic records for benchmarks: a deterministic corpus of articles between a fixed set of
//! countries, with entities, quotations, amounts and events, of any size.

use dyad_doc::{
    Amount, Block, BlockKind, Entity, EntityKind, Event, Mention, Meta, Quote, QuoteKind, Record,
    Source, Span, Tone,
};

const ACTORS: [(&str, &str); 24] = [
    ("ISR", "Israel"),
    ("AZE", "Azerbaijan"),
    ("TUR", "Turkey"),
    ("ARM", "Armenia"),
    ("IRN", "Iran"),
    ("RUS", "Russia"),
    ("USA", "United States"),
    ("CHN", "China"),
    ("GEO", "Georgia"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("GBR", "United Kingdom"),
    ("UKR", "Ukraine"),
    ("IND", "India"),
    ("PAK", "Pakistan"),
    ("EGY", "Egypt"),
    ("SAU", "Saudi Arabia"),
    ("ARE", "United Arab Emirates"),
    ("KAZ", "Kazakhstan"),
    ("JPN", "Japan"),
    ("BRA", "Brazil"),
    ("ZAF", "South Africa"),
    ("NGA", "Nigeria"),
    ("MEX", "Mexico"),
];

/// (CAMEO code, quad class, Goldstein, PLOVER type, verb).
const ACTIONS: [(&str, u8, f64, &str, &str); 10] = [
    ("036", 1, 4.0, "CONSULT", "expressed intent to meet"),
    ("043", 1, 2.8, "CONSULT", "hosted a visit by"),
    ("057", 1, 8.0, "AGREE", "signed an agreement with"),
    ("061", 2, 6.4, "COOPERATE", "cooperated economically with"),
    ("0871", 2, 8.3, "AID", "supplied weapons to"),
    ("112", 3, -2.0, "ACCUSE", "accused"),
    ("130", 3, -4.4, "THREATEN", "threatened"),
    ("163", 4, -8.0, "SANCTION", "imposed an embargo on"),
    ("173", 4, -5.0, "ASSAULT", "arrested citizens of"),
    ("190", 4, -10.0, "ASSAULT", "fought"),
];

const WORDS: [&str; 32] = [
    "officials",
    "said",
    "talks",
    "border",
    "energy",
    "trade",
    "security",
    "minister",
    "week",
    "region",
    "statement",
    "pipeline",
    "defence",
    "economy",
    "forces",
    "capital",
    "agreement",
    "analysts",
    "conflict",
    "sanctions",
    "visit",
    "summit",
    "oil",
    "gas",
    "military",
    "peace",
    "elections",
    "parliament",
    "exports",
    "investment",
    "president",
    "government",
];

/// A small deterministic random number generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `articles` synthetic records with `events` events each, the same for the same `seed`.
pub fn records(articles: usize, events: usize, seed: u64) -> impl Iterator<Item = Record> {
    let mut rng = Rng(seed);
    (0..articles).map(move |i| record(i, events, &mut rng))
}

fn record(index: usize, events: usize, rng: &mut Rng) -> Record {
    let mut rec = Record::new(
        format!("synth{index:010}"),
        Source {
            path: None,
            url: Some(format!("https://news.example/{index}")),
            format: "text".into(),
            fetched: None,
        },
    );
    let year = 2015 + rng.below(10);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    rec.meta = Meta {
        title: Some(format!("Report {index}")),
        published: Some(format!("{year:04}-{month:02}-{day:02}")),
        site: Some(format!("site{}.example", rng.below(50))),
        ..Meta::default()
    };
    // Four actors per article.
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < 4 {
        let a = rng.below(ACTORS.len());
        if !picked.contains(&a) {
            picked.push(a);
        }
    }
    let mut text = String::new();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); picked.len()];
    let mut sentences = Vec::new();
    let chars = |s: &str| s.chars().count();
    let push = |text: &mut String, s: &str| {
        let start = chars(text);
        text.push_str(s);
        (start, chars(text))
    };
    for n in 0..events.max(4) {
        let s = if n > 0 { push(&mut text, " ").1 } else { 0 };
        let (a, b) = (n % picked.len(), (n + 1 + rng.below(3)) % picked.len());
        let (a, b) = if a == b {
            (a, (a + 1) % picked.len())
        } else {
            (a, b)
        };
        let (m1s, m1e) = push(&mut text, ACTORS[picked[a]].1);
        mentions[a].push(Mention {
            start: m1s,
            end: m1e,
            text: ACTORS[picked[a]].1.into(),
        });
        let act = ACTIONS[rng.below(ACTIONS.len())];
        push(&mut text, &format!(" {} ", act.4));
        let (m2s, m2e) = push(&mut text, ACTORS[picked[b]].1);
        mentions[b].push(Mention {
            start: m2s,
            end: m2e,
            text: ACTORS[picked[b]].1.into(),
        });
        let filler: Vec<&str> = (0..6).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let (_, e) = push(&mut text, &format!(", {} {index}.", filler.join(" ")));
        sentences.push(Span::new(s, e));
        if n < events {
            rec.events.push(Event {
                id: format!("V{}", n + 1),
                source: Some(ACTORS[picked[a]].0.into()),
                target: Some(ACTORS[picked[b]].0.into()),
                source_entity: Some(format!("E{}", a + 1)),
                target_entity: Some(format!("E{}", b + 1)),
                cameo: act.0.into(),
                quad: act.1,
                goldstein: act.2,
                plover: Some(act.3.into()),
                date: None,
                sentence: Some(n),
                evidence: Span::new(s, e),
                negated: false,
                hypothetical: false,
                quote: None,
                confidence: 0.8,
            });
        }
    }
    // A quotation by the first actor about the second, and an amount.
    let s = push(&mut text, " ").1;
    let quote_text = format!(
        "We will work with {} on {}",
        ACTORS[picked[1]].1,
        WORDS[rng.below(WORDS.len())]
    );
    let speech = format!(
        "\"{quote_text},\" the minister of {} said.",
        ACTORS[picked[0]].1
    );
    let (_, e) = push(&mut text, &speech);
    let q_start = s + 1;
    let other_start = q_start + chars("We will work with ");
    mentions[1].push(Mention {
        start: other_start,
        end: other_start + chars(ACTORS[picked[1]].1),
        text: ACTORS[picked[1]].1.into(),
    });
    sentences.push(Span::new(s, e));
    rec.quotes.push(Quote {
        id: "Q1".into(),
        kind: QuoteKind::Direct,
        text: quote_text.clone(),
        start: q_start,
        end: q_start + chars(&quote_text),
        speaker: Some("E1".into()),
        speaker_text: Some("the minister".into()),
        speaker_name: None,
        cue: Some("said".into()),
        sentence: Some(sentences.len() - 1),
    });
    let value = 1 + rng.below(900);
    let s = push(&mut text, " ").1;
    let amount = format!("${value} million");
    let (a_s, a_e) = push(&mut text, &amount);
    let (_, e) = push(&mut text, " was pledged.");
    sentences.push(Span::new(s, e));
    rec.amounts.push(Amount {
        value: value as f64 * 1e6,
        unit: "USD".into(),
        approximate: false,
        about: Some("aid".into()),
        start: a_s,
        end: a_e,
    });
    rec.entities = picked
        .iter()
        .zip(mentions)
        .enumerate()
        .map(|(i, (&a, mentions))| Entity {
            id: format!("E{}", i + 1),
            name: ACTORS[a].1.into(),
            kind: EntityKind::Country,
            code: Some(ACTORS[a].0.into()),
            country: Some(ACTORS[a].0.into()),
            roles: Vec::new(),
            affiliation: None,
            geo: None,
            mentions,
        })
        .collect();
    rec.blocks = vec![Block {
        kind: BlockKind::Paragraph,
        start: 0,
        end: chars(&text),
    }];
    rec.sentences = sentences;
    rec.tone = Some(Tone {
        tone: rng.below(200) as f64 / 10.0 - 10.0,
        positive: 2.0,
        negative: 2.0,
        polarity: 4.0,
        words: 100,
    });
    rec.text = text;
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_spans_in_range() {
        let a: Vec<Record> = records(3, 5, 7).collect();
        let b: Vec<Record> = records(3, 5, 7).collect();
        assert_eq!(a, b);
        for r in &a {
            assert_eq!(r.events.len(), 5);
            let n = r.text.chars().count();
            for e in &r.entities {
                for m in &e.mentions {
                    let got: String = r.text.chars().skip(m.start).take(m.end - m.start).collect();
                    assert_eq!(got, m.text);
                    assert!(m.end <= n);
                }
            }
            let q = &r.quotes[0];
            let got: String = r.text.chars().skip(q.start).take(q.end - q.start).collect();
            assert_eq!(got, q.text);
        }
    }
}
