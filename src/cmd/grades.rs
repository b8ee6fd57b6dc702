//! `claims grades`: the scale every figure is graded on against the
//! record, and the rules that give each grade, in the order they are tried.

use std::io::{self, Write};

use serde::Serialize;

use super::Context;
use crate::compare::grade::{RULES, SCALE};
use crate::model::record::Basis;
use crate::render::emit;
use crate::render::output::Style;

#[derive(Serialize)]
struct GradeRow {
    grade: u8,
    label: &'static str,
    when: &'static str,
}

#[derive(Serialize)]
struct BasisRow {
    basis: &'static str,
    shown: &'static str,
    floor: bool,
}

/// The scale, the rules and the bases, as `--format json` gives them.
#[derive(Serialize)]
struct GradesRecord {
    scale: Vec<GradeRow>,
    rules: Vec<&'static str>,
    bases: Vec<BasisRow>,
}

pub fn run(ctx: &Context, out: &mut dyn Write) -> anyhow::Result<u8> {
    let record = GradesRecord {
        scale: SCALE
            .iter()
            .map(|&(grade, label, when)| GradeRow { grade, label, when })
            .collect(),
        rules: RULES.to_vec(),
        bases: Basis::ALL
            .iter()
            .map(|b| BasisRow {
                basis: b.as_str(),
                shown: b.shown(),
                floor: b.is_floor(),
            })
            .collect(),
    };
    emit(out, &ctx.style, "grades", &record, &|out, _: &Style| {
        people(out, &record)
    })?;
    Ok(0)
}

fn people(out: &mut dyn Write, r: &GradesRecord) -> io::Result<()> {
    writeln!(
        out,
        "Grades of a figure against the record (docs/record.md):"
    )?;
    for g in &r.scale {
        writeln!(out, "  {}  {}: {}", g.grade, g.label, g.when)?;
    }
    writeln!(
        out,
        "\nRules, tried in order; the first that fits gives the grade:"
    )?;
    for (i, rule) in r.rules.iter().enumerate() {
        writeln!(out, "  {:>2}. {rule}", i + 1)?;
    }
    writeln!(out, "\nBases of a record (record = \"…\"):")?;
    for b in &r.bases {
        let reads = if b.floor { "a floor" } else { "a total" };
        writeln!(out, "  {:<18} {}: {reads}", b.basis, b.shown)?;
    }
    Ok(())
}
