//! Crash safety of the store: `dyad ingest` is killed with SIGKILL at random (seeded) moments;
//! after each kill the database must pass SQLite's integrity and foreign-key checks, hold every
//! article the ingest reported as committed exactly once and each stored article whole, and a
//! second run must complete the rest to the same counts as an uninterrupted ingest.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

/// Kill trials; each ends with a resumed run.
const TRIALS: usize = 20;
/// Items per transaction: small, so kills land before, inside and after many commits.
const BATCH: &str = "7";

fn tmpdir(name: &str) -> PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dyad-crash-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A small deterministic generator for the corpus and the kill moments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// Writes the corpus: distinct news articles, near-duplicate copies of some, and a few items
/// that fail (empty, binary). Returns the file names in the order ingest reads them.
fn write_corpus(dir: &Path) -> Vec<String> {
    const ACTORS: &[&str] = &[
        "Israel",
        "Iran",
        "Russia",
        "Ukraine",
        "Azerbaijan",
        "Turkey",
        "Egypt",
        "France",
        "Germany",
        "China",
        "Japan",
        "India",
        "Brazil",
        "Kenya",
        "Ethiopia",
        "Qatar",
    ];
    const VERBS: &[&str] = &[
        "signed a trade agreement with",
        "accused",
        "met officials from",
        "threatened sanctions against",
        "promised aid to",
        "condemned",
        "held talks with",
    ];
    const WORDS: &[&str] = &[
        "energy",
        "pipeline",
        "border",
        "grain",
        "election",
        "drones",
        "ceasefire",
        "port",
        "tariffs",
        "refugees",
        "vaccines",
        "satellites",
        "railway",
        "wheat",
        "loans",
        "troops",
        "embassy",
        "fisheries",
        "water",
        "oil",
        "gas",
        "bonds",
        "courts",
        "shipping",
        "schools",
    ];
    let mut rng = Rng(0x5eed_cafe);
    let mut names = Vec::new();
    for i in 0..100 {
        let (a, b) = (rng.pick(ACTORS), rng.pick(ACTORS));
        let verb = rng.pick(VERBS);
        // Topic words vary from article to article, so only the copies are near-duplicates.
        let mut topic = || {
            (0..6)
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        let text = format!(
            "{a} and {b}: report {i}\n\n{a} {verb} {b} on Monday over {t1}, officials said. \
             \"We will not stand by on {t2},\" the foreign minister of {a} said. \
             The talks in the capital of {b} lasted {n} hours and covered {t3}.\n\n\
             Analysts said the move could cost ${m} million in {t4}. {b} said it \
             would respond on {day} March 2024.",
            t1 = topic(),
            t2 = topic(),
            t3 = topic(),
            t4 = topic(),
            n = 2 + i % 9,
            m = 10 + i * 7,
            day = 1 + i % 28,
        );
        let name = format!("a{i:03}.txt");
        std::fs::write(dir.join(&name), &text).unwrap();
        names.push(name);
        if i % 10 == 3 {
            // A syndicated copy with one sentence added: stored as a near-duplicate.
            let name = format!("a{i:03}-copy.txt");
            std::fs::write(dir.join(&name), format!("{text} More follows.")).unwrap();
            names.push(name);
        }
        if i % 40 == 7 {
            let name = format!("a{i:03}-empty.txt");
            std::fs::write(dir.join(&name), "").unwrap();
            names.push(name);
        }
    }
    names.sort();
    names
}

/// When to kill a run: after its `commits`-th commit line, plus a delay.
#[derive(Clone, Copy)]
struct KillPlan {
    commits: usize,
    delay: Duration,
}

/// What one ingest run printed and how it ended.
struct Run {
    /// The committed counts of each "committed" line, with the time since the run started.
    commits: Vec<(Duration, Committed)>,
    /// Killed by the test before it ended by itself.
    killed: bool,
    status: std::process::ExitStatus,
}

/// Counts from one "committed" line: articles (added + near-duplicates) and failures.
#[derive(Clone, Copy, Default, Debug)]
struct Committed {
    articles: usize,
    failed: usize,
}

/// The counts of a whole "committed" line; a line cut short by the kill is none.
fn parse_committed(line: &str) -> Option<Committed> {
    let rest = line
        .strip_prefix("dyad: committed ")?
        .strip_suffix(" failed")?;
    let n: Vec<usize> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    match n[..] {
        [added, duplicates, _present, failed] => Some(Committed {
            articles: added + duplicates,
            failed,
        }),
        _ => None,
    }
}

/// Runs an ingest of `corpus` into `db`, logging each commit; with a plan, kills it with
/// SIGKILL at the planned moment (unless it ends first).
fn ingest(db: &Path, corpus: &Path, plan: Option<KillPlan>) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            "--log-commits",
            "--threads",
            "2",
            "--batch",
            BATCH,
            "--db",
        ])
        .arg(db)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(c) = parse_committed(&line) {
                let _ = tx.send((started.elapsed(), c));
            }
        }
    });
    let mut commits = Vec::new();
    let mut killed = false;
    if let Some(plan) = plan {
        // Wait for the planned number of commits (or the end of the run)...
        while commits.len() < plan.commits {
            match rx.recv() {
                Ok(c) => commits.push(c),
                Err(_) => break,
            }
        }
        // ...then for the delay, and kill if the run is still going.
        let deadline = Instant::now() + plan.delay;
        while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed = true;
        }
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    commits.extend(rx.try_iter());
    Run {
        commits,
        killed,
        status,
    }
}

