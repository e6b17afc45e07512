//! Aligned text in and out.
//!
//! A [`Unit`] is one bead of an alignment: the sentences of each side that translate each other,
//! with where they come from (document, sentence ids, byte spans) and how sure the aligner was.
//! This crate writes units as TMX 1.4b ([`tmx::write`]), JSON Lines ([`jsonl`]), TSV ([`tsv`]) and
//! a self-contained HTML review page ([`html::write`]), and reads the bilingual files of CAT tools
//! and localisation: TMX ([`tmx`]), XLIFF 1.2 and 2.x with SDLXLIFF's segments ([`xliff`]),
//! gettext PO ([`po`]), and its own JSONL and TSV back ([`read`], which tells the formats apart
//! by their content). Each side keeps the language tag of its file: nothing is relabelled, and
//! a file without the languages asked for ([`Langs`]) is an error that names the ones it has.
//!
//! # Adding a format
//!
//! One module with a reader `fn(&str, &Langs) -> Result<Vec<Unit>, Error>` and a `FORMAT`
//! constant ([`Format`]: name, extensions, a sniff of the file's start), and one line in
//! [`FORMATS`]. The commands know formats only through [`detect`], [`by_name`] and
//! [`extensions`], so nothing else changes.
//!
//! ```
//! use bitext_io::{jsonl, tmx, Side, Unit};
//!
//! let unit = Unit {
//!     a: Side::new("zh", vec!["起初神创造天地。".into()]),
//!     b: Side::new("en", vec!["In the beginning God created the heaven and the earth.".into()]),
//!     confidence: Some(0.98),
//!     ..Unit::default()
//! };
//! let options = tmx::WriteOptions::new("20261123T000000Z");
//! let written = tmx::write(std::slice::from_ref(&unit), &options);
//! let back = tmx::read(&written.xml, &bitext_io::Langs::default()).unwrap();
//! assert_eq!(back[0].a.joined(), "起初神创造天地。");
//! assert_eq!(back[0].confidence, Some(0.98));
//!
//! let line = jsonl::write(std::slice::from_ref(&unit));
//! assert_eq!(jsonl::read(&line).unwrap(), vec![unit]);
//! ```

pub mod html;
pub mod jsonl;
pub mod po;
pub mod stream;
pub mod tmx;
pub mod tsv;
pub mod xliff;
mod xml;

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
    /// Where runs of the joined text are in the file read (units read from TMX or XLIFF), in
    /// order: findings and fixes are placed through them.
    #[serde(skip)]
    pub pieces: Vec<Piece>,
    /// The inline codes of the text (`<bpt>`, `<ph>`, `<g>`, `<x/>`, `<pc>` …), in order, each
    /// at its byte offset in the joined text; their content is never text.
    #[serde(skip)]
    pub codes: Vec<Code>,
}

/// A run of a side's text and where it is in the file: `text_len` bytes of text from `text`
/// (an offset in the joined text) were read from `file_len` bytes at `file`. The lengths differ
/// for an entity (`&amp;`), never within a run of plain characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Piece {
    pub text: usize,
    pub text_len: usize,
    pub file: usize,
    pub file_len: usize,
}

impl Piece {
    /// Whether the text is in the file as it is (no entity).
    pub fn exact(&self) -> bool {
        self.text_len == self.file_len
    }
}

/// An inline code of a segment: its element (`bpt`, `ph`, `x`, `g`, `pc` …), its id, and the
/// byte offset in the joined text where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub kind: String,
    pub id: Option<String>,
    pub at: usize,
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
            pieces: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// Where the joined text's bytes `start..end` are in the file, when the side was read from a
    /// file and the range lies in runs of plain text (or exactly covers entities): `None` when it
    /// cuts an entity or crosses an inline code.
    pub fn file_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let find = |x: usize, at_end: bool| -> Option<usize> {
            let k = self.pieces.iter().position(|p| {
                if at_end {
                    p.text < x && x <= p.text + p.text_len
                } else {
                    p.text <= x && x < p.text + p.text_len
                }
            })?;
            let p = &self.pieces[k];
            if p.exact() {
                Some(p.file + (x - p.text))
            } else if x == p.text {
                Some(p.file)
            } else if x == p.text + p.text_len {
                Some(p.file + p.file_len)
            } else {
                None
            }
        };
        let (s, e) = if start == end {
            let s = find(start, false).or_else(|| find(start, true))?;
            (s, s)
        } else {
            (find(start, false)?, find(end, true)?)
        };
        // The range may not span a code: the file bytes between must be the text's.
        let crosses = self.codes.iter().any(|c| c.at > start && c.at < end);
        (!crosses && s <= e).then_some((s, e))
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

