//! The command line: clap's types, converted into the library's own option
//! types, then a command run and its error turned into an exit status.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cmd::{self, exit, Context};
use crate::compare::Options;
use crate::error::UserError;
use crate::load::discover;
use crate::load::{DataSource, LoadFailure};
use crate::render::output::{self, Style};
use crate::render::pager;

mod formats;
mod history;
mod list;
mod settings;
mod values;

use values::*;

/// Line up what each party to a border clash claimed, side by side, and flag
/// where the accounts conflict.
#[derive(Parser)]
#[command(name = "claims", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  claims compare kilisali-2021\n  claims list --source armenia-mod\n  claims compare kilisali-2021 --format markdown > report.md\n  claims check my-data/\n\nExit status: 0 success, 1 conflict found (with --fail-on-conflict), 2 error."
)]
struct Cli {
    /// The data folder [default: $CLAIMS_DATA, else the nearest folder upward
    /// holding a claims.toml, else the data built into the binary]
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    /// Output format
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,

    /// The same as --format json (as gh users type it)
    #[arg(long, global = true, conflicts_with = "format")]
    json: bool,

    /// When to use colour (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,

    /// Keep CSV/TSV cells raw: do not prefix cells starting with = + - @ TAB CR with '
    #[arg(long, global = true)]
    raw_cells: bool,

    /// Lay tables and text out for this many columns [default: the terminal's;
    /// into a pipe or a file, $COLUMNS, else 100; csv, tsv and json are never laid out]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    width: Option<u16>,

