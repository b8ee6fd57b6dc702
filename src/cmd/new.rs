//! `claims new EVENT-ID`: writes a commented template event file into the data
//! folder, and never overwrites a file.

use std::fs::OpenOptions;
use std::io::Write;

use super::Context;
use crate::error::UserError;
use crate::load::file_model::{fields_of, ClaimFile};
use crate::load::DataSource;

/// The template: valid as it stands (it passes `claims check`), with every
/// kind of statement shown in comments.
pub fn template(id: &str, date: &str) -> String {
    format!(
        r#"# {id}: an event file for `claims`. Fill it in, then run `claims check`.
# Every claim quotes its document verbatim and names who made the statement,
# as the document names them. `claims schema --reference` lists every field.

[event]
id = "{id}"
title = "TODO: a short title"
date = "{date}"                 # YYYY-MM-DD, or a span 2020-07-12/2020-07-16
place = "TODO: where"
# zone = "+04:00"               # the region's UTC offset: dates in another zone move onto it
sides = ["armenia", "azerbaijan"]  # the parties that fought
summary = "TODO: one or two sentences."
# places = ["{id}-village"]      # the places its claims name (defined below)

# A place a claim may name; `within` a larger place, so that a village and
# its district are not flagged as different places.
# [[place]]
# id = "{id}-village"
# name = "Village"
# within = "{id}-district"

# The documents statements were read in.
# [[document]]
# id = "{id}-doc-1"
# title = "Headline of the article"
# outlet = "Outlet"
# url = "https://…"
# published = "{date}"
# language = "en"
# text = "documents/{id}.txt"   # optional local copy: quotes are checked against it

# Propositions positions are taken on (kind = "appeal" for calls for calm;
# kind = "demand" with addressee = "PARTY" for a demand made of one party).
# [[proposition]]
# id = "{id}-ceasefire"
# text = "A ceasefire holds from 18:30"
# A fact that implies a figure ("no civilian was harmed"):
#   implies = {{ party = "armenia", metric = "killed", of = "civilians", exact = 0 }}
# A demand that takes a fact for granted: presupposes = "PROPOSITION-ID".

"#
    ) + &claim_examples(id, date)
}

/// The template's commented claims: one of each kind, and their variations.
fn claim_examples(id: &str, date: &str) -> String {
    format!(
        r#"# A figure: whose losses, which metric, and the quantity as stated
# (exact, at_least, at_most, more_than, less_than, nearly, about,
# range = [low, high], about_range = [low, high] for "about 1,100-1,200",
# vague = "several", more = 15 for "15 more", added to the same source's
# previous figure); as_of = "DATE" when the count stands at another moment
# than when it was said; since = "DATE" for a running total, not this event's.
# [[claim]]
# id = "{id}-figure-1"
# source = "azerbaijan-mod"
# said = "{date}"
# via = "statement"
# document = "{id}-doc-1"
# quote = "the exact words"
# language = "en"
# figure = {{ party = "azerbaijan", metric = "killed", exact = 7 }}
#
# Variations: "20 killed on both sides" is
#   figure = {{ parties = ["armenia", "azerbaijan"], metric = "killed", at_least = 20 }}
# "35 killed: 30 soldiers and 5 border guards" keeps its parts (categories
# from the vocabulary):
#   [claim.figure]
#   party = "armenia"
#   metric = "killed"
#   exact = 35
#   breakdown = [{{ of = "soldiers", exact = 30 }}, {{ of = "border-guards", exact = 5 }}]
# "20 killed, including 2 civilians": including = true beside the breakdown;
# "5 by fire, 1 by a mine": parts with cause = "fire" in place of of.
# A transfer (prisoners released, a metric of kind = "transfer") gives
#   from = "azerbaijan", to = "armenia" in place of party.
# Words that may count either of two metrics ("70 soldiers lost"): add
#   metric_either = ["killed-or-wounded"] beside metric = "killed".
# "an unnamed official said" / "unofficial figures": attribution = "unnamed"
# or "unofficial" on the claim (a voice apart from the source's official one).
# A later claim of the same source may set corrects = "CLAIM-ID" (and say
# what replaces it), or retracts = "CLAIM-ID" alone (and assert nothing).
# "Around 11:00": said = "~{date}T11:00" (half an hour either way).
# A day in another zone ("12 September, Washington"): said = "{date}-04:00".
# One day's statements the document orders without times: order = 1, 2, …
# A joint statement (a communiqué): one claim, with = ["OTHER-SOURCE", …].
# A relay (origin = "…") that gets its origin wrong: misreports = "how"; it
# is shown, and never a voice. An outlet in reports can say the same.
# The same statement carried by other outlets is one claim that lists them,
# each with its own words, and its figure as that outlet words it if it differs:
#   reports = [{{ document = "{id}-doc-2", quote = "up to 7", reads = {{ at_most = 7 }} }}]
# A de facto authority or proxy that speaks for a side is a party with
# aligned_with = "armenia"; a third state allied with a side, allied_with.
# A source whose standing changed (a president, then a former president):
#   periods = [{{ until = "2018-04-23", standing = "organ" }}, {{ standing = "individual" }}]
# "Others reported", no source named: a source with standing = "unknown".
# What was documented afterwards (a named list of the dead, bodies handed
# over, an investigation's count) is a record: a claim by the documenter with
# record = "named-list" (or handover, admission, imagery, investigation,
# independent-count) and its figure; weighed against the claims, never among
# them (docs/record.md; `claims grades`). A news agency's "13 killed on both
# sides" that adds up the sides' own figures: sum_of_own = true.

"#
    ) + &statement_examples(id, date)
}

