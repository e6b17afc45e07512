//! Reading what the commands take: documents (with a warning when their encoding was guessed)
//! and document pairs, aligned by `bitext_align::pair`.

use std::path::Path;

use bitext_io::Unit;

use crate::output;

/// The encoding `--encoding` names, for every file read.
pub static ENCODING: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Reads and decodes a document (`-` is standard input), warning when its encoding was guessed
/// (plain text that is not UTF-8).
/// Whether `--encoding` names the input's encoding (then files are read whole, decoded as told).
pub fn forced_encoding() -> bool {
    ENCODING.get().is_some()
}

pub fn read_document(path: &Path) -> Result<bitext_core::Document, bitext_core::ReadError> {
    let doc = bitext_core::Document::read_as(path, ENCODING.get().map(String::as_str))?;
    if doc.decoded.encoding.is_guess() {
        output::warn(&format!(
            "{}: not UTF-8; read as {}",
            doc.name, doc.decoded.encoding
        ));
    }
    Ok(doc)
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