    /// Never page long output (also: CLAIMS_PAGER= or PAGER=cat)
    #[arg(long, global = true)]
    no_pager: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare what every source said about one event, and flag conflicts
    #[command(
        after_help = "Examples:\n  claims compare kilisali-2021\n  claims compare kilisali-2021 --by party --reconcile range\n  claims compare september-2022 --history\n  claims compare september-2022 --as-of 2022-09-13\n  claims compare kilisali-2021 --fail-on-conflict --format json"
    )]
    Compare {
        /// Event id (see `claims events`)
        event: String,
        /// One column per source, or per party (merging a state's organs)
        /// [default: source, or the data folder's claims.toml]
        #[arg(long, value_enum)]
        by: Option<GroupingArg>,
        /// Add a reconciled column, labelled with its rule
        #[arg(long, value_enum)]
        reconcile: Option<ReconcileArg>,
        /// Show every revision in each cell, oldest first
        #[arg(long)]
        history: bool,
        /// Compare only what had been said by this date (YYYY-MM-DD[THH:MM])
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Exit with status 1 when any conflict is found
        #[arg(long)]
        fail_on_conflict: bool,
        /// Only the rows in conflict, and their detail
        #[arg(long)]
        conflicts: bool,
        /// Figure rows in order of their largest gap to what was documented afterwards
        #[arg(long)]
        against_record: bool,
        /// CSV and TSV: tidy, one row per (row, voice), the verdict as a code and the gap as a number
        #[arg(long)]
        long: bool,
    },
    /// What a change to the data does to the verdicts: two folders or git revisions compared
    #[command(
        after_help = "Examples:\n  claims diff HEAD~1                 (the last commit against the data as it is now)\n  claims diff main..HEAD --format markdown\n  claims diff old-data/ new-data/ --stat\n\nEach side is a data folder, or a git revision of the data folder (read with git, never checked out).\nExit status: 0 when no verdict changed, 1 when one changed, appeared or went, 2 on error."
    )]
    Diff {
        #[command(flatten)]
        args: history::DiffArgs,
    },
    /// The corrections log of one event from the data folder's git history: when each verdict changed, and why
    #[command(
        after_help = "Examples:\n  claims --data newsroom log kilisali-2021\n  claims log kilisali-2021 --format markdown > corrections.md"
    )]
    Log {
        #[command(flatten)]
        args: history::LogArgs,
    },
    /// List statements, one per row
    #[command(
        after_help = "Examples:\n  claims list --source armenia-mod\n  claims list --event kilisali-2021 --kind figure --format csv\n  claims list --party azerbaijan --metric killed"
    )]
    List {
        #[command(flatten)]
        args: list::ListArgs,
    },
    /// List what the data can say: metrics, acts, parties, sources, vague words, categories, places
    #[command(
        after_help = "Examples:\n  claims vocab\n  claims vocab metrics\n  claims vocab vague --format csv"
    )]
    Vocab {
        /// Only this kind (CSV and TSV need one)
        #[arg(value_enum)]
        kind: Option<VocabKindArg>,
    },
    /// List the documents, with outlet, date, address and how many claims cite each
    #[command(after_help = "Examples:\n  claims documents\n  claims documents --format csv")]
    Documents,
    /// List the events loaded
    #[command(after_help = "Example:\n  claims events --format json")]
    Events,
    /// List the sources, the party each speaks for, and how much each said
    #[command(
        after_help = "Examples:\n  claims sources --format csv\n  claims sources --record armenia"
    )]
    Sources {
        /// One source's track record against what was documented afterwards, with every figure it rests on
        #[arg(long, value_name = "SOURCE")]
        record: Option<String>,
    },
    /// A complete, citable report of one event, as Markdown or self-contained HTML
    #[command(
        after_help = "Examples:\n  claims report kilisali-2021 > kilisali.md\n  claims report kilisali-2021 --format html > kilisali.html"
    )]
    Report {
        /// Event id (see `claims events`)
        event: String,
    },
    /// Write a static website of every event, source and claim into a new or empty folder
    #[command(
        after_help = "Examples:\n  claims site public/\n  claims --data newsroom site /var/www/claims\n\nThe pages work from file:// and any static host; nothing is loaded from elsewhere."
    )]
    Site {
        /// A new or empty folder (never written over)
        out: PathBuf,
    },
    /// One claim in full: quote, rendering, document, and the rows of `compare` it feeds
    #[command(
        after_help = "Examples:\n  claims show kil-armenia-enemy-killed-or-wounded\n  claims show sep22-armenia-pm-killed-105 --format json"
    )]
    Show {
        /// Claim id (see `claims list`)
        claim: String,
    },
    /// Per source, across events: claims, figures about the adversary against its own reports, conflicts
    #[command(after_help = "Examples:\n  claims stats\n  claims stats --format csv")]
    Stats,
    /// Start a data folder: the built-in data to extend, and a guide for contributors
    #[command(
        after_help = "Example:\n  claims init my-data\n  claims --data my-data new shusha-2023\n  claims --data my-data check"
    )]
    Init {
        /// A new or empty folder
        dir: PathBuf,
    },
    /// Turn a sheet (CSV or TSV, one claim per row, a header row) into an event file
    #[command(
        after_help = "Examples:\n  claims import --template > sheet.csv\n  claims import sheet.csv --to my-data/my-event.toml\n  claims list --event kilisali-2021 --format csv | claims import -"
    )]
    Import {
        /// The sheet; `-` reads standard input
        #[arg(required_unless_present = "template")]
        file: Option<PathBuf>,
        /// Write the event file here (never over an existing file); default: standard output
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
        /// Print a header row and an example row of each kind, to start a sheet from
        #[arg(long)]
        template: bool,
        /// How the sheet writes dates that are not YYYY-MM-DD (30/11/2026 is refused without it)
        #[arg(long, value_enum, value_name = "ORDER")]
        dates: Option<DatesArg>,
    },
    /// Write a commented template event file into the data folder (never overwrites)
    #[command(
        after_help = "Example:\n  claims --data my-data new shusha-2023\n  claims --data my-data check"
    )]
    New {
        /// Event id, kebab-case: the file is DATA/EVENT-ID.toml
        event: String,
    },
    /// Print the grade scale of figures against the record, and its rules
    #[command(after_help = "Example:\n  claims grades")]
    Grades,
    /// Print a JSON Schema of the data files (for TOML editors), or the format reference
    #[command(
        after_help = "Example:\n  claims schema > claims.schema.json\n  (then add `#:schema ./claims.schema.json` as the first line of a data file)"
    )]
    Schema {
        /// Print the format reference (Markdown): every table and field, its type and meaning
        #[arg(long)]
        reference: bool,
    },
    /// Print shell completions; event, source, claim and metric ids complete from the active data
    #[command(
        after_help = "Examples:\n  claims completions bash > ~/.local/share/bash-completion/completions/claims\n  claims completions zsh > ~/.zfunc/_claims\n  claims completions fish > ~/.config/fish/completions/claims.fish"
    )]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder
    #[command(
        after_help = "Examples:\n  claims man > claims.1 && man ./claims.1\n  claims man --dir ~/.local/share/man/man1"
    )]
    Man {
        /// Write claims.1 and claims-COMMAND.1 for every command here (never overwrites)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Check data files or folders and report every problem (default: the active data)
    #[command(
        after_help = "Examples:\n  claims check\n  claims check my-data/ extra.toml\n\nExit status: 0 when clean, 2 when any problem is found."
    )]
    Check {
        /// Files or folders to check
        paths: Vec<PathBuf>,
    },
}

