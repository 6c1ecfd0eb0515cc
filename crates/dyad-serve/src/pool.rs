//! A small pool of read-only store connections. A query runs on a blocking thread with a
//! deadline: SQLite itself stops a statement that runs past it, so a slow query gives its
//! connection back instead of holding it after the client has been answered.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dyad_store::{Store, StoreError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// Virtual-machine steps between two looks at the deadline.
const STEPS_PER_CHECK: i32 = 10_000;

/// Read-only connections to one store.
pub struct Pool {
    idle: Arc<Mutex<Vec<Store>>>,
    available: Arc<Semaphore>,
    request_time: Duration,
}

impl Pool {
    /// Opens `size` (at least one) read-only connections to the store at `path`; each query
    /// may run for `request_time`.
    pub fn open(path: &Path, size: usize, request_time: Duration) -> Result<Pool, StoreError> {
        if !path.exists() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "{}: no such store (create one with `dyad ingest`)",
                    path.display()
                ),
            )));
        }
        let size = size.max(1);
        let stores = (0..size)
            .map(|_| Store::open_read_only(path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            idle: Arc::new(Mutex::new(stores)),
            available: Arc::new(Semaphore::new(size)),
            request_time,
        })
    }

    /// Runs `query` on a free connection (waiting for one) on a blocking thread, stopping it
    /// when it runs past the request's time; a request that waited its whole time for a
    /// connection is not run at all.
    pub async fn run<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let deadline = Instant::now() + self.request_time;
        let permit = self
            .available
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        if Instant::now() >= deadline {
            return Err(ApiError::unavailable("the request took too long"));
        }
        let store = self
            .idle
            .lock()
            .map_err(|_| ApiError::internal("connection pool poisoned"))?
            .pop()
            .ok_or_else(|| ApiError::internal("connection pool empty"))?;
        let lease = Lease {
            store: Some(store),
            idle: self.idle.clone(),
            _permit: permit,
        };
        tokio::task::spawn_blocking(move || {
            let store = lease.store();
            store
                .connection()
                .progress_handler(STEPS_PER_CHECK, Some(move || Instant::now() >= deadline));
            let out = query(store);
            store.connection().progress_handler(0, None::<fn() -> bool>);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// A connection taken from the pool; it goes back when the lease ends, whether the query
/// finished, failed or panicked.
struct Lease {
    store: Option<Store>,
    idle: Arc<Mutex<Vec<Store>>>,
    _permit: OwnedSemaphorePermit,
}

impl Lease {
    fn store(&self) -> &Store {
        self.store
            .as_ref()
            .expect("a lease holds its store until dropped")
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.idle.lock()) {
            idle.push(store);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-connection pool over an empty store, and the guard of the store's directory.
    fn pool(name: &str, request_time: Duration) -> (tempfile::TempDir, Pool) {
        let (dir, db) = crate::empty_test_store(name);
        (dir, Pool::open(&db, 1, request_time).unwrap())
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    /// A query of about a hundred million steps: far longer than any deadline here.
    fn long_query(store: &Store) -> Result<i64, ApiError> {
        Ok(store
            .connection()
            .query_row(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000)
                 SELECT sum(x) FROM c",
                [],
                |r| r.get(0),
            )
            .map_err(dyad_store::StoreError::from)?)
    }

    #[test]
    fn a_query_past_its_deadline_is_stopped_and_the_connection_comes_back() {
        let rt = runtime();
        let (_dir, pool) = pool("deadline", Duration::from_millis(50));
        let started = Instant::now();
        let err = rt.block_on(pool.run(long_query)).unwrap_err();
        assert_eq!(err.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        // The one connection is free again, without its deadline.
        let n = rt
            .block_on(pool.run(|s| Ok(dyad_store::stats(s)?.articles)))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn a_request_out_of_time_is_not_run() {
        let rt = runtime();
        let (_dir, pool) = pool("no-time", Duration::ZERO);
        let err = rt
            .block_on(pool.run(|_| -> Result<(), ApiError> { panic!("must not run") }))
            .unwrap_err();
        assert_eq!(err.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn a_panicking_query_gives_its_connection_back() {
        let rt = runtime();
        let (_dir, pool) = pool("panic", Duration::from_secs(5));
        let err = rt
            .block_on(pool.run(|_| -> Result<(), ApiError> { panic!("query fault") }))
            .unwrap_err();
        assert_eq!(err.status, axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        assert!(rt.block_on(pool.run(|s| Ok(s.revision()?))).is_ok());
    }
}
