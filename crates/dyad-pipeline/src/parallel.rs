//! An ordered parallel map: work items are shared out among threads as they free up, and
//! results come back in input order, so output does not depend on the thread count.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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
}
