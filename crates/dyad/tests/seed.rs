//! End to end: the built `dyad` binary on the seed article, checked against the `metadata`
//! and `body` sections of its expected.json (the shared fixture folder beside the workspace;
//! the test is skipped with a note when that folder is absent).

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/seed")
}

/// Folds typographic quotes, dashes, case and whitespace, as the seed checker does.
fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The text of a span whose offsets count code points, as records do.
fn span(chars: &[char], v: &Value) -> String {
    let start = v["start"].as_u64().unwrap_or(0) as usize;
    let end = v["end"].as_u64().unwrap_or(0) as usize;
    chars
        .get(start..end.min(chars.len()))
        .map(|s| s.iter().collect())
        .unwrap_or_default()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs the built `dyad` binary; its standard output (the run must succeed).
fn dyad(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs");
    assert!(
        out.status.success(),
        "dyad failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The seed folder and its expected.json; `None` (with a note) when the folder is absent.
fn seed() -> Option<(PathBuf, Value)> {
    let dir = seed_dir();
    if !dir.join("article.txt").exists() {
        eprintln!("note: {} is absent; seed test skipped", dir.display());
        return None;
    }
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json readable"),
    )
    .expect("expected.json parses");
    Some((dir, expected))
}

#[test]
fn seed_article_metadata_and_body() {
    let Some((dir, expected)) = seed() else {
        return;
    };
    let article = dir.join("article.txt");
    let stdout =
        String::from_utf8(dyad(&["analyze".as_ref(), article.as_os_str()])).expect("UTF-8 output");
    let line = stdout.lines().next().expect("one record");
    let rec: Value = serde_json::from_str(line).expect("record parses");
    let text = rec["text"].as_str().unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let mut fails: Vec<String> = Vec::new();

    let m = &expected["metadata"];
    let bylines = strings(&rec["meta"]["byline"]);
    for name in strings(&m["byline"]) {
        if !bylines.iter().any(|b| norm(b).contains(&norm(&name))) {
            fails.push(format!("byline {name:?} not in {bylines:?}"));
        }
    }
    for (field, key) in [
        ("photo_credit", "photo_credit"),
        ("caption_contains", "caption"),
    ] {
        if let Some(want) = m[field].as_str() {
            let got = rec["meta"][key].as_str().unwrap_or("");
            if !norm(got).contains(&norm(want)) {
                fails.push(format!("{key}: got {got:?}, want it to contain {want:?}"));
            }
        }
    }

    let b = &expected["body"];
    let blocks = rec["blocks"].as_array().cloned().unwrap_or_default();
    let headings: Vec<String> = blocks
        .iter()
        .filter(|blk| blk["kind"] == "heading")
        .map(|blk| norm(&span(&chars, blk)))
        .collect();
    for h in strings(&b["headings"]) {
        if !headings.contains(&norm(&h)) {
            fails.push(format!("heading {h:?} not in {headings:?}"));
        }
    }
    let lines: Vec<String> = text.lines().map(norm).collect();
    for junk in strings(&b["must_not_contain_lines"]) {
        let j = norm(&junk);
        if lines
            .iter()
            .any(|l| *l == j || (j.len() > 12 && l.contains(&j)))
        {
            fails.push(format!("boilerplate {junk:?} left in the body"));
        }
    }
    let sentences: Vec<String> = rec["sentences"]
        .as_array()
        .map(|a| a.iter().map(|s| norm(&span(&chars, s))).collect())
        .unwrap_or_default();
    if let Some(first) = b["first_sentence_starts"].as_str() {
        if !sentences
            .first()
            .is_some_and(|s| s.starts_with(&norm(first)))
        {
            fails.push(format!(
                "first sentence {:?} does not start {first:?}",
                sentences.first()
            ));
        }
    }
    if let Some(last) = b["last_sentence_contains"].as_str() {
        if !sentences.last().is_some_and(|s| s.contains(&norm(last))) {
            fails.push(format!(
                "last sentence {:?} lacks {last:?}",
                sentences.last()
            ));
        }
    }
    assert!(
        fails.is_empty(),
        "seed checks failed:\n{}",
        fails.join("\n")
    );
}

/// The seed's `relations` section: every aligned pair falls in one bloc of `dyad graph`, and
/// every strained pair in two.
#[test]
fn seed_relations_give_the_blocs() {
    let Some((dir, expected)) = seed() else {
        return;
    };
    let work = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-seed-graph");
    std::fs::create_dir_all(&work).unwrap();
    let db = work.join("seed.db");
    let article = dir.join("article.txt");
    dyad(&[
        "ingest".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        article.as_os_str(),
    ]);
    let graph: Value =
        serde_json::from_slice(&dyad(&["graph".as_ref(), "--db".as_ref(), db.as_os_str()]))
            .expect("graph is JSON");
    std::fs::remove_dir_all(&work).unwrap();
    let bloc_of = |code: &str| {
        graph["blocs"].as_array().and_then(|blocs| {
            blocs
                .iter()
                .position(|b| strings(b).iter().any(|c| c == code))
        })
    };
    let blocs = &graph["blocs"];
    let pairs = |kind: &str| -> Vec<(String, String)> {
        expected["relations"][kind]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| {
                        let p = strings(p);
                        (p[0].clone(), p[1].clone())
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    for (a, b) in pairs("aligned") {
        let (x, y) = (bloc_of(&a), bloc_of(&b));
        assert!(
            x.is_some() && x == y,
            "{a} and {b} not in one bloc: {blocs}"
        );
    }
    for (a, b) in pairs("strained") {
        let (x, y) = (bloc_of(&a), bloc_of(&b));
        assert!(
            x.is_some() && y.is_some() && x != y,
            "{a} and {b} in one bloc: {blocs}"
        );
    }
}
