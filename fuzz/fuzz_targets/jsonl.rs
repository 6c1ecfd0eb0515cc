#![no_main]
//! libFuzzer entry for the `jsonl` target; the body is `dyad_fuzz::jsonl`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::jsonl(data));
