use crate::args::LintArgs;
use crate::ExitStatus;
use anyhow::Context;
use bitext_glossary::Glossary;
use std::io::Write;

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
