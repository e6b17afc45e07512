use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use bitext_io::{Side, Unit};
use rayon::prelude::*;

use crate::args::{AlignArgs, AlignFormat, OutputArgs, UnitArgs};
use crate::output;
use crate::progress::Progress;
use crate::ExitStatus;

/// Something to tell the user on standard error.
enum Notice {
    /// What was done: counts, files written.
    Note(String),
    /// Something that may be wrong.
    Warning(String),
}

impl Notice {
    /// Prints it, after `context` (a pair's name) when there is one.
    fn tell(&self, context: &str) {
        let sep = if context.is_empty() { "" } else { ": " };
        match self {
            Notice::Note(n) => output::note(&format!("{context}{sep}{n}")),
            Notice::Warning(w) => output::warn(&format!("{context}{sep}{w}")),
        }
    }
}

/// The units whose confidence is at least `min` (and those without one).
fn confident(units: &[Unit], min: f32) -> Vec<Unit> {
    units
        .iter()
        .filter(|u| u.confidence.is_none_or(|c| c >= min))
        .cloned()
        .collect()
}

/// Renders units in `format`; what the user should know goes to `notes`.
fn render(
    format: AlignFormat,
    units: &[Unit],
    opts: &UnitArgs,
    notes: &mut Vec<Notice>,
) -> Vec<u8> {
    let kept: Vec<Unit>;
    let units = match opts.min_confidence {
        Some(min) => {
            kept = confident(units, min);
            notes.push(Notice::Note(format!(
                "--min-confidence {min}: dropped {} of {} beads",
                units.len() - kept.len(),
                units.len()
            )));
            &kept[..]
        }
        None => units,
    };
    match format {
        AlignFormat::Beads => {
            let ids = |s: &Side| {
                let list: Vec<String> = s.ids.iter().map(|k| k.to_string()).collect();
                format!("[{}]", list.join(","))
            };
            let mut out = String::new();
            for u in units {
                out.push_str(&format!("{}:{}\n", ids(&u.a), ids(&u.b)));
            }
            out.into_bytes()
        }
        AlignFormat::Tsv => bitext_io::tsv::write(units).into_bytes(),
        AlignFormat::Jsonl => bitext_io::jsonl::write(units).into_bytes(),
        AlignFormat::Html => bitext_io::html::write(units).into_bytes(),
        AlignFormat::Xliff | AlignFormat::Xliff2 => {
            let original = units
                .iter()
                .find_map(|u| u.a.doc.clone())
                .unwrap_or_else(|| "bitext".into());
            let w = if format == AlignFormat::Xliff2 {
                bitext_io::xliff::write2(units, &original)
            } else {
                bitext_io::xliff::write(units, &original)
            };
            if w.dropped_chars > 0 {
                notes.push(Notice::Warning(format!(
                    "dropped {} characters that XML 1.0 forbids (control characters)",
                    w.dropped_chars
                )));
            }
            w.xml.into_bytes()
        }
        AlignFormat::Tmx => {
            let mut o = bitext_io::tmx::WriteOptions::new(&bitext_io::tmx::creation_date());
            o.zh_lang = opts.src_lang.clone();
            o.en_lang = opts.tgt_lang.clone();
            o.keep_unmatched = opts.keep_unmatched;
            let w = bitext_io::tmx::write(units, &o);
            if w.dropped_chars > 0 {
                notes.push(Notice::Warning(format!(
                    "dropped {} characters that XML 1.0 forbids (control characters)",
                    w.dropped_chars
                )));
            }
            if w.unmatched > 0 {
                notes.push(Notice::Note(format!(
                    "TMX: left out {} {} with an empty side (--keep-unmatched keeps them)",
                    w.unmatched,
                    if w.unmatched == 1 { "bead" } else { "beads" }
                )));
            }
            w.xml.into_bytes()
        }
    }
}

impl OutputArgs {
    /// The format asked for, else the one `-o`'s extension names, else `default`; and an error
    /// now, before any work, when `-o` exists and `--force` is not given.
    pub(crate) fn resolve(&self, default: AlignFormat) -> anyhow::Result<AlignFormat> {
        if let Some(path) = &self.output {
            output::refuse_existing(path, self.force)?;
        }
        Ok(self
            .format
            .or_else(|| self.output.as_deref().and_then(AlignFormat::from_path))
            .unwrap_or(default))
    }

