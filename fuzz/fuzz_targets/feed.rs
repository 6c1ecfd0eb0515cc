#![no_main]
//! libFuzzer entry for the `feed` target; the body is `dyad_fuzz::feed`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::feed(data));
