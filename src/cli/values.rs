//! Clap's names for the library's option types (formats, colour, grouping,
//! reconciliation, vocabulary kinds): the library stays free of clap.

use clap::ValueEnum;

use crate::cmd;
use crate::compare::{Grouping, Reconcile};
use crate::render::output::{ColorChoice, Format};

/// Clap's names for the library's option types: the library stays free of clap.
macro_rules! value_enum {
    ($(#[$m:meta])* $arg:ident => $lib:path { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub(super) enum $arg { $($(#[$vm])* $v),+ }
        impl From<$arg> for $lib {
            fn from(a: $arg) -> Self {
                match a { $($arg::$v => <$lib>::$v),+ }
            }
        }
    };
}

value_enum!(FormatArg => Format {
    /// Aligned table for people (the default)
    Table,
    /// GitHub-flavoured Markdown
    Markdown,
    /// Comma-separated values with a header row
    Csv,
    /// Tab-separated values with a header row
    Tsv,
    /// JSON with a `format_version`
    Json,
    /// HTML (`report` and `compare`: the full report; others: a table)
    Html,
    /// One JSON object a line, streamed (list, compare, diff, check, log)
    Jsonl,
    /// SARIF 2.1.0, for code scanning (check)
    Sarif,
    /// GitHub Actions annotations (check)
    Github,
    /// JUnit XML, for other CI systems (check)
    Junit,
});

value_enum!(ColorArg => ColorChoice { Auto, Always, Never });

value_enum!(GroupingArg => Grouping {
    /// One column per source (ministry, "Yerevan", agency…)
    Source,
    /// One column per party: its organs on the record merged (affiliated media,
    /// individuals and unnamed officials keep their own columns)
    Party,
    /// One column per party with every voice aligned with it merged ("the Armenian side")
    Side,
});

value_enum!(ReconcileArg => Reconcile {
    /// ACLED's rule: the lowest figure any source in the row gives
    Conservative,
    /// UCDP-style low / best / high across the sources
    Range,
});

value_enum!(VocabKindArg => cmd::vocab::Kind {
    /// What figures count, with units and the parts of a sum
    Metrics,
    /// What one side accuses the other of
    Acts,
    /// Acts that answer one question ("who started it"), weighed on one row
    Questions,
    /// States and organisations
    Parties,
    /// Who speaks, for which party, how it stands to it
    Sources,
    /// Words such as "several", with the interval each stands for
    Vague,
    /// Kinds of people or equipment counted apart
    Categories,
    /// Places claims name, and what each lies within
    Places,
});

value_enum!(DatesArg => cmd::import::DateOrder {
    /// Day first: 30/11/2026
    #[value(name = "dmy")]
    DayFirst,
    /// Month first: 11/30/2026
    #[value(name = "mdy")]
    MonthFirst,
});
