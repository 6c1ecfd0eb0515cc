//! `dyad-fuzz`: the smoke fuzzer on the stable toolchain, plus replay of saved inputs and
//! export of the seed corpus for libFuzzer.
//!
//! ```text
//! dyad-fuzz [--seconds N] [--jobs N] [--seed N] [--max-len N] [--out DIR] [--seeds DIR]... TARGET...|all
//! dyad-fuzz --replay TARGET FILE...
//! dyad-fuzz --write-corpus DIR [--seeds DIR]...
//! ```
//! Exit status 1 when any input panicked or overran `--timeout`, 2 for usage errors.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dyad_fuzz::smoke::{self, Config, Current};
use dyad_fuzz::{seeds, target, TARGETS};

struct Args {
    targets: Vec<String>,
    seconds: u64,
    jobs: usize,
    seed: u64,
    max_len: usize,
    timeout: u64,
    out: PathBuf,
    extra_seeds: Vec<PathBuf>,
    replay: bool,
    write_corpus: Option<PathBuf>,
}

const USAGE: &str = "usage: dyad-fuzz [--seconds N] [--jobs N] [--seed N] [--max-len N] \
[--timeout SECS] [--out DIR] [--seeds DIR]... TARGET...|all\n       \
dyad-fuzz --replay TARGET FILE...\n       dyad-fuzz --write-corpus DIR [--seeds DIR]...";

fn parse() -> Result<Args, String> {
    let mut args = Args {
        targets: Vec::new(),
        seconds: 60,
        jobs: 2,
        seed: 1,
        max_len: 64 * 1024,
        timeout: 60,
        out: PathBuf::from("target/fuzz-smoke"),
        extra_seeds: Vec::new(),
        replay: false,
        write_corpus: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String, flag: &str| -> Result<u64, String> {
            v.parse().map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match a.as_str() {
            "--seconds" => args.seconds = number(value(&a)?, &a)?,
            "--jobs" => args.jobs = number(value(&a)?, &a)?.max(1) as usize,
            "--seed" => args.seed = number(value(&a)?, &a)?,
            "--max-len" => args.max_len = number(value(&a)?, &a)? as usize,
            "--timeout" => args.timeout = number(value(&a)?, &a)?,
            "--out" => args.out = value(&a)?.into(),
            "--seeds" => args.extra_seeds.push(value(&a)?.into()),
            "--write-corpus" => args.write_corpus = Some(value(&a)?.into()),
            "--replay" => args.replay = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.targets.push(a),
        }
    }
    if args.write_corpus.is_none() && args.targets.is_empty() {
        return Err("name a target or `all`".into());
    }
    if !args.replay && args.targets.iter().any(|t| t == "all") {
        args.targets = TARGETS.iter().map(|(n, _)| n.to_string()).collect();
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("dyad-fuzz: {e}");
            }
            eprintln!("{USAGE}\ntargets: {}", names());
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.write_corpus {
        return write_corpus(dir, &args.extra_seeds);
    }
    if args.replay {
        return replay(&args.targets);
    }
    if let Some(bad) = args.targets.iter().find(|t| target(t).is_none()) {
        eprintln!("dyad-fuzz: no target {bad:?}; targets: {}", names());
        return ExitCode::from(2);
    }
    fuzz(&args)
}

fn names() -> String {
    TARGETS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs every named target for the given time, `jobs` at a time, with a watchdog that stops
/// the whole run (saving the input) when one input overruns the timeout.
fn fuzz(args: &Args) -> ExitCode {
    let root = seeds::repo_root();
    let pages = seeds::pages(&root, &args.extra_seeds);
    let queue = Mutex::new(args.targets.iter().enumerate().collect::<Vec<_>>());
    let failed = Mutex::new(false);
    let slots: Vec<Arc<Mutex<Current>>> = (0..args.jobs)
        .map(|_| Arc::new(Mutex::new(Current::default())))
        .collect();
    let running: Vec<Mutex<Option<String>>> = (0..args.jobs).map(|_| Mutex::new(None)).collect();
    let timeout = Duration::from_secs(args.timeout);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..args.jobs)
            .map(|j| {
                let (queue, failed, current, running) = (&queue, &failed, &slots[j], &running[j]);
                let pages = &pages;
                let root = &root;
                s.spawn(move || loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop());
                    let Some((i, name)) = next else { break };
                    let Some(f) = target(name) else { break };
                    if let Ok(mut r) = running.lock() {
                        *r = Some(name.clone());
                    }
                    let seeds = seeds::for_target(name, pages, root);
                    let config = Config {
                        duration: Duration::from_secs(args.seconds),
                        seed: args.seed.wrapping_add(i as u64),
                        max_len: args.max_len,
                        out: args.out.clone(),
                    };
                    let report = smoke::run(name, f, &seeds, &config, current);
                    eprintln!(
                        "dyad-fuzz: {name}: {} executions in {} s from {} seeds, slowest {:.3} s \
                         ({} bytes), {} findings",
                        report.executions,
                        args.seconds,
                        seeds.len(),
                        report.slowest.0.as_secs_f64(),
                        report.slowest.1,
                        report.findings.len()
                    );
                    for p in &report.findings {
                        eprintln!("dyad-fuzz: {name}: panicked on {}", p.display());
                    }
                    if !report.findings.is_empty() {
                        if let Ok(mut f) = failed.lock() {
                            *f = true;
                        }
                    }
                })
            })
            .collect();
        // The watchdog: an input running past the timeout is a finding that ends the run.
        while workers.iter().any(|w| !w.is_finished()) {
            std::thread::sleep(Duration::from_millis(200));
            for (slot, running) in slots.iter().zip(&running) {
                let Ok(c) = slot.lock() else { continue };
                if c.started.is_some_and(|t| t.elapsed() > timeout) {
                    let name = running
                        .lock()
                        .ok()
                        .and_then(|r| r.clone())
                        .unwrap_or_default();
                    match smoke::save(&args.out, &name, "timeout", &c.input) {
                        Ok(p) => eprintln!(
                            "dyad-fuzz: {name}: an input ran over {} s: {}",
                            args.timeout,
                            p.display()
                        ),
                        Err(e) => eprintln!("dyad-fuzz: {name}: an input ran over the limit ({e})"),
                    }
                    std::process::exit(1);
                }
            }
        }
    });
    if failed.into_inner().unwrap_or(true) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs saved inputs through a target, reporting each one's outcome and time.
