use crate::args::{CheckArgs, CheckFormat, RulesArgs};
use crate::commands::align::align_pair;
use crate::commands::fix;
use crate::output;
use crate::progress::Progress;
use crate::ExitStatus;
use anyhow::{bail, Context};
use bitext_check::baseline::Baseline;
use bitext_check::render::{self, Summary};
use bitext_check::{AlignedUnit, Bead, Checker, Doc};
use bitext_core::{Document, Lang};
use bitext_glossary::Glossary;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What one input gives the checker.
enum Input {
    /// An English document: monolingual checks.
    English(Document),
    /// A Chinese document with nothing to hold it to.
    Chinese,
    /// A zh/en document pair: aligned, then monolingual checks of the English and bilingual ones.
    Pair { zh: PathBuf, en: Document },
    /// Aligned text (TMX, JSONL, TSV): both kinds of checks, reported at the units in the file.
    Aligned {
        doc: Document,
        units: Vec<bitext_io::Unit>,
    },
}

impl Input {
    /// The document findings point into.
    fn document(&self) -> Option<&Document> {
        match self {
            Input::English(doc) | Input::Aligned { doc, .. } => Some(doc),
            Input::Pair { en, .. } => Some(en),
            Input::Chinese => None,
        }
    }
}

pub fn exec(args: CheckArgs) -> anyhow::Result<ExitStatus> {
    if let Some(id) = &args.explain {
        return explain(id);
    }
    let glossary = Glossary::load(&args.glossary)
        .with_context(|| format!("invalid glossary {}", args.glossary.display()))?;
    let inputs = collect_inputs(&args.paths, &args.pair)?;
    let checker = Checker::new(&glossary);

    // Pairs are aligned first, in parallel, with progress: the slow part of a run.
    let progress = Progress::new(Some(inputs.len() as u64), "checking");
    let docs: Vec<Option<Doc>> = inputs
        .par_iter()
        .map(|input| {
            let d = doc(input);
            progress.inc();
            d
        })
        .collect::<anyhow::Result<_>>()?;
    progress.finish();
    let checked = docs.iter().filter(|d| d.is_some()).count();
    let skipped_chinese = docs.len() - checked;
    let docs: Vec<Doc> = docs.into_iter().flatten().collect();
    let findings = checker.check(&docs);
    if skipped_chinese > 0 && checked == 0 {
        output::warn(&format!(
            "{skipped_chinese} Chinese documents and no English one: nothing to check (give zh/en pairs to check translations)"
        ));
    }
    // Texts findings point into, for the human report.
    let sources: Vec<(&str, &str)> = inputs
        .iter()
        .filter_map(Input::document)
        .map(|d| (d.name.as_str(), d.text()))
        .collect();

    if let Some(path) = &args.write_baseline {
        let data = serde_json::to_vec_pretty(&Baseline::from_findings(&findings))?;
        output::write_atomic(path, &data, args.force)?;
        output::note(&format!(
            "wrote {} findings to the baseline {}",
            findings.len(),
            path.display()
        ));
    }
    let (findings, baselined, stale) = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the baseline {}", path.display()))?;
            let base: Baseline = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a bitext baseline", path.display()))?;
            let applied = base.apply(findings);
            for entry in &applied.stale {
                output::note(&format!(
                    "stale baseline entry {}: {} `{}` in {} no longer found",
                    entry.fingerprint, entry.rule, entry.found, entry.path
                ));
            }
            (applied.new, applied.old.len(), applied.stale.len())
        }
        None => (findings, 0, 0),
    };
    let summary = Summary::new(&findings, checked, baselined, stale);

    if args.fix {
        // Plain English documents only: aligned files (TMX, JSONL, TSV) are not rewritten.
        let documents: HashMap<&str, &Document> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::English(doc) | Input::Pair { en: doc, .. } => Some((doc.name.as_str(), doc)),
                _ => None,
            })
            .collect();
        return fix::run(&findings, &glossary, args.dry_run, &documents);
    }

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let render = |w: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            CheckFormat::Human => {
                let texts: HashMap<&str, &str> = sources.iter().copied().collect();
                let source = |p: &str| texts.get(p).copied();
                render::human(w, &findings, &summary, &source, color)
            }
            CheckFormat::Json => render::json(w, &findings, &summary),
            CheckFormat::Sarif => render::sarif(w, &findings, env!("CARGO_PKG_VERSION")),
        }
    };
    match &args.output {
        Some(path) => {
            let mut buf: Vec<u8> = Vec::new();
            render(&mut buf)?;
            output::write_atomic(path, &buf, args.force)?
        }
        // Straight to standard output: a large report is not held twice.
        None => {
            let mut out = output::stdout();
            render(&mut out)?;
            out.flush()?;
        }
    }
    // Writing a baseline records every finding as known: nothing is new.
    let status = if findings.is_empty() || args.exit_zero || args.write_baseline.is_some() {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    };
    // The process ends next: freeing a large run's documents and findings one by one would only
    // delay the exit.
    std::mem::forget(findings);
    std::mem::forget(docs);
    std::mem::forget(inputs);
    std::mem::forget(checker);
    std::mem::forget(glossary);
    Ok(status)
}

