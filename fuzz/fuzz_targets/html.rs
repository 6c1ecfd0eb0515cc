#![no_main]
//! libFuzzer entry for the `html` target; the body is `dyad_fuzz::html`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::html(data));