/// Whether a language tag names Chinese: `zh` and its regions and scripts (zh-CN, zh-Hans,
/// zh-TW, zh-Hant, zh-HK, zh_CN), and `cmn` (Mandarin).
pub fn is_chinese_tag(tag: &str) -> bool {
    // The common tags first (asked of every side of every unit written): `zh…` and `en…` whose
    // primary subtag is exactly that; anything else as `lang_matches` says.
    let b = tag.as_bytes();
    let primary_is = |p: &[u8]| {
        b.len() >= 2
            && b[..2].eq_ignore_ascii_case(p)
            && matches!(b.get(2), None | Some(b'-' | b'_'))
    };
    if primary_is(b"zh") {
        return true;
    }
    if primary_is(b"en") {
        return false;
    }
    lang_matches(tag, "zh")
}

/// The primary language of a tag, lowercase, with Mandarin as Chinese: `zh-CN` → `zh`,
/// `en_US` → `en`, `cmn-Hans` → `zh`.
pub fn primary_lang(tag: &str) -> String {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if primary == "cmn" {
        "zh".into()
    } else {
        primary
    }
}

/// Whether a tag matches a requested language: the same primary language (`zh-TW` matches `zh`
/// and `zh-CN`), or the same tag (`en-GB` matches only `en-GB` when that is asked for).
pub fn lang_matches(tag: &str, want: &str) -> bool {
    if tag.eq_ignore_ascii_case(want) {
        return true;
    }
    // Bytes, not `str::contains` and `split`: called for every side of every unit read.
    let want_has_region = want.bytes().any(|b| b == b'-' || b == b'_');
    !want_has_region && !tag.is_empty() && same_primary(tag, want)
}

/// Whether two tags have the same primary language ([`primary_lang`], without allocating).
pub fn same_primary(a: &str, b: &str) -> bool {
    fn primary(tag: &str) -> &str {
        let end = tag
            .bytes()
            .position(|b| b == b'-' || b == b'_')
            .unwrap_or(tag.len());
        let p = tag[..end].trim();
        if p.eq_ignore_ascii_case("cmn") {
            "zh"
        } else {
            p
        }
    }
    primary(a).eq_ignore_ascii_case(primary(b))
}

/// The languages a reader is asked for: `a` and `b` (source and target in that order when both
/// are given; `None` leaves it to the file). A file without them is an error naming the
/// languages it has; units are never relabelled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Langs {
    pub a: Option<String>,
    pub b: Option<String>,
}

impl Langs {
    /// Chinese and English, in either order: what the bilingual checks need.
    pub fn zh_en() -> Langs {
        Langs {
            a: Some("zh".into()),
            b: Some("en".into()),
        }
    }

    /// [`Langs::check_present`] as the readers report it: an error at the file's start, marked
    /// as [`Error::missing_languages`].
    pub(crate) fn require(&self, text: &str, present: &[String]) -> Result<(), Error> {
        self.check_present(present).map_err(|m| Error {
            missing_languages: true,
            ..Error::at(text, 0, m)
        })
    }

    /// Puts the language asked for as `a` on side a (or, when only `b` is given, that one on
    /// side b), swapping a unit's sides where the file has them the other way round, as an
    /// XLIFF or PO file of the opposite direction does. Sides move whole, with their tags and
    /// positions: nothing is relabelled. Readers keep the file's direction (the bilingual checks
    /// need to know which side is the file's target); `export` orients what it writes.
    pub fn orient(&self, units: &mut [Unit]) {
        for u in units {
            let swap = match (&self.a, &self.b) {
                (Some(a), _) => !lang_matches(&u.a.lang, a) && lang_matches(&u.b.lang, a),
                (None, Some(b)) => !lang_matches(&u.b.lang, b) && lang_matches(&u.a.lang, b),
                (None, None) => false,
            };
            if swap {
                std::mem::swap(&mut u.a, &mut u.b);
            }
        }
    }