/// What the checker gets from one input: nothing for a Chinese document alone.
fn doc(input: &Input) -> anyhow::Result<Option<Doc<'_>>> {
    Ok(match input {
        Input::English(doc) => Some(Doc::english(&doc.name, doc.text(), doc.decoded.offset_base)),
        Input::Chinese => None,
        Input::Pair { zh, en } => {
            let en_path = PathBuf::from(&en.name);
            let (units, warnings) = align_pair(zh, &en_path, false, true)?;
            for w in warnings {
                output::warn(&format!("{} + {}: {w}", zh.display(), en.name));
            }
            let base = en.decoded.offset_base;
            let beads: Vec<Bead> = units
                .iter()
                .filter(|u| !u.is_unmatched())
                .filter_map(|u| {
                    let (z, e) = u.zh_en();
                    let first = e.spans.first()?;
                    let last = e.spans.last()?;
                    Some(Bead {
                        zh: z.joined(),
                        en: first[0].saturating_sub(base)..last[1].saturating_sub(base),
                    })
                })
                .collect();
            Some(Doc::pair(&en.name, en.text(), base, beads))
        }
        Input::Aligned { doc, units } => {
            let file = doc.text();
            let aligned = units.iter().enumerate().map(|(k, u)| {
                let (z, e) = u.zh_en();
                AlignedUnit {
                    zh: z.joined(),
                    en: e.joined(),
                    at: u.at,
                    end: units.get(k + 1).map_or(file.len(), |n| n.at.max(u.at)),
                }
            });
            Some(Doc::aligned(
                &doc.name,
                file,
                doc.decoded.offset_base,
                aligned,
            ))
        }
    })
}

/// Reads the inputs: files as given, directories walked (`*.txt` documents, `*.tmx`, `*.jsonl`
/// aligned text). Documents pair up by name: `zh/X` beside `en/X` in one directory, or `X.zh.txt`
/// beside `X.en.txt`; `--pair ZH EN` pairs two files explicitly.
fn collect_inputs(paths: &[PathBuf], pairs: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut files = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut explicit: Vec<(PathBuf, PathBuf)> = Vec::new();
    for chunk in pairs.chunks(2) {
        if let [zh, en] = chunk {
            for p in [zh, en] {
                std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
            }
            explicit.push((zh.clone(), en.clone()));
        }
    }
    // Pairing by name.
    let partner = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?.to_str()?;
        if let Some(stem) = name.strip_suffix(".zh.txt") {
            return Some(p.with_file_name(format!("{stem}.en.txt")));
        }
        let dir = p.parent()?;
        if dir.file_name()? == "zh" {
            return Some(dir.parent()?.join("en").join(name));
        }
        None
    };
    let mut inputs = Vec::new();
    let mut paired_en: Vec<PathBuf> = explicit.iter().map(|(_, e)| e.clone()).collect();
    let mut paired_zh: Vec<PathBuf> = explicit.iter().map(|(z, _)| z.clone()).collect();
    for f in &files {
        if let Some(en) = partner(f) {
            if files.contains(&en) {
                paired_zh.push(f.clone());
                paired_en.push(en);
            }
        }
    }
    for (zh, en) in paired_zh.iter().zip(&paired_en) {
        inputs.push(Input::Pair {
            zh: zh.clone(),
            en: Document::read(en)?,
        });
    }
    // The other files, read and recognised in parallel, kept in order.
    let rest: Vec<&PathBuf> = files
        .iter()
        .filter(|f| !paired_en.contains(f) && !paired_zh.contains(f))
        .collect();
    let read: Vec<anyhow::Result<Input>> = rest.par_iter().map(|f| read_input(f)).collect();
    for r in read {
        inputs.push(r?);
    }
    Ok(inputs)
}

/// One file: aligned text, an English document or a Chinese one.
fn read_input(f: &Path) -> anyhow::Result<Input> {
    let doc = Document::read(f)?;
    let text = doc.text();
    let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
    let sniffed = bitext_io::sniff(text);
    let aligned = match ext {
        "tmx" | "jsonl" => true,
        "tsv" => sniffed == Some(bitext_io::Format::Tsv),
        _ => {
            matches!(
                sniffed,
                Some(bitext_io::Format::Tmx | bitext_io::Format::Jsonl)
            ) && ext != "txt"
        }
    };
    Ok(if aligned {
        let units = bitext_io::read(text)
            .map_err(|e| anyhow::anyhow!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message))?;
        Input::Aligned { doc, units }
    } else if Lang::detect(text) == Lang::En {
        Input::English(doc)
    } else {
        Input::Chinese
    })
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
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e == "tmx" || e == "jsonl")
        {
            out.push(path);
        }
    }
    Ok(())
}

fn explain(id: &str) -> anyhow::Result<ExitStatus> {
    let Some(rule) = bitext_check::rules::rule(id) else {
        let ids: Vec<_> = bitext_check::rules::all().map(|r| r.id).collect();
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
    for r in bitext_check::rules::all() {
        writeln!(out, "{:<18} {:<8} {}", r.id, r.severity.as_str(), r.summary)?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
