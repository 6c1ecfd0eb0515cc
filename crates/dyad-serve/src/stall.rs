//! A connection that gives up on a client that stops reading.
//!
//! A client can send requests and never read the answers: the socket's buffers fill, every
//! write waits, and without a bound the connection (its buffers and its place among
//! `max_connections`) is held forever. [`WriteDeadline`] fails a write that has made no
//! progress for a set time, which ends the connection.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

/// A stream whose writes fail with [`io::ErrorKind::TimedOut`] once one has waited `limit`
/// without the client taking a byte. Reads pass through untouched.
pub struct WriteDeadline<S> {
    inner: S,
    limit: Duration,
    /// Armed when a write first waits; dropped as soon as one makes progress.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl<S> WriteDeadline<S> {
    /// Wraps `inner`, allowing each stalled write `limit`.
    pub fn new(inner: S, limit: Duration) -> Self {
        WriteDeadline {
            inner,
            limit,
            stalled: None,
        }
    }

    /// Passes a write's outcome on. A waiting write arms the deadline (once per stall) and
    /// turns into an error when it has passed; any other outcome disarms it.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if outcome.is_ready() {
            self.stalled = None;
            return outcome;
        }
        let limit = self.limit;
        let deadline = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client has read nothing for too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteDeadline<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, outcome)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch(cx, outcome)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, outcome)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.watch(cx, outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn a_write_nobody_reads_fails_after_the_limit() {
        runtime().block_on(async {
            let (near, _far) = tokio::io::duplex(64);
            let mut conn = WriteDeadline::new(near, Duration::from_millis(100));
            let started = tokio::time::Instant::now();
            let err = conn.write_all(&[b'x'; 1024]).await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::TimedOut);
            assert!(started.elapsed() >= Duration::from_millis(100));
        });
    }

    #[test]
    fn a_slow_reader_that_keeps_reading_is_served_in_full() {
        runtime().block_on(async {
            let (near, mut far) = tokio::io::duplex(64);
            let mut conn = WriteDeadline::new(near, Duration::from_millis(200));
            let reader = tokio::spawn(async move {
                let mut got = Vec::new();
                let mut chunk = [0; 64];
                loop {
                    // Each pause is short of the limit, the whole transfer far longer.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    match far.read(&mut chunk).await.unwrap() {
                        0 => return got,
                        n => got.extend_from_slice(&chunk[..n]),
                    }
                }
            });
            let body = vec![b'y'; 64 * 20];
            conn.write_all(&body).await.unwrap();
            conn.shutdown().await.unwrap();
            drop(conn);
            assert_eq!(reader.await.unwrap(), body);
        });
    }
}
