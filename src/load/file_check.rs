//! The per-file toolkit: where a problem is in a file, what a file defines
//! and refers to (its [`Digest`]), and the [`FileCheck`] each table's check
//! writes to. The driver that runs the checks on a file is `digest.rs`.

use std::collections::HashMap;
use std::ops::Range;

use fnv::FnvHashMap;

use super::budget::NearMiss;
use super::every_error::{first_error, is_type_error};
use super::file_model::{FileModel, Number};
use super::index;
use super::input::InputFile;
use crate::diagnostic::{Code, Diagnostic, Label, LineIndex};
use crate::model::quantity::{Amount, Interval, Quantity};
use crate::model::when::{parse_when, When};
use crate::model::{
    Act, Category, Claim, Document, Event, Metric, Party, Place as PlaceDef, Proposition, Question,
    Source,
};

/// A place in a file, resolved to line and column while the text is at hand.
#[derive(Debug, Clone)]
pub(super) struct Place {
    pub(super) file: usize,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) snippet: String,
}

impl Place {
    /// This place as the second place of another problem.
    pub(super) fn label(&self, files: &[InputFile], label: impl Into<String>) -> Label {
        Label {
            path: files[self.file].display.clone(),
            line: self.line,
            column: self.column,
            snippet: Some(self.snippet.clone()),
            label: label.into(),
        }
    }

    pub(super) fn diag(
        &self,
        code: Code,
        files: &[InputFile],
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            secondary: Vec::new(),
            path: files[self.file].display.clone(),
            line: self.line,
            column: self.column,
            message: message.into(),
            snippet: Some(self.snippet.clone()),
            hint: None,
        }
        .with_hint(hint)
    }
}

/// The kinds of id a reference names: the model's kinds of definition.
pub(super) use crate::model::DefinitionKind as RefKind;

impl RefKind {
    /// The command that lists every id of this kind.
    pub(super) fn listing(self) -> Option<&'static str> {
        Some(match self {
            RefKind::Party => "vocab parties",
            RefKind::Source => "vocab sources",
            RefKind::Metric => "vocab metrics",
            RefKind::Vague => "vocab vague",
            RefKind::Act => "vocab acts",
            RefKind::Question => "vocab questions",
            RefKind::Category => "vocab categories",
            RefKind::Place => "vocab places",
            RefKind::Event => "events",
            RefKind::Document | RefKind::Proposition => return None,
        })
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            RefKind::Party => "party",
            RefKind::Source => "source",
            RefKind::Metric => "metric",
            RefKind::Vague => "vague word",
            RefKind::Act => "act",
            RefKind::Question => "question",
            RefKind::Event => "event",
            RefKind::Document => "document",
            RefKind::Proposition => "proposition",
            RefKind::Category => "category",
            RefKind::Place => "place",
        }
    }
}

/// A claim said some time within more than one day ("by 2021-11-17", "2021-11"):
/// only such a claim can fall on either side of a change of standing,
/// which `until` puts at the end of a day.
#[derive(Debug)]
pub(super) struct Spanning {
    pub claim: String,
    pub voices: Vec<String>,
    pub said: When,
    pub place: Place,
}

/// A claim's `retracts` or `corrects`, with where it stands.
#[derive(Debug)]
pub(super) struct Withdrawal {
    pub(super) claim: String,
    pub(super) target: String,
    pub(super) corrects: bool,
    pub(super) place: Place,
    /// Checked in full with its file (the target is there too).
    pub(super) checked: bool,
}

/// A reference to an id this file does not define: resolved after the merge.
#[derive(Debug)]
pub(super) struct ExternalRef {
    pub(super) kind: RefKind,
    pub(super) id: String,
    pub(super) first: Place,
    pub(super) uses: usize,
}

/// A definition, with where it stands.
#[derive(Debug)]
pub(super) struct Def<T> {
    pub(super) item: T,
    pub(super) place: Place,
}

