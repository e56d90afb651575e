//! Feeding a writer from several threads: inputs prepared in parallel, added in order.
//!
//! Indexing a resolution has two halves. Segmenting it and finding its entities runs on
//! the thread that calls [`IndexWriter::add`](crate::IndexWriter::add); turning its
//! units into terms (the name keys of every channel, prose stems) runs on tantivy's
//! indexing threads ([`WriterOptions::threads`](super::WriterOptions::threads)). Done
//! one file after another, the first half waits for nothing but also overlaps with
//! nothing of its own kind: [`prepare_in_order`] runs it for several inputs at once on
//! worker threads while the calling thread hands the finished ones to the writer.
//!
//! Results reach the calling thread **in input order**, whatever order the workers
//! finish in, so that two files with the same reference replace each other as they
//! would one after another (the later one wins), and a progress report or a periodic
//! commit sees a prefix of the inputs. At most a bounded number of prepared inputs wait
//! for their turn, so memory stays that of a few resolutions per thread.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// How many inputs per worker may be taken ahead of the last one handed to the sink.
const AHEAD_PER_THREAD: usize = 4;

/// The most worker threads a run starts; more are taken as this many.
pub const MAX_WORKERS: usize = 64;

/// Runs `prepare` on every input on `threads` worker threads (at most [`MAX_WORKERS`])
/// and hands each result to `sink` on the calling thread, in input order. With
/// `threads` 0 everything runs on the calling thread, one input after another.
///
/// The first error `sink` returns stops the run: no further input is taken, the
/// workers finish the ones they hold (their results are dropped), and the error is
/// returned. `prepare` itself cannot fail the run; have it return a `Result` for the
/// sink to report and go on, as the `index` example does for a file that fails.
///
/// ```
/// use whereas::index::pipeline::prepare_in_order;
/// use whereas::Index;
///
/// let texts = vec![whereas::bundled::KAZAKHSTAN_2021.to_string(); 3];
/// let index = Index::in_ram()?;
/// let mut writer = index.writer()?;
/// let mut added = Vec::new();
/// prepare_in_order(
///     texts.into_iter().enumerate(),
///     2,
///     |(i, text)| {
///         let mut resolution = whereas::segment(&text)?;
///         resolution.reference = Some(format!("TA-9-2021-005{i}"));
///         whereas::entity::annotate(&mut resolution);
///         Ok::<_, whereas::Error>(resolution)
///     },
///     |prepared| {
///         let resolution = prepared?;
///         writer.add(&resolution)?;
///         added.push(resolution.reference.unwrap_or_default());
///         Ok::<_, whereas::Error>(())
///     },
/// )?;
/// writer.commit()?;
/// // In input order, whatever order the workers finished in.
/// assert_eq!(added, ["TA-9-2021-0050", "TA-9-2021-0051", "TA-9-2021-0052"]);
/// # Ok::<(), whereas::Error>(())
/// ```
pub fn prepare_in_order<I, R, E>(
    inputs: I,
    threads: usize,
    prepare: impl Fn(I::Item) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: IntoIterator,
    I::IntoIter: Send,
    I::Item: Send,
    R: Send,
{
    if threads == 0 {
        for input in inputs {
            sink(prepare(input))?;
        }
        return Ok(());
    }
    let threads = threads.min(MAX_WORKERS);
    let window = threads * AHEAD_PER_THREAD;
    let queue = Queue {
        state: Mutex::new(Taking {
            inputs: inputs.into_iter(),
            taken: 0,
            sunk: 0,
        }),
        turn: Condvar::new(),
        stop: AtomicBool::new(false),
        window,
    };
    let (done, results) = mpsc::sync_channel::<(usize, R)>(window);
    std::thread::scope(|scope| {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let done = done.clone();
            let (queue, prepare) = (&queue, &prepare);
            workers.push(scope.spawn(move || {
                while let Some((i, input)) = queue.take() {
                    // A panicking `prepare` stops the run (or the others would wait
                    // for its input's turn forever); the caller's thread re-raises it.
                    let prepared = match panic::catch_unwind(AssertUnwindSafe(|| prepare(input))) {
                        Ok(prepared) => prepared,
                        Err(payload) => {
                            queue.stop();
                            panic::resume_unwind(payload);
                        }
                    };
                    if done.send((i, prepared)).is_err() {
                        break;
                    }
                }
            }));
        }
        drop(done);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0usize;
        let mut outcome = Ok(());
        for (i, result) in results.iter() {
            if outcome.is_err() {
                continue;
            }
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = sink(result) {
                    outcome = Err(e);
                    queue.stop();
                    waiting.clear();
                    break;
                }
                queue.sunk(next);
            }
        }
        // Joined here rather than by the scope, so that a worker's panic is raised
        // with its own message.
        for worker in workers {
            if let Err(payload) = worker.join() {
                panic::resume_unwind(payload);
            }
        }
        outcome
    })
}

