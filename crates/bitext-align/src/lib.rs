//! Sentence alignment of a Chinese document with its English translation, with no model to download.
//!
//! [`align`] takes the sentences of both documents (any [`Segment`]s, so one-sentence-per-line files
//! align as they are) and returns [`Bead`]s: 0-1, 1-0, 1-1 and n-m groups up to 4 sentences a side,
//! each with a confidence in [0, 1], the posterior probability of that bead under the model.
//!
//! The evidence is lexical (CC-CEDICT over jieba-rs words, English stems), numeric (二十一 = 21),
//! names through pinyin (陈清扬 ↔ Chen Qingyang), punctuation, length, paragraph breaks, and a
//! translation table learned from the pair itself. See `DESIGN.md` for the method.
//!
//! ```
//! use bitext_align::{align_sentences, Options};
//!
//! let zh = ["我二十一岁时，正在云南插队。", "陈清扬当时二十六岁，就在我插队的地方当医生。"];
//! let en = [
//!     "At twenty-one, I was placed in a production team for reeducation in Yunnan.",
//!     "That year Chen Qingyang was twenty-six and a doctor who happened to work where I did.",
//! ];
//! let alignment = align_sentences(&zh, &en, &Options::default());
//! let pairs: Vec<_> = alignment.beads.iter().map(|b| (b.zh.clone(), b.en.clone())).collect();
//! assert_eq!(pairs, [(0..1, 0..1), (1..2, 1..2)]);
//! ```

mod features;
mod learn;
pub mod pair;
mod score;
mod search;

use std::ops::Range;

use bitext_core::Segment;
use serde::Serialize;

use features::Features;
use score::{Model, Scorer};
use search::Band;

/// A group of consecutive sentences of each document that translate each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// Indices of the Chinese sentences (may be empty).
    pub zh: Range<usize>,
    /// Indices of the English sentences (may be empty).
    pub en: Range<usize>,
    /// Posterior probability that this bead is exactly right, in [0, 1].
    pub confidence: f32,
}

impl Bead {
    /// `"1-2"`: the number of Chinese and English sentences.
    pub fn kind(&self) -> String {
        format!("{}-{}", self.zh.len(), self.en.len())
    }
}

/// Something the user should know about an alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Warning {
    /// One side has no sentences: every sentence of the other side is unmatched.
    EmptySide { zh: usize, en: usize },
    /// The two sides differ in length far more than a translation does (ratio of English to
    /// Chinese characters, expected about 1.2–4).
    LengthRatio { ratio: f32 },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::EmptySide { zh, en } => write!(
                f,
                "one side has no sentences ({zh} Chinese, {en} English): every sentence is left unmatched"
            ),
            Warning::LengthRatio { ratio } => write!(
                f,
                "the English side has {ratio:.2} characters per Chinese character (a translation usually has 1.2–4): are these documents translations of each other?"
            ),
        }
    }
}

/// The result of [`align`].
#[derive(Debug, Clone, Serialize)]
pub struct Alignment {
    pub beads: Vec<Bead>,
    pub warnings: Vec<Warning>,
}

/// Settings of the aligner. The defaults are the same for every corpus.
#[derive(Debug, Clone)]
pub struct Options {
    /// Use paragraph breaks, where both documents have them, as soft anchors.
    pub paragraphs: bool,
    /// Learn a translation table from the pair and realign.
    pub learn: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paragraphs: true,
            learn: true,
        }
    }
}

/// Aligns sentences given as text.
pub fn align_sentences(zh: &[&str], en: &[&str], options: &Options) -> Alignment {
    align_with_paragraphs(zh, None, en, None, options)
}

/// Aligns the segments of a Chinese and an English document.
pub fn align(
    zh_text: &str,
    zh: &[Segment],
    en_text: &str,
    en: &[Segment],
    options: &Options,
) -> Alignment {
    let zh_s: Vec<&str> = zh.iter().map(|s| s.span.slice(zh_text)).collect();
    let en_s: Vec<&str> = en.iter().map(|s| s.span.slice(en_text)).collect();
    let starts = |segs: &[Segment]| -> Vec<bool> {
        segs.iter()
            .enumerate()
            .map(|(k, s)| k == 0 || s.paragraph != segs[k - 1].paragraph)
            .collect()
    };
    let zp = starts(zh);
    let ep = starts(en);
    align_with_paragraphs(&zh_s, Some(&zp), &en_s, Some(&ep), options)
}

