//! Ordered parallel maps: work items are shared out among threads as they free up, and
//! results come back in input order, so output does not depend on the thread count.
//! [`map_ordered`] maps a batch held in memory; [`stream_ordered`] maps a stream with a
//! bounded number of items in flight.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex};

/// Applies `f` to every input on `threads` threads (at least one: the caller's) and returns
/// the results in input order.
pub fn map_ordered<T, R, F>(inputs: Vec<T>, threads: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let n = inputs.len();
    let inputs: Vec<Mutex<Option<T>>> = inputs.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let outputs: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n {
            break;
        }
        // A poisoned lock means another worker panicked; its panic is re-raised below.
        let input = inputs[i].lock().ok().and_then(|mut g| g.take());
        if let Some(input) = input {
            let out = f(input);
            if let Ok(mut slot) = outputs[i].lock() {
                *slot = Some(out);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads.min(n) {
            s.spawn(work);
        }
        work();
    });
    outputs
        .into_iter()
        .map(|m| match m.into_inner() {
            Ok(Some(r)) => r,
            // Unreachable: every slot is filled once the scope has joined its threads
            // without a panic (a worker's panic propagates out of `thread::scope`).
            _ => unreachable!("every input is mapped once"),
        })
        .collect()
}

/// Applies `f` to every item of `inputs` on `threads` threads and hands the results to
/// `sink` in input order, each as soon as it and every one before it are done. At most
/// `window` items (at least `threads`) are in flight: the next input is taken from the
/// iterator, on the caller's thread, only when a result has been handed on. The caller's
/// thread is one of the `threads`: between taking inputs and handing on results it maps the
/// oldest waiting item itself, rather than sleeping while the others work, so no more threads
/// run than were asked for and no thread wakes another for each item. The workers live for
/// the whole stream, so no batch waits for its slowest item, and the memory a worker freed
/// serves its next item. `sink` returns false to stop: no further input is taken, and items
/// handed out but not started are dropped. With one thread (or none) every item is mapped on
/// the caller's thread, one at a time. A panic in `f` is raised again on the caller's thread.
pub fn stream_ordered<T, R, F>(
    inputs: impl Iterator<Item = T>,
    threads: usize,
    window: usize,
    f: F,
    mut sink: impl FnMut(R) -> bool,
) where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let mut inputs = inputs;
    if threads <= 1 {
        for input in inputs {
            if !sink(f(input)) {
                return;
            }
        }
        return;
    }
    let window = window.max(threads);
    let queue = Queue::default();
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    std::thread::scope(|s| {
        for _ in 1..threads {
            let done_tx = done_tx.clone();
            let (queue, f) = (&queue, &f);
            s.spawn(move || {
                while let Some((i, input)) = queue.take() {
                    let out = catch_unwind(AssertUnwindSafe(|| f(input)));
                    let failed = out.is_err();
                    if done_tx.send((i, out)).is_err() || failed {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        // Closes the queue (ending the workers' loops) however this returns.
        let _close = queue.closer();
        let (mut taken, mut handed) = (0usize, 0usize);
        let mut exhausted = false;
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        loop {
            while !exhausted && taken - handed < window {
                let Some(input) = inputs.next() else {
                    exhausted = true;
                    break;
                };
                queue.put(taken, input);
                taken += 1;
            }
            if handed == taken {
                break;
            }
            let done = match done_rx.try_recv() {
                Ok(done) => Some(done),
                // Nothing finished yet: map the oldest waiting item here, or, when every one
                // is being mapped already, wait for one.
                Err(TryRecvError::Empty) => match queue.try_take() {
                    Some((i, input)) => Some((i, catch_unwind(AssertUnwindSafe(|| f(input))))),
                    None => done_rx.recv().ok(),
                },
                Err(TryRecvError::Disconnected) => None,
            };
            let Some((i, out)) = done else { break };
            match out {
                Ok(r) => waiting.insert(i, r),
                Err(panic) => resume_unwind(panic),
            };
            while let Some(r) = waiting.remove(&handed) {
                handed += 1;
                if !sink(r) {
                    return;
                }
            }
        }
    });
}

/// The items waiting to be mapped, oldest first, shared by the workers and the caller.
struct Queue<T> {
    state: Mutex<QueueState<T>>,
    ready: Condvar,
}

struct QueueState<T> {
    items: VecDeque<(usize, T)>,
    closed: bool,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Queue {
            state: Mutex::new(QueueState {
                items: VecDeque::new(),
                closed: false,
            }),
            ready: Condvar::new(),
        }
    }
}

impl<T> Queue<T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState<T>> {
        // The lock is never held while mapping, so no panic can poison it; take it anyway.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn put(&self, i: usize, item: T) {
        self.lock().items.push_back((i, item));
        self.ready.notify_one();
    }

    /// The oldest waiting item, without waiting for one.
    fn try_take(&self) -> Option<(usize, T)> {
        self.lock().items.pop_front()
    }

    /// The oldest waiting item, waiting for one; `None` once the queue is closed.
    fn take(&self) -> Option<(usize, T)> {
        let mut state = self.lock();
        loop {
            if state.closed {
                return None;
            }
            if let Some(item) = state.items.pop_front() {
                return Some(item);
            }
            state = self.ready.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// A guard that closes the queue when dropped: waiting items are dropped and every
    /// `take` returns `None`.
    fn closer(&self) -> Closer<'_, T> {
        Closer(self)
    }
}

struct Closer<'a, T>(&'a Queue<T>);

impl<T> Drop for Closer<'_, T> {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.closed = true;
        state.items.clear();
        drop(state);
        self.0.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_for_any_thread_count() {
        let inputs: Vec<u64> = (0..200).collect();
        let want: Vec<u64> = inputs.iter().map(|x| x * x).collect();
        for threads in [0, 1, 2, 7] {
            assert_eq!(map_ordered(inputs.clone(), threads, |x| x * x), want);
        }
        assert!(map_ordered(Vec::<u8>::new(), 4, |x| x).is_empty());
    }

    #[test]
    fn streamed_results_keep_input_order_and_stop_when_asked() {
        let want: Vec<u64> = (0..300).map(|x| x * x).collect();
        for threads in [0, 1, 2, 5] {
            for window in [0, 1, 3, 64] {
                let mut got = Vec::new();
                stream_ordered(
                    0..300u64,
                    threads,
                    window,
                    |x| x * x,
                    |r| {
                        got.push(r);
                        true
                    },
                );
                assert_eq!(got, want, "{threads} threads, window {window}");
            }
            let mut got = Vec::new();
            stream_ordered(
                0..300u64,
                threads,
                4,
                |x| x,
                |r| {
                    got.push(r);
                    got.len() < 10
                },
            );
            assert_eq!(got, (0..10).collect::<Vec<_>>());
        }
    }

    #[test]
    fn streamed_inputs_are_taken_only_as_results_are_handed_on() {
        let taken = AtomicUsize::new(0);
        let inputs = (0..100usize).inspect(|_| {
            taken.fetch_add(1, Ordering::Relaxed);
        });
        stream_ordered(
            inputs,
            3,
            6,
            |x| x,
            |i| {
                // never more than the window ahead of what was handed on
                assert!(taken.load(Ordering::Relaxed) <= i + 1 + 6);
                true
            },
        );
        assert_eq!(taken.load(Ordering::Relaxed), 100);
    }

    #[test]
    fn streaming_runs_no_more_threads_than_asked_for() {
        for threads in [2, 3] {
            let seen = Mutex::new(std::collections::HashSet::new());
            let mut got = 0;
            stream_ordered(
                0..200u32,
                threads,
                threads * 2,
                |x| {
                    if let Ok(mut seen) = seen.lock() {
                        seen.insert(std::thread::current().id());
                    }
                    // long enough that the threads overlap
                    std::thread::sleep(std::time::Duration::from_micros(200));
                    x
                },
                |x| {
                    assert_eq!(x, got);
                    got += 1;
                    true
                },
            );
            assert_eq!(got, 200);
            // the caller's thread is one of them: only `threads - 1` others are started
            let caller = std::thread::current().id();
            let seen = seen.into_inner().unwrap();
            let others = seen.iter().filter(|id| **id != caller).count();
            assert!(others < threads, "{threads}: {others}");
        }
    }

    #[test]
    fn a_panic_while_streaming_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            stream_ordered(0..50u32, 2, 4, |x| assert!(x != 17, "seventeen"), |()| true);
        });
        assert!(caught.is_err());
    }
}
