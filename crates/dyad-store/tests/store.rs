//! The store through its public API, on records built here: ingest, idempotence, failures,
//! near-duplicates, search, relation, graph blocs and exports.

use dyad_doc::{
    Amount, Block, BlockKind, Entity, EntityKind, Event, Mention, Quote, QuoteKind, Record, Source,
    Span, Tone,
};
use dyad_store::{
    export, gdelt_columns, graph, relation, search, stats, ExportFormat, ExportOptions, Outcome,
    RelationOptions, SearchOptions, Store, StoreError,
};

/// Builds records in code-point offsets from plain sentences, naming countries by code.
struct Builder {
    rec: Record,
    countries: Vec<(String, String)>,
}

impl Builder {
    fn new(id: &str, url: Option<&str>, published: &str) -> Self {
        let mut rec = Record::new(
            id.into(),
            Source {
                path: Some(format!("{id}.txt")),
                url: url.map(String::from),
                format: "text".into(),
                fetched: None,
            },
        );
        rec.meta.title = Some(format!("Title of {id}"));
        rec.meta.published = Some(published.into());
        rec.meta.site = Some("news.example".into());
        rec.tone = Some(Tone {
            tone: 1.5,
            positive: 3.0,
            negative: 1.5,
            polarity: 4.5,
            words: 50,
        });
        Builder {
            rec,
            countries: Vec::new(),
        }
    }

    /// Adds a sentence; returns its index.
    fn sentence(&mut self, s: &str) -> usize {
        if !self.rec.text.is_empty() {
            self.rec.text.push(' ');
        }
        let start = self.rec.text.chars().count();
        self.rec.text.push_str(s);
        let end = self.rec.text.chars().count();
        self.rec.sentences.push(Span::new(start, end));
        self.rec.sentences.len() - 1
    }

    fn entity_id(&mut self, code: &str, name: &str) -> String {
        if let Some(i) = self.countries.iter().position(|(c, _)| c == code) {
            return format!("E{}", i + 1);
        }
        self.countries.push((code.into(), name.into()));
        format!("E{}", self.countries.len())
    }

    /// An event from `source` to `target`, stated in a new sentence.
    fn event(
        &mut self,
        source: (&str, &str),
        target: (&str, &str),
        cameo: &str,
        quad: u8,
        gs: f64,
    ) {
        self.joint_event(&[source], target, cameo, quad, gs);
    }

    /// One event from each of `sources` to `target`, all stated in one new sentence.
    fn joint_event(
        &mut self,
        sources: &[(&str, &str)],
        target: (&str, &str),
        cameo: &str,
        quad: u8,
        gs: f64,
    ) {
        let names: Vec<&str> = sources.iter().map(|s| s.1).collect();
        let sentence = format!(
            "{} and {} were reported together in this sentence.",
            names.join(", "),
            target.1
        );
        let i = self.sentence(&sentence);
        let span = self.rec.sentences[i];
        let source_ids: Vec<String> = sources.iter().map(|s| self.entity_id(s.0, s.1)).collect();
        let te = self.entity_id(target.0, target.1);
        for (source, se) in sources.iter().zip(source_ids) {
            let n = self.rec.events.len() + 1;
            self.rec.events.push(Event {
                id: format!("V{n}"),
                source: Some(source.0.into()),
                target: Some(target.0.into()),
                source_entity: Some(se),
                target_entity: Some(te.clone()),
                cameo: cameo.into(),
                quad,
                goldstein: gs,
                plover: Some(if quad <= 2 { "COOPERATE" } else { "ASSAULT" }.into()),
                date: None,
                sentence: Some(i),
                evidence: span,
                negated: false,
                hypothetical: false,
                quote: None,
                confidence: 0.9,
            });
        }
    }

    /// A direct quotation by `speaker` naming `other` inside it.
    fn quote(&mut self, speaker: (&str, &str), other: (&str, &str), words: &str) {
        let body = format!("{words} {}", other.1);
        let s = format!("\"{body},\" said the leader of {}.", speaker.1);
        let i = self.sentence(&s);
        let start = self.rec.sentences[i].start + 1;
        let speaker_id = self.entity_id(speaker.0, speaker.1);
        self.entity_id(other.0, other.1);
        self.rec.quotes.push(Quote {
            id: format!("Q{}", self.rec.quotes.len() + 1),
            kind: QuoteKind::Direct,
            text: body.clone(),
            start,
            end: start + body.chars().count(),
            speaker: Some(speaker_id),
            speaker_text: Some("the leader".into()),
            speaker_name: None,
            cue: Some("said".into()),
            sentence: Some(i),
        });
    }

