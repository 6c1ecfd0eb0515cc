//! `dyad serve` and `dyad demo` end to end: start the binary on a free loopback port, read the
//! URL it prints, ask the API over a socket, stop it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn tmpdir(name: &str) -> PathBuf {
    let d =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dyad-serve-cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A running server, stopped when dropped.
struct Running {
    child: Child,
    addr: String,
    stderr: std::process::ChildStderr,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// Starts `dyad ARGS` and waits for the URL line on stdout.
    fn start(args: &[&str], tmp: &Path) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(args)
            .env("TMPDIR", tmp)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run dyad");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let stderr = child.stderr.take().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let mut running = Running {
            child,
            addr: String::new(),
            stderr,
        };
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) else {
            let mut err = String::new();
            let _ = running.child.kill();
            running.stderr.read_to_string(&mut err).unwrap();
            panic!("no URL in {line:?}; stderr: {err}");
        };
        running.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        running
    }

    /// `GET path` over a fresh connection: status and body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply).unwrap();
        let status = reply[9..12].parse().unwrap();
        let body = reply
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap();
        (status, body)
    }
}

#[test]
fn demo_serves_the_bundled_examples() {
    let tmp = tmpdir("demo");
    let server = Running::start(&["demo", "--addr", "127.0.0.1:0"], &tmp);
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    assert!(tmp.join("dyad-demo/demo.db").exists());
    let (status, body) = server.get("/api/stats");
    assert_eq!(status, 200, "{body}");
    let stats: serde_json::Value = serde_json::from_str(&body).unwrap();
    let examples = std::fs::read_dir("../../examples/articles")
        .unwrap()
        .count();
    assert_eq!(stats["articles"], examples);
    assert!(stats["events"].as_i64().unwrap() > 0);
    let (status, body) = server.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("<html"));
}

#[test]
fn serve_opens_an_existing_store_only() {
    let tmp = tmpdir("serve");
    let db = tmp.join("none.db");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));
    assert!(!db.exists(), "serve must not create a store");

    // A port in use is named in the error.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().to_string();
    let db = tmp.join("synth.db");
    let made = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["synth", "--db", db.to_str().unwrap(), "--articles", "20"])
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("cannot listen on {port}")), "{err}");
    drop(taken);
    // Listening on every interface works but warns; the test talks to it over loopback.
    let mut server = Running::start(
        &["serve", "--db", db.to_str().unwrap(), "--addr", "0.0.0.0:0"],
        &tmp,
    );
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    server.addr = format!("127.0.0.1:{port}");
    let (status, body) = server.get("/api/articles?limit=3");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list["total"], 20);
    let _ = server.child.kill();
    let mut err = String::new();
    server.stderr.read_to_string(&mut err).unwrap();
    assert!(err.contains("warning"), "{err}");
}