/// The options each command leaves unused, hidden from its `--help`: the
/// options are global (so `claims --data DIR list` works), but `schema`
/// prints no table and reads no data.
const UNUSED: [(&str, &[&str]); 8] = [
    ("site", ALL_OUTPUT),
    ("schema", ALL_OUTPUT_AND_DATA),
    ("man", ALL_OUTPUT_AND_DATA),
    ("init", ALL_OUTPUT_AND_DATA),
    ("completions", ALL_OUTPUT),
    ("new", ALL_OUTPUT),
    ("import", ALL_OUTPUT),
    ("report", &["json", "color", "raw_cells", "width"]),
];
const ALL_OUTPUT: &[&str] = &["format", "json", "color", "raw_cells", "width", "no_pager"];
const ALL_OUTPUT_AND_DATA: &[&str] = &[
    "data",
    "format",
    "json",
    "color",
    "raw_cells",
    "width",
    "no_pager",
];

/// The command line as parsed and as `--help`, the man pages and the
/// completions show it.
pub fn definition() -> clap::Command {
    let mut cmd = Cli::command();
    // A subcommand's own copy of a global option replaces the copy clap
    // would give it: hidden, or with the help that is true for it.
    let global = |id: &str| {
        cmd.get_arguments()
            .find(|a| a.get_id() == id)
            .cloned()
            .map(|a| a.global(false))
    };
    let mut own: Vec<(&str, clap::Arg)> = Vec::new();
    for (name, unused) in UNUSED {
        own.extend(
            unused
                .iter()
                .filter_map(|id| global(id))
                .map(|a| (name, a.hide(true))),
        );
    }
    // A report is a document: Markdown unless HTML is asked for.
    if let Some(format) = global("format") {
        own.push((
            "report",
            format
                .help("Output format: markdown or html [default: markdown]")
                .hide_default_value(true)
                .hide_possible_values(true),
        ));
    }
    for (name, arg) in own {
        cmd = cmd.mut_subcommand(name, |sub| sub.arg(arg));
    }
    cmd
}

/// Whether a command's output may go through a pager: not what is written
/// to be saved or read by a program (a template, completions, a schema).
fn pages(command: &Command) -> bool {
    !matches!(
        command,
        Command::New { .. }
            | Command::Init { .. }
            | Command::Import { .. }
            | Command::Schema { .. }
            | Command::Completions { .. }
            | Command::Man { .. }
    )
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let cwd = std::env::current_dir().ok();
    let (data, found) = discover::choose(cli.data, std::env::var_os("CLAIMS_DATA"), cwd.as_deref());
    let settings = match &data {
        DataSource::Folder(dir) => settings::read(dir)?,
        DataSource::Builtin => settings::Settings::default(),
    };
    let width = cli.width.or(settings.width).map(usize::from);
    let format = if cli.json {
        FormatArg::Json
    } else {
        cli.format
    };
    formats::refuse(&cli.command, format)?;
    let style = Style::detect(format.into(), cli.color.into(), !cli.raw_cells, width);
    let ctx = Context { data, found, style };
    let pager = if pages(&cli.command) {
        pager::choose(cli.no_pager)
    } else {
        None
    };
    let mut out = pager::Output::new(pager);
    let code = dispatch(cli.command, &ctx, &settings, &mut out);
    // The pager exits before an error is printed, so that it is seen. A
    // pager that failed comes first: the broken pipe it left is its doing.
    match out.finish() {
        Err(failed @ pager::Finish::PagerFailed(..)) => Err(UserError::new(failed.to_string())
            .hint("fix PAGER or CLAIMS_PAGER, or give --no-pager")
            .into()),
        Err(pager::Finish::Io(e)) => {
            code?;
            Err(e.into())
        }
        Ok(()) => code,
    }
}

