//! Reading what the commands take: documents (with a warning when their encoding was guessed)
//! and document pairs, aligned by `bitext_align::pair`.

use std::path::{Path, PathBuf};

use anyhow::Context;

use bitext_io::Unit;

use crate::output;

/// The encoding `--encoding` names, for every file read.
pub static ENCODING: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// `--max-file-size`: the largest file read whole.
pub static MAX_FILE_SIZE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

/// Whether `--encoding` names the input's encoding (then files are read whole, decoded as told).
pub fn forced_encoding() -> bool {
    ENCODING.get().is_some()
}

/// Reads and decodes a document (`-` is standard input), warning when its encoding was guessed
/// (plain text that is not UTF-8). A file over `--max-file-size` is refused before it is read:
/// what is read whole takes several times its size in memory.
pub fn read_document(path: &Path) -> Result<bitext_core::Document, bitext_core::ReadError> {
    let limit = MAX_FILE_SIZE.get().copied().unwrap_or(u64::MAX);
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() > limit {
            return Err(bitext_core::ReadError::Io {
                name: path.display().to_string(),
                error: std::io::Error::new(
                    std::io::ErrorKind::FileTooLarge,
                    too_large(meta.len(), limit),
                ),
            });
        }
    }
    let doc = bitext_core::Document::read_as(path, ENCODING.get().map(String::as_str))?;
    if doc.decoded.encoding.is_guess() {
        output::warn(&format!(
            "{}: not UTF-8; read as {}",
            doc.name, doc.decoded.encoding
        ));
    }
    Ok(doc)
}

fn too_large(size: u64, limit: u64) -> String {
    const MIB: u64 = 1 << 20;
    const GIB: u64 = 1 << 30;
    let human = |n: u64| {
        let (v, unit) = match n {
            n if n >= GIB => (n as f64 / GIB as f64, "GB"),
            n if n >= MIB => (n as f64 / MIB as f64, "MB"),
            n if n >= 1024 => (n as f64 / 1024.0, "KB"),
            n => return format!("{n} bytes"),
        };
        // One decimal below 10, so that a size just over the limit does not read as equal to it.
        let decimals = usize::from(v < 10.0);
        format!("{v:.decimals$} {unit}")
    };
    let raise = if size < GIB {
        format!("{}M", size.div_ceil(MIB))
    } else {
        format!("{}G", size.div_ceil(GIB))
    };
    format!(
        "{}, over the {} bitext reads whole into memory (checking takes about 13 times a file's \
         size): split the file, or raise the limit with --max-file-size {raise} (`export` of TMX \
         and XLIFF to TSV or JSONL streams and has no limit)",
        human(size),
        human(limit),
    )
}

/// Reads and aligns two documents (the pipeline is `bitext_align::pair`'s); units come in the
/// order of the files given. Also returns warnings.
pub(crate) fn align_pair(
    a: &Path,
    b: &Path,
    presegmented: bool,
    paragraphs: bool,
) -> anyhow::Result<(Vec<Unit>, Vec<String>)> {
    let a = read_document(a)?;
    let b = read_document(b)?;
    let options = bitext_align::pair::PairOptions {
        presegmented,
        paragraphs,
    };
    let aligned = bitext_align::pair::align_documents(&a, &b, &options);
    Ok((aligned.units, aligned.warnings))
}

/// Why a file found in a directory is not read as aligned text although its extension is one a
/// bilingual format has: its content is not that format's (a `.tsv` of other columns than
/// bitext's). `None` when the content or extension tells a format, or for `.txt` documents.
pub(crate) fn not_aligned(path: &Path, text: &str) -> Option<String> {
    let ext = path.extension().and_then(|e| e.to_str())?;
    if ext.eq_ignore_ascii_case("txt") || bitext_io::detect(Some(ext), text).is_some() {
        return None;
    }
    Some(format!(
        "a .{ext} file that is not aligned text (bitext's TSV starts with the header `a_ids\tb_ids\t…`)"
    ))
}

/// What a walk of a directory found: the files bitext may read (`*.txt` documents and every
/// format of `bitext_io`'s registry), sorted, and the others, each with why it was skipped.
pub(crate) struct Walked {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<(String, String)>,
}

/// Walks a directory and its subdirectories. Hidden files and a folder's own documentation
/// (README, LICENSE …) are not material and are passed over without a word.
pub(crate) fn walk(dir: &Path) -> anyhow::Result<Walked> {
    let mut walked = Walked {
        files: Vec::new(),
        skipped: Vec::new(),
    };
    walk_into(dir, &mut walked)?;
    walked.files.sort();
    walked.skipped.sort();
    Ok(walked)
}

fn walk_into(dir: &Path, walked: &mut Walked) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_ascii_uppercase();
        if name.starts_with('.')
            || [
                "README",
                "LICENSE",
                "LICENCE",
                "COPYING",
                "CHANGELOG",
                "NOTICE",
            ]
            .iter()
            .any(|d| name == *d || name.starts_with(&format!("{d}.")))
        {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk_into(&path, walked)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some(e) if e == "txt" || bitext_io::extensions().any(|x| x == e) => {
                walked.files.push(path)
            }
            _ => walked.skipped.push((
                path.display().to_string(),
                format!(
                    "not a format bitext reads ({})",
                    ext.map_or("no extension".into(), |e| format!(".{e}"))
                ),
            )),
        }
    }
    Ok(())
}
