//! Renderers: one per `--format`, each writing to `&mut dyn Write`.

mod human;
mod sarif;

pub use human::human;
pub use sarif::sarif;

use crate::Diagnostic;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Counts of a run, shared by every format.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Documents checked.
    pub files: usize,
    /// Findings reported (new ones, when a baseline is used).
    pub findings: usize,
    /// Findings hidden because the baseline knows them.
    pub baselined: usize,
    /// Baseline entries that no finding matched any more.
    pub stale: usize,
    pub by_rule: BTreeMap<&'static str, usize>,
    pub by_severity: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn new(findings: &[Diagnostic], files: usize, baselined: usize, stale: usize) -> Self {
        let mut by_rule = BTreeMap::new();
        let mut by_severity = BTreeMap::new();
        for d in findings {
            *by_rule.entry(d.rule).or_insert(0) += 1;
            *by_severity.entry(d.severity.as_str()).or_insert(0) += 1;
        }
        Summary {
            files,
            findings: findings.len(),
            baselined,
            stale,
            by_rule,
            by_severity,
        }
    }
}

/// `--format json`: one document `{"findings": [...], "summary": {...}}`;
/// each finding as documented on [`Diagnostic`].
pub fn json(w: &mut dyn Write, findings: &[Diagnostic], summary: &Summary) -> io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        findings: &'a [Diagnostic],
        summary: &'a Summary,
    }
    if findings.is_empty() {
        serde_json::to_writer_pretty(&mut *w, &Report { findings, summary })?;
        return writeln!(w);
    }
    // The same bytes as serde_json's pretty printer, with the findings serialised in parallel.
    let indent = |s: String, by: &str| s.replace('\n', &format!("\n{by}"));
    write!(w, "{{\n  \"findings\": [\n")?;
    for (k, chunk) in findings.chunks(4096).enumerate() {
        let items: Vec<String> = chunk
            .par_iter()
            .map(|f| serde_json::to_string_pretty(f).map(|s| format!("    {}", indent(s, "    "))))
            .collect::<Result<_, _>>()?;
        if k > 0 {
            w.write_all(b",\n")?;
        }
        w.write_all(items.join(",\n").as_bytes())?;
    }
    let summary = indent(serde_json::to_string_pretty(summary)?, "  ");
    writeln!(w, "\n  ],\n  \"summary\": {summary}\n}}")
}