fn dispatch(
    command: Command,
    ctx: &Context,
    settings: &settings::Settings,
    out: &mut pager::Output,
) -> anyhow::Result<u8> {
    let code = match command {
        Command::Compare {
            event,
            by,
            reconcile,
            history,
            as_of,
            fail_on_conflict,
            conflicts,
            against_record,
            long,
        } => {
            let as_of = match as_of {
                Some(text) => Some(crate::model::when::parse_moment(&text).map_err(|e| {
                    UserError::new(format!("--as-of: {e}")).hint("give a date such as 2021-11-16")
                })?),
                None => None,
            };
            let args = cmd::compare::Args {
                // Ids are kebab-case, lower case: any case finds them.
                event: event.to_lowercase(),
                options: Options {
                    by: by.or(settings.by).unwrap_or(GroupingArg::Source).into(),
                    as_of,
                    reconcile: reconcile.or(settings.reconcile).map(Into::into),
                },
                history,
                fail_on_conflict,
                only_conflicts: conflicts,
                against_record,
                long,
            };
            cmd::compare::run(ctx, &args, out)?
        }
        Command::List { args } => cmd::list::run(ctx, &args.filters()?, out)?,
        Command::Log { args } => args.run(ctx, settings.by, out)?,
        Command::Diff { args } => args.run(ctx, settings.by, out)?,
        Command::Report { event } => cmd::report::run(ctx, &event.to_lowercase(), out)?,
        Command::Show { claim } => cmd::show::run(ctx, &claim.to_lowercase(), out)?,
        Command::Stats => cmd::stats::run(ctx, out)?,
        Command::Site { out: dir } => cmd::site::run(ctx, &dir, out)?,
        // Unbuffered, and not flushed again below: `new` says itself when its
        // path could not be printed, since the file is written.
        Command::New { event } => return cmd::new::run(ctx, &event, &mut std::io::stdout()),
        Command::Schema { reference } => cmd::schema::run(reference, out)?,
        Command::Grades => cmd::grades::run(ctx, out)?,
        Command::Init { dir } => cmd::init::run(&dir, out)?,
        Command::Import { template: true, .. } => {
            out.write_all(cmd::import::TEMPLATE.as_bytes())?;
            exit::OK
        }
        Command::Import {
            file, to, dates, ..
        } => {
            let file = file.unwrap_or_else(|| PathBuf::from("-"));
            cmd::import::run(ctx, &file, to.as_deref(), dates.map(Into::into), out)?
        }
        Command::Completions { shell } => cmd::completions::run(ctx, definition(), shell, out)?,
        Command::Man { dir } => cmd::man::run(definition(), dir.as_deref(), out)?,
        Command::Events => cmd::events::run(ctx, out)?,
        Command::Documents => cmd::documents::run(ctx, out)?,
        Command::Vocab { kind } => cmd::vocab::run(ctx, kind.map(Into::into), out)?,
        Command::Sources { record: None } => cmd::sources::run(ctx, out)?,
        Command::Sources { record: Some(id) } => cmd::track::run(ctx, &id.to_lowercase(), out)?,
        Command::Check { paths } => cmd::check::run(ctx, &paths, out)?,
    };
    out.flush()?;
    Ok(code)
}

/// Parses the arguments, runs the command, and maps the outcome to an exit status.
pub fn main() -> ExitCode {
    // `CLAIMS_DATA=` (set, but empty) means no folder, as if unset. Nothing
    // else runs yet, so changing the environment here is safe.
    if std::env::var_os("CLAIMS_DATA").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("CLAIMS_DATA");
    }
    if output::stdout_closed() {
        // Rust's standard output swallows writes to a closed descriptor:
        // without this, `claims compare E >&-` printed nothing and said ok.
        let _ = writeln!(
            std::io::stderr(),
            "claims: error: standard output is closed: nothing could be printed"
        );
        return ExitCode::from(exit::ERROR);
    }
    let parsed = definition()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            // Help or a version that cannot be written (a full disk) is a
            // failure; a reader that stopped early is not.
            return match e.print() {
                Err(io) if io.kind() != std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(exit::ERROR)
                }
                _ => ExitCode::from(code),
            };
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            let mut err = std::io::stderr().lock();
            if let Some(load) = e.downcast_ref::<LoadFailure>() {
                let _ = writeln!(err, "claims: the data has problems:\n{load}");
            } else if let Some(user) = e.downcast_ref::<UserError>() {
                let _ = writeln!(err, "claims: error: {user}");
            } else {
                let _ = writeln!(
                    err,
                    "claims: error: {}",
                    crate::sanitize::escape(&format!("{e:#}"))
                );
            }
            ExitCode::from(exit::ERROR)
        }
    }
}
