//! The `dyad analyze` command as users call it: paths, folders, stdin, gzip, failures.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("dyad runs");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dyad-cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is a JSON record"))
        .collect()
}

#[test]
fn a_bad_item_is_reported_and_the_rest_goes_on() {
    let d = tmpdir("mixed");
    std::fs::write(d.join("a.txt"), "Israel and Azerbaijan signed a deal.").unwrap();
    std::fs::write(d.join("b.bin"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(
        d.join("c.html"),
        "<html><body><p>Baku hosts talks.</p></body></html>",
    )
    .unwrap();
    std::fs::write(d.join("d.txt"), "").unwrap();
    let out = dyad(&["analyze", d.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"]["format"], "text");
    assert_eq!(recs[1]["source"]["format"], "html");
    assert_eq!(recs[0]["schema"], "dyad.article/1");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.bin") && err.contains("binary"), "{err}");
    assert!(err.contains("d.txt") && err.contains("empty"), "{err}");
}

#[test]
fn stdin_gzip_and_pretty() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Turkey backed Azerbaijan. Armenia objected.")
        .unwrap();
    let out = dyad(&["analyze", "--pretty", "-"], Some(&gz.finish().unwrap()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["text"].as_str().unwrap().starts_with("Turkey backed"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"schema\""));
}

#[test]
fn the_size_limit_is_a_clear_error() {
    let d = tmpdir("limit");
    std::fs::write(d.join("big.txt"), "word ".repeat(1000)).unwrap();
    let out = dyad(
        &["analyze", "--max-bytes", "100", d.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the limit of 100 bytes"));
}

#[test]
fn per_document_limits_are_clear_errors_and_can_be_lifted() {
    let page = "Israel and Azerbaijan signed a deal on Monday. Officials said so.".as_bytes();
    let short = dyad(&["analyze", "--max-text-chars", "20", "-"], Some(page));
    assert_eq!(short.status.code(), Some(1));
    let err = String::from_utf8_lossy(&short.stderr);
    assert!(
        err.contains("over the limit of 20") && err.contains("too-long: 1"),
        "{err}"
    );
    // The first analysis in a process builds the lexicons: far more than a millisecond.
    let slow = dyad(&["analyze", "--doc-timeout-ms", "1", "-"], Some(page));
    assert_eq!(slow.status.code(), Some(1));
    let err = String::from_utf8_lossy(&slow.stderr);
    assert!(
        err.contains("time budget of 1 ms") && err.contains("timeout: 1"),
        "{err}"
    );
    let lifted = dyad(&["analyze", "--max-text-chars", "0", "-"], Some(page));
    assert_eq!(lifted.status.code(), Some(0));
    assert_eq!(records(&lifted).len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dyad(&["analyze"], None).status.code(), Some(2));
    assert_eq!(dyad(&["no-such-command"], None).status.code(), Some(2));
}

#[test]
fn missing_path_is_reported() {
    let out = dyad(&["analyze", "/no/such/dyad/file"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
}

#[test]
fn same_input_same_output() {
    let d = tmpdir("det");
    std::fs::write(d.join("a.txt"), "Israel recognised Azerbaijan in 1991.").unwrap();
    let a = dyad(&["analyze", d.to_str().unwrap()], None);
    let b = dyad(&["analyze", d.to_str().unwrap()], None);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn containers_and_threads_keep_input_order() {
    let d = tmpdir("containers");
    let mut jsonl = String::new();
    for i in 0..50 {
        jsonl.push_str(&format!(
            "{{\"url\":\"http://example.org/{i}\",\"text\":\"Story number {i} from Baku.\"}}\n"
        ));
    }
    std::fs::write(d.join("a.jsonl"), jsonl).unwrap();
    let mut warc = Vec::new();
    for i in 0..3 {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Page {i} of the archive.</p>"
        );
        warc.extend(dyad_source::warc::response_record(
            &format!("http://example.org/w{i}"),
            "2024-10-15T08:00:00Z",
            http.as_bytes(),
        ));
    }
    std::fs::write(d.join("b.warc"), warc).unwrap();
    let one = dyad(&["analyze", "--threads", "1", d.to_str().unwrap()], None);
    let two = dyad(&["analyze", "--threads", "2", d.to_str().unwrap()], None);
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(one.stdout, two.stdout);
    let recs = records(&one);
    assert_eq!(recs.len(), 53);
    assert_eq!(recs[7]["source"]["url"], "http://example.org/7");
    assert_eq!(recs[52]["source"]["url"], "http://example.org/w2");
    assert_eq!(recs[52]["source"]["format"], "html");
}
