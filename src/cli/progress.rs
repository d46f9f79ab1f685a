//! A progress bar on stderr for long runs: articles/s and MB/s. Hidden when
//! stderr is not a terminal or with `--quiet`, and only shown once a run has
//! lasted long enough to be worth watching.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// The progress of one extraction run.
pub struct Bar {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Bar {
    /// A bar over `total` input bytes (0 when unknown: a spinner).
    pub fn new(total: u64, quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = if total > 0 {
                ProgressBar::new(total)
            } else {
                ProgressBar::new_spinner()
            };
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
            let template = if total > 0 {
                "{bar:30} {bytes}/{total_bytes} {msg} (eta {eta})"
            } else {
                "{spinner} {bytes} {msg}"
            };
            bar.set_style(ProgressStyle::with_template(template).expect("static template"));
            bar
        });
        Bar {
            bar,
            start: Instant::now(),
        }
    }

    /// Records `docs` articles and `bytes` of text done.
    pub fn update(&self, docs: usize, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        if self.start.elapsed() < Duration::from_millis(500) {
            return;
        }
        bar.set_position(bytes);
        bar.set_message(format!(
            "{docs} articles, {:.0} articles/s, {:.1} MB/s",
            docs as f64 / secs,
            bytes as f64 / secs / 1e6
        ));
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