/// Everything one file contributes, checked as far as the file alone allows.
#[derive(Debug, Default)]
pub(super) struct Digest {
    pub(super) diags: Vec<Diagnostic>,
    pub(super) parties: Vec<Def<Party>>,
    pub(super) sources: Vec<Def<Source>>,
    pub(super) metrics: Vec<Def<Metric>>,
    pub(super) vague: Vec<Def<(String, Interval)>>,
    pub(super) acts: Vec<Def<Act>>,
    /// Questions, with where each of their acts is listed.
    pub(super) questions: Vec<(Def<Question>, Vec<Place>)>,
    pub(super) events: Vec<Def<Event>>,
    pub(super) documents: Vec<Def<Document>>,
    pub(super) propositions: Vec<Def<Proposition>>,
    pub(super) categories: Vec<Def<Category>>,
    pub(super) places: Vec<Def<PlaceDef>>,
    /// (total, parts, place): breakdowns with a vague word, summed once the vocabulary is known.
    pub(super) breakdowns: Vec<(Quantity, Vec<Quantity>, Place)>,
    /// (place, the event's places, where): claims naming a place their event does not list.
    pub(super) unlisted_places: Vec<(String, Vec<String>, Place)>,
    /// Retractions and corrections, for the checks of [`super::links`].
    pub(super) withdrawals: Vec<Withdrawal>,
    /// Claims said some time within more than one day, held against
    /// changes of standing ([`super::standing`]).
    pub(super) spanning: Vec<Spanning>,
    pub(super) refs: Vec<ExternalRef>,
    /// (metric, unit, place): a figure's stated unit, checked against the metric's.
    pub(super) units: Vec<(String, String, Place)>,
    /// (metric, place): figures with decimals, allowed only for a measure.
    pub(super) decimals: Vec<(String, Place)>,
    /// (metric, place): transfers (`from`, `to`), allowed only of a transfer metric.
    pub(super) transfers: Vec<(String, Place)>,
    /// (document, path of its text): documents with a local text, for quotes in other files.
    pub(super) doc_texts: Vec<(String, String)>,
    /// (document, quote, place): quotes whose document another file defines.
    pub(super) quotes: Vec<(String, String, Place)>,
    /// Joint figures not marked `sum_of_own`, held against the parties'
    /// own figures ([`super::sums`]).
    pub(super) joints: Vec<(super::sum_facts::Joint, Place)>,
    /// Handovers and admissions, whose documenter's side is checked once
    /// every source is known ([`super::record_roles`]).
    pub(super) record_roles: Vec<super::sum_facts::Role<Place>>,
    /// (own_key, value, said from): each voice's exact figures of one party's count.
    pub(super) singles: Vec<(u64, crate::model::Amount, crate::model::when::Instant)>,
    /// (hash of id, byte offset): duplicate detection across all files.
    pub(super) claim_ids: Vec<(u64, u32)>,
    pub(super) claims: Vec<Claim>,
    pub(super) tally: HashMap<(String, String), usize>,
    pub(super) claim_count: usize,
    /// Records (`record = …`), counted apart from claims.
    pub(super) record_count: usize,
    /// Quotes not found, whose nearest-passage hints the run's budget pays for.
    pub(super) near_misses: Vec<NearMiss>,
    /// The parse stopped at a type error: the merger looks for the others.
    pub(super) every_error: bool,
    /// A file that did not parse: the ids its text seems to give (`id = "…"`),
    /// so that what they would have defined is named as the likely cause.
    pub(super) unparsed_ids: Vec<String>,
    /// For the folder index: the file's stamp (taken before reading) and the
    /// hash of the bytes read.
    pub(super) stamp: Option<(index::Stamp, u64)>,
    pub(super) entry: Option<index::IndexEntry>,
}

/// A fast, stable hash of an id for duplicate detection (collisions are
/// confirmed against the text before anything is reported).
pub(super) fn id_hash(id: &str) -> u64 {
    let mut h = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut h, id.as_bytes());
    std::hash::Hasher::finish(&h)
}

pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The per-file checker: owns the file's text index and what it found.
pub(super) struct FileCheck<'t> {
    pub(super) file: usize,
    pub(super) display: &'t str,
    pub(super) lines: LineIndex<'t>,
    pub(super) out: Digest,
    pub(super) refs: FnvHashMap<(RefKind, &'t str), usize>,
    /// Claims per (event, source), borrowed from the file until the end.
    pub(super) tally: FnvHashMap<(&'t str, &'t str), usize>,
}

pub(super) type S<T> = toml::Spanned<T>;