    /// Renders units, prints the notes, and writes to `-o FILE` atomically or to standard output.
    pub(crate) fn emit(
        &self,
        format: AlignFormat,
        units: &[Unit],
        opts: &UnitArgs,
    ) -> anyhow::Result<()> {
        if format == AlignFormat::Tmx
            && !opts.keep_unmatched
            && !units.is_empty()
            && units.iter().all(Unit::is_unmatched)
        {
            let langs: std::collections::BTreeSet<&str> = units
                .iter()
                .flat_map(|u| [&u.a, &u.b])
                .filter(|s| !s.is_empty())
                .map(|s| s.lang.as_str())
                .collect();
            bail!(
                "none of the {} units has both sides (the text is in {} only): the TMX would hold \
                 nothing; --keep-unmatched writes them with an empty <seg>",
                units.len(),
                langs.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
        let mut notes = Vec::new();
        let bytes = render(format, units, opts, &mut notes);
        for n in &notes {
            n.tell("");
        }
        match &self.output {
            Some(path) => output::write_atomic(path, &bytes, self.force)
                .with_context(|| format!("cannot write {}", path.display())),
            None => Ok(output::print(&bytes)?),
        }
    }
}

pub fn exec(args: AlignArgs) -> anyhow::Result<ExitStatus> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the worker threads")?;
    }
    if let Some(pairs) = &args.batch {
        return batch(&args, pairs);
    }
    if args.stdin {
        return pipeline(&args);
    }
    let (Some(a), Some(b)) = (&args.a, &args.b) else {
        bail!("two documents to align are needed (or --batch PAIRS)");
    };
    let format = args.out.resolve(AlignFormat::Beads)?;
    let progress = Progress::new(
        None,
        &format!("aligning {} with {}", a.display(), b.display()),
    );
    let result = crate::input::align_pair(a, b, args.presegmented, !args.no_paragraphs);
    progress.finish();
    let (units, warnings) = result?;
    for w in &warnings {
        output::warn(w);
    }
    args.out.emit(format, &units, &args.units)?;
    Ok(ExitStatus::Success)
}

/// One line of a pairs file.
struct Pair {
    line: usize,
    a: PathBuf,
    b: PathBuf,
    name: String,
}

/// A line without its comment: `#` at the start or after white space, as in a shell, so that a
/// path may contain `#` (`notes#2.txt`).
fn strip_comment(line: &str) -> &str {
    let mut previous = None;
    for (at, c) in line.char_indices() {
        if c == '#' && previous.is_none_or(char::is_whitespace) {
            return &line[..at];
        }
        previous = Some(c);
    }
    line
}

fn read_pairs(path: &Path) -> anyhow::Result<Vec<Pair>> {
    let doc = crate::input::read_document(path)?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut pairs: Vec<Pair> = Vec::new();
    for (k, line) in doc.text().lines().enumerate() {
        let line_no = k + 1;
        let content = strip_comment(line).trim_end();
        if content.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
        if fields.len() < 2 || fields.len() > 3 || fields.iter().any(|f| f.is_empty()) {
            bail!(
                "{}:{line_no}:1: expected two paths separated by a tab, and optionally an output name; found {:?}",
                path.display(),
                content
            );
        }
        let name = match fields.get(2) {
            Some(n) => n.to_string(),
            None => Path::new(fields[0])
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| format!("pair-{line_no}")),
        };
        let name = name
            .trim_end_matches(".zh")
            .trim_end_matches(".en")
            .to_string();
        if name == "all" || name.contains(['/', '\\']) {
            bail!(
                "{}:{line_no}: `{name}` cannot name an output (all.tmx is the merged file; no slashes)",
                path.display()
            );
        }
        if let Some(other) = pairs.iter().find(|p| p.name == name) {
            bail!(
                "{}:{line_no}: the output name `{name}` is already used by line {}; give a third field to name this pair's output",
                path.display(),
                other.line
            );
        }
        pairs.push(Pair {
            line: line_no,
            a: dir.join(fields[0]),
            b: dir.join(fields[1]),
            name,
        });
    }
    if pairs.is_empty() {
        bail!("{}: no pairs listed", path.display());
    }
    Ok(pairs)
}

