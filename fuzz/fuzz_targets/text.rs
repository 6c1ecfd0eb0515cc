#![no_main]
//! libFuzzer entry for the `text` target; the body is `dyad_fuzz::text`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::text(data));
