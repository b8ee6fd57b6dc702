//! The per-file stage on worker threads, its results handed over in file
//! order whatever order the workers finish in; a few files stay on this
//! thread.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::digest::digest;
use super::file_check::Digest;
use super::input::InputFile;
use super::Keep;
use crate::progress::Progress;

/// Digests every file and passes each to `merge` in file order; stops at the
/// first error `merge` returns.
pub(super) fn run(
    files: &[InputFile],
    keep: &Keep,
    merge: &mut dyn FnMut(Digest) -> io::Result<()>,
) -> io::Result<()> {
    let count = files.len();
    let progress = Progress::new(count);
    // A few files are read on this thread: asking for the core count (cgroup
    // files) and starting threads would cost more than they save.
    let threads = if count < 4 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(count)
    };
    let outcome = if threads <= 1 {
        sequential(files, keep, merge, &progress)
    } else {
        parallel(files, keep, merge, &progress, threads)
    };
    progress.finish();
    outcome
}

fn sequential(
    files: &[InputFile],
    keep: &Keep,
    merge: &mut dyn FnMut(Digest) -> io::Result<()>,
    progress: &Progress,
) -> io::Result<()> {
    for (i, f) in files.iter().enumerate() {
        merge(digest(i, f, keep))?;
        progress.tick(i + 1);
    }
    Ok(())
}

fn parallel(
    files: &[InputFile],
    keep: &Keep,
    merge: &mut dyn FnMut(Digest) -> io::Result<()>,
    progress: &Progress,
    threads: usize,
) -> io::Result<()> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut outcome = Ok(());
    // Bounded: workers wait rather than pile digests up in memory.
    let (tx, rx) = mpsc::sync_channel::<(usize, Digest)>(threads * 4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                if tx.send((i, digest(i, &files[i], keep))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Digest> = BTreeMap::new();
        let mut expected = 0;
        for (i, d) in rx.iter() {
            waiting.insert(i, d);
            while let Some(d) = waiting.remove(&expected) {
                if outcome.is_ok() {
                    outcome = merge(d);
                    if outcome.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                expected += 1;
                progress.tick(expected);
            }
        }
    });
    outcome
}