    /// Whether both requested languages (the ones given) are among `present`, else an error
    /// message naming what the file has.
    pub fn check_present(&self, present: &[String]) -> Result<(), String> {
        let missing: Vec<&str> = [&self.a, &self.b]
            .into_iter()
            .flatten()
            .filter(|w| !present.iter().any(|p| lang_matches(p, w)))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let mut have: Vec<&str> = present
            .iter()
            .map(String::as_str)
            .filter(|p| !p.is_empty())
            .collect();
        have.sort_unstable();
        have.dedup();
        Err(format!(
            "no {} in this file: its languages are {}",
            missing.join(" and no "),
            if have.is_empty() {
                "not given".to_string()
            } else {
                have.join(", ")
            }
        ))
    }
}

/// One bead: sentences of side `a` and side `b` that translate each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub a: Side,
    pub b: Side,
    /// The aligner's confidence in [0, 1], when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Whether a person checked (or corrected) the bead in the review page (TMX prop
    /// `x-bitext-checked`, JSONL `"checked": true`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checked: bool,
    /// Byte offset in the file read where the unit starts (its `<tu>`, its line), when read from a
    /// file; 0 otherwise.
    #[serde(skip)]
    pub at: usize,
    /// The unit's id in the file (`<trans-unit id>`, `<tu tuid>`, a PO entry's context), when it
    /// has one.
    #[serde(skip)]
    pub id: Option<String>,
    /// The target's state (XLIFF `state`, PO `fuzzy`), when the file gives one.
    #[serde(skip)]
    pub state: Option<String>,
    /// `false` for units the file marks not to translate (XLIFF `translate="no"`).
    #[serde(skip, default = "yes")]
    pub translate: bool,
    /// Notes and comments of the unit.
    #[serde(skip)]
    pub notes: Vec<String>,
    /// The entry's flags (PO `#, c-format, python-brace-format …`): what its placeholders are.
    #[serde(skip)]
    pub flags: Vec<String>,
    /// The language tag of the file's source language (TMX `srclang`, XLIFF `source-language`),
    /// when the file names one: which side is the translation.
    #[serde(skip)]
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

impl Default for Unit {
    fn default() -> Unit {
        Unit {
            a: Side::new("", Vec::new()),
            b: Side::new("", Vec::new()),
            confidence: None,
            checked: false,
            at: 0,
            id: None,
            state: None,
            translate: true,
            notes: Vec::new(),
            flags: Vec::new(),
            source: None,
        }
    }
}

impl Unit {
    /// Whether the translation is the Chinese side: the file's source language is not Chinese
    /// and the Chinese side is not the source (an en→zh memory). Without a named source
    /// language, side `a` is taken as the source.
    pub fn chinese_is_target(&self) -> bool {
        match &self.source {
            Some(tag) => !is_chinese_tag(tag),
            None => !self.a.is_chinese() && self.b.is_chinese(),
        }
    }

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
        let english = |s: &Side| {
            s.lang
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case("en"))
        };
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
    /// The file is readable but has not the languages asked for ([`Langs`]): a caller walking a
    /// directory skips it rather than fails.
    pub missing_languages: bool,
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
            missing_languages: false,
        }
    }
}

/// A bilingual format bitext reads: its name, the file extensions it has, how to tell it by
/// content, and its reader.
///
/// Adding a format means one module with a reader (and a `FORMAT` constant) and one line in
/// [`FORMATS`]; commands find formats through [`detect`] and [`by_name`] only.
pub struct Format {
    /// `tmx`, `xliff`, `po`, `jsonl`, `tsv`.
    pub name: &'static str,
    /// Extensions, lowercase, without the dot.
    pub extensions: &'static [&'static str],
    /// Whether decoded text is this format, from its start (root element, first line).
    pub sniff: fn(&str) -> bool,
    /// Reads the units of decoded text.
    pub read: fn(&str, &Langs) -> Result<Vec<Unit>, Error>,
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.name == other.name
    }
}

