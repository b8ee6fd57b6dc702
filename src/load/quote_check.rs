//! A quote against its document: checked now when the file defines the
//! document's text, else recorded for the check across files.

use std::collections::HashMap;
use std::sync::Arc;

use super::budget::NearMiss;
use super::file_check::{FileCheck, RefKind, S};
use super::text::collapse_space;
use crate::diagnostic::Code;

/// Checks a quote against its document's text when this file defines the
/// document; otherwise records it for the check across files.
pub(super) fn check_quote<'t>(
    fc: &mut FileCheck<'t>,
    document: &'t S<String>,
    quote: &'t S<String>,
    local_docs: &HashMap<&str, Option<Arc<str>>>,
) -> bool {
    if quote.get_ref().trim().is_empty() {
        fc.error(
            Code::EmptyQuote,
            quote.span(),
            "the quote is empty".to_string(),
            "",
        );
        return false;
    }
    match local_docs.get(document.get_ref().as_str()) {
        Some(Some(text)) if !text.contains(&collapse_space(quote.get_ref())) => {
            // The closest passage, if the run's budget allows, is the merger's.
            fc.out.near_misses.push(NearMiss {
                diag: fc.out.diags.len(),
                text: text.clone(),
                quote: quote.get_ref().clone(),
            });
            let hint = super::text::QUOTE_HINT.to_string();
            fc.error(
                Code::QuoteNotFound,
                quote.span(),
                format!(
                    "the quote is not found verbatim in the text of document `{}`",
                    document.get_ref()
                ),
                hint,
            );
            false
        }
        Some(_) => true,
        None => {
            fc.reference(RefKind::Document, document);
            let place = fc.place(&quote.span());
            let (doc, text) = (document.get_ref().clone(), quote.get_ref().clone());
            fc.out.quotes.push((doc, text, place));
            true
        }
    }
}