/// The template's commented accusation and position, and their variations.
fn statement_examples(id: &str, date: &str) -> String {
    format!(
        r#"# An accusation (or, with denies = true, a denial).
# [[claim]]
# id = "{id}-accusation-1"
# source = "armenia-mod"
# said = "{date}"
# via = "tweet"
# document = "{id}-doc-1"
# quote = "the exact words"
# language = "en"
# hedged = true                   # "reportedly", a conditional: keep the hedge
# place = "{id}-village"          # where the claimant puts it
# accusation = {{ accused = "azerbaijan", act = "started-fighting" }}

# A position on a proposition.
# [[claim]]
# id = "{id}-position-1"
# source = "kremlin"
# said = "{date}"
# via = "phone-call-readout"
# document = "{id}-doc-1"
# quote = "the exact words"
# language = "en"
# position = {{ proposition = "{id}-ceasefire", stance = "affirms" }}
"#
    ) + &optional_fields()
}

/// The claim's optional fields, from the schema the file model derives:
/// a new field shows here without a line of its own.
fn optional_fields() -> String {
    let schema = super::schema::schema();
    let claim = &schema["properties"]["claim"]["items"];
    let required: Vec<&str> = claim["required"]
        .as_array()
        .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    // The statement itself and the quote's alternative are shown above.
    let shown = [
        "quote",
        "paraphrase",
        "figure",
        "accusation",
        "position",
        "retracts",
    ];
    let names: Vec<&str> = fields_of::<ClaimFile>()
        .iter()
        .copied()
        .filter(|f| !required.contains(f) && !shown.contains(f))
        .collect();
    let mut out = String::from("\n# Every claim may also give:");
    let mut width = out.len();
    for (i, name) in names.iter().enumerate() {
        let sep = if i + 1 == names.len() { "." } else { "," };
        if width + name.len() + 2 > 78 {
            out.push_str("\n#");
            width = 1;
        }
        out.push_str(&format!(" {name}{sep}"));
        width += name.len() + 2;
    }
    out.push_str("\n# `claims schema --reference` says what each field means.\n");
    out
}

pub fn run(ctx: &Context, id: &str, out: &mut dyn Write) -> anyhow::Result<u8> {
    let DataSource::Folder(dir) = &ctx.data else {
        return Err(
            UserError::new("`new` writes into a data folder, and none is given")
                .hint("give --data DIR (or set CLAIMS_DATA); the built-in data cannot be changed")
                .into(),
        );
    };
    let ok = !id.is_empty()
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !ok {
        return Err(
            UserError::new(format!("`{id}` is not a kebab-case event id"))
                .hint(format!(
                    "such as `{}`",
                    id.to_lowercase().replace([' ', '_'], "-")
                ))
                .into(),
        );
    }
    if crate::load::input::SHARED_FILES.contains(&format!("{id}.toml").as_str()) {
        return Err(UserError::new(format!(
            "an event file named `{id}.toml` would replace the shipped {id}.toml for this folder"
        ))
        .hint("choose another id, such as `my-event-2024`")
        .into());
    }
    // A folder that does not exist yet is made: the new event is its first
    // file, and the built-in sources and vocabulary serve it until it has
    // its own (`claims init DIR` copies them to extend).
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(|e| {
            UserError::new(format!(
                "cannot create the data folder {}: {e}",
                dir.display()
            ))
        })?;
        let _ = writeln!(out, "created the folder {}", dir.display());
    } else if !dir.is_dir() {
        return Err(UserError::new(format!("{} is not a folder", dir.display()))
            .hint("give --data a folder")
            .into());
    }
    let path = dir.join(format!("{id}.toml"));
    // create_new: the check and the creation are one step, so nothing is ever overwritten.
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(UserError::new(format!(
                "{} already exists; refusing to overwrite it",
                path.display()
            ))
            .hint("choose another id, or edit the existing file")
            .into());
        }
        Err(e) => {
            return Err(UserError::new(format!("cannot create {}: {e}", path.display())).into())
        }
    };
    file.write_all(template(id, &crate::report::stamp::made_on()).as_bytes())?;
    // The file is the command's work: once it is written, a stdout that
    // cannot take the path (a full disk, a closed pipe) is said, not failed on.
    if let Err(e) = writeln!(out, "wrote {}", path.display()).and_then(|_| out.flush()) {
        let _ = writeln!(
            std::io::stderr(),
            "wrote {} (its path could not be printed: {e})",
            path.display()
        );
    }
    Ok(0)
}
