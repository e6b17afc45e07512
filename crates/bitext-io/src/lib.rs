//! Aligned text in and out.
//!
//! A [`Unit`] is one bead of an alignment: the sentences of each side that translate each other,
//! with where they come from (document, sentence ids, byte spans) and how sure the aligner was.
//! This crate writes units as TMX 1.4b ([`tmx::write`]), JSON Lines ([`jsonl`]), TSV ([`tsv`]) and
//! a self-contained HTML review page ([`html::write`]), and reads TMX (from any CAT tool), JSONL
//! and TSV back ([`read`], which tells the formats apart by their content).
//!
//! ```
//! use bitext_io::{jsonl, tmx, Side, Unit};
//!
//! let unit = Unit {
//!     a: Side::new("zh", vec!["起初神创造天地。".into()]),
//!     b: Side::new("en", vec!["In the beginning God created the heaven and the earth.".into()]),
//!     confidence: Some(0.98),
//!     at: 0,
//! };
//! let options = tmx::WriteOptions::new("20261123T000000Z");
//! let written = tmx::write(std::slice::from_ref(&unit), &options);
//! let back = tmx::read(&written.xml).unwrap();
//! assert_eq!(back[0].a.joined(), "起初神创造天地。");
//! assert_eq!(back[0].confidence, Some(0.98));
//!
//! let line = jsonl::write(std::slice::from_ref(&unit));
//! assert_eq!(jsonl::read(&line).unwrap(), vec![unit]);
//! ```

pub mod html;
pub mod jsonl;
pub mod tmx;
pub mod tsv;

use serde::{Deserialize, Serialize};

/// One side of a [`Unit`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The document the sentences come from (as the user named it), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Language tag: `zh`, `en`, or a TMX tag such as `zh-CN`.
    pub lang: String,
    /// 0-based sentence ids in the document, when known.
    #[serde(default)]
    pub ids: Vec<usize>,
    /// Byte span `[start, end)` of each sentence in the document's file, when known.
    #[serde(default)]
    pub spans: Vec<[usize; 2]>,
    /// The sentences (one joined segment for units read from TMX).
    pub text: Vec<String>,
}

impl Side {
    /// A side with text and language only.
    pub fn new(lang: &str, text: Vec<String>) -> Side {
        Side {
            doc: None,
            lang: lang.to_string(),
            ids: Vec::new(),
            spans: Vec::new(),
            text,
        }
    }

    /// Whether the language tag is Chinese (`zh`, `zh-CN`, `zh-Hans` …).
    pub fn is_chinese(&self) -> bool {
        is_chinese_tag(&self.lang)
    }

    /// The sentences as one segment: Chinese ones joined without a space, others with one.
    pub fn joined(&self) -> String {
        self.text.join(if self.is_chinese() { "" } else { " " })
    }

    /// Whether the side has no sentence.
    pub fn is_empty(&self) -> bool {
        self.text.iter().all(|t| t.is_empty())
    }

    /// Number of sentences: the ids when known, else the text pieces that are not empty.
    pub fn count(&self) -> usize {
        if self.ids.is_empty() {
            self.text.iter().filter(|t| !t.is_empty()).count()
        } else {
            self.ids.len()
        }
    }
}

/// Whether a language tag names Chinese.
pub fn is_chinese_tag(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_")
}

/// One bead: sentences of side `a` and side `b` that translate each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub a: Side,
    pub b: Side,
    /// The aligner's confidence in [0, 1], when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Byte offset in the file read where the unit starts (its `<tu>`, its line), when read from a
    /// file; 0 otherwise.
    #[serde(skip)]
    pub at: usize,
}

impl Unit {
    /// `"1-2"`: how many sentences each side has, the Chinese side first (see [`Unit::zh_en`]).
    pub fn kind(&self) -> String {
        let (zh, en) = self.zh_en();
        format!("{}-{}", zh.count(), en.count())
    }

    /// Whether one side is empty (a 1-0 or 0-1 bead).
    pub fn is_unmatched(&self) -> bool {
        self.a.is_empty() || self.b.is_empty()
    }

