//! Hostile shapes: data files a hostile-input review found slow or
//! memory-hungry, generated at any size. Shared by `benches/hostile.rs`
//! (time and memory at two sizes) and `tests/resources.rs` (memory limits).

#![allow(dead_code)]

use std::fmt::Write as _;

pub type Files = Vec<(String, String)>;

pub struct Shape {
    pub name: &'static str,
    /// The size n (the second run is at 2n).
    pub n: usize,
    pub make: fn(usize) -> Files,
    /// The command, after `--data DIR`.
    pub args: &'static [&'static str],
}

const HEAD: &str = "[event]\nid = \"ev\"\ntitle = \"t\"\ndate = \"2021-11-16\"\nplace = \"p\"\nsummary = \"s\"\nsides = [\"armenia\", \"azerbaijan\"]\n\n[[document]]\nid = \"doc\"\noutlet = \"o\"\nlanguage = \"en\"\n";

fn push_claim(t: &mut String, id: &str, source: &str, body: &str) {
    claim_in(t, id, source, "doc", body);
}

fn claim_in(t: &mut String, id: &str, source: &str, doc: &str, body: &str) {
    claim_on(t, id, source, doc, "2021-11-16", body);
}

fn claim_on(t: &mut String, id: &str, source: &str, doc: &str, said: &str, body: &str) {
    let _ = write!(
        t,
        "\n[[claim]]\nid = \"{id}\"\nsource = \"{source}\"\nsaid = \"{said}\"\nvia = \"statement\"\ndocument = \"{doc}\"\nquote = \"q\"\nlanguage = \"en\"\n{body}\n"
    );
}

const KILLED: &str = "figure = { party = \"armenia\", metric = \"killed\", exact = 5 }";

fn composite_chain(n: usize) -> Files {
    let mut t = String::new();
    for i in 0..n {
        let parts = if i == 0 {
            String::new()
        } else {
            format!("parts = [\"m{}\"]\n", i - 1)
        };
        let _ = write!(t, "[[metric]]\nid = \"m{i}\"\nlabel = \"m\"\n{parts}\n");
    }
    vec![("chain.toml".into(), t)]
}

fn documents_elsewhere(n: usize) -> Files {
    let mut docs = String::new();
    let mut t = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            docs,
            "[[document]]\nid = \"d{i}\"\noutlet = \"o\"\nlanguage = \"en\"\n\n"
        );
        claim_in(
            &mut t,
            &format!("c{i}"),
            "armenia-mod",
            &format!("d{i}"),
            KILLED,
        );
    }
    vec![("docs.toml".into(), docs), ("ev.toml".into(), t)]
}

fn same_claim_id(n: usize) -> Files {
    let mut t = HEAD.to_string();
    for _ in 0..n {
        push_claim(&mut t, "dup", "armenia-mod", KILLED);
    }
    vec![("ev.toml".into(), t)]
}

fn unknown_sources(n: usize) -> Files {
    let mut s = String::new();
    let mut t = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            s,
            "[[source]]\nid = \"known-source-{i}\"\nname = \"n\"\nkind = \"ministry\"\n\n"
        );
        push_claim(
            &mut t,
            &format!("c{i}"),
            &format!("unknown-source-{i}"),
            KILLED,
        );
    }
    vec![("more-sources.toml".into(), s), ("ev.toml".into(), t)]
}

fn exclusions(n: usize) -> Files {
    let mut t = HEAD.to_string();
    for i in 0..n {
        let ex: Vec<String> = (1..=5).map(|k| format!("\"p{}\"", (i + k) % n)).collect();
        let _ = write!(
            t,
            "\n[[proposition]]\nid = \"p{i}\"\ntext = \"t{i}\"\nexcludes = [{}]\n",
            ex.join(", ")
        );
    }
    for i in 0..n {
        let source = if i % 2 == 0 {
            "armenia-mod"
        } else {
            "azerbaijan-mod"
        };
        push_claim(
            &mut t,
            &format!("c{i}"),
            source,
            &format!("position = {{ proposition = \"p{i}\", stance = \"affirms\" }}"),
        );
    }
    vec![("ev.toml".into(), t)]
}

