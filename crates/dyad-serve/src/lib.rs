//! The HTTP API and web UI over a dyad corpus store.
//!
//! The store is opened read-only through a small pool of connections; every query runs on a
//! blocking thread under a deadline. Every request passes a guard first: only `GET` and
//! `HEAD` without a body, bounded URI, headers, time and concurrency, and security headers on
//! every answer. Static files come from the embedded list in [`assets`], never from the file
//! system.

mod api;
pub mod assets;
mod cache;
mod error;
mod guard;
mod openapi;
mod params;
mod pool;
mod stall;

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use dyad_store::StoreError;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use api::ROUTES;
pub use openapi::openapi;

/// The bounds the server keeps to.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Longest request target (path and query) in bytes; longer gets 414.
    pub max_uri_bytes: usize,
    /// Largest total size of the request's header names and values; larger gets 431.
    pub max_header_bytes: usize,
    /// Longest time a request may take, waiting for a connection included; then 503.
    pub request_time: Duration,
    /// Longest time a client may take to send a request's headers before it is disconnected.
    pub header_read_time: Duration,
    /// Longest time an answer may wait for a client that reads nothing before the connection
    /// is closed.
    pub write_stall_time: Duration,
    /// Requests handled at once; more are turned away at once with 503.
    pub max_in_flight: usize,
    /// Open connections; further clients wait to be accepted.
    pub max_connections: usize,
    /// Store connections (queries that run at once): a few more than the cores, so that a
    /// short query need not wait behind long ones.
    pub pool_size: usize,
    /// Accept only `Host` headers naming a loopback address or `localhost` (against DNS
    /// rebinding); on when the server listens on loopback.
    pub loopback_hosts_only: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_uri_bytes: 4096,
            max_header_bytes: 16 * 1024,
            request_time: Duration::from_secs(10),
            header_read_time: Duration::from_secs(10),
            write_stall_time: Duration::from_secs(30),
            max_in_flight: 256,
            max_connections: 512,
            pool_size: std::thread::available_parallelism()
                .map_or(2, |n| n.get() * 2)
                .clamp(4, 8),
            loopback_hosts_only: true,
        }
    }
}

/// What every request handler shares: the store's pool, the caches and the limits.
pub struct App {
    pool: pool::Pool,
    limits: Limits,
    in_flight: Arc<Semaphore>,
    cache: cache::Caches,
}

/// The shared state of the router.
pub type AppState = Arc<App>;

impl App {
    /// Opens the store at `db` read-only for serving under `limits`.
    pub fn open(db: &Path, limits: Limits) -> Result<AppState, StoreError> {
        Ok(Arc::new(App {
            pool: pool::Pool::open(db, limits.pool_size, limits.request_time)?,
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight)),
            limits,
            cache: cache::Caches::default(),
        }))
    }

    /// The limits the app keeps to.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// The routes of the API and the UI, behind the request guard.
pub fn router(state: AppState) -> Router {
    api::routes()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

/// What can stop the server from starting.
#[derive(Debug)]
pub enum ServeError {
    /// The store could not be opened.
    Store(StoreError),
    /// The address could not be listened on.
    Bind(SocketAddr, io::Error),
    /// The runtime could not be started.
    Io(io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Store(e) => write!(f, "{e}"),
            ServeError::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            ServeError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// A server bound to its address, ready to run.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Opens the store at `db` and binds `addr` (port 0 picks a free port). `Host` headers are
    /// checked when `addr` is a loopback address.
    pub fn bind(db: &Path, addr: SocketAddr) -> Result<Server, ServeError> {
        let limits = Limits {
            loopback_hosts_only: addr.ip().is_loopback(),
            ..Limits::default()
        };
        let state = App::open(db, limits).map_err(ServeError::Store)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("dyad-serve")
            .build()
            .map_err(ServeError::Io)?;
        let listener = runtime
            .block_on(TcpListener::bind(addr))
            .map_err(|e| ServeError::Bind(addr, e))?;
        Ok(Server {
            runtime,
            listener,
            state,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the process ends.
    pub fn run(self) -> io::Result<()> {
        let Server {
            runtime,
            listener,
            state,
        } = self;
        runtime.block_on(serve_on(listener, state))
    }
}

/// Accepts connections on `listener` and serves them (HTTP/1.1); at most `max_connections`
/// are open at once, and one whose client stops reading is closed after `write_stall_time`.
pub async fn serve_on(listener: TcpListener, state: AppState) -> io::Result<()> {
    let limits = state.limits.clone();
    let app = router(state);
    let open = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let Ok(permit) = open.clone().acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was accepted: say so,
            // wait a little and go on.
            Err(e) => {
                eprintln!("dyad: serve: accept: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let limits = limits.clone();
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read_time)
                // hyper answers 431 itself when the head outgrows its buffer.
                .max_buf_size((limits.max_header_bytes + limits.max_uri_bytes).max(8192))
                .max_headers(100)
                .serve_connection(
                    TokioIo::new(stall::WriteDeadline::new(stream, limits.write_stall_time)),
                    service,
                );
            // A client that goes away mid-request is no error of the server's.
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// A fresh empty store file for a unit test, in a directory removed when the returned guard
/// drops.
#[cfg(test)]
fn empty_test_store(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("dyad-serve-unit-")
        .tempdir()
        .expect("a temp dir");
    let path = dir.path().join(format!("{name}.db"));
    drop(dyad_store::Store::open(&path).expect("a store in the temp dir"));
    (dir, path)
}