/// Row counts of every table that an ingest fills.
fn counts(conn: &Connection) -> BTreeMap<&'static str, i64> {
    const TABLES: &[&str] = &[
        "articles",
        "entities",
        "mentions",
        "quotes",
        "quote_dyads",
        "events",
        "amounts",
        "minhash_bands",
        "failures",
        "actor_names",
        "articles_fts",
        "quotes_fts",
    ];
    TABLES
        .iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (*t, n)
        })
        .collect()
}

/// The stored article paths (file names), in row order.
fn stored_paths(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare("SELECT path FROM articles ORDER BY rowid")
        .unwrap();
    let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(|p| {
        let p = p.unwrap();
        Path::new(&p)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    })
    .collect()
}

/// Whether the store's schema is there. A run killed while creating it must leave all of it
/// or none: at most the empty version table, which the next run fills in.
fn has_schema(conn: &Connection, trial: usize) -> bool {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let versions: i64 = if tables.iter().any(|t| t == "schema_version") {
        conn.query_row("SELECT count(*) FROM schema_version", [], |r| r.get(0))
            .unwrap()
    } else {
        0
    };
    if versions == 0 {
        assert!(
            tables.iter().all(|t| t == "schema_version"),
            "trial {trial}: half a schema: {tables:?}"
        );
    }
    versions > 0
}

/// The database is sound and every stored article is whole: its layers match its record.
fn check_consistent(conn: &Connection, trial: usize) {
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "trial {trial}: integrity check");
    let fk_violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_violations, 0, "trial {trial}: foreign keys");
    let fts_ok = conn.execute_batch(
        "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check');
         INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');",
    );
    assert!(fts_ok.is_ok(), "trial {trial}: full-text index: {fts_ok:?}");
    let mut st = conn
        .prepare(
            "SELECT a.record, a.duplicate,
                    (SELECT count(*) FROM entities e WHERE e.article = a.rowid),
                    (SELECT count(*) FROM events v WHERE v.article = a.rowid),
                    (SELECT count(*) FROM quotes q WHERE q.article = a.rowid),
                    (SELECT count(*) FROM minhash_bands b WHERE b.article = a.rowid)
             FROM articles a",
        )
        .unwrap();
    let mut rows = st.query([]).unwrap();
    while let Some(row) = rows.next().unwrap() {
        let record: String = row.get(0).unwrap();
        let rec: serde_json::Value = serde_json::from_str(&record).unwrap();
        let duplicate: bool = row.get(1).unwrap();
        let stored: [i64; 3] = [
            row.get(2).unwrap(),
            row.get(3).unwrap(),
            row.get(4).unwrap(),
        ];
        let len = |k: &str| rec[k].as_array().map_or(0, Vec::len) as i64;
        let expected = if duplicate {
            [0, 0, 0]
        } else {
            [len("entities"), len("events"), len("quotes")]
        };
        assert_eq!(stored, expected, "trial {trial}: layers of {}", rec["id"]);
        let bands: i64 = row.get(5).unwrap();
        assert!(
            bands > 0,
            "trial {trial}: near-duplicate index of {}",
            rec["id"]
        );
    }
}

