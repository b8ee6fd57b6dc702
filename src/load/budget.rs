//! One budget per run for the work a problem may cost beyond reporting it:
//! the nearest-passage hint of a quote not found and the re-parse that finds
//! a file's every type error. Spent in file order by the merger, so which
//! problems get the extra work never depends on which worker ran first.

use std::sync::Arc;

use super::every_error::{every_error, Reparse};
use super::input::InputFile;
use super::quote_match::{fold_text, near_miss_in, Folded};
use super::text::decode;
use crate::diagnostic::Diagnostic;

/// Problems given a nearest-passage hint in one run.
pub const HINTS: usize = 100;
/// Bytes of document text searched for those hints in one run.
const HINT_BYTES: usize = 64 << 20;
/// Problems found by re-parsing in one run.
pub const REPARSE_ERRORS: usize = 100;
/// Bytes parsed again to find them in one run.
pub const REPARSE_BYTES: usize = 16 << 20;

/// A quote not found, whose hint waits for the budget.
#[derive(Debug)]
pub(super) struct NearMiss {
    /// Its diagnostic's position among the digest's.
    pub diag: usize,
    pub text: Arc<str>,
    pub quote: String,
}

pub(super) struct Budget {
    hints: usize,
    hint_bytes: usize,
    reparse: Reparse,
    /// The last text folded for a hint: many quotes of one document fold it once.
    folded: Option<(Arc<str>, Folded)>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            hints: HINTS,
            hint_bytes: HINT_BYTES,
            reparse: Reparse {
                errors: REPARSE_ERRORS,
                bytes: REPARSE_BYTES,
            },
            folded: None,
        }
    }
}

impl Budget {
    /// The nearest-passage hint for a quote not found in `text`, while the
    /// run's budget lasts; `None` once it is spent or nothing is close.
    pub(super) fn hint(&mut self, text: &Arc<str>, quote: &str) -> Option<String> {
        if self.hints == 0 || self.hint_bytes < text.len() {
            return None;
        }
        self.hints -= 1;
        self.hint_bytes -= text.len();
        let same = self
            .folded
            .as_ref()
            .is_some_and(|(t, _)| Arc::ptr_eq(t, text));
        if !same {
            self.folded = Some((text.clone(), fold_text(text)?));
        }
        let (_, folded) = self.folded.as_ref()?;
        near_miss_in(text, folded, quote)
    }

    /// Gives a digest's quotes not found their hints.
    pub(super) fn near_misses(&mut self, diags: &mut [Diagnostic], pending: Vec<NearMiss>) {
        for n in pending {
            if let (Some(d), Some(hint)) = (diags.get_mut(n.diag), self.hint(&n.text, &n.quote)) {
                d.hint = Some(hint);
            }
        }
    }

    /// A file whose parse stopped at a type error: its every type error,
    /// and its text with those tables blanked when the rest parses, while
    /// the run's budget lasts; `None` when it is spent or the file cannot
    /// be read again.
    pub(super) fn every_error(
        &mut self,
        file: &InputFile,
    ) -> Option<(Vec<Diagnostic>, Option<String>)> {
        if self.reparse.errors == 0 || self.reparse.bytes == 0 {
            return None;
        }
        let bytes = file.read().ok()?;
        let text = decode(&file.display, &bytes).ok()?;
        let first = toml::from_str::<super::file_model::FileModel>(text).err()?;
        Some(every_error(&file.display, text, &first, &mut self.reparse))
    }
}
