use crate::{Diagnostic, Severity};
use serde_json::{json, Value};
use std::io::{self, Write};

/// `--format gitlab`: a GitLab code-quality report (a JSON array of issues with `description`,
/// `check_name`, `fingerprint`, `severity` and `location`), which a merge request shows
/// inline when the job names it under `artifacts: reports: codequality`.
pub fn gitlab(w: &mut dyn Write, findings: &[Diagnostic]) -> io::Result<()> {
    let issues: Vec<Value> = findings
        .iter()
        .map(|d| {
            json!({
                "description": format!("{}: {}", d.rule, d.message),
                "check_name": d.rule,
                "fingerprint": d.fingerprint,
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                "location": {
                    "path": d.path,
                    "positions": {
                        "begin": { "line": d.line, "column": d.column },
                        "end": { "line": d.end_line, "column": d.end_column },
                    },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}
