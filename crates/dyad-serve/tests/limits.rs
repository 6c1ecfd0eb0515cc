//! The server's limits, through the router: methods, bodies, URI and header sizes, hosts,
//! concurrency and time.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request};
use common::{call, get, runtime};
use dyad_serve::Limits;

#[test]
fn only_get_and_head() {
    let rt = runtime();
    let app = common::app("methods", Limits::default());
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
    ] {
        let req = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri("/api/stats")
            .body(Body::empty())
            .unwrap();
        let a = call(&rt, &app, req);
        assert_eq!(a.status, 405, "{method}");
        assert_eq!(a.header("allow"), "GET, HEAD");
        assert!(a.error().contains(method), "{}", a.error());
    }
    let head = call(
        &rt,
        &app,
        Request::head("/api/stats").body(Body::empty()).unwrap(),
    );
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn requests_with_a_body_are_refused() {
    let rt = runtime();
    let app = common::app("bodies", Limits::default());
    let with_length = Request::get("/api/stats")
        .header("content-length", "5")
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(call(&rt, &app, with_length).status, 413);
    let chunked = Request::get("/api/stats")
        .header("transfer-encoding", "chunked")
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(call(&rt, &app, chunked).status, 413);
    let empty = Request::get("/api/stats")
        .header("content-length", "0")
        .body(Body::empty())
        .unwrap();
    assert_eq!(call(&rt, &app, empty).status, 200);
}

#[test]
fn long_uris_and_large_headers() {
    let rt = runtime();
    let limits = Limits::default();
    let app = common::app("sizes", limits.clone());
    let q = "a".repeat(limits.max_uri_bytes);
    let a = get(&rt, &app, &format!("/api/search?q={q}"));
    assert_eq!(a.status, 414);
    // Just under the bound the request goes through to the parameter check.
    let q = "a".repeat(limits.max_uri_bytes - "/api/search?q=".len());
    assert_eq!(get(&rt, &app, &format!("/api/search?q={q}")).status, 400);
    let big = Request::get("/api/stats")
        .header("x-padding", "p".repeat(limits.max_header_bytes))
        .body(Body::empty())
        .unwrap();
    assert_eq!(call(&rt, &app, big).status, 431);
    let many = (0..400).fold(Request::get("/api/stats"), |r, i| {
        r.header(
            format!("x-h{i}"),
            "0123456789012345678901234567890123456789",
        )
    });
    assert_eq!(
        call(&rt, &app, many.body(Body::empty()).unwrap()).status,
        431
    );
}

#[test]
fn foreign_hosts_are_refused_on_loopback() {
    let rt = runtime();
    let app = common::app("hosts", Limits::default());
    let with_host = |host: &str| {
        Request::get("/api/stats")
            .header("host", host)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(call(&rt, &app, with_host("127.0.0.1:8080")).status, 200);
    assert_eq!(call(&rt, &app, with_host("localhost:8080")).status, 200);
    let a = call(&rt, &app, with_host("attacker.example:8080"));
    assert_eq!(a.status, 421);
    assert!(a.error().contains("Host"));
    // Listening on all interfaces, any host name will do.
    let open = common::app(
        "hosts-open",
        Limits {
            loopback_hosts_only: false,
            ..Limits::default()
        },
    );
    assert_eq!(call(&rt, &open, with_host("analyst-box:8080")).status, 200);
}

#[test]
fn too_many_requests_at_once_are_shed() {
    let rt = runtime();
    let none = common::app(
        "shed",
        Limits {
            max_in_flight: 0,
            ..Limits::default()
        },
    );
    let a = get(&rt, &none, "/api/stats");
    assert_eq!(a.status, 503);
    assert_eq!(a.header("retry-after"), "1");
    assert!(a.error().contains("busy"));
    // With one slot, requests one after another all pass: the slot is given back.
    let one = common::app(
        "shed-one",
        Limits {
            max_in_flight: 1,
            ..Limits::default()
        },
    );
    for _ in 0..5 {
        assert_eq!(get(&rt, &one, "/api/stats").status, 200);
    }
}

#[test]
fn requests_past_their_time_get_503() {
    let rt = runtime();
    let app = common::app(
        "timeout",
        Limits {
            request_time: Duration::ZERO,
            ..Limits::default()
        },
    );
    for path in ["/api/stats", "/api/graph", "/api/search?q=minister"] {
        let a = get(&rt, &app, path);
        assert_eq!(a.status, 503, "{path}");
        assert_eq!(a.header("retry-after"), "1");
        assert_eq!(a.error(), "the request took too long");
    }
    // What needs no store is answered at once.
    assert_eq!(get(&rt, &app, "/api/openapi.json").status, 200);
}

#[test]
fn a_missing_store_is_an_error_not_a_new_file() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-serve-missing.db");
    let _ = std::fs::remove_file(&path);
    let err = dyad_serve::App::open(&path, Limits::default())
        .err()
        .expect("no store there");
    assert!(err.to_string().contains("no such store"), "{err}");
    assert!(!path.exists());
}