fn align_with_paragraphs(
    zh: &[&str],
    zh_par: Option<&[bool]>,
    en: &[&str],
    en_par: Option<&[bool]>,
    options: &Options,
) -> Alignment {
    let (nz, ne) = (zh.len(), en.len());
    let mut warnings = Vec::new();
    if nz == 0 || ne == 0 {
        if nz + ne > 0 {
            warnings.push(Warning::EmptySide { zh: nz, en: ne });
        }
        let beads = (0..nz)
            .map(|i| Bead {
                zh: i..i + 1,
                en: 0..0,
                confidence: 1.0,
            })
            .chain((0..ne).map(|j| Bead {
                zh: nz..nz,
                en: j..j + 1,
                confidence: 1.0,
            }))
            .collect();
        return Alignment { beads, warnings };
    }

    let mut f = Features::new(zh, en);
    let zh_chars: f32 = f.zh_len.iter().sum();
    let en_chars: f32 = f.en_len.iter().sum();
    let ratio = (en_chars + 1.0) / (zh_chars + 1.0);
    if !(0.8..=6.0).contains(&ratio) {
        warnings.push(Warning::LengthRatio { ratio });
    }
    // Paragraph breaks count only where both documents have them.
    let has_paragraphs =
        |p: Option<&[bool]>| p.is_some_and(|p| p.iter().filter(|&&s| s).count() > 1);
    let (zp, ep) = if options.paragraphs && has_paragraphs(zh_par) && has_paragraphs(en_par) {
        (zh_par, en_par)
    } else {
        (None, None)
    };

    // Pass 1: generic parameters, band around the anchors (or everything, when small).
    let model = Model::new(0.45, ratio);
    // Small pairs: a very wide band around the anchors (an eighth of the longer side, at least 30
    // sentences) and every shape. Large ones: a band of 10 around the anchors, and only the eight
    // commonest shapes; the second pass has them all.
    let path = search::anchors(&f);
    let (band, shapes) = if (nz + 1) * (ne + 1) <= 400_000 {
        let width = (nz.max(ne) / 8).max(30);
        (Band::around(&path, nz, ne, width), score::SHAPES.len())
    } else {
        (Band::around(&path, nz, ne, 10), 8)
    };
    let first = {
        let mut scorer = Scorer::new(&f, model, zp, ep, None);
        search::viterbi(&mut scorer, &band, shapes)
    };

    // Learn from the first pass: the pair's own match rates, length ratio, and translation table.
    if options.learn {
        learn::table(&mut f, &first);
    }
    let matches = learn::matches(&f, &first);
    let model = learn::model(&f, &first, &matches, ratio, shapes);
    let path: Vec<(usize, usize)> = first
        .iter()
        .flat_map(|&(i, a, j, b)| [(i, j), (i + a, j + b)])
        .collect();
    let band = Band::around(&path, nz, ne, 5);
    let rates = learn::rates(&matches, model.p_true);
    let mut scorer = Scorer::new(&f, model, zp, ep, Some(&rates));
    let beads = search::best_expected(&mut scorer, &band)
        .into_iter()
        .map(|((i, a, j, b), p)| Bead {
            zh: i..i + a,
            en: j..j + b,
            confidence: p,
        })
        .collect();
    Alignment { beads, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_side_empty_leaves_every_sentence_unmatched() {
        let a = align_sentences(&["一。", "二。"], &[], &Options::default());
        assert_eq!(a.beads.len(), 2);
        assert!(a.beads.iter().all(|b| b.en.is_empty()));
        assert_eq!(a.warnings, [Warning::EmptySide { zh: 2, en: 0 }]);
        assert!(align_sentences(&[], &[], &Options::default())
            .beads
            .is_empty());
    }

    #[test]
    fn beads_cover_both_sides_in_order() {
        let zh = [
            "起初神创造天地。",
            "地是空虚混沌。",
            "渊面黑暗。",
            "神的灵运行在水面上。",
            "神说，要有光，就有了光。",
        ];
        let en = [
            "In the beginning God created the heaven and the earth.",
            "And the earth was without form, and void; and darkness was upon the face of the deep.",
            "And the Spirit of God moved upon the face of the waters.",
            "And God said, Let there be light: and there was light.",
        ];
        let a = align_sentences(&zh, &en, &Options::default());
        let (mut i, mut j) = (0, 0);
        for b in &a.beads {
            assert_eq!((b.zh.start, b.en.start), (i, j));
            (i, j) = (b.zh.end, b.en.end);
            assert!((0.0..=1.0).contains(&b.confidence));
        }
        assert_eq!((i, j), (5, 4));
        let pairs: Vec<_> = a
            .beads
            .iter()
            .map(|b| (b.zh.clone(), b.en.clone()))
            .collect();
        assert_eq!(
            pairs,
            [(0..1, 0..1), (1..3, 1..2), (3..4, 2..3), (4..5, 3..4)]
        );
    }
}
