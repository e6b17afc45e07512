//! Renderers: one per `--format`, each writing to `&mut dyn Write`.

mod human;
mod sarif;

pub use human::human;
pub use sarif::sarif;

use crate::Diagnostic;
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
    serde_json::to_writer_pretty(&mut *w, &Report { findings, summary })?;
    writeln!(w)
}