fn batch(args: &AlignArgs, pairs_path: &Path) -> anyhow::Result<ExitStatus> {
    let Some(dir) = args.out.output.as_deref() else {
        bail!("--batch needs -o DIR");
    };
    let mut pairs = read_pairs(pairs_path)?;
    let listed = pairs.len();
    if let Some((k, n)) = args.shard {
        pairs = pairs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, p)| p)
            .collect();
        output::note(&format!(
            "--shard {k}/{n}: {} of the {listed} pairs",
            pairs.len()
        ));
    }
    let merged = args.shard.is_none();
    let format = args.out.format.unwrap_or(AlignFormat::Tmx);
    if dir.exists() && !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let out_path = |name: &str| dir.join(format!("{name}.{}", format.extension()));
    let merged_path = dir.join("all.tmx");
    // With --resume, a pair's existing output is kept and read back (it was written whole, by
    // rename); formats that cannot be read back are aligned again.
    let readable = matches!(
        format,
        AlignFormat::Tmx
            | AlignFormat::Jsonl
            | AlignFormat::Tsv
            | AlignFormat::Xliff
            | AlignFormat::Xliff2
    );
    let kept = |p: &Pair| args.resume && readable && out_path(&p.name).is_file();
    if !args.out.force {
        for p in pairs
            .iter()
            .filter(|p| !kept(p))
            .map(|p| out_path(&p.name))
            .chain(
                [merged_path.clone()]
                    .into_iter()
                    .filter(|_| merged && !args.resume),
            )
        {
            output::refuse_existing(&p, false)?;
        }
    }
    let resumed = pairs.iter().filter(|p| kept(p)).count();
    if args.resume {
        output::note(&format!(
            "--resume: {resumed} of {} pairs already aligned, kept",
            pairs.len()
        ));
    }

    let progress = Progress::new(Some(pairs.len() as u64), "aligning pairs");
    let results: Vec<anyhow::Result<(Vec<Unit>, Vec<Notice>)>> = pairs
        .par_iter()
        .map(|p| {
            if kept(p) {
                let path = out_path(&p.name);
                let result = crate::input::read_document(&path)
                    .map_err(anyhow::Error::from)
                    .and_then(|doc| {
                        let ext = path.extension().and_then(|e| e.to_str());
                        bitext_io::read_file_text(ext, doc.text(), &bitext_io::Langs::default())
                            .map_err(|e| {
                                anyhow::anyhow!(
                                    "{}:{}:{}: {} (delete it to align the pair again)",
                                    path.display(),
                                    e.line,
                                    e.column,
                                    e.message
                                )
                            })
                    })
                    .map(|units| (units, Vec::new()));
                progress.inc();
                return result;
            }
            let result =
                crate::input::align_pair(&p.a, &p.b, args.presegmented, !args.no_paragraphs)
                    .and_then(|(units, warnings)| {
                        let mut notes: Vec<Notice> =
                            warnings.into_iter().map(Notice::Warning).collect();
                        let bytes = render(format, &units, &args.units, &mut notes);
                        let path = out_path(&p.name);
                        output::write_atomic(&path, &bytes, true)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                        Ok((units, notes))
                    });
            progress.inc();
            result
        })
        .collect();
    progress.finish();

    let mut units = Vec::new();
    let mut failures = Vec::new();
    for (p, result) in pairs.iter().zip(results) {
        match result {
            Ok((pair_units, notes)) => {
                for n in notes {
                    n.tell(&p.name);
                }
                units.extend(pair_units);
            }
            Err(e) => failures.push(format!(
                "{}:{}: {} + {}: {e:#}",
                pairs_path.display(),
                p.line,
                p.a.display(),
                p.b.display()
            )),
        }
    }
    if merged {
        let mut notes = Vec::new();
        let bytes = render(AlignFormat::Tmx, &units, &args.units, &mut notes);
        output::write_atomic(&merged_path, &bytes, true)
            .with_context(|| format!("cannot write {}", merged_path.display()))?;
        for n in notes {
            n.tell("all.tmx");
        }
    }
    output::note(&format!(
        "aligned {} of {} pairs into {} ({} beads{})",
        pairs.len() - failures.len(),
        pairs.len(),
        dir.display(),
        units.len(),
        if merged { ", merged in all.tmx" } else { "" }
    ));
    if failures.is_empty() {
        return Ok(ExitStatus::Success);
    }
    output::print_error(&anyhow::anyhow!(
        "{} of {} pairs failed:\n  {}",
        failures.len(),
        pairs.len(),
        failures.join("\n  ")
    ));
    Ok(ExitStatus::Findings)
}

