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

/// A sheet as a spreadsheet writes it: kinds and ids in any case, party and
/// source names, "6:10 AM", day-first dates with `--dates dmy`, "1,200", and
/// a new event and proposition on its rows: imported in one run, and the
/// event compares.
#[test]
fn a_spreadsheet_sheet_makes_its_event_in_one_run() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("newsroom");
    Claims::new()
        .args(["init", &data.display().to_string()])
        .succeeds();
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,act,accused,at,proposition,stance,proposition_text,proposition_kind,outlet,event_title,event_date,event_place,event_sides,event_summary\n\
        nov-killed,Nov-Clash-2026,Ministry of Defence of Armenia,30/11/2026,statement,nov-doc,en,Figure,\"Three servicemen were killed.\",Armenia,killed,\"1,200\",,,,,,,,Outlet,Clash in November,30/11/2026,Near the village,\"Armenia, Azerbaijan\",Made up.\n\
        nov-accuses,nov-clash-2026,ARMENIA-MOD,30/11/2026 6:10 AM,statement,nov-doc,English,Accusation,\"The enemy fired first.\",,,,Fired first,Azerbaijan,6:10,,,,,Outlet,,,,,\n\
        nov-calm,nov-clash-2026,Kremlin,01/12/2026,phone-call-readout,nov-doc,en,position,\"We call for calm.\",,,,,,,nov-calm,affirms,Both sides should show restraint,appeal,Outlet,,,,,\n";
    std::fs::write(data.join("sheet.csv"), sheet).expect("written");
    let to = data.join("nov-clash-2026.toml");
    let refused = Claims::new()
        .current_dir(&data)
        .args(["import", "sheet.csv", "--to", "nov-clash-2026.toml"])
        .fails(2)
        .stderr;
    assert!(refused.contains("--dates dmy"), "{refused}");
    assert!(!to.exists());
    let out = Claims::new()
        .current_dir(&data)
        .args([
            "import",
            "sheet.csv",
            "--to",
            "nov-clash-2026.toml",
            "--dates",
            "dmy",
        ])
        .succeeds()
        .stdout;
    assert!(out.contains("3 claims"), "{out}");
    let text = std::fs::read_to_string(&to).expect("written");
    for line in [
        "[event]",
        "id = \"nov-clash-2026\"",
        "sides = [\"armenia\", \"azerbaijan\"]",
        "source = \"armenia-mod\"",
        "said = \"2026-11-30T06:10\"",
        "exact = 1200",
        "at = \"06:10\"",
        "kind = \"appeal\"",
        "act = \"started-fighting\"",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    Claims::new().current_dir(&data).args(["check"]).succeeds();
    let table = Claims::new()
        .current_dir(&data)
        .args(["compare", "nov-clash-2026"])
        .succeeds()
        .stdout;
    assert!(table.contains("Clash in November"), "{table}");
}

/// Cell problems came one round, then the check's, in separate runs: now
/// an unknown column, a cell that cannot be read and what the check finds
/// in the other rows come together.
#[test]
fn every_problem_of_a_sheet_comes_in_one_run() {
    let sheet = "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,outlet,colour\n\
        a,kilisali-2021,armenia-mod,2021-11-16,statement,kil-doc-x,en,figur,\"words\",armenia,killed,3,Outlet,red\n\
        b,kilisali-2021,armenia-mod,2021-11-16,statement,kil-doc-x,en,figure,\"words\",armenia,kiled,3,Outlet,\n\
        c,kilisali-2021,armenia-mod,30/11/2021,statement,kil-doc-x,en,figure,\"words\",armenia,wounde,3,Outlet,\n";
    let dir = folder(&[("sheet.csv", sheet)]);
    let err = Claims::new()
        .args([
            "import",
            &dir.path().join("sheet.csv").display().to_string(),
        ])
        .fails(2)
        .stderr;
    assert!(err.contains("unknown column `colour`"), "{err}");
    assert!(err.contains("row 2, column `kind`"), "{err}");
    assert!(err.contains("row 3") && err.contains("kiled"), "{err}");
    // A row with a bad cell still has its other problems said, once each.
    assert!(err.contains("row 4, column `said`"), "{err}");
    assert!(err.contains("row 4") && err.contains("wounde"), "{err}");
    assert_eq!(err.matches("30/11/2021").count(), 1, "{err}");
    assert!(err.contains("5 problems in the sheet"), "{err}");
}

/// The template, imported as it stands into a new folder, makes its event
/// and its proposition (it named them, and the data knew neither).
#[test]
fn the_template_alone_makes_an_event_that_checks() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("newsroom");
    Claims::new()
        .args(["init", &data.display().to_string()])
        .succeeds();
    let (_, template, _) = run(&["import", "--template"]);
    std::fs::write(data.join("sheet.csv"), template).expect("written");
    Claims::new()
        .current_dir(&data)
        .args(["import", "sheet.csv", "--to", "my-event.toml"])
        .succeeds();
    Claims::new().current_dir(&data).args(["check"]).succeeds();
    let out = Claims::new()
        .current_dir(&data)
        .args(["compare", "my-event"])
        .succeeds()
        .stdout;
    assert!(out.contains("A clash on the border"), "{out}");
}
