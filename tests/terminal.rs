//! What a person sees on a terminal: commands run under a pseudo-terminal
//! (`script`, from util-linux) at a fixed size.

use std::process::Command;

mod common;
use common::*;

/// Runs `claims ARGS` on a terminal of `cols` columns; returns what it drew.
fn on_terminal(cols: u16, env: &str, args: &str) -> String {
    let line = format!("{env} '{}' {args}", bin());
    // The pager has tests of its own; here the drawing is looked at.
    under_script(cols, &line, &[("CLAIMS_PAGER", "")]).expect("script (util-linux) runs")
}

const COMMANDS: [&str; 6] = [
    "compare kilisali-2021",
    "list --source armenia-mod",
    "sources",
    "events",
    "stats",
    "show kil-armenia-mod-ceasefire-accepted",
];

/// `--color never` still printed bold table headers on a terminal.
#[test]
fn regression_color_never_and_no_color_write_no_escape_code_on_a_terminal() {
    let coloured = on_terminal(120, "", "sources");
    assert!(
        coloured.contains('\x1b'),
        "the terminal is seen as one: colour by default"
    );
    for command in COMMANDS {
        for (env, args) in [
            ("", format!("--color never {command}")),
            ("NO_COLOR=1", command.to_string()),
        ] {
            let drawn = on_terminal(120, env, &args);
            assert!(!drawn.contains('\x1b'), "{env} {args}:\n{drawn}");
            assert!(drawn.lines().count() > 2, "{env} {args} drew:\n{drawn}");
        }
    }
}

/// The same command into a pipe as wide as any line (the tests' `COLUMNS`):
/// nothing is wrapped or cut there.
fn piped(args: &str) -> String {
    Claims::new()
        .args(args.split_whitespace())
        .succeeds()
        .stdout
}