    fn amount_in_last(&mut self, value: f64, words: &str) {
        let i = self.rec.sentences.len() - 1;
        let s = self.rec.sentences[i];
        self.rec.amounts.push(Amount {
            value,
            unit: "USD".into(),
            approximate: true,
            about: Some(words.into()),
            start: s.start,
            end: s.start + 3,
        });
    }

    fn build(mut self) -> Record {
        // Mentions: every occurrence of each name.
        let text = self.rec.text.clone();
        self.rec.entities = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, (code, name))| {
                let mentions = text
                    .match_indices(name.as_str())
                    .map(|(b, m)| {
                        let start = text[..b].chars().count();
                        Mention {
                            start,
                            end: start + m.chars().count(),
                            text: m.to_string(),
                        }
                    })
                    .collect();
                Entity {
                    id: format!("E{}", i + 1),
                    name: name.clone(),
                    kind: EntityKind::Country,
                    code: Some(code.clone()),
                    country: Some(code.clone()),
                    roles: Vec::new(),
                    affiliation: None,
                    geo: None,
                    mentions,
                }
            })
            .collect();
        let n = self.rec.text.chars().count();
        self.rec.blocks = vec![Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: n,
        }];
        self.rec
    }
}

const ISR: (&str, &str) = ("ISR", "Israel");
const AZE: (&str, &str) = ("AZE", "Azerbaijan");
const TUR: (&str, &str) = ("TUR", "Turkey");
const ARM: (&str, &str) = ("ARM", "Armenia");
const IRN: (&str, &str) = ("IRN", "Iran");

/// An article with the seed's relations: ISR–AZE and AZE–TUR cooperation, ARM–IRN
/// cooperation, ARM–ISR and ARM–AZE conflict.
fn seed_like() -> Record {
    let mut b = Builder::new("seed", Some("https://news.example/seed"), "2024-10-15");
    b.sentence(
        "Ties in the South Caucausus have shifted over three decades of diplomacy and trade.",
    );
    b.event(ISR, AZE, "0871", 2, 8.3);
    b.amount_in_last(5e9, "advanced weaponry");
    b.event(AZE, TUR, "057", 1, 8.0);
    b.event(ARM, IRN, "061", 2, 6.4);
    b.event(ARM, ISR, "112", 3, -2.0);
    b.event(ARM, AZE, "190", 4, -10.0);
    b.quote(AZE, ISR, "Our partnership has only grown stronger with");
    b.build()
}

fn other_story() -> Record {
    let mut b = Builder::new("other", Some("https://news.example/other"), "2024-11-02");
    b.sentence("Officials met in the capital to discuss pipelines, grain shipments and a new railway line across the region.");
    b.event(TUR, AZE, "043", 1, 2.8);
    b.event(ARM, AZE, "130", 3, -4.4);
    b.build()
}

fn ingest(store: &Store, recs: &[Record]) -> dyad_store::IngestReport {
    let mut ing = store.ingester(2);
    for r in recs {
        ing.add(r).unwrap();
    }
    ing.finish().unwrap()
}

#[test]
fn ingest_is_idempotent_by_id_and_url() {
    let store = Store::open_in_memory().unwrap();
    let recs = [seed_like(), other_story()];
    let first = ingest(&store, &recs);
    assert_eq!((first.added, first.present), (2, 0));
    let before = stats(&store).unwrap();
    assert_eq!(before.events, 7);
    assert_eq!(before.articles, 2);

    let again = ingest(&store, &recs);
    assert_eq!((again.added, again.present), (0, 2));
    // Same URL, different id: still the same article.
    let mut moved = other_story();
    moved.id = "other-v2".into();
    let mut ing = store.ingester(10);
    assert_eq!(ing.add(&moved).unwrap(), Outcome::Present);
    ing.finish().unwrap();
    assert_eq!(stats(&store).unwrap(), before);
}

#[test]
fn a_stopped_ingest_resumes_where_it_stopped() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-store-resume");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("c.db");
    let recs: Vec<Record> = dyad_store::synth::records(10, 3, 1).collect();
    {
        let store = Store::open(&db).unwrap();
        let mut ing = store.ingester(4);
        for r in &recs[..6] {
            ing.add(r).unwrap();
        }
        // Stopped without finishing: only whole batches are kept when the process dies; here
        // the ingester is forgotten without its final commit to mimic that.
        std::mem::forget(ing);
    }
    let store = Store::open(&db).unwrap();
    let kept = stats(&store).unwrap();
    assert_eq!(kept.articles, 4, "the committed batch only");
    assert_eq!(kept.events, 12);
    let report = ingest(&store, &recs);
    assert_eq!((report.added, report.present), (6, 4));
    let all = stats(&store).unwrap();
    assert_eq!((all.articles, all.events), (10, 30));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn failures_are_recorded_and_cleared_on_success() {
    let store = Store::open_in_memory().unwrap();
    let mut ing = store.ingester(8);
    ing.fail("seed.txt", "cannot read").unwrap();
    ing.fail("bad.html", "empty input").unwrap();
    ing.fail("bad.html", "empty input").unwrap();
    let report = ing.finish().unwrap();
    assert_eq!(report.failed, 3);
    assert_eq!(stats(&store).unwrap().failed, 2, "one row per path");
    ingest(&store, &[seed_like()]);
    assert_eq!(stats(&store).unwrap().failed, 1, "seed.txt now stored");
}

