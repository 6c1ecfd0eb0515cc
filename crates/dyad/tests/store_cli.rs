//! The store commands end to end: ingest text files, rerun, count, search, export, graph.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dyad-cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn ingest_rerun_search_export() {
    let dir = tmpdir("ingest");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "Baku and Jerusalem deepen energy ties\n\nIsrael and Azerbaijan signed a gas agreement \
         on Monday. Officials said the pipeline would open next year.\n\nAnalysts expect more deals.",
    )
    .unwrap();
    std::fs::write(
        docs.join("b.txt"),
        "Floods close mountain roads\n\nHeavy rain flooded the northern valleys overnight. \
         Rescue teams evacuated several villages near the river.",
    )
    .unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    let db = dir.join("c.db");

    let first = dyad(&["ingest", "--db", s(&db), "--json", s(&docs)]);
    assert_eq!(first.status.code(), Some(1), "the empty file fails");
    let r = json(&first);
    assert_eq!(
        (r["added"].as_u64(), r["failed"].as_u64()),
        (Some(2), Some(1))
    );

    let again = dyad(&["ingest", "--db", s(&db), "--json", s(&docs)]);
    let r = json(&again);
    assert_eq!(
        (r["added"].as_u64(), r["present"].as_u64()),
        (Some(0), Some(2))
    );

    let st = json(&dyad(&["stats", "--db", s(&db), "--json"]));
    assert_eq!(st["articles"], 2);
    assert_eq!(st["failed"], 1);

    let hits = json(&dyad(&["search", "--db", s(&db), "--json", "pipeline"]));
    let articles = hits["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        articles[0]["sentence"],
        "Officials said the pipeline would open next year."
    );
    // FTS5 syntax errors in the query are not errors.
    let odd = dyad(&["search", "--db", s(&db), "--json", "\"pipeline AND ("]);
    assert!(odd.status.success());
    let empty = dyad(&["search", "--db", s(&db), "((*"]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no searchable words"));

    let out = dir.join("records.jsonl");
    let ex = dyad(&[
        "export",
        "--db",
        s(&db),
        "--format",
        "jsonl",
        "--out",
        s(&out),
    ]);
    assert!(ex.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 2);

    // Records ingest into a second store: the same two articles.
    let db2 = dir.join("d.db");
    let r = json(&dyad(&[
        "ingest",
        "--db",
        s(&db2),
        "--records",
        "--json",
        s(&out),
    ]));
    assert_eq!(r["added"], 2);

    let tsv = dyad(&[
        "export",
        "--db",
        s(&db),
        "--format",
        "gdelt-events",
        "--header",
    ]);
    let text = String::from_utf8(tsv.stdout).unwrap();
    assert_eq!(text.lines().next().unwrap().split('\t').count(), 61);

    let g = json(&dyad(&["graph", "--db", s(&db)]));
    for k in ["nodes", "edges", "blocs"] {
        assert!(g.get(k).is_some(), "{k}");
    }
    let missing = dyad(&["stats", "--db", s(&dir.join("none.db"))]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn synthetic_store_answers_relation_and_graph() {
    let dir = tmpdir("synth");
    let db = dir.join("s.db");
    let made = dyad(&[
        "synth",
        "--db",
        s(&db),
        "--articles",
        "200",
        "--events",
        "5",
    ]);
    assert!(made.status.success());
    let st = json(&dyad(&["stats", "--db", s(&db), "--json"]));
    assert_eq!(st["events"], 1000);
    let g = json(&dyad(&["graph", "--db", s(&db)]));
    let edge = &g["edges"][0];
    let (a, b) = (edge["a"].as_str().unwrap(), edge["b"].as_str().unwrap());
    let r = json(&dyad(&["relation", "--db", s(&db), "--json", a, b]));
    assert_eq!(r["a"]["codes"][0], a);
    assert_eq!(r["events"], edge["events"]);
    let text = dyad(&["relation", "--db", s(&db), a, b]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("evidence:"));
    let pq = dir.join("pq");
    let ex = dyad(&[
        "export",
        "--db",
        s(&db),
        "--format",
        "parquet",
        "--out",
        s(&pq),
    ]);
    assert!(ex.status.success());
    for t in ["events", "entities", "quotes"] {
        assert!(pq.join(format!("{t}.parquet")).is_file(), "{t}");
    }
    let g = dyad(&["graph", "--db", s(&db), "--format", "graphml"]);
    assert!(String::from_utf8_lossy(&g.stdout).contains("<graphml"));
    std::fs::remove_dir_all(&dir).unwrap();
}