/// Every format, in the order content is tried.
pub static FORMATS: &[&Format] = &[
    &tmx::FORMAT,
    &xliff::FORMAT,
    &po::FORMAT,
    &jsonl::FORMAT,
    &tsv::FORMAT,
];

/// The format of a file: by content where it tells (an XML root element, a JSON line, bitext's
/// TSV header, PO's `msgid`), else by extension; `None` for anything else (plain text).
pub fn detect(extension: Option<&str>, text: &str) -> Option<&'static Format> {
    let ext = extension.map(str::to_ascii_lowercase);
    let by_ext = ext
        .as_deref()
        .and_then(|e| FORMATS.iter().copied().find(|f| f.extensions.contains(&e)));
    FORMATS
        .iter()
        .copied()
        .find(|f| (f.sniff)(text))
        .or(by_ext.filter(|f| f.name != "tsv" || (tsv::FORMAT.sniff)(text)))
}

/// A format by name (`tmx`, `xliff`, `po`, `jsonl`, `tsv`).
pub fn by_name(name: &str) -> Option<&'static Format> {
    FORMATS.iter().copied().find(|f| f.name == name)
}

/// The formats' names, as messages list them: `tmx, xliff, po, jsonl, tsv`.
pub fn format_names() -> String {
    FORMATS
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every extension of every format, for walking directories.
pub fn extensions() -> impl Iterator<Item = &'static str> {
    FORMATS.iter().flat_map(|f| f.extensions.iter().copied())
}

/// The name of the root element of XML text, if it starts like XML.
pub(crate) fn xml_root(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    if !rest.starts_with('<') {
        return None;
    }
    // Skip the declaration, comments, processing instructions and the DOCTYPE.
    for _ in 0..64 {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>')?.1.trim_start();
        } else {
            let name = rest.strip_prefix('<')?;
            let end = name.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            let name = &name[..end];
            return Some(name.rsplit(':').next().unwrap_or(name));
        }
    }
    None
}

/// Reads units of TMX, XLIFF, PO, JSONL or TSV text (decoded already; see `bitext_core::decode`),
/// telling the format by its content, in the file's own languages.
pub fn read(text: &str) -> Result<Vec<Unit>, Error> {
    read_langs(text, &Langs::default())
}

/// Reads a file's decoded text in the format its content or, failing that, its extension tells,
/// in the languages asked for.
pub fn read_file_text(
    extension: Option<&str>,
    text: &str,
    langs: &Langs,
) -> Result<Vec<Unit>, Error> {
    match detect(extension, text) {
        Some(f) => (f.read)(text, langs),
        None => read_langs(text, langs),
    }
}