fn long_quote(n: usize) -> Files {
    let mut t = HEAD.to_string();
    let quote = "word ".repeat(n / 5);
    push_claim(&mut t, "c0", "armenia-mod", KILLED);
    t = t.replace("quote = \"q\"", &format!("quote = \"{quote}\""));
    push_claim(
        &mut t,
        "c1",
        "azerbaijan-mod",
        "figure = { party = \"armenia\", metric = \"killed\", exact = 50 }",
    );
    vec![("ev.toml".into(), t)]
}

fn many_events(n: usize) -> Files {
    (0..n)
        .map(|i| {
            let mut t = HEAD.replace("id = \"ev\"", &format!("id = \"ev{i}\""));
            push_claim(&mut t, &format!("a{i}"), "armenia-mod", KILLED);
            push_claim(
                &mut t,
                &format!("b{i}"),
                "azerbaijan-mod",
                "figure = { party = \"armenia\", metric = \"killed\", exact = 50 }",
            );
            (format!("ev{i}.toml"), t)
        })
        .collect()
}

fn voices_one_row(n: usize) -> Files {
    let mut s = String::new();
    let mut t = HEAD.to_string();
    for i in 0..n {
        let party = if i % 2 == 0 { "armenia" } else { "azerbaijan" };
        let _ = write!(s, "[[source]]\nid = \"voice-{i}\"\nname = \"n\"\nkind = \"ministry\"\nparty = \"{party}\"\n\n");
        let body = format!(
            "figure = {{ party = \"armenia\", metric = \"killed\", exact = {} }}",
            1 + i % 97
        );
        push_claim(&mut t, &format!("c{i}"), &format!("voice-{i}"), &body);
    }
    vec![("voices.toml".into(), s), ("ev.toml".into(), t)]
}

fn errors_one_line(n: usize) -> Files {
    let ex: Vec<String> = (0..n).map(|i| format!("\"nowhere-{i}\"")).collect();
    let t = format!(
        "{HEAD}\n[[proposition]]\nid = \"p\"\ntext = \"t\"\nexcludes = [{}]\n",
        ex.join(", ")
    );
    vec![("ev.toml".into(), t)]
}

fn tiny_files(n: usize) -> Files {
    let mut files = vec![("ev.toml".to_string(), HEAD.to_string())];
    for i in 0..n {
        let mut t = "event = \"ev\"\n".to_string();
        push_claim(&mut t, &format!("c{i}"), "armenia-mod", KILLED);
        files.push((format!("c/{i:06}.toml"), t));
    }
    files
}

fn one_big_file(n: usize) -> Files {
    let mut t = HEAD.to_string();
    for i in 0..n {
        push_claim(
            &mut t,
            &format!("c{i}"),
            if i % 2 == 0 {
                "armenia-mod"
            } else {
                "azerbaijan-mod"
            },
            KILLED,
        );
    }
    vec![("ev.toml".into(), t)]
}

/// A date `i` days after the event's, as TOML writes it.
fn day(i: usize) -> String {
    // 28-day months keep every date valid without a calendar.
    let (y, rest) = (2021 + i / (12 * 28), i % (12 * 28));
    format!("{y}-{:02}-{:02}", 1 + rest / 28, 1 + rest % 28)
}

/// Two sources stating one figure n/2 times each: half on dates one after
/// another (earlier statements), half in one year that no date orders
/// (current statements the data cannot order).
fn dated_statements(n: usize) -> Files {
    let mut t = HEAD.to_string();
    for i in 0..n {
        let source = if i % 2 == 0 {
            "armenia-mod"
        } else {
            "azerbaijan-mod"
        };
        let body = format!(
            "figure = {{ party = \"armenia\", metric = \"killed\", exact = {} }}",
            1 + i % 50
        );
        let said = if i % 4 < 2 { day(i / 2) } else { "2099".into() };
        claim_on(&mut t, &format!("c{i}"), source, "doc", &said, &body);
    }
    vec![("ev.toml".into(), t)]
}

