//! Joint statements (issue 23): one communiqué signed by several parties is
//! one claim (`source` and `with`), and each signatory a voice of it, not
//! one claim per author.

mod common;
use common::*;

const PROPOSITION: &str = r#"
[[proposition]]
id = "ceasefire"
text = "A ceasefire holds from 18:30"
"#;

fn communique(extra: &str) -> String {
    claim(
        "trilateral",
        "kremlin",
        "2021-11-16",
        "position = { proposition = \"ceasefire\", stance = \"affirms\" }",
        extra,
    )
}

fn data(claims: &[String]) -> tempfile::TempDir {
    let mut file = event_file(claims);
    file.push_str(PROPOSITION);
    folder(&[("test-event.toml", &file)])
}

#[test]
fn each_signatory_is_a_voice_of_one_statement() {
    let dir = data(&[communique("with = [\"armenia-pm\", \"azerbaijan\"]\n")]);
    let v = compare_json(dir.path(), &[]);
    let row = statement_row(&v, "ceasefire");
    assert_eq!(row["verdict"]["verdict"], "consistent", "{row}");
    assert_eq!(row["verdict"]["voices"], 3, "{row}");
    assert_eq!(row["verdict"]["both_sides"], true, "{row}");
    let csv = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event", "--format", "csv"])
        .run()
        .stdout;
    assert!(csv.contains("affirms (joint statement with"), "{csv}");
    // One claim of the data, whatever the signatories.
    let out = Claims::new()
        .data(dir.path())
        .args(["compare", "test-event"])
        .run()
        .stdout;
    assert!(out.contains("1 claims"), "{out}");
    // Alone, the Kremlin is a single source.
    let v = compare_json(data(&[communique("")]).path(), &[]);
    assert_eq!(
        statement_row(&v, "ceasefire")["verdict"]["verdict"],
        "single-source"
    );
}

#[test]
fn list_and_show_name_the_signatories_and_import_reads_them() {
    let dir = data(&[communique("with = [\"armenia-pm\", \"azerbaijan\"]\n")]);
    let csv = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "csv", "--columns", "claim,source,with"])
        .succeeds()
        .stdout;
    assert_eq!(
        csv.lines().nth(1),
        Some("trilateral,kremlin,armenia-pm; azerbaijan"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 2, "the copies are not listed: {csv}");
    Claims::new()
        .data(dir.path())
        .args(["show", "trilateral"])
        .succeeds()
        .stdout_has("armenia-pm, azerbaijan: a joint statement");
    let sheet = "claim,event,source,with,said,via,document,language,kind,quote,proposition,stance\n\
                 back,test-event,kremlin,armenia-pm; azerbaijan,2021-11-16,statement,doc,en,position,q,ceasefire,affirms\n";
    std::fs::write(dir.path().join("sheet.csv"), sheet).expect("written");
    let path = dir.path().join("sheet.csv");
    let toml = Claims::new()
        .data(dir.path())
        .args(["import", path.to_str().expect("a path")])
        .succeeds()
        .stdout;
    assert!(
        toml.contains("with = [\"armenia-pm\", \"azerbaijan\"]"),
        "{toml}"
    );
}

#[test]
fn check_refuses_signatories_twice_unknown_or_beside_a_relay() {
    let check = |extra: &str| {
        Claims::new()
            .data(data(&[communique(extra)]).path())
            .args(["check"])
            .fails(2)
            .stdout
    };
    let twice = check("with = [\"kremlin\"]\n");
    assert!(
        twice.contains("`kremlin` is named twice among the statement's signatories"),
        "{twice}"
    );
    let unknown = check("with = [\"armenia-pn\"]\n");
    assert!(unknown.contains("did you mean `armenia-pm`"), "{unknown}");
    let relay = check("with = [\"armenia-pm\"]\norigin = \"russia-mfa\"\n");
    assert!(
        relay.contains("relays a voice and names co-signatories"),
        "{relay}"
    );
    assert!(relay.contains("test-event.toml:"), "{relay}");
}
