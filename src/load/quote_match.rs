//! A quote not found verbatim in its document: the closest passage, and
//! what differs (capital letters, curly against straight quotation marks,
//! dashes), so that the fix is one edit. Found by matching loosely: case,
//! quotation marks, dashes and spacing folded.

/// How a character compares loosely; `' '` for any whitespace.
fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2011}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A text folded, with each folded byte's offset in the original.
#[derive(Debug)]
struct Loose {
    text: String,
    origin: Vec<usize>,
}

fn loosen(original: &str) -> Loose {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (at, c) in original.char_indices() {
        let f = fold(c);
        // Runs of whitespace count as one space.
        if f == ' ' && (text.is_empty() || text.ends_with(' ')) {
            continue;
        }
        text.push(f);
        origin.extend(std::iter::repeat_n(at, f.len_utf8()));
    }
    Loose { text, origin }
}

/// The original text between two loose byte offsets (`end` exclusive).
fn original<'t>(text: &'t str, loose: &Loose, start: usize, end: usize) -> &'t str {
    let from = loose.origin[start];
    let last = loose.origin[end - 1];
    let to = last + text[last..].chars().next().map_or(0, char::len_utf8);
    &text[from..to]
}

/// At most `n` characters, "…" when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    s.chars().take(n).chain(std::iter::once('…')).collect()
}

/// The kinds of difference between a quote and a passage that match loosely.
fn differences(quote: &str, passage: &str) -> Vec<&'static str> {
    let strip = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (q, p) = (strip(quote), strip(passage));
    let mut kinds = Vec::new();
    for (a, b) in q.chars().zip(p.chars()).filter(|(a, b)| a != b) {
        let kind = match fold(a) {
            '\'' | '"' => "quotation marks or apostrophes (curly against straight)",
            '-' => "dashes or hyphens",
            _ if a.to_lowercase().eq(b.to_lowercase()) => "capital letters",
            _ => "spacing",
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds.push("spacing");
    }
    kinds
}

/// The largest number of loose bytes of `quote` (on a character boundary)
/// that the text holds, found by halving: a prefix found means every
/// shorter one is too.
fn longest_prefix(text: &str, quote: &str) -> usize {
    let bounds: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain([quote.len()])
        .collect();
    let (mut lo, mut hi) = (0, bounds.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text.contains(&quote[..bounds[mid]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    bounds[lo]
}

/// A document's text folded once for every quote of it that needs a hint.
#[derive(Debug)]
pub struct Folded(Loose);

/// The folded text; `None` past 2 MiB: an article is short, and a text of
/// megabytes gets the plain hint, so that wrong quotes of it stay quick.
pub fn fold_text(text: &str) -> Option<Folded> {
    const LONGEST: usize = 2 << 20;
    (text.len() <= LONGEST).then(|| Folded(loosen(text)))
}

/// At most this many characters of the document past what the quote
/// matched: enough to see where the two part, never a way to read a file
/// a quote at a time.
const PAST_MATCH: usize = 6;

/// The hint for a quote not found in `text`: the passage it nearly is and
/// what differs, or where the two part ways; `None` when nothing is close.
#[cfg(test)]
pub fn near_miss(text: &str, quote: &str) -> Option<String> {
    near_miss_in(text, &fold_text(text)?, quote)
}

/// [`near_miss`] with the text folded beforehand.
pub fn near_miss_in(text: &str, folded: &Folded, quote: &str) -> Option<String> {
    let quote = quote.trim();
    let doc = &folded.0;
    let wanted = loosen(quote);
    let wanted_text = wanted.text.trim_end();
    if wanted_text.is_empty() {
        return None;
    }
    if let Some(at) = doc.text.find(wanted_text) {
        let passage = original(text, doc, at, at + wanted_text.len());
        return Some(format!(
            "the document has «{}»: it differs in {}",
            clip(passage, 160),
            differences(quote, passage).join(" and ")
        ));
    }
    let matched = longest_prefix(&doc.text, wanted_text);
    // Fewer than a dozen characters in common is no clue to where it is.
    if wanted_text[..matched].chars().count() < 12 {
        return None;
    }
    let at = doc.text.find(&wanted_text[..matched])?;
    let agreed = original(text, doc, at, at + matched);
    // What follows, in each, from the first character that differs.
    let next = |s: &str, loose: &Loose, i: usize| {
        s[loose.origin.get(i).copied().unwrap_or(s.len())..]
            .trim_start()
            .to_string()
    };
    Some(format!(
        "the document has «{}», then «{}» where the quote goes on «{}»",
        clip(agreed, 80),
        clip(&next(text, doc, at + matched), PAST_MATCH),
        clip(&next(quote, &wanted, matched), 40)
    ))
}

#[cfg(test)]
mod tests {
    use super::{near_miss, PAST_MATCH};

    const DOC: &str = "Le ministère a déclaré que l’Azerbaïdjan avait accepté un cessez-le-feu.";

    #[test]
    fn a_capital_letter_is_named() {
        let hint = near_miss(DOC, "le Ministère a déclaré").unwrap_or_default();
        assert!(hint.contains("«Le ministère a déclaré»"), "{hint}");
        assert!(hint.contains("capital letters"), "{hint}");
    }

    #[test]
    fn a_straight_apostrophe_is_named() {
        let hint = near_miss(DOC, "que l'Azerbaïdjan avait").unwrap_or_default();
        assert!(hint.contains("«que l’Azerbaïdjan avait»"), "{hint}");
        assert!(hint.contains("curly against straight"), "{hint}");
    }

    #[test]
    fn where_the_quote_parts_from_the_document_is_shown() {
        let hint = near_miss(DOC, "avait accepté une trêve").unwrap_or_default();
        assert!(hint.contains("«avait accepté un"), "{hint}");
        // A few characters past the match, never the rest of the document.
        assert!(hint.contains("then «cessez…»"), "{hint}");
        assert!(!hint.contains("le-feu"), "{hint}");
        assert!(
            hint.contains("goes on «e trêve»") || hint.contains("goes on «une trêve»"),
            "{hint}"
        );
    }

    #[test]
    fn regression_a_document_is_never_read_a_quote_at_a_time() {
        // A quote that matches the start of a secret shows no more than
        // PAST_MATCH characters of what follows, however long the quote.
        let secret = "TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyz";
        for quote in [
            "TOKEN=ghp_X",
            "TOKEN=ghp_0123X",
            "TOKEN=ghp_0123456789abcdefXYZ",
        ] {
            let hint = near_miss(secret, quote).unwrap_or_default();
            let shown = hint.split("then «").nth(1).unwrap_or("");
            let shown = shown.split('»').next().unwrap_or("").trim_end_matches('…');
            assert!(shown.chars().count() <= PAST_MATCH, "{hint}");
        }
    }

    #[test]
    fn nothing_close_gives_no_hint() {
        assert_eq!(near_miss(DOC, "completely different words"), None);
    }
}
