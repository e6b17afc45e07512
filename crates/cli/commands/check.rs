use crate::args::{CheckArgs, CheckFormat, RulesArgs};
use crate::config::{Config, Scope};
use crate::fix;
use crate::input::align_pair;
use crate::output;
use crate::progress::Progress;
use crate::ExitStatus;
use anyhow::{bail, Context};
use bitext_check::baseline::Baseline;
use bitext_check::render::{self, Summary};
use bitext_check::{Checker, Doc};
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
    /// Aligned text (TMX, XLIFF, PO, JSONL, TSV): both kinds of checks, reported at the units in
    /// the file.
    Aligned {
        doc: Document,
        units: Vec<bitext_io::Unit>,
        format: &'static bitext_io::Format,
    },
    /// A large English text, checked in pieces (crate::large_text).
    Large { path: PathBuf, name: String },
    /// A file found in a directory that has nothing to check, and why.
    Skipped { name: String, why: String },
}

impl Input {
    /// The document findings point into.
    fn document(&self) -> Option<&Document> {
        match self {
            Input::English(doc) | Input::Aligned { doc, .. } => Some(doc),
            Input::Pair { en, .. } => Some(en),
            Input::Chinese | Input::Skipped { .. } | Input::Large { .. } => None,
        }
    }
}