/// Letters and digits in runs: a word broken across lines leaves a run
/// (`azerbai`, `jan`) that the unbroken text never has.
fn runs(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Tables broke words letter by letter at 80 columns (`azerbai` / `jan-mod`)
/// and prose ran past the edge; now nothing is wider than the terminal and
/// no word is split, at any width from 60 to 200.
#[test]
fn regression_no_line_is_wider_than_the_terminal_or_splits_a_word() {
    for command in COMMANDS
        .iter()
        .chain(&["compare tavush-2020", "compare september-2022"])
    {
        let whole = runs(&piped(command));
        for cols in [60u16, 72, 80, 100, 120, 160, 200] {
            let drawn = on_terminal(cols, "", &format!("--color never {command}"));
            for line in drawn.lines() {
                let width = unicode_width::UnicodeWidthStr::width(line.trim_end_matches('\r'));
                // Only a single word wider than a line (a web address) may
                // run on; the terminal folds it, and it stays one piece.
                let one_word = !line.trim().contains(char::is_whitespace);
                assert!(
                    width <= usize::from(cols) || one_word,
                    "{command} at {cols}: {width} wide:\n{line}"
                );
            }
            let broken: Vec<String> = runs(&drawn).difference(&whole).cloned().collect();
            assert!(
                broken.is_empty(),
                "{command} at {cols} splits words: {broken:?}\n{drawn}"
            );
        }
    }
}

/// `list --source X` on a terminal repeated X in every row. A table into a
/// pipe is laid out as on a terminal, so it leaves it out too; `--wide`
/// and CSV keep every column.
#[test]
fn regression_list_on_a_terminal_leaves_out_the_column_a_filter_fixed() {
    let drawn = on_terminal(
        80,
        "",
        "--color never list --source armenia-mod --kind figure",
    );
    assert!(drawn.contains("said:"), "{drawn}");
    assert!(
        !drawn.lines().any(|l| l.trim_start().starts_with("source:")),
        "{drawn}"
    );
    assert!(
        !drawn.lines().any(|l| l.trim_start().starts_with("kind:")),
        "{drawn}"
    );
    let header = |args: &str| piped(args).lines().nth(1).unwrap_or("").to_string();
    let laid_out = header("list --source armenia-mod --kind figure");
    assert!(
        !laid_out.contains("source") && laid_out.contains("said"),
        "{laid_out}"
    );
    let wide = header("list --source armenia-mod --kind figure --wide");
    assert!(wide.contains("source") && wide.contains("kind"), "{wide}");
    let csv = piped("list --source armenia-mod --kind figure --format csv");
    let first = csv.lines().next().unwrap_or("");
    assert!(
        first.contains("source") && first.contains("kind"),
        "{first}"
    );
}

/// Coloured lines (a conflict's heading) were never wrapped: 87 and 105
/// characters at 80 columns.
#[test]
fn regression_coloured_lines_wrap_too() {
    for event in ["kilisali-2021", "tavush-2020", "september-2022"] {
        for cols in [60u16, 80, 100] {
            let drawn = on_terminal(cols, "", &format!("compare {event}"));
            assert!(drawn.contains('\x1b'), "in colour");
            for line in drawn.lines() {
                let mut plain = String::new();
                let mut rest = line.trim_end_matches('\r');
                while let Some(at) = rest.find('\x1b') {
                    plain.push_str(&rest[..at]);
                    rest = &rest[at..];
                    rest = &rest[rest.find('m').map_or(rest.len(), |m| m + 1)..];
                }
                plain.push_str(rest);
                let width = unicode_width::UnicodeWidthStr::width(plain.as_str());
                let one_word = !plain.trim().contains(char::is_whitespace);
                assert!(
                    width <= usize::from(cols) || one_word,
                    "{event} at {cols}: {width}:\n{plain}"
                );
            }
        }
    }
}

/// A pager that marks every line it shows, so a test can see that it ran.
const MARKING_PAGER: &str = "CLAIMS_PAGER='sed s/^/paged:/'";

fn paged_lines(drawn: &str) -> usize {
    drawn.lines().filter(|l| l.starts_with("paged:")).count()
}

#[test]
fn output_on_a_terminal_goes_through_the_pager() {
    let drawn = on_terminal(80, MARKING_PAGER, "--color never compare kilisali-2021");
    let lines = drawn.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(lines > 40, "{drawn}");
    assert_eq!(paged_lines(&drawn), drawn.lines().count(), "{drawn}");
    // PAGER is used when CLAIMS_PAGER is not set; CLAIMS_PAGER wins over it.
    let drawn = on_terminal(80, "PAGER='sed s/^/paged:/' CLAIMS_PAGER=", "events");
    assert_eq!(
        paged_lines(&drawn),
        0,
        "CLAIMS_PAGER= turns paging off:\n{drawn}"
    );
    let line = format!("PAGER='sed s/^/paged:/' '{}' events", bin());
    let drawn = under_script(80, &line, &[]).expect("script runs");
    assert!(paged_lines(&drawn) > 3, "PAGER is used:\n{drawn}");
}

#[test]
fn no_pager_and_cat_and_a_pipe_print_directly() {
    for (env, args) in [
        (MARKING_PAGER, "--no-pager events"),
        ("CLAIMS_PAGER=cat", "events"),
        ("CLAIMS_PAGER= PAGER=", "events"),
    ] {
        let drawn = on_terminal(80, env, args);
        assert!(drawn.contains("kilisali-2021"), "{env} {args}:\n{drawn}");
        assert_eq!(paged_lines(&drawn), 0, "{env} {args}:\n{drawn}");
    }
    let piped = Claims::new()
        .env("CLAIMS_PAGER", "sed s/^/paged:/")
        .env("PAGER", "sed s/^/paged:/")
        .args(["events"])
        .succeeds()
        .stdout;
    assert!(
        piped.contains("kilisali-2021") && paged_lines(&piped) == 0,
        "{piped}"
    );
}

/// An error is printed after the pager has gone, never behind it; a command
/// that prints nothing starts no pager.
#[test]
fn an_error_is_not_hidden_by_the_pager() {
    let line = format!("{MARKING_PAGER} '{}' compare no-such-event", bin());
    let drawn = under_script(80, &line, &[]).expect("script runs");
    assert!(drawn.contains("unknown event"), "{drawn}");
    assert_eq!(paged_lines(&drawn), 0, "{drawn}");
}

/// Without a choice, `less` runs with LESS=FRX (short output prints at once,
/// colour passes); without `less` installed, the output still appears.
#[test]
fn the_default_pager_is_less_with_frx_or_none_without_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let less = dir.path().join("less");
    std::fs::write(
        &less,
        "#!/bin/sh\nPATH=/usr/bin:/bin sed \"s/^/less $LESS:/\"\n",
    )
    .expect("written");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&less, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    for (path, expect_less) in [
        (dir.path().to_path_buf(), true),
        ("/nonexistent".into(), false),
    ] {
        let line = format!("PATH='{}' '{}' events", path.display(), bin());
        let drawn = under_script(80, &line, &[]).expect("script runs");
        assert!(drawn.contains("kilisali-2021"), "{drawn}");
        let by_less = drawn.lines().filter(|l| l.starts_with("less FRX:")).count();
        assert_eq!(
            by_less > 0,
            expect_less,
            "PATH {}:\n{drawn}",
            path.display()
        );
    }
}

