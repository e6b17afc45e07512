//! Reading a large TMX or XLIFF 1.2 file in pieces, in memory that does not grow with the file.
//!
//! The file is read in blocks and cut after a unit's end tag (`</tu>`, `</trans-unit>`); each
//! piece, wrapped in the file's own opening (everything up to `<body>`, so its languages and
//! attributes hold) and the matching closing tags, is read by the format's reader, several pieces
//! in parallel, and handed on in file order. A file this cannot read so (not UTF-8, XLIFF with
//! `<group>` or XLIFF 2, no `<body>` near the start) is left to the whole-file reader: [`units`]
//! says so by returning `Ok(None)`. Errors carry the line in the file.

use std::io::Read;

use rayon::prelude::*;

use crate::{Error, Langs, Unit};

/// How a format is cut.
struct Cut {
    end_tag: &'static str,
    closing: &'static str,
}

fn cut_for(format: &str) -> Option<Cut> {
    match format {
        "tmx" => Some(Cut {
            end_tag: "</tu>",
            closing: "</body></tmx>",
        }),
        "xliff" => Some(Cut {
            end_tag: "</trans-unit>",
            closing: "</body></file></xliff>",
        }),
        _ => None,
    }
}

/// Reads the units of `reader` (a file of format `format`, `tmx` or `xliff`) piece by piece,
/// `block` bytes at a time. Each piece's units go through `map` (on the piece's thread: render
/// them there, so that the work is shared) and then, in file order, to `sink`. The number of
/// units read, or `Ok(None)`: this file cannot be read in pieces (see the module documentation);
/// nothing was given to `sink`.
pub fn units<R: Read, T: Send>(
    mut reader: R,
    format: &str,
    langs: &Langs,
    block: usize,
    map: &(dyn Fn(Vec<Unit>) -> T + Sync),
    sink: &mut dyn FnMut(T) -> std::io::Result<()>,
) -> Result<Option<usize>, StreamError> {
    let Some(cut) = cut_for(format) else {
        return Ok(None);
    };
    let Some(read) = crate::by_name(format).map(|f| f.read) else {
        return Ok(None);
    };
    let block = block.max(4096);
    let mut buf: Vec<u8> = Vec::with_capacity(block * 2);
    fill(&mut reader, &mut buf, 65_536)?;
    let start = if buf.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let Some(opening) = opening(&buf[start..], format) else {
        return Ok(None);
    };
    let opening_lines = opening.matches('\n').count();
    buf.drain(..start + opening.len());
    let unit_start = cut.end_tag.replace("</", "<");
    let unit_start = &unit_start[..unit_start.len() - 1];
    let threads = rayon::current_num_threads().max(1);
    let mut total = 0;
    let mut line = 1 + opening_lines; // the file's line where the next piece starts
    let mut eof = false;
    while !eof || !buf.is_empty() {
        // Gather pieces for every thread, cut after an end tag; each is the file's opening, the
        // piece and the closing tags (the only copy of the piece's bytes).
        let mut pieces: Vec<(Vec<u8>, usize)> = Vec::new();
        while pieces.len() < threads * 2 {
            if !eof && buf.len() < block {
                eof = fill(&mut reader, &mut buf, block)? == 0;
            }
            let end = find_last(&buf, cut.end_tag.as_bytes());
            let take = match end {
                Some(e) if !eof || e + cut.end_tag.len() < buf.len() => e + cut.end_tag.len(),
                _ if eof => buf.len(),
                _ => {
                    // No unit ends in this block: read more before cutting.
                    if fill(&mut reader, &mut buf, block)? == 0 {
                        eof = true;
                    }
                    continue;
                }
            };
            if take == 0 {
                break;
            }
            let piece = &buf[..take];
            if eof && take == buf.len() && find_last(piece, unit_start.as_bytes()).is_none() {
                // The file's end: the closing tags, no unit left in them.
                buf.clear();
                break;
            }
            let mut whole = Vec::with_capacity(opening.len() + take + cut.closing.len());
            whole.extend_from_slice(opening.as_bytes());
            whole.extend_from_slice(piece);
            whole.extend_from_slice(cut.closing.as_bytes());
            let lines = memchr_count(piece);
            buf.drain(..take);
            pieces.push((whole, line));
            line += lines;
            if eof && buf.is_empty() {
                break;
            }
        }
        if pieces.is_empty() {
            break;
        }
        let done: Vec<Result<(usize, T), Error>> = pieces
            .into_par_iter()
            .map(|(whole, first_line)| {
                // Lines of the piece are lines of the file.
                let in_file =
                    |at_line: usize| at_line.saturating_sub(opening_lines) + first_line - 1;
                let text = String::from_utf8(whole).map_err(|e| {
                    let at = e.utf8_error().valid_up_to();
                    Error {
                        line: in_file(1 + memchr_count(&e.as_bytes()[..at])),
                        column: 1,
                        message: format!("not UTF-8: {}", e.utf8_error()),
                        missing_languages: false,
                    }
                })?;
                let units = read(&text, langs).map_err(|mut e| {
                    e.line = in_file(e.line);
                    e
                })?;
                drop(text);
                Ok((units.len(), map(units)))
            })
            .collect();
        for r in done {
            let (n, rendered) = r.map_err(StreamError::Read)?;
            total += n;
            sink(rendered).map_err(StreamError::Write)?;
        }
    }
    Ok(Some(total))
}

