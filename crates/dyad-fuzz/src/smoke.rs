//! The smoke fuzzer: for a fixed time, mutate seeds and run them through a target, catching
//! panics. No coverage feedback (that is what the libFuzzer runs are for), but it needs only
//! the stable toolchain, so CI runs it on every change. A panic or an input that runs past the
//! time limit is saved to a file and reported as a finding.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::mutate::{mutate, Rng};
use crate::Target;

/// How one smoke run goes.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long to fuzz the target.
    pub duration: Duration,
    /// Seed of the mutation generator: the same seed gives the same inputs in the same order.
    pub seed: u64,
    /// Largest input tried, in bytes.
    pub max_len: usize,
    /// Where findings are written.
    pub out: PathBuf,
}

/// What a smoke run did.
#[derive(Debug, Default)]
pub struct Report {
    pub executions: u64,
    /// Files holding the inputs that panicked.
    pub findings: Vec<PathBuf>,
    /// The slowest input: time and length in bytes.
    pub slowest: (Duration, usize),
}

/// The input a run is working on and since when, for a watchdog on another thread.
#[derive(Debug, Default)]
pub struct Current {
    pub input: Vec<u8>,
    pub started: Option<Instant>,
}

/// Mutants kept besides the seeds, so that edits can build on edits.
const POOL: usize = 256;
/// At most this many findings are saved per run; more of the same add nothing.
const MAX_FINDINGS: usize = 5;

/// Fuzzes `target` from `seeds` for `config.duration`; `current` is kept up to date with the
/// input in flight.
pub fn run(
    name: &str,
    target: Target,
    seeds: &[Vec<u8>],
    config: &Config,
    current: &Arc<Mutex<Current>>,
) -> Report {
    let mut rng = Rng::new(config.seed);
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut report = Report::default();
    let deadline = Instant::now() + config.duration;
    let mut n = 0usize;
    while Instant::now() < deadline && report.findings.len() < MAX_FINDINGS {
        // Each seed once as it is, then mutants.
        let input = if n < seeds.len() {
            seeds[n].clone()
        } else {
            let base = rng.below(seeds.len() + pool.len());
            let mut input = seeds
                .get(base)
                .unwrap_or_else(|| &pool[base - seeds.len()])
                .clone();
            mutate(&mut input, &mut rng, seeds, config.max_len);
            input
        };
        n += 1;
        if let Ok(mut c) = current.lock() {
            c.input.clone_from(&input);
            c.started = Some(Instant::now());
        }
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let took = started.elapsed();
        report.executions += 1;
        if took > report.slowest.0 {
            report.slowest = (took, input.len());
        }
        if outcome.is_err() {
            match save(&config.out, name, "crash", &input) {
                Ok(path) => report.findings.push(path),
                Err(e) => eprintln!("dyad-fuzz: {name}: cannot save a finding: {e}"),
            }
        }
        if n > seeds.len() && rng.one_in(8) {
            if pool.len() < POOL {
                pool.push(input);
            } else {
                let slot = rng.below(POOL);
                pool[slot] = input;
            }
        }
    }
    if let Ok(mut c) = current.lock() {
        c.started = None;
    }
    report
}

/// Writes a finding to `dir/<target>-<kind>-<hash>` and returns its path.
pub fn save(dir: &Path, target: &str, kind: &str, input: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{target}-{kind}-{:016x}", fnv1a(input)));
    std::fs::write(&path, input)?;
    Ok(path)
}

/// FNV-1a, 64 bits: a stable name for an input.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picky(data: &[u8]) {
        assert!(!data.windows(3).any(|w| w == b"<p>"), "found it");
    }

    #[test]
    fn a_panicking_target_is_found_and_saved() {
        let dir = tempfile::Builder::new()
            .prefix("dyad-fuzz-smoke-")
            .tempdir()
            .unwrap();
        let out = dir.path().join("findings");
        let config = Config {
            duration: Duration::from_secs(5),
            seed: 1,
            max_len: 4096,
            out,
        };
        let current = Arc::new(Mutex::new(Current::default()));
        let report = run(
            "picky",
            picky,
            &[b"Israel said".to_vec()],
            &config,
            &current,
        );
        assert!(!report.findings.is_empty(), "{report:?}");
        let saved = std::fs::read(&report.findings[0]).unwrap();
        assert!(std::panic::catch_unwind(|| picky(&saved)).is_err());
    }
}
