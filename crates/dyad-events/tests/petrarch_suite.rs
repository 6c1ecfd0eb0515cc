//! The PETRARCH unit-test suite as a regression suite: its toy verb dictionary read with the
//! PETRARCH-format reader, actors found with its toy actor/agent dictionaries. Prints the pass
//! rate; fails below the floor reached. Skips when the shared data is absent.

mod support;

/// Sentences whose coded event set must equal the expected one.
const PASS_FLOOR: f64 = 0.5;

#[test]
fn petrarch_unit_tests_pass_rate() {
    let Some(r) = support::petrarch_suite() else {
        eprintln!("PETRARCH unit-test data absent: skipped");
        return;
    };
    let rate = r.passed as f64 / r.sentences.max(1) as f64;
    let recall = r.found_events as f64 / r.expected_events.max(1) as f64;
    println!(
        "petrarch: {}/{} sentences pass ({rate:.3}); events found {}/{} ({recall:.3}); predicted {}",
        r.passed, r.sentences, r.found_events, r.expected_events, r.predicted_events
    );
    assert!(r.sentences >= 280, "suite not read: {}", r.sentences);
    assert!(rate >= PASS_FLOOR, "pass rate {rate:.3} below {PASS_FLOOR}");
}
