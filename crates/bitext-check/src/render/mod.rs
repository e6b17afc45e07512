//! Renderers: one per `--format`, each writing to `&mut dyn Write`.

mod github;
mod gitlab;
mod html;
mod human;
mod sarif;

pub use github::github;
pub use gitlab::gitlab;
pub use html::html;
pub use human::human;
pub use sarif::sarif;

use crate::Diagnostic;
use bitext_core::LineIndex;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The finding's span in its line of `text` (the file as read), with up to `chars` characters of
/// the line on each side: (before, the span, after).
pub(crate) fn context<'t>(
    text: &'t str,
    index: &LineIndex,
    d: &Diagnostic,
    chars: usize,
) -> (String, &'t str, String) {
    let (line_start, line_end) = index.line_span(text, d.line - 1);
    // The span is in the file: the text may lack a BOM of three bytes. Whichever reading puts
    // the span at the finding's line and column; else count the columns (a long line is slow).
    let start = [0, 3]
        .into_iter()
        .filter_map(|base| d.span[0].checked_sub(base))
        .find(|&s| {
            s <= text.len()
                && text.is_char_boundary(s)
                && index.line_col(text, s) == (d.line, d.column)
        })
        .unwrap_or_else(|| {
            text[line_start..line_end]
                .char_indices()
                .nth(d.column - 1)
                .map_or(line_end, |(i, _)| line_start + i)
        });
    let end = (start + (d.span[1] - d.span[0])).min(line_end);
    let end = (start..=end)
        .rev()
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(start);
    let before: String = {
        let mut it = text[line_start..start].chars().rev();
        let mut chars: Vec<char> = it.by_ref().take(chars).collect();
        if it.next().is_some() {
            chars.push('…');
        }
        chars.iter().rev().collect()
    };
    let after: String = {
        let mut it = text[end..line_end].chars();
        let mut s: String = it.by_ref().take(chars).collect();
        if it.next().is_some() {
            s.push('…');
        }
        s
    };
    (before, &text[start..end], after)
}

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
