//! Answers that read the whole store (counts, the graph, the actors) are computed once per
//! revision of the store and shared until records are added. The revision is looked at most
//! once per [`RECHECK`]: in between, a cached answer is served without touching the store.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dyad_store::{ActorList, Graph, Revision, Stats, Store};

use crate::error::ApiError;

/// How long a cached answer is served before the store's revision is looked at again.
pub const RECHECK: Duration = Duration::from_secs(1);

/// A cached value, the revision it was computed at, and when that revision was last seen to
/// be current.
struct Entry<T> {
    revision: Revision,
    checked: Instant,
    value: Arc<T>,
}

/// One cached value.
pub struct Cached<T> {
    slot: Mutex<Option<Entry<T>>>,
}

impl<T> Default for Cached<T> {
    fn default() -> Self {
        Cached {
            slot: Mutex::new(None),
        }
    }
}

impl<T> Cached<T> {
    /// The value, if the store's revision was seen to be its own less than [`RECHECK`] ago.
    /// Never waits: while the value is being computed anew this is `None` (it is called on
    /// the server's async threads, which must not block).
    pub fn recent(&self) -> Option<Arc<T>> {
        let slot = self.slot.try_lock().ok()?;
        slot.as_ref()
            .filter(|e| e.checked.elapsed() < RECHECK)
            .map(|e| e.value.clone())
    }

    /// The value for the store's current revision, computing it when the store has changed.
    /// Concurrent callers wait for one computation instead of repeating it.
    pub fn get(
        &self,
        store: &Store,
        compute: impl FnOnce(&Store) -> dyad_store::Result<T>,
    ) -> Result<Arc<T>, ApiError> {
        let revision = store.revision()?;
        let mut slot = self
            .slot
            .lock()
            .map_err(|_| ApiError::internal("cache poisoned"))?;
        if let Some(e) = slot.as_mut().filter(|e| e.revision == revision) {
            e.checked = Instant::now();
            return Ok(e.value.clone());
        }
        let value = Arc::new(compute(store)?);
        *slot = Some(Entry {
            revision,
            checked: Instant::now(),
            value: value.clone(),
        });
        Ok(value)
    }
}

/// The caches of the server.
#[derive(Default)]
pub struct Caches {
    pub stats: Cached<Stats>,
    pub graph: Cached<Graph>,
    pub actors: Cached<ActorList>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn computes_once_per_revision() {
        let store = Store::open_in_memory().unwrap();
        let cache: Cached<i64> = Cached::default();
        let calls = Cell::new(0);
        let count = |s: &Store| {
            calls.set(calls.get() + 1);
            dyad_store::stats(s).map(|st| st.articles)
        };
        assert!(cache.recent().is_none());
        assert_eq!(*cache.get(&store, count).unwrap(), 0);
        assert_eq!(*cache.get(&store, count).unwrap(), 0);
        assert_eq!(calls.get(), 1);
        assert_eq!(cache.recent().as_deref(), Some(&0));
        let mut ing = store.ingester(10);
        for r in dyad_store::synth::records(2, 3, 1) {
            ing.add(&r).unwrap();
        }
        ing.finish().unwrap();
        assert_eq!(*cache.get(&store, count).unwrap(), 2);
        assert_eq!(calls.get(), 2);
    }
}
