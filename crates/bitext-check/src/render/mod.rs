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
    // One finding a line: a large report serialises in parallel and stays easy to grep.
    write!(w, "{{\"findings\": [")?;
    for (k, chunk) in findings.chunks(4096).enumerate() {
        let items: Vec<String> = chunk
            .par_iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        for (i, item) in items.iter().enumerate() {
            let sep = if k == 0 && i == 0 { "\n" } else { ",\n" };
            w.write_all(sep.as_bytes())?;
            w.write_all(item.as_bytes())?;
        }
    }
    if !findings.is_empty() {
        writeln!(w)?;
    }
    writeln!(w, "], \"summary\": {}}}", serde_json::to_string(summary)?)
}
