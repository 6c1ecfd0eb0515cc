//! A test store on disk and helpers to call the router and check every answer.

#![allow(dead_code)]

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use dyad_serve::{App, AppState, Limits};
use dyad_store::Store;
use tower::ServiceExt;

/// Articles in the test store.
pub const ARTICLES: usize = 60;

/// A store of synthetic articles, plus one whose title, text and quotation carry markup, in a
/// fresh file named after the test.
pub fn store(name: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-serve-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let store = Store::open(&path).unwrap();
    let mut ing = store.ingester(100);
    let mut records: Vec<_> = dyad_store::synth::records(ARTICLES - 1, 5, 3).collect();
    let mut hostile = dyad_store::synth::records(1, 5, 4).next().unwrap();
    hostile.id = "hostile".into();
    hostile.source.url = Some("https://news.example/hostile".into());
    hostile.meta.title = Some("<script>alert(1)</script>\" onmouseover=\"x".into());
    records.push(hostile);
    for r in &records {
        ing.add(r).unwrap();
    }
    ing.finish().unwrap();
    path
}

/// The app over a fresh test store.
pub fn app(name: &str, limits: Limits) -> AppState {
    App::open(&store(name), limits).unwrap()
}

/// A runtime for one test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// One answer: status, headers and body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The `error` message of an error answer.
    pub fn error(&self) -> String {
        self.json()["error"].as_str().unwrap().to_string()
    }

    /// Asserts a 400 answer whose message names the parameter `name` (`what` labels failures).
    pub fn assert_bad_parameter(&self, name: &str, what: &str) {
        assert_eq!(self.status, 400, "{what}");
        let error = self.error();
        assert!(
            error.starts_with(&format!("parameter {name}:")),
            "{what}: {error}"
        );
    }

    /// The value of a header.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .unwrap()
    }
}

/// Sends `req` through the router once and checks the headers every answer carries.
pub fn call(rt: &tokio::runtime::Runtime, app: &AppState, req: Request<Body>) -> Answer {
    rt.block_on(async {
        let res = dyad_serve::router(app.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        let answer = Answer {
            status,
            headers,
            body,
        };
        check_security_headers(&answer);
        answer
    })
}

/// A `GET` of `uri`.
pub fn get(rt: &tokio::runtime::Runtime, app: &AppState, uri: &str) -> Answer {
    call(rt, app, Request::get(uri).body(Body::empty()).unwrap())
}

/// Every answer, whatever its status, carries the security headers.
pub fn check_security_headers(a: &Answer) {
    let csp = a.header("content-security-policy");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(a.header("x-content-type-options"), "nosniff");
    assert_eq!(a.header("referrer-policy"), "no-referrer");
    assert_eq!(a.header("x-frame-options"), "DENY");
    assert_eq!(a.header("cross-origin-opener-policy"), "same-origin");
    if a.status.as_u16() >= 400
        || a.headers
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap().starts_with("application/json"))
    {
        assert_eq!(a.header("content-type"), "application/json; charset=utf-8");
    }
}