/// `--width N` lays out for N columns into a pipe too (for `less -S` or a
/// fixed-width report); without it a pipe gets unwrapped tables.
#[test]
fn width_lays_out_for_that_many_columns_into_a_pipe() {
    for cols in [60usize, 80, 120] {
        let text = piped(&format!("--width {cols} compare kilisali-2021"));
        assert!(!text.contains('\x1b'), "no colour into a pipe");
        for line in text.lines() {
            let width = unicode_width::UnicodeWidthStr::width(line);
            assert!(
                width <= cols || !line.trim().contains(' '),
                "{cols}: {width}\n{line}"
            );
        }
    }
    let unwrapped = piped("compare kilisali-2021");
    assert!(
        unwrapped
            .lines()
            .any(|l| unicode_width::UnicodeWidthStr::width(l) > 200),
        "a pipe without --width is never wrapped"
    );
}

/// Ctrl-C under the pager killed claims and left `less` fighting the shell
/// for the terminal; claims now ignores it while a pager runs, as git does,
/// and ends when the pager does.
#[test]
fn regression_ctrl_c_under_the_pager_leaves_claims_waiting_for_it() {
    let dir = tempfile::tempdir().expect("a folder");
    // A name of its own, so that no other test's process is signalled.
    let bin = dir.path().join("claims-sigint");
    std::fs::copy(assert_cmd::cargo::cargo_bin("claims"), &bin).expect("copied");
    let inner = format!(
        "stty cols 80 rows 50; CLAIMS_PAGER='sleep 2; cat >/dev/null' '{}' compare kilisali-2021; echo RC=$?",
        bin.display()
    );
    let child = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env_remove("CLAIMS_DATA")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script runs");
    let pid = (0..100).find_map(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let out = Command::new("pgrep")
            .args(["-x", "claims-sigint"])
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<i32>()
            .ok()
    });
    let pid = pid.expect("claims started under the pager");
    // SAFETY: sends a signal to a process this test started.
    unsafe {
        libc::kill(pid, libc::SIGINT);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let alive = std::path::Path::new(&format!("/proc/{pid}")).exists();
    let out = child.wait_with_output().expect("script ends");
    let drawn = String::from_utf8_lossy(&out.stdout);
    assert!(alive, "claims died on Ctrl-C while the pager ran");
    assert!(drawn.contains("RC=0"), "{drawn}");
}

/// A terminal that says it is dumb shows escape codes as text: none then.
#[test]
fn regression_term_dumb_gets_no_colour() {
    assert!(on_terminal(120, "", "sources").contains('\x1b'));
    let dumb = on_terminal(120, "TERM=dumb", "sources");
    assert!(!dumb.contains('\x1b'), "{dumb}");
    assert!(dumb.lines().count() > 2, "{dumb}");
}

/// `claims compare kilisali-2021 | less` gave a 350-column table. A table is
/// for people wherever it goes: into a pipe it is laid out as on a terminal
/// of `--width`, else `$COLUMNS`, else 100 columns, without colour; CSV,
/// TSV and JSON are for programs and never laid out.
#[test]
fn regression_a_table_into_a_pipe_is_laid_out_for_people() {
    let widest = |text: &str| {
        text.lines()
            .filter(|l| l.trim().contains(char::is_whitespace))
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    for args in [
        "compare kilisali-2021",
        "list --source armenia-mod",
        "events",
    ] {
        for (columns, width, want) in [("", "", 100), ("80", "", 80), ("80", "--width 130", 130)] {
            let out = Claims::new()
                .env("COLUMNS", columns)
                .args(args.split_whitespace().chain(width.split_whitespace()))
                .succeeds()
                .stdout;
            assert!(!out.contains('\x1b'), "{args}: colour into a pipe");
            let w = widest(&out);
            assert!(
                w <= want && w > want / 2,
                "{args} COLUMNS={columns} {width}: {w} wide"
            );
        }
    }
    let csv = Claims::new()
        .env("COLUMNS", "")
        .args(["compare", "kilisali-2021", "--format", "csv"])
        .succeeds()
        .stdout;
    assert!(csv.lines().any(|l| l.len() > 100), "CSV is never laid out");
}

/// "(adv.)" is a table's abbreviation: where a voice has a line of its own
/// (blocks at 80 columns), the words are spelled out; the legend comes
/// before the first table at any width.
#[test]
fn blocks_spell_out_what_a_table_abbreviates() {
    let narrow = Claims::new()
        .args(["compare", "kilisali-2021", "--width", "80"])
        .succeeds()
        .stdout;
    assert!(
        narrow.contains("Yerevan: 70 (claim about the other side)"),
        "{narrow}"
    );
    assert!(!narrow.contains("(adv.)\n"), "{narrow}");
    let legend = narrow.find("adv. =").expect("a legend");
    assert!(
        legend < narrow.find("Figures").expect("figures"),
        "{narrow}"
    );
    let wide = Claims::new()
        .args(["compare", "kilisali-2021", "--width", "400"])
        .succeeds()
        .stdout;
    assert!(wide.contains("70 (adv.)"), "{wide}");
}
