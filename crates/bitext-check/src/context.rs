//! What a rule sees: one document to check, read once, and the findings it collects.

use crate::compile::{Checker, Use};
use crate::matcher::Folded;
use crate::rules::Rule;
use crate::{Diagnostic, SegmentText};
use bitext_core::LineIndex;
use std::borrow::Cow;
use std::ops::Range;

/// One aligned bead: its Chinese text, and where its English is in the English text checked.
#[derive(Debug, Clone)]
pub struct Bead {
    pub zh: String,
    pub en: Range<usize>,
}

/// One unit of an aligned file (TMX, JSONL, TSV): its two sides and where the unit starts in the
/// file. The English is looked for verbatim between `at` and `end`, so that findings point at it;
/// where it is not there (escaped, or split by inline codes) they point at `at`.
#[derive(Debug, Clone, Default)]
pub struct AlignedUnit {
    pub zh: String,
    pub en: String,
    pub at: usize,
    pub end: usize,
    /// Where runs of `en` are verbatim in the file, when the reader knows (TMX, XLIFF, PO):
    /// `[offset in en, offset in the file, length]`, in order. Without them the English is looked
    /// for verbatim between `at` and `end`.
    pub runs: Vec<[usize; 3]>,
    /// The inline codes of each side, in order (`bpt#1`, `ph`, `x#3` …): the inline-codes rule
    /// compares them.
    pub zh_codes: Vec<String>,
    pub en_codes: Vec<String>,
    /// Where runs of `zh` are verbatim in the file, as `runs` for the English: findings about
    /// the Chinese (the target of an en→zh file) are placed through them.
    pub zh_runs: Vec<[usize; 3]>,
    /// The unit's flags in its file (PO `c-format`, `python-brace-format` …).
    pub flags: Vec<String>,
}

/// One segment of a document for the segment rules: a unit of an aligned file or a bead of a
/// pair. Either side may be empty (a unit without a translation).
#[derive(Debug, Clone, Default)]
pub struct Segment {
    pub zh: String,
    /// Where its English is in the checked text (an empty range at the unit when it has none).
    pub en: Range<usize>,
    pub zh_codes: Vec<String>,
    pub en_codes: Vec<String>,
    /// Where runs of `zh` are in the file (see [`AlignedUnit::zh_runs`]), and where the unit
    /// starts (findings in the Chinese that no run holds point there).
    pub zh_runs: Vec<[usize; 3]>,
    pub zh_at: usize,
    /// The unit's flags in its file (see [`AlignedUnit::flags`]).
    pub flags: Vec<String>,
}

/// Where a piece of the checked English is in the file.
#[derive(Debug, Clone)]
struct Piece {
    text: Range<usize>,
    /// Byte offset in the file where the piece is verbatim, if it is.
    exact: Option<usize>,
    /// Otherwise the position findings in it point at.
    at: usize,
    /// Runs of the piece verbatim in the file (see [`AlignedUnit::runs`]).
    runs: Vec<[usize; 3]>,
}

/// A document to check: an English text, with beads when it is a translation.
pub struct Doc<'a> {
    pub(crate) path: &'a str,
    /// The file's text: findings' lines, columns and spans are in it.
    pub(crate) file: &'a str,
    /// Bytes before `file` in the file (a UTF-8 BOM), added to spans.
    pub(crate) offset_base: usize,
    /// The English checked: the file itself, or the English sides of aligned units joined.
    pub(crate) text: Cow<'a, str>,
    /// Where pieces of `text` are in `file`; empty when `text` is the file.
    pieces: Vec<Piece>,
    pub(crate) beads: Vec<Bead>,
    /// The segments, for the segment rules: the units of an aligned file, the beads of a pair;
    /// none for an English text alone.
    pub(crate) segments: Vec<Segment>,
    /// Whether the Chinese is the source (the English the translation): the segment rules say
    /// which side is the target by it.
    pub(crate) source_chinese: bool,
    /// Whether the beads come from automatic alignment (a document pair), which can be wrong by
    /// a sentence: bilingual rules then look at a bead's neighbours too.
    pub(crate) automatic: bool,
    /// Whether the text is one part of a larger file checked in pieces: what the rules say of
    /// "the document" is then said of the part.
    pub(crate) part: bool,
    /// Whether the units come from a gettext PO file (its menu labels have accelerators).
    pub(crate) po: bool,
}