fn memchr_count(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Whether a file that starts with `head` (its first 64 KiB or so) can be read in pieces.
pub fn can_cut(head: &[u8], format: &str) -> bool {
    let start = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    cut_for(format).is_some() && opening(&head[start..], format).is_some()
}

/// The file's opening, up to and with `<body>`, when the file can be cut: UTF-8 (declared or
/// not), and for XLIFF version 1.2 without groups.
fn opening(head: &[u8], format: &str) -> Option<String> {
    let head = &head[..head.len().min(65_536)];
    let head = match std::str::from_utf8(head) {
        Ok(h) => h,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    let decl_other = head.starts_with("<?xml")
        && head[..head.find("?>").unwrap_or(0)]
            .to_ascii_lowercase()
            .split("encoding")
            .nth(1)
            .is_some_and(|e| !e.contains("utf-8") && !e.contains("utf8"));
    if decl_other
        || head.starts_with('\u{feff}')
        || (format == "xliff" && (head.contains("<group") || head.contains("xliff:document:2")))
    {
        return None;
    }
    let body = head.find("<body")?;
    let gt = head[body..].find('>')?;
    Some(head[..body + gt + 1].to_string())
}

/// Appends up to `n` bytes from `r` to `buf`; the number read (0 at the end).
pub fn fill<R: Read>(r: &mut R, buf: &mut Vec<u8>, n: usize) -> std::io::Result<usize> {
    let old = buf.len();
    buf.resize(old + n, 0);
    let mut got = 0;
    while got < n {
        match r.read(&mut buf[old + got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(old + got);
                return Err(e);
            }
        }
    }
    buf.truncate(old + got);
    Ok(got)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// What went wrong: the file (where, what) or writing out.
#[derive(Debug)]
pub enum StreamError {
    Read(Error),
    Write(std::io::Error),
}

impl From<std::io::Error> for StreamError {
    fn from(e: std::io::Error) -> Self {
        StreamError::Write(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmx(n: usize) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\" \
             datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" \
             creationtool=\"t\" creationtoolversion=\"1\"/>\n<body>\n",
        );
        for k in 0..n {
            s.push_str(&format!(
                "<tu tuid=\"{k}\">\n  <tuv xml:lang=\"en\"><seg>Unit {k} &amp; <bpt i=\"1\">&lt;b&gt;</bpt>more<ept i=\"1\">&lt;/b&gt;</ept>.</seg></tuv>\n  <tuv xml:lang=\"zh-CN\"><seg>第{k}个单元。</seg></tuv>\n</tu>\n"
            ));
        }
        s.push_str("</body>\n</tmx>\n");
        s
    }

    fn texts(units: &[Unit]) -> Vec<(String, String, String, String)> {
        units
            .iter()
            .map(|u| {
                (
                    u.a.lang.clone(),
                    u.a.joined(),
                    u.b.lang.clone(),
                    u.b.joined(),
                )
            })
            .collect()
    }

    #[test]
    fn pieces_give_the_units_of_the_whole_file() {
        let text = tmx(700);
        let langs = Langs::zh_en();
        let whole = crate::tmx::read(&text, &langs).unwrap();
        for block in [4096, 10_000, 1 << 20] {
            let mut got = Vec::new();
            let n = units(text.as_bytes(), "tmx", &langs, block, &|u| u, &mut |u| {
                got.extend(u);
                Ok(())
            })
            .unwrap();
            assert_eq!(n, Some(700));
            assert_eq!(texts(&got), texts(&whole), "block {block}");
        }
    }

    #[test]
    fn an_error_is_at_its_line_in_the_file() {
        let mut text = tmx(300);
        let at = text.find("<tu tuid=\"250\">").unwrap();
        text.insert_str(at, "<tu><tuv xml:lang=\"en\"><seg>broken</tuv></tu>\n");
        let line = text[..at].matches('\n').count() + 1;
        let e = units(
            text.as_bytes(),
            "tmx",
            &Langs::zh_en(),
            4096,
            &|u| u,
            &mut |_| Ok(()),
        );
        match e {
            Err(StreamError::Read(e)) => assert_eq!(e.line, line, "{}", e.message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn files_it_cannot_cut_are_left_to_the_whole_reader() {
        let utf16 = b"\xff\xfe<\x00";
        assert!(units(
            &utf16[..],
            "tmx",
            &Langs::zh_en(),
            4096,
            &|u| u,
            &mut |_| Ok(())
        )
        .unwrap()
        .is_none());
        let grouped = "<xliff version=\"1.2\"><file><body><group><trans-unit id=\"1\"><source>a</source></trans-unit></group></body></file></xliff>";
        assert!(units(
            grouped.as_bytes(),
            "xliff",
            &Langs::default(),
            4096,
            &|u| u,
            &mut |_| Ok(())
        )
        .unwrap()
        .is_none());
    }
}
