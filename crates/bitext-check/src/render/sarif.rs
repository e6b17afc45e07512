use crate::Diagnostic;
use serde_json::{json, Value};
use std::io::{self, Write};

/// `--format sarif`: a SARIF 2.1.0 log, fit for GitHub code scanning.
/// Columns count Unicode code points (`columnKind: unicodeCodePoints`);
/// each result carries a `partialFingerprints` entry `bitext/v1`, the same
/// fingerprint the baseline uses.
pub fn sarif(w: &mut dyn Write, findings: &[Diagnostic], tool_version: &str) -> io::Result<()> {
    let rules: Vec<Value> = crate::rules::all()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.what },
                "help": {
                    "text": format!("{}\n\nWhy: {}\n\nExample:\n{}", r.what, r.why, r.example),
                    "markdown": format!("{}\n\n**Why:** {}\n\n**Example:**\n```\n{}\n```", r.what, r.why, r.example),
                },
                "defaultConfiguration": { "level": r.severity.sarif_level() },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|d| {
            let rule_index = crate::rules::all()
                .position(|r| r.id == d.rule)
                .unwrap_or(0);
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": rule_index,
                "level": d.severity.sarif_level(),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.path) },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                            "byteOffset": d.span[0],
                            "byteLength": d.span[1] - d.span[0],
                            "snippet": { "text": d.found },
                        }
                    }
                }],
                "partialFingerprints": { "bitext/v1": d.fingerprint },
                "properties": { "term": d.term, "expected": d.expected },
            });
            // A bilingual finding's confidence: SARIF's rank (0–100) and a property.
            if let Some(c) = d.confidence {
                result["rank"] = json!(f64::from(c));
                result["properties"]["confidence"] = json!(f64::from(c) / 100.0);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "bitext",
                "version": tool_version,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

/// A relative URI for a path: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}
