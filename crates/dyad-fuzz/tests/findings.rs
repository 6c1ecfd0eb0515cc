//! Every input the fuzzers ever found (saved under `tests/fixtures/<target>/`) and every seed
//! runs through its target without a panic and in bounded time; the targets' invariant checks
//! hold on all of them.

use std::time::{Duration, Instant};

use dyad_fuzz::{seeds, TARGETS};

/// Far above what any of these inputs takes, even unoptimised on a loaded machine; an input
/// over it has hit superlinear code.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn saved_findings_and_seeds_run_clean() {
    let root = seeds::repo_root();
    let pages = seeds::pages(&root, &[]);
    let mut slow = Vec::new();
    for (name, target) in TARGETS {
        let inputs = seeds::for_target(name, &pages, &root);
        for (i, input) in inputs.iter().enumerate() {
            let started = Instant::now();
            target(input);
            let took = started.elapsed();
            if took > LIMIT {
                slow.push(format!("{name} input {i}: {took:?}"));
            }
        }
    }
    assert!(slow.is_empty(), "inputs over {LIMIT:?}: {slow:?}");
}
