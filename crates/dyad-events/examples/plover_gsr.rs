//! Scores the coder on the PLOVER gold sentences with the metrics of
//! `bench/events_bench.py` (type recall, type precision, type-and-actors recall), actors found
//! with a country/demonym dictionary. `--show-misses` prints what went wrong.
//!
//! `cargo run --release -p dyad-events --example plover_gsr [-- --show-misses]`

#[path = "../tests/support/mod.rs"]
mod support;

use support::canon_plover;

fn main() {
    let show = std::env::args().any(|a| a == "--show-misses");
    let (Some(gold), Some(finder), Some(book)) = (
        support::plover_gold(),
        support::country_finder(),
        support::FileCodebook::load(),
    ) else {
        eprintln!("PLOVER data absent");
        return;
    };
    let coder = dyad_events::EventCoder::new();
    let (mut type_hit, mut full_hit, mut n_pred, mut pred_ok) = (0, 0, 0, 0);
    for g in &gold {
        let actors = finder.find(&g.text);
        let evs = support::code_text(&coder, &g.text, &actors, &book);
        let want = canon_plover(&g.event);
        let same: Vec<_> = evs
            .iter()
            .filter(|e| {
                e.plover.as_deref().map(canon_plover).as_deref() == Some(&want) && !e.negated
            })
            .collect();
        type_hit += usize::from(!same.is_empty());
        let p3 = |c: &Option<String>| {
            c.as_deref()
                .unwrap_or("")
                .chars()
                .take(3)
                .collect::<String>()
        };
        let full = same.iter().any(|e| {
            (g.sources.is_empty() || g.sources.contains(&p3(&e.source)))
                && (g.targets.is_empty() || g.targets.contains(&p3(&e.target)))
        });
        full_hit += usize::from(full);
        n_pred += evs.len();
        pred_ok += evs
            .iter()
            .filter(|e| e.plover.as_deref().map(canon_plover).as_deref() == Some(&want))
            .count();
        if show && !full {
            let got: Vec<_> = evs
                .iter()
                .map(|e| {
                    (
                        e.plover.clone(),
                        e.cameo.clone(),
                        e.source.clone(),
                        e.target.clone(),
                    )
                })
                .collect();
            let found: Vec<_> = actors
                .iter()
                .map(|a| format!("{}={}", &g.text[a.start..a.end], a.code))
                .collect();
            println!(
                "MISS {}: want {want} {:?}->{:?} got {got:?}\n     actors {found:?}\n     {}",
                g.id, g.sources, g.targets, g.text
            );
        }
    }
    let n = gold.len();
    println!(
        "events: type_recall={:.3} type_precision={:.3} full_recall={:.3} n={n} predicted={n_pred}",
        type_hit as f64 / n as f64,
        if n_pred > 0 {
            pred_ok as f64 / n_pred as f64
        } else {
            0.0
        },
        full_hit as f64 / n as f64
    );
}
