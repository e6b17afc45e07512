use crate::args::{AlignFormat, ExportArgs};
use crate::ExitStatus;
use anyhow::Context;
use std::path::{Path, PathBuf};

/// Inputs from this size on are read in pieces when the output can be written as it comes
/// (TSV, JSONL): memory stays flat however large the file (`BITEXT_STREAM_MIN` bytes to change).
const STREAM_MIN: u64 = 8 << 20;

pub fn exec(args: ExportArgs) -> anyhow::Result<ExitStatus> {
    let format = args.out.resolve(AlignFormat::Tmx)?;
    if args.input.is_dir() {
        return directory(&args, format);
    }
    if let Some(status) = streamed(&args, format)? {
        return Ok(status);
    }
    let units = read_units(&args.input, &langs(&args))?.map_err(|e| located(&args.input, &e))?;
    if format == AlignFormat::Beads
        && units
            .iter()
            .any(|u| u.a.ids.is_empty() && u.b.ids.is_empty())
    {
        anyhow::bail!(
            "{}: the beads format needs sentence ids, which these units do not carry",
            args.input.display()
        );
    }
    args.out.emit(format, &units, &args.units)?;
    Ok(ExitStatus::Success)
}

/// Exports every bilingual file of a directory (and its subdirectories) as one output, files in
/// the order of their paths. Files of other kinds, and files without the languages asked for, are
/// listed as skipped; nothing exported at all is an error. Files holding different language
/// pairs are not mixed silently: `--source-lang`/`--target-lang` must choose one.
fn directory(args: &ExportArgs, format: AlignFormat) -> anyhow::Result<ExitStatus> {
    use rayon::prelude::*;
    let walked = crate::input::walk(&args.input)?;
    let mut skipped = walked.skipped;
    let langs = langs(args);
    let (bilingual, documents): (Vec<PathBuf>, Vec<PathBuf>) = walked
        .files
        .into_iter()
        .partition(|f| f.extension().and_then(|e| e.to_str()) != Some("txt"));
    skipped.extend(documents.into_iter().map(|f| {
        (
            f.display().to_string(),
            "a plain-text document (`bitext align ZH EN` aligns two of them)".to_owned(),
        )
    }));
    let progress = crate::progress::Progress::new(Some(bilingual.len() as u64), "reading");
    let read: Vec<_> = bilingual
        .par_iter()
        .map(|f| {
            let r = crate::input::read_document(f).map(|doc| {
                match crate::input::not_aligned(f, doc.text()) {
                    Some(why) => Err(why),
                    None => Ok(units_of(f, &doc, &langs)),
                }
            });
            progress.inc();
            r
        })
        .collect();
    progress.finish();
    let mut files: Vec<(&PathBuf, Vec<bitext_io::Unit>)> = Vec::new();
    for (f, r) in bilingual.iter().zip(read) {
        match r? {
            Err(why) => skipped.push((f.display().to_string(), why)),
            Ok(Ok(units)) => files.push((f, units)),
            Ok(Err(e)) if e.missing_languages => skipped.push((f.display().to_string(), e.message)),
            Ok(Err(e)) => return Err(located(f, &e)),
        }
    }
    skipped.sort();
    for (name, why) in &skipped {
        crate::output::note(&format!("skipped {name}: {why}"));
    }
    if files.is_empty() {
        anyhow::bail!(
            "nothing to export: no file in {} is a bilingual file with the languages asked for \
             ({} files skipped; bitext reads {})",
            args.input.display(),
            skipped.len(),
            bitext_io::format_names()
        );
    }
    // One language pair per output: the pair of each file's first unit, by primary language.
    // A PO file does not name its source language: "" goes with any.
    if args.source_lang.is_none() || args.target_lang.is_none() {
        let fits = |x: &str, y: &str| x == y || x.is_empty() || y.is_empty();
        let mut pairs: Vec<(String, String, &PathBuf)> = Vec::new();
        for (f, units) in &files {
            let Some(u) = units.first() else { continue };
            let (a, b) = (
                bitext_io::primary_lang(&u.a.lang),
                bitext_io::primary_lang(&u.b.lang),
            );
            if !pairs.iter().any(|(x, y, _)| fits(x, &a) && fits(y, &b)) {
                pairs.push((a, b, f));
            }
        }
        if pairs.len() > 1 {
            const SHOWN: usize = 4;
            let or_unknown = |l: &str| if l.is_empty() { "?" } else { l }.to_owned();
            let mut listed: Vec<String> = pairs
                .iter()
                .take(SHOWN)
                .map(|(a, b, f)| {
                    format!(
                        "{}\u{2192}{} in {}",
                        or_unknown(a),
                        or_unknown(b),
                        f.display()
                    )
                })
                .collect();
            if pairs.len() > SHOWN {
                listed.push(format!("{} more", pairs.len() - SHOWN));
            }
            anyhow::bail!(
                "the files in {} hold more than one language pair ({}): choose one with \
                 --source-lang and --target-lang",
                args.input.display(),
                listed.join(", ")
            );
        }
    }
    let units: Vec<bitext_io::Unit> = files.into_iter().flat_map(|(_, u)| u).collect();
    args.out.emit(format, &units, &args.units)?;
    Ok(ExitStatus::Success)
}

