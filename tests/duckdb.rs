//! The DuckDB hand-off (docs/duckdb.md): `claims list --format jsonl` read
//! by DuckDB with docs/duckdb/row_figures.sql gives the figures of the rows
//! of `claims compare`. Needs Python's `duckdb` package, which `.ci/run`
//! installs; without it the test fails under CI and says so elsewhere.

use std::path::Path;
use std::process::Command;

const SCRIPT: &str = r#"
import json, sys, duckdb
sql = open(sys.argv[1]).read()
for line in sys.stdin:
    event, whose, metric = json.loads(line)
    rows = duckdb.execute(sql, {"file": sys.argv[2], "event": event, "whose": whose, "metric": metric}).fetchall()
    print(json.dumps([[s, lo, hi] for s, lo, hi in rows]))
"#;

fn has_duckdb() -> bool {
    Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success())
}

fn claims(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_claims"))
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn duckdb_reproduces_the_figures_of_comparison_rows() {
    if !has_duckdb() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install duckdb: pip install duckdb==1.4.3"
        );
        eprintln!("skipped: Python's duckdb package is not installed (pip install duckdb==1.4.3)");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("claims.jsonl");
    std::fs::write(&file, claims(&["list", "--format", "jsonl"])).expect("written");
    // The rows whose every cell is one figure a source stated, not withdrawn: the plain case.
    let mut asked = Vec::new();
    let mut expected = Vec::new();
    for event in ["kilisali-2021", "tavush-2020", "september-2022"] {
        let cmp: serde_json::Value =
            serde_json::from_str(&claims(&["compare", event, "--format", "json"])).expect("JSON");
        for row in cmp["figures"].as_array().expect("figures") {
            let cells = row["cells"].as_object().expect("cells");
            let plain = row["category"].is_null()
                && cells.values().all(|c| {
                    c.as_array().is_some_and(|c| {
                        c.len() == 1 && c[0]["derived"] == false && c[0]["withdrawn_by"].is_null()
                    })
                });
            if !plain {
                continue;
            }
            asked.push(serde_json::json!([event, row["party"], row["metric"]]).to_string());
            let mut figures: Vec<serde_json::Value> = cells
                .iter()
                .map(|(source, c)| serde_json::json!([source, c[0]["low"], c[0]["high"]]))
                .collect();
            figures.sort_by_key(|f| f[0].to_string());
            expected.push(serde_json::Value::from(figures));
        }
    }
    assert!(asked.len() >= 10, "only {} plain rows", asked.len());
    let sql = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/duckdb/row_figures.sql");
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&sql)
        .arg(&file)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(asked.join("\n").as_bytes())
        .expect("asked");
    let out = child.wait_with_output().expect("answers");
    assert!(out.status.success());
    let got: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    for ((row, want), got) in asked.iter().zip(&expected).zip(&got) {
        assert_eq!(want, got, "{row}");
    }
    assert_eq!(got.len(), expected.len());
}
