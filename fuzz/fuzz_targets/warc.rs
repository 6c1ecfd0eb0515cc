#![no_main]
//! libFuzzer entry for the `warc` target; the body is `dyad_fuzz::warc`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::warc(data));
