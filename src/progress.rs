//! A progress bar on stderr for loads that take more than about a second,
//! shown only when stderr is a terminal.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    total: usize,
    start: Instant,
    /// How long a load runs before the bar appears (`CLAIMS_PROGRESS_DELAY_MS`, default 1 s).
    delay: Duration,
    enabled: bool,
    bar: std::cell::OnceCell<ProgressBar>,
}

impl Progress {
    pub fn new(total: usize) -> Self {
        let delay = std::env::var("CLAIMS_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        Progress {
            total,
            start: Instant::now(),
            delay,
            enabled: std::io::stderr().is_terminal()
                && std::env::var_os("CLAIMS_NO_PROGRESS").is_none(),
            bar: std::cell::OnceCell::new(),
        }
    }

    /// Records that `done` files are merged; the bar appears once a second has passed.
    pub fn tick(&self, done: usize) {
        if !self.enabled {
            return;
        }
        if self.bar.get().is_none() && self.start.elapsed() < self.delay {
            return;
        }
        let bar = self.bar.get_or_init(|| {
            let bar = ProgressBar::new(self.total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar} {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
        bar.set_position(done as u64);
    }

    pub fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