    /// The Chinese side and the other one: by language tag (Chinese first; else the side tagged
    /// English second); `a` and `b` when the tags say nothing.
    pub fn zh_en(&self) -> (&Side, &Side) {
        let english = |s: &Side| s.lang.to_ascii_lowercase().starts_with("en");
        if self.a.is_chinese() || (!self.b.is_chinese() && !english(&self.a)) {
            (&self.a, &self.b)
        } else {
            (&self.b, &self.a)
        }
    }
}

/// An error in a file of aligned text: where (1-based line and column, in characters) and what.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct Error {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Error {
    pub(crate) fn at(text: &str, offset: usize, message: impl Into<String>) -> Error {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, column) = bitext_core::LineIndex::new(text).line_col(text, offset);
        Error {
            line,
            column,
            message: message.into(),
        }
    }
}

/// The formats of aligned text that [`read`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tmx,
    Jsonl,
    Tsv,
}

/// Tells a TMX, JSONL or TSV file apart by its content; `None` when it is none of them.
pub fn sniff(text: &str) -> Option<Format> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        Some(Format::Tmx)
    } else if start.starts_with('{') {
        Some(Format::Jsonl)
    } else if start.starts_with(tsv::HEADER) {
        Some(Format::Tsv)
    } else {
        None
    }
}

/// Reads units from TMX, JSONL or TSV text (decoded already; see `bitext_core::decode`).
pub fn read(text: &str) -> Result<Vec<Unit>, Error> {
    match sniff(text) {
        Some(Format::Tmx) => tmx::read(text),
        Some(Format::Jsonl) => jsonl::read(text),
        Some(Format::Tsv) => tsv::read(text),
        None => Err(Error::at(
            text,
            0,
            "not aligned text: expected TMX (<?xml or <tmx), JSON Lines (one {…} per line) or bitext's TSV (header `a_ids\tb_ids\t…`)",
        )),
    }
}

/// Drops the characters XML 1.0 forbids (control characters other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF), counting them.
pub(crate) fn xml_clean<'a>(s: &'a str, dropped: &mut usize) -> std::borrow::Cow<'a, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    };
    if !s.chars().any(bad) {
        return s.into();
    }
    let before = s.chars().count();
    let out: String = s.chars().filter(|&c| !bad(c)).collect();
    *dropped += before - out.chars().count();
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format() {
        assert_eq!(sniff("\u{feff}<?xml version=\"1.0\"?>"), Some(Format::Tmx));
        assert_eq!(sniff("{\"a\":1}\n"), Some(Format::Jsonl));
        assert_eq!(sniff(&format!("{}\n", tsv::HEADER)), Some(Format::Tsv));
        assert_eq!(sniff("just text"), None);
        let err = read("just text").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn forbidden_characters_are_dropped_and_counted() {
        let mut n = 0;
        assert_eq!(xml_clean("a\u{1}b\u{b}c\td\u{ffff}", &mut n), "abc\td");
        assert_eq!(n, 3);
    }

    #[test]
    fn the_english_side_is_found_by_its_tag() {
        let u = Unit {
            a: Side::new("en-US", vec!["flag county".into()]),
            b: Side::new("", vec![]),
            confidence: None,
            at: 0,
        };
        assert_eq!(u.zh_en().1.joined(), "flag county");
        let v = Unit {
            a: Side::new("en", vec!["x".into()]),
            b: Side::new("zh-CN", vec!["旗".into()]),
            confidence: None,
            at: 0,
        };
        assert_eq!(v.zh_en().0.joined(), "旗");
    }

    #[test]
    fn kind_counts_ids_or_sentences() {
        let mut u = Unit {
            a: Side::new("zh", vec!["一。".into(), "二。".into()]),
            b: Side::new("en", vec![]),
            confidence: None,
            at: 0,
        };
        assert_eq!(u.kind(), "2-0");
        assert!(u.is_unmatched());
        u.b.text.push("One, two.".into());
        assert_eq!(u.kind(), "2-1");
        assert_eq!(u.a.joined(), "一。二。");
    }
}