#[test]
fn ingest_survives_sigkill_at_any_moment() {
    let dir = tmpdir("sigkill");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let names = write_corpus(&corpus);
    let (failing, articles): (Vec<String>, Vec<String>) =
        names.into_iter().partition(|n| n.contains("empty"));

    // An uninterrupted ingest: the counts every resumed run must reach, and its pace.
    let clean_db = dir.join("clean.db");
    let clean = ingest(&clean_db, &corpus, None);
    assert_eq!(clean.status.code(), Some(1), "the empty items fail");
    let clean_conn = Connection::open(&clean_db).unwrap();
    let expected = counts(&clean_conn);
    assert_eq!(expected["articles"], articles.len() as i64);
    assert_eq!(expected["failures"], failing.len() as i64);
    assert_eq!(stored_paths(&clean_conn), articles);
    assert!(expected["events"] > 0 && expected["quotes"] > 0 && expected["articles_fts"] > 0);
    drop(clean_conn);
    let commits = clean.commits.len();
    let (first, last) = (clean.commits[0].0, clean.commits[commits - 1].0);
    let between = (last - first) / (commits as u32 - 1).max(1);
    eprintln!(
        "clean ingest: {} articles, {commits} commits, first at {first:?}, then every {between:?}",
        articles.len()
    );

    // Trials run two at a time (start-up dominates an unoptimised run); each has its own
    // seeded plan, so the moments are the same on every run of the test.
    let next_trial = std::sync::atomic::AtomicUsize::new(0);
    let killed_mid_run = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let trial = next_trial.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if trial >= TRIALS {
                    break;
                }
                let mut rng = Rng(0xdead_beef_1234 ^ (trial as u64 + 1).wrapping_mul(0x9e37_79b9));
                // Anywhere from start-up to the last commit: after a random number of
                // commits, and a random part of the time to the next.
                let plan = KillPlan {
                    commits: (rng.next() % commits as u64) as usize,
                    delay: between.mul_f64((rng.next() % 1000) as f64 / 1000.0),
                };
                let killed = trial_run(&dir, &corpus, trial, plan, &articles, &expected);
                killed_mid_run.fetch_add(usize::from(killed), std::sync::atomic::Ordering::Relaxed);
            });
        }
    });
    let killed_mid_run = killed_mid_run.into_inner();
    assert!(
        killed_mid_run >= TRIALS * 3 / 4,
        "only {killed_mid_run} of {TRIALS} kills landed before the run ended"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// One trial: a run killed as planned, the checks on what it left, and a resumed run that must
/// reach the clean ingest's counts. Returns whether the kill landed before the run ended.
fn trial_run(
    dir: &Path,
    corpus: &Path,
    trial: usize,
    plan: KillPlan,
    articles: &[String],
    expected: &BTreeMap<&'static str, i64>,
) -> bool {
    let db = dir.join(format!("trial-{trial}.db"));
    let run = ingest(&db, corpus, Some(plan));
    let reported = run.commits.last().map_or_else(Committed::default, |c| c.1);
    eprintln!(
        "trial {trial}: {} after {} commits + {:?}; {} articles reported committed",
        if run.killed { "killed" } else { "finished" },
        plan.commits,
        plan.delay,
        reported.articles
    );

    if db.exists() && has_schema(&Connection::open(&db).unwrap(), trial) {
        let conn = Connection::open(&db).unwrap();
        check_consistent(&conn, trial);
        // What was reported committed is there, once, in input order; nothing else is.
        let stored = stored_paths(&conn);
        assert!(
            stored.len() >= reported.articles,
            "trial {trial}: {} reported committed, {} stored",
            reported.articles,
            stored.len()
        );
        assert_eq!(
            stored[..],
            articles[..stored.len()],
            "trial {trial}: stored articles are not a prefix of the input"
        );
        let failures = counts(&conn)["failures"] as usize;
        assert!(failures >= reported.failed, "trial {trial}: failures");
    }

    // The second run completes the rest.
    let resumed = ingest(&db, corpus, None);
    assert_eq!(resumed.status.code(), Some(1), "trial {trial}: resumed run");
    let conn = Connection::open(&db).unwrap();
    check_consistent(&conn, trial);
    assert_eq!(
        &counts(&conn),
        expected,
        "trial {trial}: counts after resuming"
    );
    assert_eq!(stored_paths(&conn), articles, "trial {trial}: articles");
    run.killed
}