impl<'t> FileCheck<'t> {
    pub(super) fn place(&self, span: &Range<usize>) -> Place {
        let (line, column, snippet) = self.lines.locate(span.start);
        Place {
            file: self.file,
            line,
            column,
            snippet,
        }
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        span: Range<usize>,
        message: String,
        hint: impl Into<String>,
    ) {
        let d = self
            .lines
            .at(code, self.display, span.start, message)
            .with_hint(hint);
        self.out.diags.push(d);
    }

    /// Records a use of an id defined elsewhere; the first use gives the position.
    pub(super) fn reference(&mut self, kind: RefKind, id: &'t S<String>) {
        let key = (kind, id.get_ref().as_str());
        if let Some(&i) = self.refs.get(&key) {
            self.out.refs[i].uses += 1;
            return;
        }
        let first = self.place(&id.span());
        self.refs.insert(key, self.out.refs.len());
        self.out.refs.push(ExternalRef {
            kind,
            id: id.get_ref().clone(),
            first,
            uses: 1,
        });
    }

    pub(super) fn id_ok(&mut self, what: &str, id: &S<String>) -> bool {
        if is_kebab(id.get_ref()) {
            return true;
        }
        // Only a suggestion that is itself a valid id.
        let hint = match crate::suggest::kebab(id.get_ref()) {
            Some(k) => format!("ids are lowercase words joined by `-`, such as `{k}`"),
            None => "ids are lowercase words (a-z, 0-9) joined by `-`".to_string(),
        };
        let shown = crate::suggest::clip(id.get_ref());
        self.error(
            Code::BadId,
            id.span(),
            format!("{what} id `{shown}` is not kebab-case"),
            hint,
        );
        false
    }

    pub(super) fn when(&mut self, text: &S<String>) -> Option<When> {
        match parse_when(text.get_ref()) {
            Ok(w) => Some(w),
            Err(msg) => {
                self.error(Code::BadDate,
                    text.span(),
                    format!("impossible or malformed date: {msg}"),
                    "dates look like 2021-11-16, 2021-11-16T18:30, 2021-11 or 2020-07-13/2020-07-14",
                );
                None
            }
        }
    }

    /// An event's zone: `Z` or ±HH:MM.
    pub(super) fn zone(&mut self, text: &S<String>) -> Option<String> {
        let z = text.get_ref().trim();
        if crate::model::when::offset_minutes(z).is_some_and(|m| m.abs() <= 14 * 60) {
            return Some(z.to_string());
        }
        let shown = crate::suggest::clip(z);
        self.error(
            Code::BadDate,
            text.span(),
            format!("zone `{shown}` is not a UTC offset"),
            "write the region's offset from UTC as +HH:MM, -HH:MM or Z: `zone = \"+04:00\"` for Baku and Yerevan",
        );
        None
    }

    /// A figure's number: whole, or a decimal with at most three places.
    pub(super) fn amount(&mut self, n: &S<Number>, what: &str) -> Option<Amount> {
        let x = match *n.get_ref() {
            Number::Whole(v) => return self.count(&S::new(n.span(), v), what).map(Amount::whole),
            Number::Decimal(x) => x,
        };
        if x < 0.0 {
            let message = format!("negative count {x} for {what}");
            self.error(
                Code::NegativeCount,
                n.span(),
                message,
                "counts are from 0 up",
            );
            return None;
        }
        let amount = Amount::decimal(x);
        if amount.is_none() {
            self.error(
                Code::BadNumber,
                n.span(),
                format!("{x} for {what} is not a number a figure can hold"),
                "give at most nine decimals, below 1,000,000,000,000,000",
            );
        }
        amount
    }

    pub(super) fn count(&mut self, n: &S<i64>, what: &str) -> Option<u64> {
        match u64::try_from(*n.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    Code::NegativeCount,
                    n.span(),
                    format!("negative count {} for {what}", n.get_ref()),
                    "counts are whole numbers from 0 up",
                );
                None
            }
        }
    }
}

/// The file model, or serde's errors at their places with hints: every
/// type error of the file, table by table ([`every_error`]).
/// On a type error the digest asks the merger for the rest ([`Digest::every_error`]).
pub(super) fn parse(display: &str, text: &str) -> Result<FileModel, (Diagnostic, bool)> {
    toml::from_str::<FileModel>(text)
        .map_err(|e| (first_error(display, text, &e), is_type_error(&e)))
}