/// The inputs, shared by the workers.
struct Queue<It> {
    state: Mutex<Taking<It>>,
    /// Signalled when the sink moves on or the run stops.
    turn: Condvar,
    stop: AtomicBool,
    window: usize,
}

struct Taking<It> {
    inputs: It,
    /// How many inputs the workers have taken.
    taken: usize,
    /// How many results the sink has taken.
    sunk: usize,
}

impl<It: Iterator> Queue<It> {
    /// The next input, once it is within the window of the sink; `None` at the end or
    /// once stopped.
    fn take(&self) -> Option<(usize, It::Item)> {
        // A poisoned lock means another worker panicked while taking; the scope
        // re-raises that panic, so this worker just stops.
        let mut state = self.state.lock().ok()?;
        loop {
            if self.stop.load(Ordering::Acquire) {
                return None;
            }
            if state.taken < state.sunk + self.window {
                let input = state.inputs.next()?;
                state.taken += 1;
                return Some((state.taken - 1, input));
            }
            state = self.turn.wait(state).ok()?;
        }
    }

    fn sunk(&self, sunk: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.sunk = sunk;
        }
        self.turn.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Release);
        // Taking the lock orders the store before any waiter's next check.
        drop(self.state.lock());
        self.turn.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    /// Later inputs finish first (earlier ones sleep longer); the sink still sees them
    /// in order, for every thread count.
    #[test]
    fn results_arrive_in_input_order() {
        for threads in [0, 1, 2, 5, usize::MAX] {
            let mut seen = Vec::new();
            let outcome: Result<(), ()> = prepare_in_order(
                0..40u64,
                threads,
                |i| {
                    std::thread::sleep(Duration::from_micros((40 - i) * 50));
                    i * 10
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            );
            assert_eq!(outcome, Ok(()));
            let expected: Vec<u64> = (0..40).map(|i| i * 10).collect();
            assert_eq!(seen, expected, "threads {threads}");
        }
    }

    /// The sink's first error ends the run: it is returned, nothing after it is sunk,
    /// and the workers stop taking inputs well before the end.
    #[test]
    fn a_sink_error_stops_the_run() {
        let prepared = AtomicUsize::new(0);
        let mut seen = Vec::new();
        let outcome = prepare_in_order(
            0..10_000usize,
            2,
            |i| {
                prepared.fetch_add(1, Ordering::Relaxed);
                i
            },
            |i| {
                if i == 7 {
                    return Err(format!("input {i} refused"));
                }
                seen.push(i);
                Ok(())
            },
        );
        assert_eq!(outcome, Err("input 7 refused".to_string()));
        assert_eq!(seen, [0, 1, 2, 3, 4, 5, 6]);
        let prepared = prepared.load(Ordering::Relaxed);
        assert!(
            prepared <= 8 + 2 * AHEAD_PER_THREAD,
            "{prepared} inputs prepared past the window"
        );
    }

    /// No more than the window is prepared ahead of the sink.
    #[test]
    fn workers_stay_within_the_window() {
        let taken = AtomicUsize::new(0);
        let mut worst = 0;
        let outcome: Result<(), ()> = prepare_in_order(
            0..200usize,
            3,
            |i| {
                taken.fetch_max(i + 1, Ordering::Relaxed);
                i
            },
            |i| {
                std::thread::sleep(Duration::from_micros(100));
                worst = worst.max(taken.load(Ordering::Relaxed) - i);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert!(worst <= 3 * AHEAD_PER_THREAD + 1, "{worst} ahead");
    }

    #[test]
    #[should_panic(expected = "prepare failed on 3")]
    fn a_panic_in_prepare_is_raised_not_hung() {
        let _: Result<(), ()> = prepare_in_order(
            0..100usize,
            2,
            |i| {
                if i == 3 {
                    panic!("prepare failed on {i}");
                }
                i
            },
            |_| Ok(()),
        );
    }
}
