//! Checking a large English text in pieces: memory that does not grow with the file, and the
//! pieces checked in parallel (a file read whole is checked on one thread).
//!
//! A UTF-8 text from [`min_size`] bytes on is read in blocks cut after a blank line (a paragraph's
//! end), else after a line end; each block is a document of its own for the checker, at its byte
//! offset in the file, and its findings' lines are moved down by the lines before it. The English
//! rules look no further than a paragraph, so the findings are those of the whole file read at
//! once (tests/large_text.rs compares them on real text); the human and HTML reports show no
//! excerpt of the line for such a file.

use std::io::Read;
use std::path::Path;

use bitext_check::{Checker, Diagnostic, Doc};
use rayon::prelude::*;

/// Texts from this size on are checked in pieces (`BITEXT_CHECK_STREAM_MIN` bytes to change it).
const MIN_SIZE: u64 = 32 << 20;

/// Bytes read at a time (`BITEXT_CHECK_STREAM_BLOCK` to change it, 4 KiB at least).
const BLOCK: usize = 4 << 20;

fn block() -> usize {
    std::env::var("BITEXT_CHECK_STREAM_BLOCK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(BLOCK)
        .max(4096)
}

pub fn min_size() -> u64 {
    std::env::var("BITEXT_CHECK_STREAM_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MIN_SIZE)
}

/// Whether the file at `path` is to be checked in pieces: from [`min_size`] on, UTF-8 (with or
/// without a BOM) and English by its first 64 KiB, and not a bilingual format.
pub fn wanted(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() < min_size() || crate::input::forced_encoding() {
        return false;
    }
    let mut head = Vec::new();
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.take(65_536).read_to_end(&mut head).is_err() {
        return false;
    }
    let Some(text) = bitext_io::stream::head_text(&head) else {
        return false;
    };
    let ext = path.extension().and_then(|e| e.to_str());
    let bilingual = bitext_io::detect(ext, text).is_some() && ext != Some("txt");
    !bilingual && !text.contains('\0') && bitext_core::Lang::detect(text) == bitext_core::Lang::En
}

/// Checks the text at `path` (reported as `name`) piece by piece; findings in file order, not yet
/// fingerprinted across the file (the caller sorts and fingerprints the run's findings).
pub fn check(checker: &Checker, path: &Path, name: &str) -> anyhow::Result<Vec<Diagnostic>> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).ok();
    let progress = crate::progress::Progress::new(size, &format!("checking {name}"));
    let threads = rayon::current_num_threads().max(1);
    let block = block();
    let mut buf: Vec<u8> = Vec::with_capacity(block * 2);
    let mut eof = false;
    let mut offset = 0usize; // the file's byte where buf starts
    let mut line = 0usize; // lines before buf
    let mut findings = Vec::new();
    let mut first = true;
    while !eof || !buf.is_empty() {
        // Blocks for every thread: (text, byte offset, lines before).
        let mut blocks: Vec<(String, usize, usize)> = Vec::new();
        while blocks.len() < threads * 2 && (!eof || !buf.is_empty()) {
            if !eof && buf.len() < block {
                eof = bitext_io::stream::fill(&mut file, &mut buf, block)? == 0;
            }
            if first {
                first = false;
                if buf.starts_with(b"\xEF\xBB\xBF") {
                    buf.drain(..3);
                    offset = 3;
                }
            }
            let take = if eof {
                buf.len()
            } else {
                match cut(&buf) {
                    Some(at) => at,
                    None => {
                        // No line ends in what was read (one long line): read on.
                        eof = bitext_io::stream::fill(&mut file, &mut buf, block)? == 0;
                        continue;
                    }
                }
            };
            let piece: Vec<u8> = buf.drain(..take).collect();
            if let Some(nul) = memchr::memchr(0, &piece) {
                anyhow::bail!(
                    "{name}: binary data (a NUL byte at byte {}); bitext reads UTF-8 or UTF-16 text with a BOM",
                    offset + nul
                );
            }
            let lines = line_ends(&piece);
            let text = String::from_utf8(piece).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                anyhow::anyhow!(
                    "{name}:{}: not UTF-8 (a file this large is checked in pieces, as UTF-8): \
                     convert it, or give --encoding LABEL to read it whole",
                    line + 1 + line_ends(&e.as_bytes()[..at])
                )
            })?;
            blocks.push((text, offset, line));
            offset += take;
            line += lines;
        }
        let found: Vec<Vec<Diagnostic>> = blocks
            .par_iter()
            .map(|(text, at, before)| {
                let mut f = checker.check(&[Doc::english(name, text, *at).part_of_file()]);
                for d in &mut f {
                    d.line += before;
                    d.end_line += before;
                }
                f
            })
            .collect();
        findings.extend(found.into_iter().flatten());
        progress.set(offset as u64);
    }
    progress.finish();
    Ok(findings)
}

/// Where to cut `buf`: after its last blank line, else after its last line end.
fn cut(buf: &[u8]) -> Option<usize> {
    let finder = memchr::memmem::FinderRev::new(b"\n\n");
    // A blank line in the last half of the buffer; else any line end.
    match finder.rfind(buf) {
        Some(at) if at >= buf.len() / 2 => Some(at + 2),
        _ => memchr::memrchr(b'\n', buf).map(|at| at + 1),
    }
}

/// Line ends as bitext_core::LineIndex counts them: `\n`, and a `\r` not before `\n`.
fn line_ends(bytes: &[u8]) -> usize {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}