/// [`read`] with languages asked for.
pub fn read_langs(text: &str, langs: &Langs) -> Result<Vec<Unit>, Error> {
    match detect(None, text) {
        Some(f) => (f.read)(text, langs),
        None => Err(Error::at(
            text,
            0,
            "not aligned text: expected TMX or XLIFF (<tmx>, <xliff>), PO (msgid …), JSON Lines (one {…} per line) or bitext's TSV (header `a_ids\tb_ids\t…`)",
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
    fn orient_puts_the_asked_languages_on_their_sides_without_relabelling() {
        let unit = |a: &str, ta: &str, b: &str, tb: &str| Unit {
            a: Side::new(a, vec![ta.into()]),
            b: Side::new(b, vec![tb.into()]),
            ..Unit::default()
        };
        // An en→zh XLIFF unit and a zh→en one, asked for as en→zh.
        let mut units = vec![
            unit("en-US", "Banner", "zh-CN", "旗"),
            unit("zh-CN", "我国", "en-US", "China"),
        ];
        let langs = Langs {
            a: Some("en".into()),
            b: Some("zh".into()),
        };
        langs.orient(&mut units);
        let sides: Vec<(&str, &str, &str, &str)> = units
            .iter()
            .map(|u| (&*u.a.lang, &*u.a.text[0], &*u.b.lang, &*u.b.text[0]))
            .collect();
        assert_eq!(
            sides,
            [
                ("en-US", "Banner", "zh-CN", "旗"),
                ("en-US", "China", "zh-CN", "我国"),
            ]
        );
        // Only the target asked for: it goes to side b.
        let only_b = Langs {
            a: None,
            b: Some("en".into()),
        };
        only_b.orient(&mut units);
        assert!(units.iter().all(|u| u.b.lang == "en-US"));
        // Nothing asked: the file's direction stays.
        let mut kept = vec![unit("zh", "旗", "en", "banner")];
        Langs::default().orient(&mut kept);
        assert_eq!(kept[0].a.lang, "zh");
    }

    #[test]
    fn detects_each_format_by_content_then_extension() {
        let name = |ext: Option<&str>, t: &str| detect(ext, t).map(|f| f.name);
        assert_eq!(
            name(
                None,
                "\u{feff}<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">"
            ),
            Some("tmx")
        );
        assert_eq!(
            name(
                None,
                "<?xml version=\"1.0\"?><!-- c --><xliff version=\"1.2\">"
            ),
            Some("xliff")
        );
        assert_eq!(name(Some("sdlxliff"), "<xliff>"), Some("xliff"));
        assert_eq!(
            name(None, "# comment\nmsgid \"\"\nmsgstr \"\"\n"),
            Some("po")
        );
        assert_eq!(name(None, "{\"a\":1}\n"), Some("jsonl"));
        assert_eq!(name(None, &format!("{}\n", tsv::HEADER)), Some("tsv"));
        assert_eq!(name(Some("txt"), "just text"), None);
        assert_eq!(name(Some("tsv"), "a\tb\n"), None);
        let err = read("just text").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn languages_match_by_primary_subtag() {
        for tag in [
            "zh", "zh-CN", "zh-Hans", "zh-TW", "zh-Hant", "zh-HK", "zh_CN", "cmn", "cmn-Hans",
        ] {
            assert!(is_chinese_tag(tag), "{tag}");
        }
        assert!(!is_chinese_tag("ja-JP"));
        // The shortcut for zh… and en… agrees with the rule on every edge.
        for tag in [
            "", "z", "zh", "ZH", "zh-", "zhx", "zh x", " zh", "zh -CN", "en", "EN-gb", "enx",
            "en_", "e", "eng", "cmn", "CMN_Hant", "cmnx", "zh\u{e9}", "\u{e9}n",
        ] {
            assert_eq!(is_chinese_tag(tag), lang_matches(tag, "zh"), "{tag:?}");
        }
        assert!(lang_matches("en-US", "en") && !lang_matches("en-US", "en-GB"));
        let err = Langs::zh_en()
            .check_present(&["zh-CN".into(), "ja-JP".into()])
            .unwrap_err();
        assert_eq!(err, "no en in this file: its languages are ja-JP, zh-CN");
    }

    #[test]
    fn a_range_of_text_maps_to_the_file() {
        let mut side = Side::new("en", vec!["a & b".into()]);
        // `a &amp; b` at byte 10.
        side.pieces = vec![
            Piece {
                text: 0,
                text_len: 2,
                file: 10,
                file_len: 2,
            },
            Piece {
                text: 2,
                text_len: 1,
                file: 12,
                file_len: 5,
            },
            Piece {
                text: 3,
                text_len: 2,
                file: 17,
                file_len: 2,
            },
        ];
        assert_eq!(side.file_range(0, 1), Some((10, 11)));
        assert_eq!(side.file_range(4, 5), Some((18, 19)));
        assert_eq!(side.file_range(2, 3), Some((12, 17)));
        assert_eq!(side.file_range(0, 5), Some((10, 19)));
        side.codes.push(Code {
            kind: "ph".into(),
            id: None,
            at: 2,
        });
        assert_eq!(side.file_range(0, 5), None, "crosses a code");
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
            ..Unit::default()
        };
        assert_eq!(u.zh_en().1.joined(), "flag county");
        let v = Unit {
            a: Side::new("en", vec!["x".into()]),
            b: Side::new("zh-CN", vec!["旗".into()]),
            confidence: None,
            at: 0,
            ..Unit::default()
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
            ..Unit::default()
        };
        assert_eq!(u.kind(), "2-0");
        assert!(u.is_unmatched());
        u.b.text.push("One, two.".into());
        assert_eq!(u.kind(), "2-1");
        assert_eq!(u.a.joined(), "一。二。");
    }
}
