use crate::args::{
    ExtractArgs, ExtractFormat, GlossaryExportArgs, GlossaryFormat, ImportArgs, LintArgs,
    SearchArgs, SearchFormat,
};
use crate::output;
use crate::progress::Progress;
use crate::ExitStatus;
use anyhow::Context;
use bitext_glossary::{extract, tbx, write, Concept, Glossary};
use std::collections::HashMap;
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

fn read_concepts(path: &Path, columns: Option<&str>) -> anyhow::Result<Vec<Concept>> {
    let sheet;
    let doc;
    let text = if bitext_glossary::sheet::is_sheet(path) {
        sheet = bitext_glossary::sheet::to_csv(path)?;
        sheet.as_str()
    } else {
        doc = crate::input::read_document(path)?;
        doc.text()
    };
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let concepts = if start.starts_with('<') {
        bitext_glossary::tbx::read(text, path)?
    } else {
        let mapping = match columns {
            Some(spec) => bitext_glossary::csv::parse_columns(spec)
                .map_err(|e| anyhow::anyhow!("--columns: {e}"))?,
            None => Vec::new(),
        };
        let (concepts, report) = bitext_glossary::csv::read_mapped(text, path, &mapping)?;
        if !report.ignored.is_empty() {
            crate::output::note(&format!(
                "{}: ignored the columns {} (map one with --columns COLUMN=HEADER)",
                path.display(),
                report.ignored.join(", ")
            ));
        }
        if report.skipped > 0 {
            crate::output::note(&format!(
                "{}: skipped {} rows without a Chinese term or an English rendering",
                path.display(),
                report.skipped
            ));
        }
        concepts
    };
    Ok(concepts)
}