impl<'a> Doc<'a> {
    /// An English document: the monolingual rules.
    pub fn english(path: &'a str, text: &'a str, offset_base: usize) -> Doc<'a> {
        Doc {
            path,
            file: text,
            offset_base,
            text: Cow::Borrowed(text),
            pieces: Vec::new(),
            beads: Vec::new(),
            segments: Vec::new(),
            source_chinese: true,
            automatic: false,
            part: false,
            po: false,
        }
    }

    /// The same text as one part of a larger file, checked in pieces (at its byte offset in the
    /// file): notes about the whole document speak of the part.
    pub fn part_of_file(mut self) -> Doc<'a> {
        self.part = true;
        self
    }

    /// The same document read from a gettext PO file.
    pub fn from_po(mut self) -> Doc<'a> {
        self.po = true;
        self
    }

    /// The same document with English as its source language (an en→zh translation memory):
    /// the segment rules then take the Chinese as the target.
    pub fn with_english_source(mut self) -> Doc<'a> {
        self.source_chinese = false;
        self
    }

    /// An English document and the beads that automatic alignment found with its Chinese source
    /// (the beads' `en` ranges are in `text`): the monolingual and the bilingual rules.
    pub fn pair(path: &'a str, text: &'a str, offset_base: usize, beads: Vec<Bead>) -> Doc<'a> {
        let segments = beads
            .iter()
            .map(|b| Segment {
                zh: b.zh.clone(),
                en: b.en.clone(),
                ..Segment::default()
            })
            .collect();
        Doc {
            beads,
            segments,
            automatic: true,
            ..Doc::english(path, text, offset_base)
        }
    }

    /// Aligned text: the English of the units read as one document (so that rules over a whole
    /// document see them all), findings placed at the English in the file.
    pub fn aligned(
        path: &'a str,
        file: &'a str,
        offset_base: usize,
        units: impl IntoIterator<Item = AlignedUnit>,
    ) -> Doc<'a> {
        let mut text = String::new();
        let mut pieces = Vec::new();
        let mut beads = Vec::new();
        let mut segments = Vec::new();
        for u in units {
            if u.en.trim().is_empty() && u.zh.trim().is_empty() {
                continue;
            }
            let start = text.len();
            text.push_str(&u.en);
            let end = text.len();
            text.push_str("\n\n");
            let exact = file
                .get(u.at..u.end.max(u.at))
                .and_then(|region| region.find(u.en.as_str()))
                .map(|i| u.at + i);
            pieces.push(Piece {
                text: start..end,
                exact,
                at: u.at,
                runs: u.runs,
            });
            segments.push(Segment {
                zh: u.zh.clone(),
                en: start..end,
                zh_codes: u.zh_codes,
                en_codes: u.en_codes,
                zh_runs: u.zh_runs,
                zh_at: u.at,
                flags: u.flags,
            });
            if !u.zh.is_empty() && !u.en.is_empty() {
                beads.push(Bead {
                    zh: u.zh,
                    en: start..end,
                });
            }
        }
        Doc {
            path,
            file,
            offset_base,
            text: Cow::Owned(text),
            pieces,
            beads,
            segments,
            source_chinese: true,
            automatic: false,
            part: false,
            po: false,
        }
    }

    /// Where `span` of the checked text is in the file.
    fn file_span(&self, (start, end): (usize, usize)) -> (usize, usize) {
        if self.pieces.is_empty() {
            return (start, end);
        }
        let k = self.pieces.partition_point(|p| p.text.end < start);
        match self.pieces.get(k) {
            Some(p) if p.text.start <= start && !p.runs.is_empty() => {
                let (s, e) = (start - p.text.start, end.min(p.text.end) - p.text.start);
                through_runs(&p.runs, (s, e)).unwrap_or((p.at, p.at))
            }
            Some(p) if p.text.start <= start => match p.exact {
                Some(x) => (
                    x + start - p.text.start,
                    x + end.min(p.text.end) - p.text.start,
                ),
                None => (p.at, p.at),
            },
            _ => (start.min(self.file.len()), start.min(self.file.len())),
        }
    }
}

