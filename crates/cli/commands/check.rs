use crate::args::{CheckArgs, CheckFormat, RulesArgs};
use crate::output;
use crate::ExitStatus;
use anyhow::{bail, Context};
use bitext_check::baseline::{self, Baseline};
use bitext_check::render::{self, Summary};
use bitext_check::Checker;
use bitext_core::{Document, Lang};
use bitext_glossary::Glossary;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn exec(args: CheckArgs) -> anyhow::Result<ExitStatus> {
    if let Some(id) = &args.explain {
        return explain(id);
    }
    let glossary = Glossary::load(&args.glossary)
        .with_context(|| format!("invalid glossary {}", args.glossary.display()))?;
    let files = collect_files(&args.paths)?;
    let docs = files
        .iter()
        .map(|p| Document::read(p))
        .collect::<Result<Vec<_>, _>>()?;

    let checker = Checker::new(&glossary);
    let mut findings = Vec::new();
    for doc in &docs {
        if Lang::detect(doc.text()) == Lang::En {
            findings.extend(checker.check_english(&doc.name, doc.text(), doc.decoded.offset_base));
        }
    }
    baseline::fingerprint_all(&mut findings);

    if let Some(path) = &args.write_baseline {
        let data = serde_json::to_vec_pretty(&Baseline::from_findings(&findings))?;
        output::write_atomic(path, &data, args.force)?;
        eprintln!(
            "wrote {} findings to the baseline {}",
            findings.len(),
            path.display()
        );
    }
    let (findings, baselined, stale) = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the baseline {}", path.display()))?;
            let base: Baseline = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a bitext baseline", path.display()))?;
            let applied = base.apply(findings);
            for entry in &applied.stale {
                eprintln!(
                    "stale baseline entry {}: {} `{}` in {} no longer found",
                    entry.fingerprint, entry.rule, entry.found, entry.path
                );
            }
            (applied.new, applied.old.len(), applied.stale.len())
        }
        None => (findings, 0, 0),
    };
    let summary = Summary::new(&findings, docs.len(), baselined, stale);

    let mut buf: Vec<u8> = Vec::new();
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    match args.format {
        CheckFormat::Human => {
            let texts: HashMap<&str, &str> =
                docs.iter().map(|d| (d.name.as_str(), d.text())).collect();
            let source = |p: &str| texts.get(p).copied();
            render::human(&mut buf, &findings, &summary, &source, color)?
        }
        CheckFormat::Json => render::json(&mut buf, &findings, &summary)?,
        CheckFormat::Sarif => render::sarif(&mut buf, &findings, env!("CARGO_PKG_VERSION"))?,
    }
    match &args.output {
        Some(path) => output::write_atomic(path, &buf, args.force)?,
        None => {
            let mut out = output::stdout();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    // Writing a baseline records every finding as known: nothing is new.
    Ok(
        if findings.is_empty() || args.exit_zero || args.write_baseline.is_some() {
            ExitStatus::Success
        } else {
            ExitStatus::Findings
        },
    )
}

/// The files to check: files as given, and `*.txt` under directories,
/// sorted, hidden entries skipped.
fn collect_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

fn explain(id: &str) -> anyhow::Result<ExitStatus> {
    let Some(rule) = bitext_check::rules::rule(id) else {
        let ids: Vec<_> = bitext_check::RULES.iter().map(|r| r.id).collect();
        bail!("unknown rule `{id}`; the rules are: {}", ids.join(", "));
    };
    let mut out = output::stdout();
    writeln!(out, "{} ({})\n", rule.id, rule.severity.as_str())?;
    writeln!(out, "What it does\n  {}\n", rule.what)?;
    writeln!(out, "Why it matters\n  {}\n", rule.why)?;
    writeln!(out, "Example")?;
    for line in rule.example.lines() {
        writeln!(out, "  {}", line.trim_start())?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}

pub fn rules(args: RulesArgs) -> anyhow::Result<ExitStatus> {
    if let Some(id) = args.rule {
        return explain(&id);
    }
    let mut out = output::stdout();
    for r in bitext_check::RULES {
        writeln!(out, "{:<18} {:<8} {}", r.id, r.severity.as_str(), r.summary)?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
