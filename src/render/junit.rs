//! `check --format junit`: JUnit XML, which CI systems without SARIF read
//! (GitLab, Jenkins, Azure). Each file checked is a test case; a file with
//! problems fails, with every problem in its failure's text.

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::sanitize::xml;

/// Writes one test suite: a case per file, in the order given, then any
/// file named only by a problem (one that could not be read).
pub fn write(out: &mut dyn Write, files: &[String], diagnostics: &[Diagnostic]) -> io::Result<()> {
    let mut cases: Vec<&str> = files.iter().map(String::as_str).collect();
    for d in diagnostics {
        if !cases.contains(&d.path.as_str()) {
            cases.push(&d.path);
        }
    }
    let failing = |path: &str| -> Vec<&Diagnostic> {
        diagnostics.iter().filter(|d| d.path == path).collect()
    };
    let failures = cases.iter().filter(|p| !failing(p).is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="claims check" tests="{}" failures="{failures}" errors="0">"#,
        cases.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="claims check" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        cases.len()
    )?;
    for path in cases {
        let problems = failing(path);
        let name = xml(path);
        if problems.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="claims.check" name="{name}"/>"#
            )?;
            continue;
        }
        let n = problems.len();
        let first = problems[0];
        writeln!(
            out,
            r#"    <testcase classname="claims.check" name="{name}">"#
        )?;
        writeln!(
            out,
            r#"      <failure type="{}" message="{}">"#,
            first.code.as_str(),
            xml(&format!(
                "{n} problem{}: {}",
                if n == 1 { "" } else { "s" },
                first.message
            ))
        )?;
        for d in problems {
            let hint = d.hint.as_deref().map(|h| format!(" (hint: {h})"));
            writeln!(
                out,
                "{}:{}:{}: [{}] {}{}",
                xml(&d.path),
                d.line,
                d.column,
                d.code.as_str(),
                xml(&d.message),
                xml(&hint.unwrap_or_default())
            )?;
        }
        writeln!(out, "      </failure>\n    </testcase>")?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}
