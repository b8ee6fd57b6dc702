//! `claims import` as a newsroom uses it (issue 15, from a new user's
//! trial): spreadsheet booleans and numbers, misspelt columns, semicolon
//! sheets, and problems `check` would find named by the sheet's row.

mod common;
use common::*;

const HEADER: &str = "claim,event,source,said,via,document,language,kind,quote,hedged,whose,metric,stated,act,accused,denies";

fn sheet_dir(rows: &[&str]) -> tempfile::TempDir {
    let mut sheet = format!("{HEADER}\n");
    for r in rows {
        sheet.push_str(r);
        sheet.push('\n');
    }
    let event = "[event]\nid = \"e\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[document]]\nid = \"doc\"\noutlet = \"o\"\nlanguage = \"en\"\n";
    folder(&[("e.toml", event), ("sheet.csv", &sheet)])
}

/// Imports the sheet to stdout; (status, stdout, stderr).
fn import(dir: &tempfile::TempDir) -> (i32, String, String) {
    let out = Claims::new()
        .data(dir.path())
        .args(["import", dir.path().join("sheet.csv").to_str().unwrap()])
        .run();
    (out.code, out.stdout, out.stderr)
}

/// `hedged` and `denies` were dropped unless exactly `true`: a spreadsheet's
/// TRUE turned a denial into an accusation.
#[test]
fn regression_spreadsheet_booleans_are_read_or_refused() {
    let dir = sheet_dir(&[
        "a,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,TRUE,armenia,killed,3,,,",
        "b,e,azerbaijan-mod,2021-11-16,statement,doc,en,accusation,q,no,,,,attack,armenia,Yes",
    ]);
    let (code, toml, err) = import(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(toml.contains("hedged = true"), "{toml}");
    assert!(toml.contains("denies = true"), "{toml}");
    let dir = sheet_dir(&[
        "a,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,maybe,armenia,killed,3,,,",
    ]);
    let (code, _, err) = import(&dir);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 2, column `hedged`: `maybe`: give true or false"),
        "{err}"
    );
}

/// A misspelt column (`hedgd`) was ignored, and its data lost.
#[test]
fn regression_an_unknown_column_is_refused_with_the_nearest() {
    let dir = folder(&[(
        "sheet.csv",
        "claim,event,source,said,via,document,language,kind,qoute,hedgd\nx,e,s,2021,statement,d,en,figure,q,true\n",
    )]);
    let (code, out, err) = import(&dir);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("unknown column `hedgd`: did you mean `hedged`?"),
        "{err}"
    );
    assert!(err.contains("unknown column `qoute`"), "{err}");
    assert!(out.is_empty());
}

#[test]
fn a_semicolon_sheet_and_typed_quantities_are_read() {
    let sheet = HEADER.replace(',', ";")
        + "\na;e;armenia-mod;2021-11-16;statement;doc;en;figure;q;;azerbaijan;killed;at least 40;;;\n\
           b;e;armenia-mod;2021-11-16;statement;doc;en;figure;q;;azerbaijan;wounded;1,200;;;\n\
           c;e;armenia-mod;2021-11-16;statement;doc;en;figure;q;;armenia;killed;About 3;;;\n";
    let dir = sheet_dir(&[]);
    std::fs::write(dir.path().join("sheet.csv"), sheet).unwrap();
    let (code, toml, err) = import(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(toml.contains("at_least = 40"), "{toml}");
    assert!(toml.contains("exact = 1200"), "{toml}");
    assert!(toml.contains("about = 3"), "{toml}");
}

/// An unknown metric, a misspelt `via` or an impossible date was imported
/// and found only by `check`, at a line of the generated file.
#[test]
fn regression_what_check_would_find_is_named_by_the_sheets_row() {
    let dir = sheet_dir(&[
        "ok,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,,armenia,killed,3,,,",
        "m,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,,armenia,kiled,3,,,",
        "d,e,armenia-mod,2021-06-31,statement,doc,en,figure,q,,armenia,wounded,3,,,",
    ]);
    let (code, out, err) = import(&dir);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("row 3") && err.contains("unknown metric `kiled`") && err.contains("`killed`"),
        "{err}"
    );
    assert!(err.contains("row 4") && err.contains("2021-06-31"), "{err}");
    assert!(!err.contains("row 2"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    // Errors are one per line, never a literal \n.
    assert!(!err.contains("\\n"), "{err}");
}

/// A broken file already in the folder stopped every import.
#[test]
fn regression_a_broken_file_in_the_folder_does_not_stop_an_import() {
    let dir =
        sheet_dir(&["ok,e,armenia-mod,2021-11-16,statement,doc,en,figure,q,,armenia,killed,3,,,"]);
    std::fs::write(dir.path().join("earlier.toml"), "broken = [\n").unwrap();
    let (code, toml, err) = import(&dir);
    assert_eq!(code, 0, "{err}");
    assert!(toml.contains("id = \"ok\""), "{toml}");
}
