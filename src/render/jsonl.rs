//! JSON Lines: one record a line, written as it is ready, so a listing of
//! any size streams into `duckdb`, `jq -c` or a data frame.

use std::io::{self, Write};

use serde::Serialize;

/// Writes one record as one line. Control characters and bidi overrides
/// are escaped as in every JSON document the tool writes.
pub fn line<R: Serialize + ?Sized>(out: &mut dyn Write, record: &R) -> io::Result<()> {
    let text = serde_json::to_string(record)?;
    out.write_all(crate::sanitize::json_visible(&text).as_bytes())?;
    out.write_all(b"\n")
}
