//! `check --format github`: GitHub Actions workflow commands. The service
//! shows at most 10 error annotations a step, so the 10 that matter most
//! are annotated, the rest counted, and the whole list written to the
//! step's summary when `$GITHUB_STEP_SUMMARY` names one.

use std::io::{self, Write};

use crate::diagnostic::{Code, Diagnostic};
use crate::sanitize::{escape, markdown_cell};

/// Annotations the service shows per step and kind.
pub const SHOWN: usize = 10;

/// A command's message: `%`, CR and LF encoded so that nothing in it can
/// end the line and start another command.
fn data(text: &str) -> String {
    let encoded = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    // Other control characters and bidi overrides are shown, not obeyed.
    escape(&encoded).into_owned()
}

/// A command's property value: as [`data`], and `:` and `,`, which end a value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// How much a problem matters, lowest first: a file that could not be read
/// hides everything in it; a broken reference or a quote not found in its
/// document undermines what rests on it; then the rest.
fn rank(code: Code) -> u8 {
    match code {
        c if c.stops_a_file() => 0,
        Code::NoDataFolder | Code::NoEvent | Code::UnknownId | Code::DuplicateId => 1,
        Code::QuoteNotFound | Code::DocumentText | Code::QuoteMissing | Code::EmptyQuote => 2,
        _ => 3,
    }
}

/// One `::error` line.
fn annotation(d: &Diagnostic) -> String {
    let path = d.path.strip_prefix("./").unwrap_or(&d.path);
    let mut props = format!("file={}", property(path));
    if d.line > 0 {
        props.push_str(&format!(",line={},col={}", d.line, d.column.max(1)));
    }
    props.push_str(&format!(",title={}", property(d.code.as_str())));
    let message = match &d.hint {
        Some(hint) => format!("{}\nhint: {hint}", d.message),
        None => d.message.clone(),
    };
    format!("::error {props}::{}", data(&message))
}

/// The problems worth an annotation: the [`SHOWN`] that matter most, in
/// file order among themselves.
pub fn most_important(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| (rank(diagnostics[i].code), i));
    order.truncate(SHOWN);
    order.sort_unstable();
    order.into_iter().map(|i| &diagnostics[i]).collect()
}

/// Writes the annotations, then `last` (the count `check` ends with).
pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic], last: &str) -> io::Result<()> {
    for d in most_important(diagnostics) {
        writeln!(out, "{}", annotation(d))?;
    }
    if diagnostics.len() > SHOWN {
        let more = diagnostics.len() - SHOWN;
        writeln!(
            out,
            "::notice title=claims check::{}",
            data(&format!(
                "{more} more problem{} not annotated: the step summary (or `claims check`) lists every one",
                if more == 1 { "" } else { "s" }
            ))
        )?;
    }
    writeln!(out, "{}", escape(last))
}

/// The whole list as Markdown, for `$GITHUB_STEP_SUMMARY`.
pub fn summary(out: &mut dyn Write, diagnostics: &[Diagnostic], last: &str) -> io::Result<()> {
    writeln!(out, "### claims check\n\n{}\n", markdown_cell(last))?;
    if diagnostics.is_empty() {
        return Ok(());
    }
    writeln!(out, "| file | line | column | code | problem |")?;
    writeln!(out, "|---|---:|---:|---|---|")?;
    for d in diagnostics {
        let message = match &d.hint {
            Some(hint) => format!("{} (hint: {hint})", d.message),
            None => d.message.clone(),
        };
        writeln!(
            out,
            "| {} | {} | {} | `{}` | {} |",
            markdown_cell(&d.path),
            d.line,
            d.column,
            d.code.as_str(),
            markdown_cell(&message)
        )?;
    }
    writeln!(out)
}
