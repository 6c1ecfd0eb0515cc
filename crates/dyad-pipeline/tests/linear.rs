//! Pathological input stays linear: for each hostile shape (long runs of quotation marks,
//! masses of capitalised words, megabyte-long lines, huge numbers of tiny elements, deep
//! nesting) the whole analysis runs at two sizes, and the time ratio must stay near the size
//! ratio. Ratios, not absolute times, with wide slack: a quadratic step shows as a ratio near
//! the square of the size ratio, far above the bound, while a loaded machine does not. Where
//! the system reports it (Linux), the time is the thread's CPU time, which other processes on
//! a busy machine barely change; elsewhere it is wall time.
//!
//! The full-size run (`cargo test --release -p dyad-pipeline --test linear -- --ignored
//! --nocapture`) prints the times of shapes at several megabytes.

use std::time::{Duration, Instant};

use dyad_pipeline::{analyze, Options, Origin};

/// One hostile shape: its name and a page of about `n` units.
struct Shape {
    name: &'static str,
    page: fn(usize) -> String,
    /// Units in the small size; the large size is [`FACTOR`] times as many.
    small: usize,
}

/// How much larger the second size is.
const FACTOR: usize = 8;
/// The largest time ratio accepted: linear is 8, quadratic 64.
const MAX_RATIO: f64 = 24.0;

fn capitalised_word(i: usize) -> String {
    // Distinct words, so no cache or dictionary hit makes them cheap.
    let mut w = String::from("Q");
    let mut k = i;
    loop {
        w.push((b'a' + (k % 26) as u8) as char);
        k /= 26;
        if k == 0 {
            break;
        }
    }
    w
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "straight double quotes",
        page: |n| format!("He said {} and left.", "\"".repeat(n)),
        small: 10_000,
    },
    Shape {
        name: "curly quotes, unbalanced",
        page: |n| format!("Israel said \u{201c}{} it.", "\u{201c}word ".repeat(n)),
        small: 2_000,
    },
    Shape {
        name: "quoted words with cues",
        page: |n| "\"Yes,\" Mr. Smith said. ".repeat(n),
        small: 500,
    },
    Shape {
        name: "capitalised words, one sentence",
        page: |n| (0..n).map(capitalised_word).collect::<Vec<_>>().join(" "),
        small: 2_000,
    },
    Shape {
        name: "capitalised country and title words",
        page: |n| "President Israel Iran Minister Russia ".repeat(n),
        small: 400,
    },
    Shape {
        name: "one long line of words",
        page: |n| "the talks went on and on without end ".repeat(n),
        small: 750,
    },
    Shape {
        name: "one long line without spaces",
        page: |n| "x".repeat(n),
        small: 50_000,
    },
    Shape {
        name: "tiny sentences",
        page: |n| "A b. ".repeat(n),
        small: 2_500,
    },
    Shape {
        name: "tiny HTML paragraphs",
        page: |n| format!("<html><body>{}</body></html>", "<p>a</p>".repeat(n)),
        small: 2_500,
    },
    Shape {
        name: "tiny HTML elements in one paragraph",
        page: |n| format!("<html><body><p>{}</p></body></html>", "<b>a</b> ".repeat(n)),
        small: 2_500,
    },
    Shape {
        name: "numbers and amounts",
        page: |n| "$1,000 and 40% on 3 March 2024, ".repeat(n),
        small: 300,
    },
    Shape {
        name: "deeply nested HTML",
        page: |n| {
            format!(
                "<html><body>{}<p>Israel said it would talk.</p>{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        },
        small: 2_500,
    },
    Shape {
        name: "nested parentheses",
        page: |n| format!("Israel {} said {}.", "(".repeat(n), ")".repeat(n)),
        small: 5_000,
    },
];

/// The CPU time the calling thread has run, from `/proc/thread-self/schedstat` (nanoseconds,
/// first field); `None` where the system does not report it.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn time(page: &str) -> Duration {
    let opts = Options {
        doc_timeout: None,
        max_text_chars: None,
        ..Options::default()
    };
    let started = Instant::now();
    let cpu = thread_cpu();
    let _ = analyze(page.as_bytes(), Origin::default(), &opts);
    match (cpu, thread_cpu()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => started.elapsed(),
    }
}

/// The fastest of a few runs: noise from other processes only ever adds time.
fn best_of(page: &str, runs: usize) -> Duration {
    (0..runs).map(|_| time(page)).min().unwrap_or_default()
}

#[test]
fn pathological_shapes_take_linear_time() {
    let mut failures = Vec::new();
    for shape in SHAPES {
        let small = (shape.page)(shape.small);
        let large = (shape.page)(shape.small * FACTOR);
        // Interleaved, so a burst of load hits both sizes alike.
        let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
        for _ in 0..2 {
            t_small = t_small.min(best_of(&small, 2));
            t_large = t_large.min(time(&large));
        }
        // Below a few milliseconds fixed costs dominate; floor the small time there.
        let floor = Duration::from_millis(5);
        let ratio = t_large.as_secs_f64() / t_small.max(floor).as_secs_f64();
        eprintln!(
            "{:40} {:>9} B {:>8.1} ms | {:>9} B {:>8.1} ms | ratio {ratio:.1}",
            shape.name,
            small.len(),
            t_small.as_secs_f64() * 1e3,
            large.len(),
            t_large.as_secs_f64() * 1e3,
        );
        if ratio > MAX_RATIO {
            failures.push(format!("{}: ratio {ratio:.1}", shape.name));
        }
    }
    assert!(
        failures.is_empty(),
        "superlinear at {FACTOR}x size: {failures:?}"
    );
}

#[test]
#[ignore]
fn pathological_shapes_at_full_size() {
    for shape in SHAPES {
        let page = (shape.page)(shape.small * 64);
        let t = time(&page);
        println!(
            "{:40} {:>6.1} MB {:>8.3} s = {:>6.2} MB/s",
            shape.name,
            page.len() as f64 / 1e6,
            t.as_secs_f64(),
            page.len() as f64 / 1e6 / t.as_secs_f64().max(1e-9)
        );
    }
}
