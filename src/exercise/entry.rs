//! Data entry under fuzzing: a sheet through `import`, and a document text
//! with a quote through the nearest-passage search, each as the binary runs
//! them; what they must never do is returned as an error.

use std::io;

use super::TempFolder;
use crate::cmd::{self, Context};
use crate::load::{self, DataSource, Keep};
use crate::render::output::{Format, Style};

/// `import --template`'s sheet: a seed for the sheets fuzzed.
pub fn template() -> &'static str {
    cmd::import::TEMPLATE
}

/// The bytes as a sheet: `import` refuses it or writes an event file that
/// loads with the built-in data without a problem, and writes nothing else.
pub fn sheet(bytes: &[u8]) -> Result<(), String> {
    let dir = TempFolder::new().map_err(|e| e.to_string())?;
    let input = dir.0.join("sheet.csv");
    std::fs::write(&input, bytes).map_err(|e| e.to_string())?;
    let to = dir.0.join("event.toml");
    let ctx = Context {
        data: DataSource::Builtin,
        found: crate::load::discover::Found::Builtin,
        style: Style::plain(Format::Table),
    };
    if cmd::import::run(&ctx, &input, Some(&to), None, &mut io::sink()).is_err() {
        if to.exists() {
            return Err("import failed but wrote its file".to_string());
        }
        return Ok(());
    }
    let written = std::fs::read(&to).map_err(|e| format!("import said ok, no file: {e}"))?;
    let mut files: Vec<(String, Vec<u8>)> = load::input::embedded_everything()
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    files.push(("imported.toml".to_string(), written));
    let data = TempFolder::new().map_err(|e| e.to_string())?;
    for (rel, b) in &files {
        let path = data.0.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, b).map_err(|e| e.to_string())?;
    }
    let (files, diags, skipped) = load::files_for(&DataSource::Folder(data.0.clone()));
    let loaded =
        load::load_files(files, diags, skipped, &Keep::All, None).map_err(|e| e.to_string())?;
    match loaded.diagnostics.first() {
        Some(d) => Err(format!("import wrote a file check refuses: {}", d.message)),
        None => Ok(()),
    }
}

/// The bytes as a document's text and, after the first NUL, a quote of it:
/// checked as `check` does. A hint never shows more of the document than a
/// few characters past what the quote matched.
pub fn quote_hint(bytes: &[u8]) -> Result<(), String> {
    let at = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    let text = String::from_utf8_lossy(&bytes[..at]).into_owned();
    let quote = String::from_utf8_lossy(bytes.get(at + 1..).unwrap_or_default()).into_owned();
    let event = format!(
        "[event]\nid = \"ev\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\n\n\
         [[document]]\nid = \"doc\"\noutlet = \"o\"\nlanguage = \"en\"\ntext = \"doc.txt\"\n\n\
         [[claim]]\nid = \"c\"\nsource = \"armenia-mod\"\nsaid = \"2021-11-16\"\nvia = \"statement\"\n\
         document = \"doc\"\nquote = {}\nlanguage = \"en\"\n\
         figure = {{ party = \"armenia\", metric = \"killed\", exact = 1 }}\n",
        toml::Value::String(quote)
    );
    let dir = TempFolder::new().map_err(|e| e.to_string())?;
    std::fs::write(dir.0.join("doc.txt"), text).map_err(|e| e.to_string())?;
    std::fs::write(dir.0.join("ev.toml"), event).map_err(|e| e.to_string())?;
    let (files, diags, skipped) = load::files_for(&DataSource::Folder(dir.0.clone()));
    let loaded =
        load::load_files(files, diags, skipped, &Keep::All, None).map_err(|e| e.to_string())?;
    for hint in loaded.diagnostics.iter().filter_map(|d| d.hint.as_deref()) {
        let past = hint
            .split("», then «")
            .nth(1)
            .and_then(|r| r.split('»').next());
        if past.is_some_and(|p| p.trim_end_matches('…').chars().count() > 6) {
            return Err(format!(
                "a hint shows more of the document than it should: {hint}"
            ));
        }
    }
    Ok(())
}
