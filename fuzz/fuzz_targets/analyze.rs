#![no_main]
//! libFuzzer entry for the `analyze` target; the body is `dyad_fuzz::analyze_page`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::analyze_page(data));