/// One claim a file, each naming its event: the files of one event.
fn one_claim_files(n: usize) -> Files {
    let mut files = vec![("ev.toml".to_string(), HEAD.to_string())];
    for i in 0..n {
        let mut t = String::new();
        push_claim(&mut t, &format!("c{i}"), "armenia-mod", KILLED);
        let t = t.replacen("source =", "event = \"ev\"\nsource =", 1);
        files.push((format!("c/{i:06}.toml"), t));
    }
    files
}

/// n sources each stating one figure of its own metric: a grid of n rows
/// by n columns with n entries (its cells were once held densely).
fn grid(n: usize) -> Files {
    let mut vocabulary = String::new();
    let mut t = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            vocabulary,
            "[[source]]\nid = \"grid-{i}\"\nname = \"n\"\nkind = \"ministry\"\nparty = \"armenia\"\n\n[[metric]]\nid = \"grid-m{i}\"\nlabel = \"m\"\n\n"
        );
        let body =
            format!("figure = {{ party = \"armenia\", metric = \"grid-m{i}\", exact = {i} }}");
        push_claim(&mut t, &format!("c{i}"), &format!("grid-{i}"), &body);
    }
    vec![("grid.toml".into(), vocabulary), ("ev.toml".into(), t)]
}

/// One voice stating different figures at one moment, n times.
fn one_moment(n: usize) -> Files {
    let mut t = HEAD.to_string();
    for i in 0..n {
        push_claim(
            &mut t,
            &format!("c{i}"),
            "armenia-mod",
            &format!(
                "figure = {{ party = \"armenia\", metric = \"killed\", exact = {} }}",
                1 + i % 50
            ),
        );
    }
    vec![("ev.toml".into(), t)]
}

pub const SHAPES: &[Shape] = &[
    Shape {
        name: "composite chain (metrics)",
        n: 4000,
        make: composite_chain,
        args: &["check"],
    },
    Shape {
        name: "documents in another file",
        n: 2000,
        make: documents_elsewhere,
        args: &["check"],
    },
    Shape {
        name: "claims sharing one id",
        n: 5000,
        make: same_claim_id,
        args: &["check"],
    },
    Shape {
        name: "unknown sources vs known",
        n: 2000,
        make: unknown_sources,
        args: &["check"],
    },
    Shape {
        name: "errors on one line (json)",
        n: 2000,
        make: errors_one_line,
        args: &["check", "--format", "json"],
    },
    Shape {
        name: "propositions × 5 exclusions",
        n: 10_000,
        make: exclusions,
        args: &["compare", "ev"],
    },
    Shape {
        name: "quote of n bytes, table",
        n: 4_000_000,
        make: long_quote,
        args: &["compare", "ev"],
    },
    Shape {
        name: "voices in one row",
        n: 1000,
        make: voices_one_row,
        args: &["compare", "ev"],
    },
    Shape {
        name: "events, stats",
        n: 4000,
        make: many_events,
        args: &["stats"],
    },
    Shape {
        name: "events, check",
        n: 4000,
        make: many_events,
        args: &["check"],
    },
    Shape {
        name: "tiny files",
        n: 5000,
        make: tiny_files,
        args: &["check"],
    },
    Shape {
        name: "claims in one file",
        // 2n stays under the 8 MiB file limit.
        n: 15_000,
        make: one_big_file,
        args: &["check"],
    },
    Shape {
        name: "dated statements of two sources",
        n: 5000,
        make: dated_statements,
        args: &["compare", "ev"],
    },
    Shape {
        name: "one moment, one voice",
        n: 5000,
        make: one_moment,
        args: &["compare", "ev"],
    },
    Shape {
        name: "one-claim files, compare",
        n: 20_000,
        make: one_claim_files,
        args: &["compare", "ev"],
    },
    Shape {
        name: "sources × metrics grid (json)",
        n: 4000,
        make: grid,
        args: &["compare", "ev", "--format", "json"],
    },
];
