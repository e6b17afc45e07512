use crate::args::{AlignFormat, ExportArgs};
use crate::ExitStatus;
use anyhow::Context;

/// Inputs from this size on are read in pieces when the output can be written as it comes
/// (TSV, JSONL): memory stays flat however large the file (`BITEXT_STREAM_MIN` bytes to change).
const STREAM_MIN: u64 = 8 << 20;

pub fn exec(args: ExportArgs) -> anyhow::Result<ExitStatus> {
    let format = args.out.resolve(AlignFormat::Tmx)?;
    if let Some(status) = streamed(&args, format)? {
        return Ok(status);
    }
    let doc = crate::input::read_document(&args.input)?;
    let langs = bitext_io::Langs {
        a: args.source_lang.clone(),
        b: args.target_lang.clone(),
    };
    let ext = args.input.extension().and_then(|e| e.to_str());
    let units = bitext_io::read_file_text(ext, doc.text(), &langs)
        .map_err(|e| anyhow::anyhow!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message))?;
    if format == AlignFormat::Beads
        && units
            .iter()
            .any(|u| u.a.ids.is_empty() && u.b.ids.is_empty())
    {
        anyhow::bail!(
            "{}: the beads format needs sentence ids, which these units do not carry",
            doc.name
        );
    }
    args.out.emit(format, &units, &args.units)?;
    Ok(ExitStatus::Success)
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
    let langs = bitext_io::Langs {
        a: args.source_lang.clone(),
        b: args.target_lang.clone(),
    };
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
    let render = |units: &mut Vec<bitext_io::Unit>| match format {
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
