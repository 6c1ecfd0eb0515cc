//! The guard every request passes before it reaches a route: method, body, size, host,
//! concurrency and time limits, and the security headers put on every answer.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::AppState;

/// The Content-Security-Policy: scripts, styles and data only from this server, no inline
/// script or style, no plug-ins, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Headers put on every answer.
const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// Checks the request against the limits, runs it under the time limit, and adds the security
/// headers to whatever comes back.
pub async fn guard(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = match admit(&app, &req) {
        Err(e) => e.into_response(),
        Ok(()) => match app.in_flight.clone().try_acquire_owned() {
            Err(_) => ApiError::unavailable("the server is busy; try again").into_response(),
            Ok(_permit) => match tokio::time::timeout(app.limits.request_time, next.run(req)).await
            {
                Ok(res) => res,
                Err(_) => ApiError::unavailable("the request took too long").into_response(),
            },
        },
    };
    let not_allowed = res.status() == StatusCode::METHOD_NOT_ALLOWED;
    let headers = res.headers_mut();
    if not_allowed {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    for (name, value) in SECURITY_HEADERS {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    res
}

/// Refuses what the server never handles, before any work is done.
fn admit(app: &AppState, req: &Request) -> Result<(), ApiError> {
    let limits = &app.limits;
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!(
                "method {} not allowed: the API is read-only (GET, HEAD)",
                req.method()
            ),
        ));
    }
    let target = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > limits.max_uri_bytes {
        return Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("request target longer than {} bytes", limits.max_uri_bytes),
        ));
    }
    if header_bytes(req.headers()) > limits.max_header_bytes {
        return Err(ApiError::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "request headers larger than {} bytes",
                limits.max_header_bytes
            ),
        ));
    }
    if has_body(req.headers()) {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "requests carry no body",
        ));
    }
    if limits.loopback_hosts_only {
        if let Some(host) = req.headers().get(header::HOST) {
            if !host.to_str().is_ok_and(is_loopback_host) {
                return Err(ApiError::new(
                    StatusCode::MISDIRECTED_REQUEST,
                    "the Host header must name this machine (localhost or a loopback address)",
                ));
            }
        }
    }
    Ok(())
}

/// The size of the header section: every name and value.
fn header_bytes(headers: &HeaderMap) -> usize {
    headers
        .iter()
        .map(|(n, v)| n.as_str().len() + v.len() + 4)
        .sum()
}

/// Whether the request announces a body (a chunked one, or a non-zero length).
fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get_all(header::CONTENT_LENGTH)
            .iter()
            .any(|v| v.to_str().map_or(true, |s| s.trim() != "0"))
}

/// Whether a `Host` header value names a loopback address: `localhost`, `127.x.y.z` or
/// `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || port.starts_with(':') => ip,
            _ => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_answer_is_cut_off_with_503() {
        use std::time::{Duration, Instant};

        use axum::routing::get;
        use tower::ServiceExt;

        let limits = crate::Limits {
            request_time: Duration::from_millis(50),
            ..crate::Limits::default()
        };
        let (_dir, db) = crate::empty_test_store("slow");
        let app = crate::App::open(&db, limits).unwrap();
        let slow = axum::Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(20)).await;
                    "late"
                }),
            )
            .layer(axum::middleware::from_fn_with_state(app.clone(), guard))
            .with_state(app);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let started = Instant::now();
        let req = axum::http::Request::get("/slow")
            .body(axum::body::Body::empty())
            .unwrap();
        let res = rt.block_on(slow.oneshot(req)).unwrap();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(res.headers().contains_key("content-security-policy"));
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn loopback_hosts() {
        for ok in [
            "localhost",
            "LOCALHOST:8080",
            "127.0.0.1",
            "127.1.2.3:80",
            "[::1]:8080",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "example.org",
            "10.0.0.1:8080",
            "localhost.evil.org",
            "[::1]x",
            "[::2]",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn bodies_are_told_by_their_headers() {
        let mut h = HeaderMap::new();
        assert!(!has_body(&h));
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("0"));
        assert!(!has_body(&h));
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("12"));
        assert!(has_body(&h));
        let mut h = HeaderMap::new();
        h.insert(
            header::TRANSFER_ENCODING,
            HeaderValue::from_static("chunked"),
        );
        assert!(has_body(&h));
    }
}