pub fn import(args: ImportArgs) -> anyhow::Result<ExitStatus> {
    let concepts = read_concepts(&args.input, args.columns.as_deref())?;
    // The strict checks of a glossary (unique ids and Chinese terms, nothing both accepted and
    // deprecated) hold for the import on its own.
    let imported = Glossary::from_concepts(concepts)
        .with_context(|| format!("invalid glossary in {}", args.input.display()))?;
    // Homographs (one Chinese term in several concepts, as en→zh lists have) are kept apart,
    // never merged: said once, with the lint that lists them.
    let homographs = bitext_glossary::lint(&imported)
        .iter()
        .filter(|w| w.message.contains("a homograph"))
        .count();
    if homographs > 0 {
        crate::output::warn(&format!(
            "{homographs} Chinese terms belong to more than one concept (homographs, kept apart; `bitext glossary lint` lists them)"
        ));
    }
    let concepts = imported.concepts;
    let header = format!(
        "Imported from {} by `bitext glossary import`.",
        args.input.display()
    );
    let Some(out) = &args.output else {
        crate::output::print(write::to_toml(&concepts, &header).as_bytes())?;
        return Ok(ExitStatus::Success);
    };
    if out.exists() && !args.force {
        let existing = crate::input::read_document(out)?;
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
        crate::output::refuse_existing(out, args.force)?;
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
        None => crate::output::print(text.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

/// The glossary's concepts by Chinese term (and variants), for marking known candidates.
fn known_terms(path: &Path, explicit: bool) -> anyhow::Result<HashMap<String, String>> {
    if !path.exists() && !explicit {
        return Ok(HashMap::new());
    }
    let g = Glossary::load(path).with_context(|| format!("invalid glossary {}", path.display()))?;
    let mut m = HashMap::new();
    for c in &g.concepts {
        for z in std::iter::once(&c.zh).chain(&c.zh_variants) {
            m.insert(z.clone(), c.id.clone());
        }
    }
    Ok(m)
}

pub fn extract(args: ExtractArgs) -> anyhow::Result<ExitStatus> {
    let format = args
        .format
        .or_else(|| {
            match args
                .output
                .as_deref()
                .and_then(|p| p.extension())
                .and_then(|e| e.to_str())
            {
                Some("tsv") => Some(ExtractFormat::Tsv),
                Some("toml") => Some(ExtractFormat::Toml),
                _ => None,
            }
        })
        .unwrap_or(if args.zh_only {
            ExtractFormat::Tsv
        } else {
            ExtractFormat::Toml
        });
    if args.zh_only && format == ExtractFormat::Toml {
        anyhow::bail!("--zh-only proposes Chinese terms without English: use --format tsv");
    }
    if let Some(out) = &args.output {
        crate::output::refuse_existing(out, args.force)?;
    }
    let explicit_glossary = args.glossary != Path::new("glossary");
    let known = known_terms(&args.glossary, explicit_glossary)?;
    let options = extract::Options {
        min_freq: args.min_freq.max(1),
        ..Default::default()
    };
    let names: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut out = String::new();

    if args.zh_only {
        let mut sentences = Vec::new();
        for p in &args.inputs {
            let doc = crate::input::read_document(p)?;
            let segs = if args.presegmented {
                bitext_segment::one_per_line(doc.text())
            } else {
                bitext_segment::segment(doc.text(), bitext_core::Lang::Zh)
            };
            sentences.extend(segs.iter().map(|s| s.span.slice(doc.text()).to_string()));
        }
        let progress = Progress::new(None, "extracting Chinese terms");
        let cands = extract::monolingual(&sentences, &options);
        progress.finish();
        out.push_str("rank\tzh\tsentences\ttermhood\tdictionary\tin_glossary\texample\n");
        for (k, c) in cands.iter().take(args.limit).enumerate() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{:.1}\t{}\t{}\t{}\n",
                k + 1,
                c.zh,
                c.freq,
                c.termhood,
                if c.in_dictionary { "yes" } else { "no" },
                known.get(&c.zh).map_or("", String::as_str),
                bitext_io::tsv::escape(&c.example)
            ));
        }
    } else {
        let units = match args.inputs.as_slice() {
            [one] => {
                let doc = crate::input::read_document(one)?;
                let ext = one.extension().and_then(|e| e.to_str());
                bitext_io::read_file_text(ext, doc.text(), &bitext_io::Langs::zh_en()).map_err(
                    |e| anyhow::anyhow!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message),
                )?
            }
            [a, b] => {
                let progress = Progress::new(None, "aligning");
                let r = crate::input::align_pair(a, b, args.presegmented, true);
                progress.finish();
                let (units, warnings) = r?;
                for w in warnings {
                    crate::output::warn(&w);
                }
                units
            }
            _ => anyhow::bail!("give one aligned file, or a Chinese and an English document"),
        };
        let pairs: Vec<(String, String)> = units
            .iter()
            .filter(|u| !u.is_unmatched())
            .map(|u| {
                let (z, e) = u.zh_en();
                (z.joined(), e.joined())
            })
            .collect();
        if args.consistency {
            let progress = Progress::new(Some(pairs.len() as u64), "reading beads");
            let found = extract::consistency(&pairs, &options, &|n| progress.set(n as u64));
            progress.finish();
            out = consistency_report(
                &found[..found.len().min(args.limit)],
                &pairs,
                format,
                &known,
                &args.inputs,
                &names,
            );
            return finish(&args, out);
        }
        let progress = Progress::new(Some(pairs.len() as u64), "reading beads");
        let cands = extract::bilingual(&pairs, &options, &|n| progress.set(n as u64));
        progress.finish();
        let cands = &cands[..cands.len().min(args.limit)];
        match format {
            ExtractFormat::Tsv => {
                out.push_str("rank\tzh\ten\tscore\tbeads\tzh_beads\ten_beads\tdictionary\tin_glossary\texample_zh\texample_en\n");
                for (k, c) in cands.iter().enumerate() {
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{:.1}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                        k + 1,
                        c.zh,
                        c.en,
                        c.score,
                        c.freq,
                        c.zh_freq,
                        c.en_freq,
                        if c.dictionary { "yes" } else { "no" },
                        known.get(&c.zh).map_or("", String::as_str),
                        bitext_io::tsv::escape(&c.example.0),
                        bitext_io::tsv::escape(&c.example.1)
                    ));
                }
            }
            ExtractFormat::Toml => {
                let mut ids = std::collections::HashSet::new();
                let concepts: Vec<Concept> = cands
                    .iter()
                    .enumerate()
                    .map(|(k, c)| {
                        let mut concept = proposed(&mut ids, k, &c.zh, &c.en, &args.inputs[0]);
                        let mut note = format!(
                            "rank {}, score {:.1}: together in {} beads (the Chinese in {}, the English in {}); CC-CEDICT {}.",
                            k + 1,
                            c.score,
                            c.freq,
                            c.zh_freq,
                            c.en_freq,
                            if c.dictionary { "agrees" } else { "has no link" }
                        );
                        if let Some(known_id) = known.get(&c.zh) {
                            note.push_str(&format!(" Already in the glossary as `{known_id}`."));
                        }
                        note.push_str(&format!(" Example: {} / {}", c.example.0, c.example.1));
                        concept.note = Some(note);
                        concept.source = Some(format!("extracted from {}", names.join(" + ")));
                        concept
                    })
                    .collect();
                out = write::to_toml(
                    &concepts,
                    &format!(
                        "Term candidates proposed by `bitext glossary extract` from {}.\nReview each: keep, correct or delete it, then drop `status = \"proposed\"`.",
                        names.join(" + ")
                    ),
                );
            }
        }
    }
    finish(&args, out)
}

