//! Chinese and English sentence and paragraph segmentation with byte offsets.
//!
//! [`segment`] cuts a document into [`Segment`]s: sentences, headings,
//! captions and list items, each with its paragraph index and its byte span
//! in the text, so that `&text[span.start..span.end]` is the sentence.
//!
//! The rules (what ends a sentence in each language, what does not) are in
//! the docs of [`zh`] and [`en`]. Both share the line rule: a line break
//! always ends a segment, so a heading or a caption without final
//! punctuation is a segment of its own. Paragraphs are separated by blank
//! lines.
//!
//! ```
//! use bitext_core::Lang;
//! use bitext_segment::segment;
//!
//! let text = "一、指导思想\n\n坚持以习近平新时代中国特色社会主义思想为指引。增长2.9%。";
//! let sentences: Vec<&str> = segment(text, Lang::Zh)
//!     .iter()
//!     .map(|s| s.span.slice(text))
//!     .collect();
//! assert_eq!(sentences, ["一、指导思想", "坚持以习近平新时代中国特色社会主义思想为指引。", "增长2.9%。"]);
//! ```

pub mod en;
pub mod zh;

use bitext_core::{Lang, Segment, Span};

/// Cuts `text` into sentences. Spans are byte offsets into `text`, trimmed
/// of white space, in order, never overlapping and never empty.
pub fn segment(text: &str, lang: Lang) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut seen_text = false;
    let mut blank_since_text = false;
    for (start, line) in lines(text) {
        if line.trim().is_empty() {
            blank_since_text = seen_text;
            continue;
        }
        if blank_since_text {
            paragraph += 1;
            blank_since_text = false;
        }
        seen_text = true;
        let cuts = match lang {
            Lang::Zh => zh::cuts(line),
            Lang::En => en::cuts(line),
        };
        let mut from = 0;
        for end in cuts.into_iter().chain(std::iter::once(line.len())) {
            if let Some((s, e)) = trim(line, from, end) {
                out.push(Segment {
                    paragraph,
                    index: out.len(),
                    span: Span::new(start + s, start + e),
                });
            }
            from = end;
        }
    }
    out
}

/// Lines of `text` with their byte offsets, without terminators; a line
/// ends at `\n`, `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut i = pos;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        let line = &text[start..i];
        pos = if i < bytes.len() && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        Some((start, line))
    })
}

/// `[from, to)` of `line` trimmed of white space; `None` when nothing is left.
fn trim(line: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let piece = &line[from..to];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        None
    } else {
        let s = from + trimmed_start;
        Some((s, s + trimmed.len()))
    }
}

/// Drops cuts that would leave a piece with no letter or digit (an
/// ellipsis or a closing quote on its own), joining it to the piece before.
pub(crate) fn merge_letterless(line: &str, cuts: Vec<usize>) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(cuts.len());
    for (k, &cut) in cuts.iter().enumerate() {
        let next_end = cuts.get(k + 1).copied().unwrap_or(line.len());
        if line[cut..next_end].chars().any(char::is_alphanumeric) {
            kept.push(cut);
        }
    }
    kept
}

/// Sentences given one per line (the format of aligned corpora): line `k` is sentence `k`, spans
/// trimmed of surrounding white space; an empty line is an empty sentence, so that indices stay
/// line numbers.
pub fn one_per_line(text: &str) -> Vec<Segment> {
    lines(text)
        .enumerate()
        .map(|(index, (start, line))| {
            let trimmed = line.trim_start();
            let s = start + line.len() - trimmed.len();
            let e = s + trimmed.trim_end().len();
            Segment {
                paragraph: 0,
                index,
                span: Span::new(s, e),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str, lang: Lang) -> Vec<(usize, &str)> {
        segment(text, lang)
            .iter()
            .map(|s| (s.paragraph, s.span.slice(text)))
            .collect()
    }

    #[test]
    fn paragraphs_are_blank_line_separated_and_crlf_works() {
        let text = "标题\r\n\r\n第一句。第二句！\r\n第三句\r\n\r\n\r\n末句。";
        assert_eq!(
            sentences(text, Lang::Zh),
            [
                (0, "标题"),
                (1, "第一句。"),
                (1, "第二句！"),
                (1, "第三句"),
                (2, "末句。")
            ]
        );
    }

    #[test]
    fn lone_cr_ends_a_line() {
        assert_eq!(
            sentences("One\rTwo. Three.", Lang::En),
            [(0, "One"), (0, "Two."), (0, "Three.")]
        );
    }

    #[test]
    fn indices_count_sentences() {
        let segs = segment("One. Two.\n\nThree.", Lang::En);
        let idx: Vec<usize> = segs.iter().map(|s| s.index).collect();
        assert_eq!(idx, [0, 1, 2]);
    }
}