#[test]
fn near_duplicates_are_mentions_not_new_events() {
    let store = Store::open_in_memory().unwrap();
    let original = seed_like();
    let mut copy = seed_like();
    copy.id = "syndicated".into();
    copy.source.url = Some("https://other.example/copy".into());
    copy.meta.site = Some("other.example".into());
    copy.text.push_str(" Reporting by the wire desk.");
    let report = ingest(&store, &[original, copy, other_story()]);
    assert_eq!((report.added, report.duplicates), (2, 1));
    let s = stats(&store).unwrap();
    assert_eq!((s.articles, s.stories, s.duplicates), (3, 2, 1));
    assert_eq!(s.events, 7, "the copy's events are not new events");

    let mut out = Vec::new();
    let opts = ExportOptions {
        format: ExportFormat::GdeltEvents,
        header: false,
    };
    export(&store, opts, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let cols = gdelt_columns();
    let at = |name: &str| cols.iter().position(|c| *c == name).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        let seed = r[at("SOURCEURL")] == "https://news.example/seed";
        let expect = if seed { ("2", "2") } else { ("1", "1") };
        assert_eq!((r[at("NumMentions")], r[at("NumSources")]), expect);
        assert_eq!(r[at("NumArticles")], expect.0);
    }
}

#[test]
fn gdelt_export_has_61_fields_and_the_header() {
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[seed_like(), other_story()]);
    let mut out = Vec::new();
    let n = export(
        &store,
        ExportOptions {
            format: ExportFormat::GdeltEvents,
            header: true,
        },
        &mut out,
    )
    .unwrap();
    assert_eq!(n, 7);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0].split('\t').collect::<Vec<_>>(), gdelt_columns());
    for l in &lines[1..] {
        assert_eq!(l.split('\t').count(), 61, "{l}");
    }
    let first: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(&first[1..4], ["20241015", "202410", "2024"]);
    assert_eq!(first[5], "ISR");
    assert_eq!(first[6], "ISRAEL");
    assert_eq!(first[15], "AZE");
    assert_eq!(&first[26..31], ["0871", "087", "08", "2", "8.3"]);
    assert_eq!(first[34], "1.5");
    assert_eq!(first[60], "https://news.example/seed");
}

#[test]
fn jsonl_and_csv_exports() {
    let store = Store::open_in_memory().unwrap();
    let recs = [seed_like(), other_story()];
    ingest(&store, &recs);
    let mut out = Vec::new();
    let opts = |format| ExportOptions {
        format,
        header: false,
    };
    assert_eq!(
        export(&store, opts(ExportFormat::Jsonl), &mut out).unwrap(),
        2
    );
    let back: Vec<Record> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, recs);

    let mut out = Vec::new();
    assert_eq!(
        export(&store, opts(ExportFormat::Csv), &mut out).unwrap(),
        7
    );
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8);
    assert!(lines[0].starts_with("event_id,article,event,"));
    assert!(lines[1].contains(",ISR,Israel,AZE,Azerbaijan,0871,08,2,8.3,"));
}

#[test]
fn search_finds_the_sentence_and_sanitises_queries() {
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[seed_like(), other_story()]);
    let q = |query: &str| SearchOptions {
        query: query.into(),
        limit: 10,
        ..SearchOptions::default()
    };
    let r = search(&store, &q("railway")).unwrap();
    assert_eq!(r.articles.len(), 1);
    assert_eq!(r.articles[0].article, "other");
    assert!(r.articles[0]
        .sentence
        .as_deref()
        .unwrap()
        .contains("new railway line"));

    let r = search(&store, &q("partnership")).unwrap();
    assert_eq!(r.quotes.len(), 1);
    assert_eq!(r.quotes[0].speaker.as_deref(), Some("Azerbaijan"));

    // FTS5 syntax in user input is harmless.
    for bad in [
        "\"unclosed",
        "(railway",
        "railway AND",
        "NEAR(",
        "text:railway*",
        "a OR OR b",
    ] {
        assert!(search(&store, &q(bad)).is_ok(), "{bad}");
    }
    assert!(matches!(
        search(&store, &q("() \" *")),
        Err(StoreError::EmptyQuery(_))
    ));

    // Filters: actor and dates.
    let mut f = q("Azerbaijan");
    assert_eq!(search(&store, &f).unwrap().articles.len(), 2);
    f.actor = Some("IRN".into());
    assert_eq!(search(&store, &f).unwrap().articles.len(), 1);
    f.actor = None;
    f.from = Some("2024-11-01".into());
    assert_eq!(search(&store, &f).unwrap().articles[0].article, "other");
    f.from = None;
    f.to = Some("2024-10-15".into());
    let hits = search(&store, &f).unwrap();
    assert_eq!(hits.articles.len(), 1);
    assert_eq!(hits.articles[0].article, "seed");
}