/// The languages `--source-lang` and `--target-lang` ask for.
fn langs(args: &ExportArgs) -> bitext_io::Langs {
    bitext_io::Langs {
        a: args.source_lang.clone(),
        b: args.target_lang.clone(),
    }
}

/// The units of one file read whole, each with its sides as `langs` asks; `Ok(Err(..))` is the
/// reader's error (bad markup, or the languages missing: a directory skips such a file).
fn read_units(
    path: &Path,
    langs: &bitext_io::Langs,
) -> anyhow::Result<Result<Vec<bitext_io::Unit>, bitext_io::Error>> {
    let doc = crate::input::read_document(path)?;
    Ok(units_of(path, &doc, langs))
}

/// The units of a file read already, in the languages asked for, oriented.
fn units_of(
    path: &Path,
    doc: &bitext_core::Document,
    langs: &bitext_io::Langs,
) -> Result<Vec<bitext_io::Unit>, bitext_io::Error> {
    let ext = path.extension().and_then(|e| e.to_str());
    bitext_io::read_file_text(ext, doc.text(), langs).map(|mut units| {
        langs.orient(&mut units);
        units
    })
}

/// A reader's error at its place in the file.
fn located(path: &Path, e: &bitext_io::Error) -> anyhow::Error {
    anyhow::anyhow!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message)
}

/// Exports a large TMX or XLIFF 1.2 file to TSV or JSONL piece by piece (bitext_io::stream);
/// `None` when the input or the options want the whole file read.
fn streamed(args: &ExportArgs, format: AlignFormat) -> anyhow::Result<Option<ExitStatus>> {
    use std::io::{Read, Write};
    if !matches!(format, AlignFormat::Tsv | AlignFormat::Jsonl)
        || args.units.min_confidence.is_some()
        || crate::input::forced_encoding()
    {
        return Ok(None);
    }
    let min = std::env::var("BITEXT_STREAM_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(STREAM_MIN);
    let Ok(meta) = std::fs::metadata(&args.input) else {
        return Ok(None);
    };
    let ext = args.input.extension().and_then(|e| e.to_str());
    let Some(name) = ext
        .and_then(|e| {
            bitext_io::FORMATS
                .iter()
                .find(|f| f.extensions.contains(&e))
        })
        .map(|f| f.name)
        .filter(|n| matches!(*n, "tmx" | "xliff"))
    else {
        return Ok(None);
    };
    if !meta.is_file() || meta.len() < min {
        return Ok(None);
    }
    // Is the file one that can be cut? Ask on its first block, before creating the output.
    let probe = std::fs::File::open(&args.input)?;
    let head = {
        let mut h = Vec::new();
        std::io::Read::take(probe, 65_536).read_to_end(&mut h)?;
        h
    };
    if !bitext_io::stream::can_cut(&head, name) {
        return Ok(None);
    }
    let langs = langs(args);
    let mut file = match &args.out.output {
        Some(path) => Some(crate::output::AtomicFile::create(path, args.out.force)?),
        None => None,
    };
    let mut stdout = crate::output::stdout();
    let out: &mut dyn Write = match &mut file {
        Some(f) => f,
        None => &mut stdout,
    };
    if format == AlignFormat::Tsv {
        out.write_all(bitext_io::tsv::header().as_bytes())?;
    }
    let input = std::fs::File::open(&args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let progress = crate::progress::Progress::new(None, "exporting");
    // Each piece is rendered on the thread that read it; only writing is in file order. The
    // rendered pieces' buffers are reused once written (megabytes each: allocating them anew
    // costs page faults).
    let spare: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let render = |units: &mut Vec<bitext_io::Unit>| {
        langs.orient(units);
        match format {
            AlignFormat::Tsv => {
                let mut out = spare
                    .lock()
                    .ok()
                    .and_then(|mut s| s.pop())
                    .unwrap_or_default();
                out.clear();
                bitext_io::tsv::push_rows(&mut out, units);
                out
            }
            _ => bitext_io::jsonl::write(units),
        }
    };
    // Pieces of 1 MiB (`BITEXT_STREAM_BLOCK` bytes to change it, for tests).
    let block = std::env::var("BITEXT_STREAM_BLOCK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1 << 20);
    let result = bitext_io::stream::units(input, name, &langs, block, &render, &mut |text| {
        out.write_all(text.as_bytes())?;
        if let Ok(mut s) = spare.lock() {
            s.push(text);
        }
        Ok(())
    });
    progress.finish();
    let shown = args.input.display();
    match result {
        Ok(_) => {}
        Err(bitext_io::stream::StreamError::Read(e)) => {
            anyhow::bail!("{shown}:{}:{}: {}", e.line, e.column, e.message)
        }
        Err(bitext_io::stream::StreamError::Write(e)) => {
            return Err(anyhow::Error::new(e).context("cannot write the output"))
        }
    }
    match file {
        // Put in place only now: an error above leaves the old file as it was.
        Some(f) => f.commit()?,
        None => stdout.flush()?,
    }
    Ok(Some(ExitStatus::Success))
}