/// A finding before it is placed in the file: a rule, a span of the checked text and what to say.
pub(crate) struct Finding {
    pub(crate) rule: &'static Rule,
    pub(crate) span: (usize, usize),
    pub(crate) expected: String,
    pub(crate) term: String,
    pub(crate) message: String,
    /// The rule's confidence in hundredths (see [`Diagnostic::confidence`]).
    pub(crate) confidence: Option<u8>,
    /// `Some(k)`: the span is in the Chinese of segment `k` (the target of an en→zh file), not
    /// in the checked English.
    pub(crate) zh_segment: Option<usize>,
}

/// What a bilingual rule says of a finding: what was expected, the concept or value, the message
/// and its confidence in hundredths.
pub(crate) struct Scored {
    pub(crate) expected: String,
    pub(crate) term: String,
    pub(crate) message: String,
    pub(crate) confidence: u8,
}

/// One document being checked: read and matched once, shared by every rule.
pub(crate) struct DocCtx<'c, 'a> {
    pub(crate) checker: &'c Checker<'c>,
    pub(crate) doc: &'c Doc<'a>,
    pub(crate) folded: Folded,
    pub(crate) uses: Vec<Use>,
    pub(crate) findings: Vec<Finding>,
}

impl<'c, 'a> DocCtx<'c, 'a> {
    pub(crate) fn new(checker: &'c Checker<'c>, doc: &'c Doc<'a>) -> Self {
        let text: &str = &doc.text;
        let folded = checker.matcher.fold(&checker.folder, text);
        let uses = checker.uses(&folded, text);
        DocCtx {
            checker,
            doc,
            folded,
            uses,
            findings: Vec::new(),
        }
    }

    pub(crate) fn text(&self) -> &str {
        &self.doc.text
    }

    /// The segments with their English text.
    pub(crate) fn segments(&self) -> impl Iterator<Item = (&'c Segment, &'c str)> + 'c {
        let text: &'c str = &self.doc.text;
        self.doc
            .segments
            .iter()
            .map(move |s| (s, text.get(s.en.clone()).unwrap_or("")))
    }

    /// Reports findings that name no term: each a span of the checked text and a message.
    pub(crate) fn report_all(&mut self, rule: &'static Rule, found: Vec<((usize, usize), String)>) {
        for (span, message) in found {
            self.report(rule, span, String::new(), String::new(), message);
        }
    }

    /// Whether the English is the translation (not the source of an en→zh file): the rules that
    /// read the English alone look for a translator's faults, not an author's.
    pub(crate) fn english_is_target(&self) -> bool {
        self.doc.source_chinese
    }

    /// Reports a finding at `span` of the checked text.
    pub(crate) fn report(
        &mut self,
        rule: &'static Rule,
        span: (usize, usize),
        expected: String,
        term: String,
        message: String,
    ) {
        self.findings.push(Finding {
            rule,
            span,
            expected,
            term,
            message,
            confidence: None,
            zh_segment: None,
        });
    }

    /// Reports a finding at `span` of the target text of segment `k`: its English when the
    /// English is the translation, else its Chinese (an en→zh file), so that the finding points
    /// at the translation in the file, which is what a fix may change.
    pub(crate) fn report_target(
        &mut self,
        rule: &'static Rule,
        k: usize,
        span: (usize, usize),
        expected: String,
        message: String,
    ) {
        let seg = &self.doc.segments[k];
        if self.doc.source_chinese {
            let at = seg.en.start;
            self.report(
                rule,
                (at + span.0, at + span.1),
                expected,
                String::new(),
                message,
            );
        } else {
            self.findings.push(Finding {
                rule,
                span,
                expected,
                term: String::new(),
                message,
                confidence: None,
                zh_segment: Some(k),
            });
        }
    }

    /// Reports a finding with the rule's confidence in it (hundredths): the bilingual rules,
    /// whose findings are judgements of what the English does with the Chinese. A finding below
    /// the checker's threshold is left out here, before it is placed in the file.
    pub(crate) fn report_scored(
        &mut self,
        rule: &'static Rule,
        span: (usize, usize),
        what: Scored,
    ) {
        if what.confidence < self.checker.min_confidence {
            return;
        }
        self.findings.push(Finding {
            rule,
            span,
            expected: what.expected,
            term: what.term,
            message: what.message,
            confidence: Some(what.confidence),
            zh_segment: None,
        });
    }

    /// The findings placed in the file, sorted by position.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut out = diagnostics(self.doc, self.findings);
        out.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
        out
    }
}

