//! HTML tables, every cell escaped, each verdict's tone as a class.

use std::io::{self, Write};

use crate::sanitize::xml;
use crate::view::{Sheet, Tone};

/// A sheet as an HTML table, every cell escaped.
pub fn table(out: &mut dyn Write, sheet: &Sheet) -> io::Result<()> {
    writeln!(out, "<div class=\"scroll\"><table>\n<thead><tr>")?;
    for h in &sheet.headers {
        write!(out, "<th>{}</th>", xml(h))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for row in &sheet.rows {
        write!(out, "<tr>")?;
        for (i, c) in row.iter().enumerate() {
            let class = match c.tone {
                Tone::Conflict => " class=\"conflict\"",
                Tone::Gap => " class=\"gap\"",
                Tone::Agree => " class=\"agree\"",
                Tone::Muted => " class=\"muted\"",
                _ => "",
            };
            // The column's name, shown beside the cell when a narrow page stacks the table.
            let label = sheet.headers.get(i).map_or(String::new(), |h| xml(h));
            write!(
                out,
                "<td{class} data-label=\"{label}\">{}</td>",
                xml(&c.text)
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")
}
