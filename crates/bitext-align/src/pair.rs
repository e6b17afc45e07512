//! The pair pipeline every command shares: two decoded documents in, segmented, aligned, and
//! given back as units of `bitext_io` (each side with its document, sentence ids, byte spans in
//! the file and sentences).
//!
//! ```
//! use bitext_core::Document;
//!
//! let zh = Document::from_bytes("zh.txt", "起初神创造天地。地是空虚混沌。".as_bytes()).unwrap();
//! let en = Document::from_bytes(
//!     "en.txt",
//!     b"In the beginning God created the heaven and the earth. And the earth was without form.",
//! )
//! .unwrap();
//! let aligned = bitext_align::pair::align_documents(&zh, &en, &bitext_align::pair::PairOptions::default());
//! assert_eq!(aligned.units.len(), 2);
//! assert_eq!(aligned.units[0].a.joined(), "起初神创造天地。");
//! assert_eq!(aligned.units[0].b.spans, [[0, 54]]);
//! ```

use bitext_core::{Document, Lang, Segment};
use bitext_io::{Side, Unit};

/// How the documents are cut and aligned.
#[derive(Debug, Clone)]
pub struct PairOptions {
    /// One sentence a line, as given (no segmentation).
    pub presegmented: bool,
    /// Paragraph breaks guide the alignment.
    pub paragraphs: bool,
}

impl Default for PairOptions {
    fn default() -> PairOptions {
        PairOptions {
            presegmented: false,
            paragraphs: true,
        }
    }
}

/// The units of a pair, in the order of the documents given, and what the user should know.
#[derive(Debug, Clone)]
pub struct AlignedPair {
    pub units: Vec<Unit>,
    pub warnings: Vec<String>,
}

/// A document cut into sentences.
struct Cut<'a> {
    doc: &'a Document,
    lang: Lang,
    segments: Vec<Segment>,
}

fn cut(doc: &Document, presegmented: bool) -> Cut<'_> {
    let text = doc.text();
    let lang = Lang::detect(text);
    let segments = if presegmented {
        bitext_segment::one_per_line(text)
    } else {
        bitext_segment::segment(text, lang)
    };
    Cut {
        doc,
        lang,
        segments,
    }
}

fn side(d: &Cut, lang: Lang, r: &std::ops::Range<usize>) -> Side {
    let base = d.doc.decoded.offset_base;
    let text = d.doc.text();
    let mut side = Side::new(
        lang.as_str(),
        r.clone()
            .map(|k| d.segments[k].span.slice(text).to_string())
            .collect(),
    );
    side.doc = Some(d.doc.name.clone());
    side.ids = r.clone().collect();
    side.spans = r
        .clone()
        .map(|k| {
            let s = d.segments[k].span;
            [base + s.start, base + s.end]
        })
        .collect();
    side
}

/// Aligns two documents, one Chinese and one English, in either order; the units' sides come in
/// the order given.
pub fn align_documents(a: &Document, b: &Document, options: &PairOptions) -> AlignedPair {
    let a = cut(a, options.presegmented);
    let b = cut(b, options.presegmented);
    let mut warnings = Vec::new();
    if a.lang == b.lang {
        warnings.push(format!(
            "both documents look {}: aligning {} as Chinese and {} as English",
            a.lang, a.doc.name, b.doc.name
        ));
    }
    // Chinese first inside; `swap` restores the order given.
    let swap = a.lang == Lang::En && b.lang == Lang::Zh;
    let (zh, en) = if swap { (&b, &a) } else { (&a, &b) };
    let align_options = crate::Options {
        paragraphs: options.paragraphs,
        ..Default::default()
    };
    let alignment = crate::align(
        zh.doc.text(),
        &zh.segments,
        en.doc.text(),
        &en.segments,
        &align_options,
    );
    warnings.extend(alignment.warnings.iter().map(|w| w.to_string()));
    let units = alignment
        .beads
        .iter()
        .map(|bead| {
            let zh_side = side(zh, Lang::Zh, &bead.zh);
            let en_side = side(en, Lang::En, &bead.en);
            let (a, b) = if swap {
                (en_side, zh_side)
            } else {
                (zh_side, en_side)
            };
            Unit {
                a,
                b,
                confidence: Some(bead.confidence),
                ..Unit::default()
            }
        })
        .collect();
    AlignedPair { units, warnings }
}