pub fn exec(args: CheckArgs) -> anyhow::Result<ExitStatus> {
    if let Some(id) = &args.explain {
        return explain(id);
    }
    let config = if args.isolated {
        Config::default()
    } else if let Some(path) = &args.config {
        Config::read(path)?
            .with_context(|| format!("{} has no [tool.bitext] table", path.display()))?
    } else {
        let start = args.paths.first().or(args.pair.first());
        match start {
            Some(p) => Config::find(p)?.unwrap_or_default(),
            None => Config::default(),
        }
    };
    if let Some(path) = &config.path {
        output::note(&format!("settings from {}", path.display()));
    }
    let glossary_paths = match &args.glossary {
        Some(g) => vec![g.clone()],
        None if !config.glossary.is_empty() => config.glossaries(),
        // The default, ./glossary, may be absent: the rules that need none still run. A
        // glossary named with -g or in the configuration must be there.
        None if !Path::new("glossary").exists() => {
            output::note(
                "no glossary (no ./glossary here, none named with -g or in the configuration): \
                 the rules that need one (deprecated-term, near-miss, term-mismatch) find nothing",
            );
            Vec::new()
        }
        None => vec![PathBuf::from("glossary")],
    };
    let mut glossary = Glossary::default();
    for path in &glossary_paths {
        let g =
            Glossary::load(path).with_context(|| format!("invalid glossary {}", path.display()))?;
        glossary.concepts.extend(g.concepts);
    }
    let langs = bitext_io::Langs {
        a: Some(
            config
                .languages
                .chinese
                .clone()
                .unwrap_or_else(|| "zh".into()),
        ),
        b: Some(
            config
                .languages
                .english
                .clone()
                .unwrap_or_else(|| "en".into()),
        ),
    };
    // --fix rewrites files whole: then large texts are read whole too.
    let inputs = collect_inputs(&args.paths, &args.pair, &langs, !args.fix)?;
    let mut checker = Checker::new(&glossary);
    // The rules: --select, else the configuration's select, else all; less both ignore lists.
    let selected: Vec<String> = match (&args.select, &config.check.select) {
        (Some(ids), _) => ids.clone(),
        (None, Some(ids)) => ids.iter().map(|i| i.get_ref().clone()).collect(),
        (None, None) => bitext_check::rules::enabled(None, &[]).unwrap_or_default(),
    };
    let ignored: Vec<&str> = args
        .ignore
        .iter()
        .map(String::as_str)
        .chain(config.check.ignore.iter().map(|i| i.get_ref().as_str()))
        .collect();
    let enabled = bitext_check::rules::enabled(Some(&selected), &ignored)
        .map_err(|id| anyhow::anyhow!(crate::config::unknown_rule(&id)))?;
    checker.select(&enabled).map_err(anyhow::Error::msg)?;
    let scope = args.consistency.or(config.check.consistency);
    checker.consistency_across_files(scope == Some(Scope::Run));
    if let Some(c) = args.min_confidence.or(config.min_confidence()) {
        checker.min_confidence(c);
    }
    checker.each_empty_target(args.each_empty_target);
    for input in &inputs {
        if let Input::Skipped { name, why } = input {
            output::note(&format!("skipped {name}: {why}"));
        }
    }

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
    let large: Vec<(&Path, &str)> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Large { path, name } => Some((path.as_path(), name.as_str())),
            _ => None,
        })
        .collect();
    let checked = docs.iter().filter(|d| d.is_some()).count() + large.len();
    let skipped_chinese = inputs
        .iter()
        .filter(|i| matches!(i, Input::Chinese))
        .count();
    let docs: Vec<Doc> = docs.into_iter().flatten().collect();
    if checked == 0 {
        let skipped = inputs.len() - skipped_chinese;
        if skipped_chinese > 0 {
            bail!(
                "nothing to check: {skipped_chinese} Chinese documents and no English one (give zh/en pairs to check translations){}",
                if skipped > 0 { format!("; {skipped} files skipped") } else { String::new() }
            );
        }
        bail!(
            "nothing to check: no file here is English text or a bilingual file with Chinese and English ({} files skipped; bitext reads .txt documents and {})",
            skipped,
            bitext_io::format_names()
        );
    }
    let mut findings = checker.check(&docs);
    if !large.is_empty() {
        for (path, name) in &large {
            findings.extend(crate::large_text::check(&checker, path, name)?);
        }
        // In document order, fingerprinted over the whole run, as Checker::check does.
        findings.sort_by(|a, b| (&a.path, a.span, a.rule).cmp(&(&b.path, b.span, b.rule)));
        findings.dedup();
        bitext_check::baseline::fingerprint_all(&mut findings);
    }
    for f in &mut findings {
        if let Some(sev) = config.check.severity.get(f.rule) {
            f.severity = sev.get_ref().severity();
        }
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
        // English documents, and the bilingual files whose text the reader maps to the file
        // (TMX, XLIFF, PO: each edit rewrites only the bytes of the rendering it replaces).
        // bitext's own JSONL and TSV are not rewritten.
        let documents: HashMap<&str, fix::Target> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::English(doc) | Input::Pair { en: doc, .. } => {
                    Some((doc.name.as_str(), fix::Target { doc, markup: None }))
                }
                Input::Aligned { doc, format, .. }
                    if matches!(format.name, "tmx" | "xliff" | "po") =>
                {
                    Some((
                        doc.name.as_str(),
                        fix::Target {
                            doc,
                            markup: Some(format.name),
                        },
                    ))
                }
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
            CheckFormat::Html => {
                let texts: HashMap<&str, &str> = sources.iter().copied().collect();
                let source = |p: &str| texts.get(p).copied();
                let title: Vec<String> =
                    args.paths.iter().map(|p| p.display().to_string()).collect();
                render::html(w, &findings, &summary, &source, &title.join(", "))
            }
            CheckFormat::Github => render::github(w, &findings),
            CheckFormat::Gitlab => render::gitlab(w, &findings),
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
        Input::Chinese | Input::Skipped { .. } | Input::Large { .. } => None,
        Input::Pair { zh, en } => {
            let en_path = PathBuf::from(&en.name);
            let (units, warnings) = align_pair(zh, &en_path, false, true)?;
            for w in warnings {
                output::warn(&format!("{} + {}: {w}", zh.display(), en.name));
            }
            Some(bitext_check::units::pair_doc(
                &en.name,
                en.text(),
                en.decoded.offset_base,
                &units,
            ))
        }
        Input::Aligned { doc, units, format } => Some(bitext_check::units::file_doc(
            &doc.name,
            doc.text(),
            doc.decoded.offset_base,
            units,
            format.name,
        )),
    })
}