/// Lines of standard input aligned at once (in parallel), then written in order.
const PIPELINE_CHUNK: usize = 64;

/// One line of the pipeline: its id and two documents, decoded.
fn pipeline_pair(line: &[u8]) -> Result<(String, Vec<Unit>), String> {
    use base64::Engine;
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
    let [id, a, b] = fields[..] else {
        return Err(format!(
            "expected 3 tab-separated fields (id, base64 of A, base64 of B), found {}",
            fields.len()
        ));
    };
    let id = std::str::from_utf8(id).map_err(|_| "the id is not UTF-8".to_owned())?;
    let decode = |field: &[u8], which: &str| -> Result<bitext_core::Document, String> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(field)
            .map_err(|e| format!("{which} is not base64: {e}"))?;
        bitext_core::Document::from_bytes(format!("{id}#{which}"), &bytes)
            .map_err(|e| e.to_string())
    };
    let (a, b) = (decode(a, "A")?, decode(b, "B")?);
    let aligned = bitext_align::pair::align_documents(&a, &b, &Default::default());
    Ok((id.to_owned(), aligned.units))
}

/// `align --stdin`: pairs in, beads out, as they come, in flat memory.
fn pipeline(args: &AlignArgs) -> anyhow::Result<ExitStatus> {
    use std::io::{BufRead, Write};
    if args.out.output.is_some() {
        bail!("--stdin writes to standard output (redirect it, or leave out -o)");
    }
    let format = match args.out.format {
        None | Some(AlignFormat::Jsonl) => AlignFormat::Jsonl,
        Some(AlignFormat::Tsv) => AlignFormat::Tsv,
        Some(other) => bail!("--stdin writes jsonl or tsv, not {}", other.extension()),
    };
    if args.presegmented || args.no_paragraphs {
        bail!("--stdin aligns documents as given; --presegmented and --no-paragraphs do not apply");
    }
    let mut input = std::io::stdin().lock();
    let mut out = output::stdout();
    if format == AlignFormat::Tsv {
        writeln!(out, "id\t{}", bitext_io::tsv::header().trim_end())?;
    }
    let (mut line_no, mut pairs, mut beads, mut bad) = (0usize, 0usize, 0usize, 0usize);
    loop {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(PIPELINE_CHUNK);
        while chunk.len() < PIPELINE_CHUNK {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            line_no += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk.push((line_no, line));
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> = chunk
            .par_iter()
            .map(|(_, line)| pipeline_pair(line))
            .collect();
        for ((n, _), result) in chunk.iter().zip(results) {
            match result {
                Ok((id, units)) => {
                    pairs += 1;
                    beads += units.len();
                    let units = match args.units.min_confidence {
                        Some(min) => confident(&units, min),
                        None => units,
                    };
                    write_pipeline_beads(&mut out, format, &id, &units)?;
                }
                Err(why) => {
                    bad += 1;
                    output::warn(&format!("<stdin>:{n}: {why}; line skipped"));
                }
            }
        }
        out.flush()?;
    }
    out.flush()?;
    output::note(&format!(
        "aligned {pairs} pairs from standard input ({beads} beads){}",
        if bad > 0 {
            format!(
                "; {bad} bad {} skipped",
                if bad == 1 { "line" } else { "lines" }
            )
        } else {
            String::new()
        }
    ));
    if bad > 0 {
        return Ok(ExitStatus::Error);
    }
    Ok(ExitStatus::Success)
}

/// One pair's beads on the pipeline's output, each with the pair's id.
fn write_pipeline_beads(
    out: &mut impl std::io::Write,
    format: AlignFormat,
    id: &str,
    units: &[Unit],
) -> std::io::Result<()> {
    match format {
        AlignFormat::Tsv => {
            let id = bitext_io::tsv::escape(id);
            for row in bitext_io::tsv::rows(units).lines() {
                writeln!(out, "{id}\t{row}")?;
            }
        }
        _ => {
            let id = serde_json::to_string(id).map_err(std::io::Error::other)?;
            for line in bitext_io::jsonl::write(units).lines() {
                let rest = line.strip_prefix('{').unwrap_or(line);
                writeln!(out, "{{\"id\":{id},{rest}")?;
            }
        }
    }
    Ok(())
}
