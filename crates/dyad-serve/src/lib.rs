//! The HTTP API and web UI over a dyad corpus store.

pub mod assets;