/// Reads the inputs: files as given, directories walked (`*.txt` documents and every bilingual
/// format of `bitext_io`'s registry; other files are listed as skipped). Documents pair up by name: `zh/X` beside `en/X` in one directory, or `X.zh.txt`
/// beside `X.en.txt`; `--pair ZH EN` pairs two files explicitly.
fn collect_inputs(
    paths: &[PathBuf],
    pairs: &[PathBuf],
    langs: &bitext_io::Langs,
    pieces: bool,
) -> anyhow::Result<Vec<Input>> {
    // Each file with whether it was found by walking a directory (then a bilingual file without
    // Chinese and English is skipped, not an error).
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    let mut skipped: Vec<Input> = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            let walked = crate::input::walk(path)?;
            files.extend(walked.files.into_iter().map(|f| (f, true)));
            skipped.extend(
                walked
                    .skipped
                    .into_iter()
                    .map(|(name, why)| Input::Skipped { name, why }),
            );
        } else {
            refuse_unread(path)?;
            files.push((path.clone(), false));
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
    let names: Vec<&PathBuf> = files.iter().map(|(f, _)| f).collect();
    for (f, _) in &files {
        if let Some(en) = partner(f) {
            if names.contains(&&en) {
                paired_zh.push(f.clone());
                paired_en.push(en);
            }
        }
    }
    for (zh, en) in paired_zh.iter().zip(&paired_en) {
        inputs.push(Input::Pair {
            zh: zh.clone(),
            en: crate::input::read_document(en)?,
        });
    }
    // The other files, read and recognised in parallel, kept in order.
    let rest: Vec<&(PathBuf, bool)> = files
        .iter()
        .filter(|(f, _)| !paired_en.contains(f) && !paired_zh.contains(f))
        .collect();
    let read: Vec<anyhow::Result<Input>> = rest
        .par_iter()
        .map(|(f, walked)| {
            if pieces && crate::large_text::wanted(f) {
                return Ok(Input::Large {
                    path: f.clone(),
                    name: f.display().to_string(),
                });
            }
            read_input(f, *walked, langs)
        })
        .collect();
    for r in read {
        inputs.push(r?);
    }
    inputs.extend(skipped);
    Ok(inputs)
}

/// A file named on the command line that a directory walk would skip is refused, not read as
/// prose: a `.txt` document, a file without extension and every bilingual format are read.
fn refuse_unread(path: &Path) -> anyhow::Result<()> {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return Ok(());
    };
    let ext = ext.to_ascii_lowercase();
    if ext == "txt" || bitext_io::extensions().any(|x| x == ext) {
        return Ok(());
    }
    bail!(
        "{}: not a format bitext reads (.{ext}): check reads documents as .txt, and {}",
        path.display(),
        bitext_io::format_names()
    )
}

/// One file: aligned text, an English document or a Chinese one. A bilingual file without
/// Chinese and English is an error when named, skipped when found in a directory.
fn read_input(f: &Path, walked: bool, langs: &bitext_io::Langs) -> anyhow::Result<Input> {
    let doc = crate::input::read_document(f)?;
    let text = doc.text();
    let ext = f.extension().and_then(|e| e.to_str());
    if let Some(why) = crate::input::not_aligned(f, text) {
        if !walked {
            bail!("{}: {why}", doc.name);
        }
        return Ok(Input::Skipped {
            name: doc.name,
            why,
        });
    }
    // A .txt file is a document whatever it starts with.
    let format = bitext_io::detect(ext, text).filter(|_| ext != Some("txt"));
    Ok(if let Some(format) = format {
        let units = match (format.read)(text, langs) {
            Ok(units) => units,
            Err(e) if walked && e.missing_languages => {
                return Ok(Input::Skipped {
                    name: doc.name,
                    why: e.message,
                })
            }
            Err(e) => bail!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message),
        };
        Input::Aligned { doc, units, format }
    } else if Lang::detect(text) == Lang::En {
        Input::English(doc)
    } else {
        Input::Chinese
    })
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
    let width = bitext_check::rules::all()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(0);
    for r in bitext_check::rules::all() {
        let summary = if r.on_by_default() {
            r.summary.to_string()
        } else {
            format!("{} (opt-in: --select {})", r.summary, r.id)
        };
        writeln!(out, "{:<width$} {:<8} {summary}", r.id, r.severity.as_str())?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
