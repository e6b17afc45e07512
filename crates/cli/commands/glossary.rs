use crate::args::{GlossaryExportArgs, GlossaryFormat, ImportArgs, LintArgs};
use crate::ExitStatus;
use anyhow::Context;
use bitext_glossary::{tbx, write, Concept, Glossary};
use std::io::Write;
use std::path::Path;

pub fn lint(args: LintArgs) -> anyhow::Result<ExitStatus> {
    let glossary = Glossary::load(&args.path)
        .with_context(|| format!("invalid glossary {}", args.path.display()))?;
    let warnings = bitext_glossary::lint(&glossary);
    let mut out = crate::output::stdout();
    for w in &warnings {
        writeln!(out, "{}: warning: {}", w.origin, w.message)?;
    }
    let files: std::collections::BTreeSet<_> =
        glossary.concepts.iter().map(|c| &c.origin.path).collect();
    let renderings: usize = glossary
        .concepts
        .iter()
        .map(|c| 1 + c.admitted.len() + c.deprecated.len())
        .sum();
    writeln!(
        out,
        "{} concepts, {} renderings in {} file{}: valid, {} warning{}",
        glossary.concepts.len(),
        renderings,
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        warnings.len(),
        if warnings.len() == 1 { "" } else { "s" }
    )?;
    out.flush()?;
    Ok(ExitStatus::Success)
}

fn read_concepts(path: &Path) -> anyhow::Result<Vec<Concept>> {
    let doc = bitext_core::Document::read(path)?;
    let text = doc.text();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let concepts = if start.starts_with('<') {
        bitext_glossary::tbx::read(text, path)?
    } else {
        bitext_glossary::csv::read(text, path)?
    };
    Ok(concepts)
}

pub fn import(args: ImportArgs) -> anyhow::Result<ExitStatus> {
    let concepts = read_concepts(&args.input)?;
    // The strict checks of a glossary (unique ids and Chinese terms, nothing both accepted and
    // deprecated) hold for the import on its own.
    let concepts = Glossary::from_concepts(concepts)
        .with_context(|| format!("invalid glossary in {}", args.input.display()))?
        .concepts;
    let header = format!(
        "Imported from {} by `bitext glossary import`.",
        args.input.display()
    );
    let Some(out) = &args.output else {
        let mut o = crate::output::stdout();
        o.write_all(write::to_toml(&concepts, &header).as_bytes())?;
        o.flush()?;
        return Ok(ExitStatus::Success);
    };
    if out.exists() && !args.force {
        let existing = bitext_core::Document::read(out)?;
        let (text, report) = write::merge(existing.text(), out, &concepts)?;
        // The merged file must still be a valid glossary.
        Glossary::from_str(&text, out).context("the merged glossary would be invalid")?;
        crate::output::write_atomic(out, text.as_bytes(), true)?;
        for c in &report.conflicts {
            crate::output::warn(&format!("conflict, kept the existing entry: {c}"));
        }
        crate::output::note(&format!(
            "merged {} concepts into {}: {} added, {} already there, {} conflicts",
            concepts.len(),
            out.display(),
            report.added.len(),
            report.unchanged.len(),
            report.conflicts.len()
        ));
    } else {
        crate::output::write_atomic(out, write::to_toml(&concepts, &header).as_bytes(), true)?;
        crate::output::note(&format!(
            "wrote {} concepts to {}",
            concepts.len(),
            out.display()
        ));
    }
    Ok(ExitStatus::Success)
}

pub fn export(args: GlossaryExportArgs) -> anyhow::Result<ExitStatus> {
    let format = match args.format {
        Some(f) => f,
        None => match args
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
        {
            Some("csv") => GlossaryFormat::Csv,
            Some("tbx") | None => GlossaryFormat::TbxBasic,
            Some(other) => anyhow::bail!(
                "cannot tell the format from the extension `.{other}`: give --format csv, tbx2008 or tbx-basic"
            ),
        },
    };
    if let Some(out) = &args.output {
        if out.exists() && !args.force {
            anyhow::bail!("{} exists; use --force to overwrite it", out.display());
        }
    }
    let glossary = Glossary::load(&args.path)
        .with_context(|| format!("invalid glossary {}", args.path.display()))?;
    let text = match format {
        GlossaryFormat::Csv => {
            bitext_glossary::csv::write(&glossary.concepts).map_err(anyhow::Error::msg)?
        }
        GlossaryFormat::Tbx2008 => tbx::write(&glossary.concepts, tbx::Dialect::Tbx2008),
        GlossaryFormat::TbxBasic => tbx::write(&glossary.concepts, tbx::Dialect::Basic),
    };
    match &args.output {
        Some(out) => {
            crate::output::write_atomic(out, text.as_bytes(), args.force)?;
            crate::output::note(&format!(
                "wrote {} concepts to {}",
                glossary.concepts.len(),
                out.display()
            ));
        }
        None => {
            let mut o = crate::output::stdout();
            o.write_all(text.as_bytes())?;
            o.flush()?;
        }
    }
    Ok(ExitStatus::Success)
}