fn replay(targets: &[String]) -> ExitCode {
    let Some((name, files)) = targets.split_first() else {
        return ExitCode::from(2);
    };
    let Some(f) = target(name) else {
        eprintln!("dyad-fuzz: no target {name:?}; targets: {}", names());
        return ExitCode::from(2);
    };
    let mut failed = false;
    for file in files {
        let Ok(input) = std::fs::read(file) else {
            eprintln!("dyad-fuzz: cannot read {file}");
            failed = true;
            continue;
        };
        let started = Instant::now();
        let ok = std::panic::catch_unwind(|| f(&input)).is_ok();
        failed |= !ok;
        eprintln!(
            "dyad-fuzz: {name}: {file}: {} in {:.3} s",
            if ok { "ok" } else { "PANIC" },
            started.elapsed().as_secs_f64()
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes each target's seeds to `dir/<target>/`, the starting corpus of a libFuzzer run.
fn write_corpus(dir: &std::path::Path, extra: &[PathBuf]) -> ExitCode {
    let root = seeds::repo_root();
    let pages = seeds::pages(&root, extra);
    for (name, _) in TARGETS {
        let sub = dir.join(name);
        let written = std::fs::create_dir_all(&sub).and_then(|()| {
            for (i, seed) in seeds::for_target(name, &pages, &root).iter().enumerate() {
                std::fs::write(sub.join(format!("seed-{i:04}")), seed)?;
            }
            Ok(())
        });
        if let Err(e) = written {
            eprintln!("dyad-fuzz: {}: {e}", sub.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
