//! The server over a real loopback socket: keep-alive, and the limits hyper and the guard keep
//! on raw requests.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use dyad_serve::Limits;

/// A status line, headers (lower-case names) and body read off a connection.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn read_reply(reader: &mut BufReader<TcpStream>) -> Reply {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_else(|| panic!("no status line: {line:?}"))
        .parse()
        .unwrap();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).unwrap();
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (n, v) = h.split_once(':').unwrap();
        headers.push((n.to_ascii_lowercase(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    Reply {
        status,
        headers,
        body,
    }
}

fn connect(addr: SocketAddr) -> (TcpStream, BufReader<TcpStream>) {
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let reader = BufReader::new(stream.try_clone().unwrap());
    (stream, reader)
}

/// Serves a fresh test store named `name` under `limits` on a free loopback port.
fn serve(rt: &tokio::runtime::Runtime, name: &str, limits: Limits) -> SocketAddr {
    let app = common::app(name, limits);
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(dyad_serve::serve_on(listener, app));
    addr
}

/// Sends one raw request on a new connection and reads the reply.
fn once(addr: SocketAddr, raw: &str) -> Reply {
    let (mut stream, mut reader) = connect(addr);
    stream.write_all(raw.as_bytes()).unwrap();
    read_reply(&mut reader)
}

#[test]
fn serves_over_loopback_within_its_limits() {
    let rt = common::runtime();
    let limits = Limits::default();
    let addr = serve(&rt, "socket", limits.clone());

    // Two requests on one kept-alive connection.
    let (mut stream, mut reader) = connect(addr);
    stream
        .write_all(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let stats = read_reply(&mut reader);
    assert_eq!(stats.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&stats.body).unwrap();
    assert_eq!(v["articles"], common::ARTICLES);
    assert_eq!(stats.header("x-frame-options"), Some("DENY"));
    assert!(stats
        .header("content-security-policy")
        .is_some_and(|c| c.contains("frame-ancestors 'none'")));
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let page = read_reply(&mut reader);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );

    // A head far larger than the buffer: hyper answers 431 before any route runs.
    let huge = format!(
        "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Pad: {}\r\n\r\n",
        "p".repeat(64 * 1024)
    );
    assert_eq!(once(addr, &huge).status, 431);
    // Within hyper's buffer but over the guard's bounds.
    let padded = format!(
        "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Pad: {}\r\n\r\n",
        "p".repeat(limits.max_header_bytes)
    );
    assert_eq!(once(addr, &padded).status, 431);
    let long = format!(
        "GET /api/search?q={} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(limits.max_uri_bytes)
    );
    assert_eq!(once(addr, &long).status, 414);
    let post = "POST /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}";
    let r = once(addr, post);
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    let with_body = "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}";
    assert_eq!(once(addr, with_body).status, 413);
    let rebound = "GET /api/stats HTTP/1.1\r\nHost: attacker.example\r\n\r\n";
    assert_eq!(once(addr, rebound).status, 421);
    let garbage = "GET /api/stats HTTP/9.9 nonsense\r\n\r\n";
    assert_eq!(once(addr, garbage).status, 400);
}

#[test]
fn slow_and_idle_clients_are_cut_off() {
    let rt = common::runtime();
    let limits = Limits {
        header_read_time: Duration::from_millis(300),
        ..Limits::default()
    };
    let addr = serve(&rt, "slow-clients", limits);
    let started = std::time::Instant::now();
    // Half a request head, then nothing.
    let (mut slow, mut slow_reader) = connect(addr);
    slow.write_all(b"GET /api/stats HTTP/1.1\r\nHost: loc")
        .unwrap();
    // Nothing at all.
    let (_idle, mut idle_reader) = connect(addr);
    // One request, then nothing on the kept-alive connection.
    let (mut done, mut done_reader) = connect(addr);
    done.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    assert_eq!(read_reply(&mut done_reader).status, 200);
    for reader in [&mut slow_reader, &mut idle_reader, &mut done_reader] {
        let mut rest = Vec::new();
        // The server closes the connection (perhaps after a 408): reading ends.
        let _ = reader.read_to_end(&mut rest);
        let text = String::from_utf8_lossy(&rest);
        assert!(
            rest.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_client_that_never_reads_is_cut_off() {
    let rt = common::runtime();
    let limits = Limits {
        write_stall_time: Duration::from_millis(300),
        ..Limits::default()
    };
    let addr = serve(&rt, "never-reads", limits);
    let (mut stream, _reader) = connect(addr);
    stream
        .set_write_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    // Pipelined requests for the UI page, whose answers are never read: the answers fill the
    // socket buffers, the server's writes wait, and then it must hang up.
    let request = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(64);
    let started = std::time::Instant::now();
    let cut_off = loop {
        match stream.write(&request) {
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => break e,
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server still holds a connection whose client reads nothing"
        );
    };
    assert!(
        matches!(
            cut_off.kind(),
            std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
        ),
        "{cut_off}"
    );
}
