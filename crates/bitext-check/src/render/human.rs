use super::Summary;
use crate::{Diagnostic, Severity};
use bitext_core::LineIndex;
use std::io::{self, Write};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[34m";

fn severity_style(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// Characters of context shown on each side of a finding.
const CONTEXT: usize = 40;

/// The human report: findings grouped by file, each as
/// `path:line:col: severity[rule]: message`, an excerpt of its line with
/// the span marked and the expected rendering, then a summary by rule.
/// `source(path)` gives a file's text for the excerpts.
pub fn human<'a>(
    w: &mut dyn Write,
    findings: &[Diagnostic],
    summary: &Summary,
    source: &dyn Fn(&str) -> Option<&'a str>,
    color: bool,
) -> io::Result<()> {
    let paint = |style: &str, text: &str| -> String {
        if color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_owned()
        }
    };
    let mut k = 0;
    while k < findings.len() {
        let path = &findings[k].path;
        let group_end = findings[k..]
            .iter()
            .position(|d| &d.path != path)
            .map_or(findings.len(), |n| k + n);
        let text = source(path);
        let index = text.map(LineIndex::new);
        writeln!(
            w,
            "{}",
            paint(BOLD, &format!("{path} ({} findings)", group_end - k))
        )?;
        for d in &findings[k..group_end] {
            writeln!(
                w,
                "{}: {}: {}",
                paint(BOLD, &format!("{}:{}:{}", d.path, d.line, d.column)),
                paint(
                    severity_style(d.severity),
                    &format!("{}[{}]", d.severity.as_str(), d.rule)
                ),
                d.message
            )?;
            if let (Some(text), Some(index)) = (text, &index) {
                excerpt(w, text, index, d, &paint)?;
            }
        }
        writeln!(w)?;
        k = group_end;
    }
    let rules = summary
        .by_rule
        .iter()
        .map(|(r, n)| format!("{r}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut line = format!(
        "{} finding{} in {} file{} checked",
        summary.findings,
        if summary.findings == 1 { "" } else { "s" },
        summary.files,
        if summary.files == 1 { "" } else { "s" }
    );
    if !rules.is_empty() {
        line.push_str(&format!(" ({rules})"));
    }
    if summary.baselined > 0 || summary.stale > 0 {
        line.push_str(&format!(
            "; {} known in the baseline, {} stale baseline entr{}",
            summary.baselined,
            summary.stale,
            if summary.stale == 1 { "y" } else { "ies" }
        ));
    }
    writeln!(w, "{}", paint(BOLD, &line))
}

fn excerpt(
    w: &mut dyn Write,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    paint: &dyn Fn(&str, &str) -> String,
) -> io::Result<()> {
    let (before, marked, after) = super::context(text, index, d, CONTEXT);
    let gutter = d.line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(
        w,
        "{} {}{}{}",
        paint(BLUE, &format!("{gutter} |")),
        before,
        paint(severity_style(d.severity), marked),
        after
    )?;
    let carets = "^".repeat(width(marked).max(1));
    let mut note = String::new();
    if !d.expected.is_empty() {
        note = format!(" expected `{}`", d.expected);
    }
    writeln!(
        w,
        "{} {}{}",
        paint(BLUE, &format!("{pad} |")),
        " ".repeat(width(&before)),
        paint(severity_style(d.severity), &format!("{carets}{note}"))
    )
}

/// Display width: East Asian wide characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if bitext_core::is_han(c)
                || ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FF60}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}
