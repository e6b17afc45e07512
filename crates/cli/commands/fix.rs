//! `bitext check --fix`: rewrite deprecated renderings, or show the diff with `--dry-run`.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use bitext_check::fix::{self, Edit};
use bitext_check::Diagnostic;
use bitext_core::Document;
use bitext_glossary::Glossary;

use crate::output;
use crate::ExitStatus;

/// Fixes `findings` in `documents` (plain English documents by name, as they were read and
/// checked; aligned files are not rewritten).
pub fn run(
    findings: &[Diagnostic],
    glossary: &Glossary,
    dry_run: bool,
    documents: &HashMap<&str, &Document>,
) -> anyhow::Result<ExitStatus> {
    let plan = fix::plan(findings, glossary, &|p| documents.contains_key(p));
    let mut by_file: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    for e in &plan.edits {
        by_file.entry(e.path.as_str()).or_default().push(e);
    }
    let mut out = output::stdout();
    for (path, edits) in &by_file {
        let Some(doc) = documents.get(path) else {
            continue;
        };
        let new = fix::apply(doc.text(), doc.decoded.offset_base, edits);
        if dry_run {
            let diff = similar::TextDiff::from_lines(doc.text(), &new);
            write!(
                out,
                "{}",
                diff.unified_diff()
                    .context_radius(1)
                    .header(&format!("a/{path}"), &format!("b/{path}"))
            )?;
        } else {
            // Keep a UTF-8 BOM the file had; UTF-16 files are written back as UTF-8.
            let mut bytes = Vec::new();
            if doc.decoded.offset_base == 3 {
                bytes.extend_from_slice("\u{feff}".as_bytes());
            }
            bytes.extend_from_slice(new.as_bytes());
            output::write_atomic(std::path::Path::new(path), &bytes, true)?;
        }
    }
    out.flush()?;
    for (d, why) in &plan.left {
        output::note(&format!(
            "{}:{}:{}: left `{}` ({}): {why}",
            d.path, d.line, d.column, d.found, d.term
        ));
    }
    output::note(&format!(
        "{} {} deprecated renderings in {} files; {} left for a person",
        if dry_run { "would replace" } else { "replaced" },
        plan.edits.len(),
        by_file.len(),
        plan.left.len()
    ));
    Ok(ExitStatus::Success)
}