#[test]
fn relation_summarises_the_dyad() {
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[seed_like(), other_story()]);
    let r = relation(&store, "Armenia", "AZE", &RelationOptions::default()).unwrap();
    assert_eq!(r.a.codes, ["ARM"]);
    assert_eq!((r.events, r.a_to_b, r.b_to_a), (2, 2, 0));
    assert_eq!((r.cooperation, r.conflict), (0, 2));
    assert!((r.goldstein_mean.unwrap() - (-7.2)).abs() < 1e-9);
    assert_eq!(r.months.len(), 2);
    assert_eq!(r.months[0].month.as_deref(), Some("2024-10"));
    assert_eq!(r.months[0].quad, [0, 0, 0, 1]);
    assert_eq!(r.months[1].cameo_roots.get("13"), Some(&1));
    assert_eq!(r.evidence.len(), 2);
    assert!(r.evidence[1].sentence.starts_with("Armenia and Azerbaijan"));
    assert_eq!(r.evidence[1].title.as_deref(), Some("Title of seed"));
    assert_eq!(r.articles, 2);

    let r = relation(&store, "ISR", "Azerbaijan", &RelationOptions::default()).unwrap();
    assert_eq!(r.events, 1);
    assert_eq!(r.amounts.len(), 1);
    assert_eq!(r.amounts[0].value, 5e9);
    assert_eq!(r.quotes.len(), 1);
    assert_eq!(r.quotes[0].speaker_code, "AZE");
    assert_eq!(r.quotes[0].about, "ISR");
    assert_eq!(r.tone_mean, Some(1.5));

    assert!(matches!(
        relation(&store, "Atlantis", "ISR", &RelationOptions::default()),
        Err(StoreError::UnknownActor(_))
    ));
}

#[test]
fn graph_finds_the_seed_blocs() {
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[seed_like()]);
    let g = graph(&store).unwrap();
    assert_eq!(g.blocs, vec![vec!["AZE", "ISR", "TUR"], vec!["ARM", "IRN"]]);
    assert_eq!(g.frustration, 0.0);
    assert_eq!(g.nodes.len(), 5);
    assert_eq!(g.edges.len(), 5);
    let arm_aze = g
        .edges
        .iter()
        .find(|e| e.a == "ARM" && e.b == "AZE")
        .unwrap();
    assert!(arm_aze.weight < 0.0);
    let v = serde_json::to_value(&g).unwrap();
    for k in ["nodes", "edges", "blocs"] {
        assert!(v.get(k).is_some());
    }
}

#[test]
fn joint_sources_are_aligned() {
    // Only Armenia and Iran's joint criticism of Israel ties them; Turkey fights Armenia.
    let mut b = Builder::new("joint", None, "2024-10-15");
    b.joint_event(&[ARM, IRN], ISR, "111", 3, -2.0);
    b.event(TUR, ARM, "190", 4, -10.0);
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[b.build()]);
    let g = graph(&store).unwrap();
    let arm_irn = g
        .edges
        .iter()
        .find(|e| e.a == "ARM" && e.b == "IRN")
        .unwrap();
    assert_eq!((arm_irn.events, arm_irn.joint), (0, 1));
    assert_eq!(arm_irn.weight, 2.0);
    assert_eq!(g.blocs[0], vec!["ARM", "IRN"]);
    assert!(g.blocs[1..].iter().all(|b| !b.contains(&"ARM".to_string())));
}

#[test]
fn parquet_tables_hold_every_row() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let store = Store::open_in_memory().unwrap();
    ingest(&store, &[seed_like(), other_story()]);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-store-parquet");
    let _ = std::fs::remove_dir_all(&dir);
    let written = dyad_store::export_parquet(&store, &dir).unwrap();
    let rows: Vec<usize> = written.iter().map(|(_, n)| *n).collect();
    let s = stats(&store).unwrap();
    assert_eq!(
        rows,
        [s.events as usize, s.entities as usize, s.quotes as usize]
    );
    for (path, n) in &written {
        let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), *n as i64);
    }
    let events = SerializedFileReader::new(std::fs::File::open(&written[0].0).unwrap()).unwrap();
    let first = events.get_row_iter(None).unwrap().next().unwrap().unwrap();
    let text = first.to_string();
    assert!(text.contains("cameo: \"0871\""), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