/// A proposed concept: an id made from the rendering (unique among `ids`), the input as origin.
fn proposed(
    ids: &mut std::collections::HashSet<String>,
    k: usize,
    zh: &str,
    en: &str,
    input: &Path,
) -> Concept {
    let base = bitext_glossary::csv::slug(en);
    let base = if base.is_empty() {
        format!("term-{}", k + 1)
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let origin = bitext_glossary::Origin {
        path: input.to_path_buf(),
        line: 1,
        column: 1,
    };
    let mut c = Concept::new(&id, zh, en, origin);
    c.status = Some("proposed".into());
    c
}

/// Writes what extract made.
fn finish(args: &ExtractArgs, out: String) -> anyhow::Result<ExitStatus> {
    match &args.output {
        Some(path) => {
            crate::output::write_atomic(path, out.as_bytes(), args.force)?;
            crate::output::note(&format!("wrote candidates to {}", path.display()));
        }
        None => crate::output::print(out.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

/// `extract --consistency`: each term rendered several ways, as TSV rows (one a rendering) or as
/// proposed glossary entries (the most frequent rendering preferred, the others deprecated).
fn consistency_report(
    found: &[extract::Variation],
    pairs: &[(String, String)],
    format: ExtractFormat,
    known: &HashMap<String, String>,
    inputs: &[std::path::PathBuf],
    names: &[String],
) -> String {
    let counts = |v: &extract::Variation| {
        v.renderings
            .iter()
            .map(|(r, b)| format!("\"{r}\" {}", b.len()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match format {
        ExtractFormat::Tsv => {
            let mut out =
                String::from("zh\ten\tbeads\tshare\tin_glossary\texample_zh\texample_en\n");
            for v in found {
                let total: usize = v.renderings.iter().map(|r| r.1.len()).sum();
                for (r, beads) in &v.renderings {
                    let ex = &pairs[beads[0]];
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{:.2}\t{}\t{}\t{}\n",
                        v.zh,
                        r,
                        beads.len(),
                        beads.len() as f64 / total as f64,
                        known.get(&v.zh).map_or("", String::as_str),
                        bitext_io::tsv::escape(&ex.0),
                        bitext_io::tsv::escape(&ex.1)
                    ));
                }
            }
            out
        }
        ExtractFormat::Toml => {
            let mut ids = std::collections::HashSet::new();
            let concepts: Vec<Concept> = found
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    let (first, beads) = &v.renderings[0];
                    let mut c = proposed(&mut ids, k, &v.zh, first, &inputs[0]);
                    c.deprecated = v.renderings[1..]
                        .iter()
                        .map(|(r, b)| bitext_glossary::Deprecated {
                            text: r.clone(),
                            reason: Some(format!(
                                "rendered so in {} beads, \"{first}\" in {}: one rendering for one term",
                                b.len(),
                                beads.len()
                            )),
                        })
                        .collect();
                    let mut note = format!("{} is rendered {} ways: {}.", v.zh, v.renderings.len(), counts(v));
                    if let Some(known_id) = known.get(&v.zh) {
                        note.push_str(&format!(" Already in the glossary as `{known_id}`."));
                    }
                    let ex = &pairs[v.renderings[1].1[0]];
                    note.push_str(&format!(" Example of the other rendering: {} / {}", ex.0, ex.1));
                    c.note = Some(note);
                    c.source = Some(format!("consistency of {}", names.join(" + ")));
                    c
                })
                .collect();
            write::to_toml(
                &concepts,
                &format!(
                    "Terms that {} renders more than one way, proposed by `bitext glossary extract --consistency`.\nThe most frequent rendering is preferred and the others deprecated: review each, then drop `status = \"proposed\"`.",
                    names.join(" + ")
                ),
            )
        }
    }
}

pub fn search(args: SearchArgs) -> anyhow::Result<ExitStatus> {
    let glossary = Glossary::load(&args.glossary)
        .with_context(|| format!("invalid glossary {}", args.glossary.display()))?;
    let hits = bitext_glossary::search::search(&glossary, &args.query, args.limit, args.min_score);
    let mut out = output::stdout();
    match args.format {
        SearchFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        SearchFormat::Human => {
            for h in &hits {
                let matched = if h.matched == h.preferred || h.matched == h.zh {
                    format!("{} ({})", h.how, h.status)
                } else {
                    format!("{} `{}` ({})", h.how, h.matched, h.status)
                };
                writeln!(
                    out,
                    "{:.2}  {}  {}  {}  [{}]",
                    h.score, h.id, h.zh, h.preferred, matched
                )?;
            }
            if hits.is_empty() {
                output::note(&format!("no concept matches `{}`", args.query));
            }
        }
    }
    out.flush()?;
    Ok(if hits.is_empty() {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}
