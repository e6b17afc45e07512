//! `bitext check --fix`: rewrite deprecated renderings, or show the diff with `--dry-run`.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use bitext_check::fix::{self, Edit};
use bitext_check::Diagnostic;
use bitext_core::Document;
use bitext_glossary::Glossary;

use crate::output;
use crate::ExitStatus;

/// A file `--fix` may rewrite, as it was read and checked.
pub struct Target<'a> {
    pub doc: &'a Document,
    /// The bilingual format (`tmx`, `xliff`, `po`) whose escapes a new rendering must not need;
    /// `None` for a plain document.
    pub markup: Option<&'static str>,
}

/// Why an edit of a bilingual file is left for a person, if it is: every byte the edit
/// replaces must be the rendering itself (no entity or escape in it), the new rendering must need
/// no escape, and the file must be written back as it was read (UTF-8).
fn refuse(target: &Target, edit: &Edit) -> Option<&'static str> {
    let markup = target.markup?;
    let base = target.doc.decoded.offset_base;
    let text = target.doc.text();
    let at = edit.span[0].checked_sub(base)?..edit.span[1].checked_sub(base)?;
    if !matches!(
        target.doc.decoded.encoding,
        bitext_core::Encoding::Utf8 | bitext_core::Encoding::Utf8Bom
    ) {
        return Some("the file is not UTF-8: rewriting it would change its encoding");
    }
    if text.get(at) != Some(edit.old.as_str()) {
        return Some("the rendering is written with an entity or escape in the file");
    }
    let special: &[char] = if markup == "po" {
        &['"', '\\']
    } else {
        &['<', '&']
    };
    edit.new
        .contains(special)
        .then_some("the preferred rendering would need escaping in this format")
}

/// Fixes `findings` in `documents` (by name, as they were read and checked): plain English
/// documents, and TMX, XLIFF and PO files, in which only the bytes of each replaced rendering
/// change.
pub fn run(
    findings: &[Diagnostic],
    glossary: &Glossary,
    dry_run: bool,
    documents: &HashMap<&str, Target>,
) -> anyhow::Result<ExitStatus> {
    let mut plan = fix::plan(findings, glossary, &|p| documents.contains_key(p));
    let mut by_file: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    let mut refused = Vec::new();
    for e in &plan.edits {
        let why = documents.get(e.path.as_str()).and_then(|t| refuse(t, e));
        match why {
            Some(why) => refused.push((e, why)),
            None => by_file.entry(e.path.as_str()).or_default().push(e),
        }
    }
    for (e, why) in refused {
        if let Some(d) = findings
            .iter()
            .find(|d| d.path == e.path && d.span == e.span && d.rule == "deprecated-term")
        {
            plan.left.push((d.clone(), why));
        }
    }
    let replaced: usize = by_file.values().map(Vec::len).sum();
    let mut out = output::stdout();
    for (path, edits) in &by_file {
        let Some(Target { doc, .. }) = documents.get(path) else {
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
        replaced,
        by_file.len(),
        plan.left.len()
    ));
    Ok(ExitStatus::Success)
}