/// Places findings of `doc` in its file.
pub(crate) fn diagnostics(doc: &Doc, findings: Vec<Finding>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(doc.file);
    findings
        .into_iter()
        .map(|f| match f.zh_segment {
            Some(k) => {
                let seg = &doc.segments[k];
                let span = (f.span.0.min(seg.zh.len()), f.span.1.min(seg.zh.len()));
                let found = seg.zh.get(span.0..span.1).unwrap_or("").to_owned();
                let segment = SegmentText {
                    zh: seg.zh.clone(),
                    en: doc.text.get(seg.en.clone()).unwrap_or("").to_owned(),
                    span: [0, 0],
                };
                placed(
                    doc,
                    &index,
                    f,
                    chinese_file_span(seg, span),
                    found,
                    Some(segment),
                )
            }
            None => {
                let k = doc.segments.partition_point(|s| s.en.end < f.span.0);
                let segment = doc
                    .segments
                    .get(k)
                    .filter(|s| s.en.start <= f.span.0)
                    .map(|s| SegmentText {
                        zh: s.zh.clone(),
                        en: doc.text.get(s.en.clone()).unwrap_or("").to_owned(),
                        span: [
                            f.span.0 - s.en.start,
                            f.span.1.clamp(f.span.0, s.en.end) - s.en.start,
                        ],
                    });
                let found = doc.text[f.span.0..f.span.1].to_owned();
                let span = f.span;
                placed(doc, &index, f, doc.file_span(span), found, segment)
            }
        })
        .collect()
}

/// A finding at `(start, end)` of the file, what it found there and its segment.
fn placed(
    doc: &Doc,
    index: &LineIndex,
    f: Finding,
    (start, end): (usize, usize),
    found: String,
    segment: Option<SegmentText>,
) -> Diagnostic {
    let file = doc.file;
    let (line, column) = index.line_col(file, start.min(file.len()));
    let (end_line, end_column) = index.line_col(file, end.min(file.len()));
    Diagnostic {
        segment,
        rule: f.rule.id,
        severity: f.rule.severity,
        path: doc.path.to_owned(),
        line,
        column,
        end_line,
        end_column,
        span: [doc.offset_base + start, doc.offset_base + end],
        found,
        expected: f.expected,
        term: f.term,
        message: f.message,
        confidence: f.confidence,
        fingerprint: String::new(),
    }
}

/// Where `span` of a segment's Chinese is in the file: through the runs the reader recorded,
/// else at the unit.
fn chinese_file_span(seg: &Segment, span: (usize, usize)) -> (usize, usize) {
    through_runs(&seg.zh_runs, span).unwrap_or((seg.zh_at, seg.zh_at))
}

/// Where `(s, e)` of a text is in the file, through the runs of it that are there verbatim
/// (`[offset in the text, offset in the file, length]`): both ends when runs hold them, the
/// start alone when only it is held; `None` when no run holds the start.
fn through_runs(runs: &[[usize; 3]], (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let at_start = runs.iter().find(|r| r[0] <= s && s < r[0] + r[2]);
    let at_end = runs.iter().find(|r| r[0] < e && e <= r[0] + r[2]);
    match (at_start, at_end) {
        (Some(a), Some(b)) if a[1] + s - a[0] <= b[1] + e - b[0] => {
            Some((a[1] + s - a[0], b[1] + e - b[0]))
        }
        (Some(a), _) => Some((a[1] + s - a[0], a[1] + s - a[0])),
        _ => None,
    }
}
