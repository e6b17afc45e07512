//! The score of a bead: a log-likelihood ratio, "these sentences translate each other" against "they
//! do not", summed from independent pieces of evidence.
//!
//! - Lexical: each token that can find a partner (a Chinese word with translations, an English
//!   content word some Chinese word can reach, a number, a name, a `?`) either finds one on the other
//!   side or not. A token of a true bead finds one with probability `p_true`, of a false bead with
//!   `p_false`; a hit adds `ln(p_true/p_false)`, a miss `ln((1-p_true)/(1-p_false))`. Both
//!   probabilities are measured on the pair itself after the first pass.
//! - Length: `d = ln((en + k) / (ratio·zh + k))` is normal with a small deviation for true beads
//!   and a wide one for false beads; `ratio` and the deviation are measured on the pair.
//! - Bead type: a log prior (1-1 is the most common, 1-0 the least).
//! - Paragraphs, where both documents have them: a bead that starts a paragraph on one side only, or
//!   runs across a paragraph break, pays a penalty.
//!
//! Because hits and misses add up token by token, a 2-2 bead beats two 1-1 beads only when the
//! sentences really share evidence across the split.

use crate::features::{Features, END_MARKS};

/// The bead shapes searched, as (zh sentences, en sentences).
pub(crate) const SHAPES: [(usize, usize); 16] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (3, 3),
    (2, 4),
    (4, 2),
    (1, 5),
];

/// Weight of the lexical log-likelihood ratio: tokens are not independent (a word and its
/// neighbour often translate together), so their sum overstates the evidence.
const LEXICAL_WEIGHT: f32 = 0.5;
/// Weight of the length log-likelihood ratio.
const LENGTH_WEIGHT: f32 = 1.4;
/// Log prior of leaving one sentence unmatched.
const SKIP: f32 = -7.0;

/// Log prior of a shape, relative to 1-1; symmetric in the two languages.
pub(crate) fn default_prior(a: usize, b: usize) -> f32 {
    if a == 0 || b == 0 {
        return SKIP;
    }
    let (small, large) = (a.min(b), a.max(b));
    match (small, large) {
        (1, 1) => 0.0,
        (1, 2) => -1.5,
        (1, 3) => -2.5,
        (2, 2) => -3.0,
        (1, 4) => -3.5,
        (2, 3) => -3.5,
        (1, 5) => -4.5,
        _ => -4.5,
    }
}

/// Parameters measured on the document pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Model {
    /// Probability that a token of a true bead finds its partner.
    pub p_true: f32,
    pub ratio: f32,
    pub spread: Spread,
    /// Log prior of each shape (a, b) relative to 1-1, per sentence for 1-0 and 0-1.
    pub prior: [[f32; SIDES]; SIDES],
    /// Log-likelihood ratios, learned, of how the edges of the two sides agree: closing quotes at
    /// the end, final marks (question, exclamation …), opening quotes at the start.
    pub end_quotes: [[f32; END_MARKS]; END_MARKS],
    pub end_marks: [[f32; END_MARKS]; END_MARKS],
    pub start_quotes: [[f32; END_MARKS]; END_MARKS],
    /// Quotations left open (or closed) by each side of a bead: see [`quote_class`].
    pub quote_balance: [[f32; END_MARKS]; END_MARKS],
}

/// How the log length ratio `d` of true beads spreads around its mean. Both depend on the bead's
/// length L (English characters, the two sides averaged): a short sentence's translation varies
/// more in relative length than a long one's, and it is often relatively shorter.
/// mean = `mean + slope·(ln L − ln_l0)`, variance = `var0 + var1 / L`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spread {
    pub mean: f32,
    pub slope: f32,
    pub ln_l0: f32,
    pub var0: f32,
    pub var1: f32,
}

impl Spread {
    /// The same deviation `sigma` at every length.
    pub(crate) fn constant(sigma: f32) -> Spread {
        Spread {
            mean: 0.0,
            slope: 0.0,
            ln_l0: 0.0,
            var0: sigma.clamp(0.1, 1.0).powi(2),
            var1: 0.0,
        }
    }

    /// At bead length `l`: the mean of d, the inverse of its variance, and the normalising term
    /// ln σ_false − ½ ln variance of the log-likelihood ratio.
    pub(crate) fn at(&self, l: f32) -> (f32, f32, f32) {
        let l = l.max(1.0);
        let var = self.var0 + self.var1 / l;
        (
            self.mean + self.slope * (l.ln() - self.ln_l0),
            1.0 / var,
            SIGMA_FALSE.ln() - 0.5 * var.ln(),
        )
    }

    /// Fits the spread to the (L, d) of true beads: the mean by least squares on ln L, then the
    /// squared residuals by least squares on 1/L. A document too short for two parameters each gets
    /// the constant spread of its beads.
    pub(crate) fn fit(points: &[(f32, f32)]) -> Spread {
        if points.len() < 10 {
            return Spread::constant(SIGMA_TRUE);
        }
        if points.len() < 30 {
            let mean_square = points.iter().map(|p| p.1 * p.1).sum::<f32>() / points.len() as f32;
            return Spread::constant(mean_square.sqrt());
        }
        let logs: Vec<(f32, f32)> = points.iter().map(|&(l, d)| (l.max(1.0).ln(), d)).collect();
        let (ln_l0, mean, slope) = least_squares(&logs);
        let slope = slope.clamp(-0.5, 0.5);
        let squares: Vec<(f32, f32)> = points
            .iter()
            .zip(&logs)
            .map(|(&(l, _), &(x, d))| (1.0 / l.max(1.0), (d - mean - slope * (x - ln_l0)).powi(2)))
            .collect();
        let (u0, v0, var1) = least_squares(&squares);
        let var1 = var1.max(0.0);
        Spread {
            mean,
            slope,
            ln_l0,
            var0: (v0 - var1 * u0).max(0.01),
            var1,
        }
    }
}

/// The means of x and y, and the slope of the least-squares line of y on x (0 when x is constant).
fn least_squares(xy: &[(f32, f32)]) -> (f32, f32, f32) {
    let n = xy.len().max(1) as f32;
    let xbar = xy.iter().map(|p| p.0).sum::<f32>() / n;
    let ybar = xy.iter().map(|p| p.1).sum::<f32>() / n;
    let sxx: f32 = xy.iter().map(|p| (p.0 - xbar).powi(2)).sum();
    let sxy: f32 = xy.iter().map(|p| (p.0 - xbar) * (p.1 - ybar)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (xbar, ybar, slope)
}

/// Quotations a bead's side opens minus those it closes, as a class: 0 closes, 1 balanced, 2 opens.
pub(crate) fn quote_class(depth: &[i32], start: usize, end: usize) -> u8 {
    (depth[end] - depth[start]).clamp(-1, 1) as u8 + 1
}

impl Model {
    pub(crate) fn new(p_true: f32, ratio: f32) -> Model {
        let mut prior = [[SKIP; SIDES]; SIDES];
        for &(a, b) in &SHAPES {
            prior[a][b] = default_prior(a, b);
        }
        Model {
            p_true: p_true.clamp(0.1, 0.95),
            ratio: ratio.clamp(0.2, 20.0),
            spread: Spread::constant(SIGMA_TRUE),
            prior,
            end_quotes: [[0.0; END_MARKS]; END_MARKS],
            end_marks: [[0.0; END_MARKS]; END_MARKS],
            start_quotes: [[0.0; END_MARKS]; END_MARKS],
            quote_balance: [[0.0; END_MARKS]; END_MARKS],
        }
    }
}

/// Largest bead side, plus one.
const SIDES: usize = 6;

/// Per token (Chinese type or English id) and size of the other side of the bead: the log-likelihood
/// ratio of a hit and of a miss. A token that would find a partner in a random sentence often (a common
/// word) says little when it does; a rare one says much.
pub(crate) struct Weights {
    zh_hit: Vec<[f32; SIDES]>,
    zh_miss: Vec<[f32; SIDES]>,
    en_hit: Vec<[f32; SIDES]>,
    en_miss: Vec<[f32; SIDES]>,
}

/// Per token, how often it found its partner in the first pass's beads: a Chinese word whose
/// dictionary senses this translator never uses, or an English word that is never a translation,
/// then weighs little either way.
pub(crate) struct Rates {
    pub zh: Vec<f32>,
    pub en: Vec<f32>,
}

impl Weights {
    pub(crate) fn new(f: &Features, p_true: f32, rates: Option<&Rates>) -> Weights {
        let (nz, ne) = (f.zh_tokens.len().max(1), f.en_ids.len().max(1));
        // Sentences each id occurs in, on each side.
        let mut en_df = vec![0u32; f.n_ids];
        let mut last = vec![u32::MAX; f.n_ids];
        for (j, ids) in f.en_ids.iter().enumerate() {
            for &id in ids {
                if last[id as usize] != j as u32 {
                    last[id as usize] = j as u32;
                    en_df[id as usize] += 1;
                }
            }
        }
        let mut zh_df = vec![0u32; f.n_ids];
        last.fill(u32::MAX);
        for (i, toks) in f.zh_tokens.iter().enumerate() {
            for &t in toks {
                for &id in &f.types[t as usize] {
                    if last[id as usize] != i as u32 {
                        last[id as usize] = i as u32;
                        zh_df[id as usize] += 1;
                    }
                }
            }
        }
        let table = |p1: f32, p_true: f32| -> ([f32; SIDES], [f32; SIDES]) {
            let mut hit = [0.0; SIDES];
            let mut miss = [0.0; SIDES];
            for n in 1..SIDES {
                let p_false = (1.0 - (1.0 - p1).powi(n as i32)).min(p_true * 0.9);
                hit[n] = (p_true / p_false).ln();
                miss[n] = ((1.0 - p_true) / (1.0 - p_false)).ln();
            }
            (hit, miss)
        };
        let floor_e = 0.5 / ne as f32;
        let floor_z = 0.5 / nz as f32;
        let (zh_hit, zh_miss) = f
            .types
            .iter()
            .enumerate()
            .map(|(t, tr)| {
                let df: u32 = tr.iter().map(|&id| en_df[id as usize]).sum();
                let p = rates.map_or(p_true, |r| r.zh[t]);
                table((df as f32 / ne as f32).clamp(floor_e, 1.0), p)
            })
            .unzip();
        let (en_hit, en_miss) = (0..f.n_ids)
            .map(|id| {
                let p = rates.map_or(p_true, |r| r.en[id]);
                table((zh_df[id] as f32 / nz as f32).clamp(floor_z, 1.0), p)
            })
            .unzip();
        Weights {
            zh_hit,
            zh_miss,
            en_hit,
            en_miss,
        }
    }
}

/// Smoothing of the length ratio, in characters.
pub(crate) const LEN_K: f32 = 8.0;
/// Deviation of the log length ratio of true beads, before the pair's own is measured.
const SIGMA_TRUE: f32 = 0.3;
/// Deviation of the log length ratio of false beads.
const SIGMA_FALSE: f32 = 1.0;
/// Penalty for a bead that breaks paragraph structure.
const PARAGRAPH: f32 = 1.5;

/// At most this many tokens a sentence take part in the lexical evidence (bits of a mask).
const MAX_TOKENS: usize = 64;

/// Per sentence, its tokens that can find a partner, at most [`MAX_TOKENS`].
pub(crate) struct Tokens {
    /// Chinese: per sentence, the token types with translations.
    zh: Vec<Vec<u32>>,
    /// English: per sentence, the reachable ids.
    en: Vec<Vec<u32>>,
}

impl Tokens {
    pub(crate) fn new(f: &Features) -> Tokens {
        let zh = f
            .zh_tokens
            .iter()
            .map(|toks| {
                toks.iter()
                    .copied()
                    .filter(|&t| !f.types[t as usize].is_empty())
                    .take(MAX_TOKENS)
                    .collect()
            })
            .collect();
        let en = f
            .en_ids
            .iter()
            .map(|ids| {
                ids.iter()
                    .copied()
                    .filter(|&id| f.reachable[id as usize])
                    .take(MAX_TOKENS)
                    .collect()
            })
            .collect();
        Tokens { zh, en }
    }
}

/// For sentence pairs (i, j) near the band: which tokens of zh sentence i find a partner in en
/// sentence j, and which ids of j find one in i, as bit masks. A bead's evidence is then the union
/// of the masks of its pairs, so each pair is examined once however many beads contain it.
pub(crate) struct Pairs {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
    masks: Vec<(u64, u64)>,
}

impl Pairs {
    /// Pairs of every bead of up to `max_a` × `max_b` sentences ending in the band.
    pub(crate) fn new(f: &Features, tokens: &Tokens, band: &crate::search::Band) -> Pairs {
        use rayon::prelude::*;
        let (nz, ne) = (f.zh_tokens.len(), f.en_ids.len());
        let (max_a, max_b) = SHAPES
            .iter()
            .fold((0, 0), |(a, b), &(x, y)| (a.max(x), b.max(y)));
        let mut lo = vec![0; nz];
        let mut hi = vec![0; nz];
        for i in 0..nz {
            let rows = i + 1..=(i + max_a).min(nz);
            lo[i] = rows
                .clone()
                .map(|r| band.lo[r])
                .min()
                .unwrap_or(0)
                .saturating_sub(max_b);
            hi[i] = rows
                .map(|r| band.hi[r])
                .max()
                .unwrap_or(0)
                .min(ne)
                .max(lo[i]);
        }
        let rows: Vec<Vec<(u64, u64)>> = (0..nz)
            .into_par_iter()
            .map_init(
                || (vec![u32::MAX; f.n_ids], vec![0u64; f.n_ids]),
                |(mark, tokmask), i| {
                    for (bit, &t) in tokens.zh[i].iter().enumerate() {
                        for &id in &f.types[t as usize] {
                            if mark[id as usize] != i as u32 {
                                mark[id as usize] = i as u32;
                                tokmask[id as usize] = 0;
                            }
                            tokmask[id as usize] |= 1 << bit;
                        }
                    }
                    (lo[i]..hi[i])
                        .map(|j| {
                            let (mut zm, mut em) = (0u64, 0u64);
                            for (p, &id) in tokens.en[j].iter().enumerate() {
                                if mark[id as usize] == i as u32 {
                                    zm |= tokmask[id as usize];
                                    em |= 1 << p;
                                }
                            }
                            (zm, em)
                        })
                        .collect()
                },
            )
            .collect();
        let mut offset = Vec::with_capacity(nz + 1);
        let mut masks = Vec::with_capacity(rows.iter().map(Vec::len).sum());
        for row in rows {
            offset.push(masks.len());
            masks.extend(row);
        }
        offset.push(masks.len());
        Pairs {
            lo,
            hi,
            offset,
            masks,
        }
    }

    #[inline]
    fn get(&self, i: usize, j: usize) -> (u64, u64) {
        if j >= self.lo[i] && j < self.hi[i] {
            self.masks[self.offset[i] + j - self.lo[i]]
        } else {
            (0, 0)
        }
    }
}

/// Per sentence, the sum of its tokens' miss weights, by size of the other side.
fn miss_sums(sentences: &[Vec<u32>], miss: &[[f32; SIDES]]) -> Vec<[f32; SIDES]> {
    sentences
        .iter()
        .map(|toks| {
            let mut base = [0.0; SIDES];
            for &t in toks {
                for (b, m) in base.iter_mut().zip(&miss[t as usize]) {
                    *b += m;
                }
            }
            base
        })
        .collect()
}

/// Scores beads.
pub(crate) struct Scorer<'f> {
    pub f: &'f Features,
    pub model: Model,
    weights: Weights,
    tokens: Tokens,
    /// The sum of the miss weights of each sentence's tokens, by size of the other side.
    zh_base: Vec<[f32; SIDES]>,
    en_base: Vec<[f32; SIDES]>,
    pairs: Option<Pairs>,
    /// ln(en + k) and ln(ratio·zh + k) for lengths below 4096 characters.
    ln_en: Vec<f32>,
    ln_zh: Vec<f32>,
    /// [`Spread::at`] for bead lengths below 4096 characters, rounded.
    spread: Vec<(f32, f32, f32)>,
    /// Paragraph starts, when both sides have paragraphs.
    zh_par: Option<&'f [bool]>,
    en_par: Option<&'f [bool]>,
}

impl<'f> Scorer<'f> {
    pub(crate) fn new(
        f: &'f Features,
        model: Model,
        zh_par: Option<&'f [bool]>,
        en_par: Option<&'f [bool]>,
        rates: Option<&Rates>,
    ) -> Self {
        let weights = Weights::new(f, model.p_true, rates);
        let tokens = Tokens::new(f);
        let zh_base = miss_sums(&tokens.zh, &weights.zh_miss);
        let en_base = miss_sums(&tokens.en, &weights.en_miss);
        Scorer {
            f,
            model,
            weights,
            tokens,
            zh_base,
            en_base,
            pairs: None,
            ln_en: (0..4096).map(|n| (n as f32 + LEN_K).ln()).collect(),
            ln_zh: (0..4096)
                .map(|n| (model.ratio * n as f32 + LEN_K).ln())
                .collect(),
            spread: (0..4096).map(|l| model.spread.at(l as f32)).collect(),
            zh_par,
            en_par,
        }
    }

    /// Precomputes the evidence of the sentence pairs of every bead that ends in `band`.
    pub(crate) fn prepare(&mut self, band: &crate::search::Band) {
        self.pairs = Some(Pairs::new(self.f, &self.tokens, band));
    }

    /// The lexical log-likelihood ratio of a bead, from the pair masks.
    fn lexical(&self, pairs: &Pairs, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let w = &self.weights;
        let (a, b) = ((i1 - i0).min(SIDES - 1), (j1 - j0).min(SIDES - 1));
        let mut llr = 0.0;
        for i in i0..i1 {
            let mut zm = 0u64;
            for j in j0..j1 {
                zm |= pairs.get(i, j).0;
            }
            llr += self.zh_base[i][b];
            let toks = &self.tokens.zh[i];
            while zm != 0 {
                let bit = zm.trailing_zeros() as usize;
                zm &= zm - 1;
                let t = toks[bit] as usize;
                llr += w.zh_hit[t][b] - w.zh_miss[t][b];
            }
        }
        for j in j0..j1 {
            let mut em = 0u64;
            for i in i0..i1 {
                em |= pairs.get(i, j).1;
            }
            llr += self.en_base[j][a];
            let ids = &self.tokens.en[j];
            while em != 0 {
                let p = em.trailing_zeros() as usize;
                em &= em - 1;
                let id = ids[p] as usize;
                llr += w.en_hit[id][a] - w.en_miss[id][a];
            }
        }
        llr
    }

    /// The lexical log-likelihood ratio of zh sentences `i0..i1` against en sentences `j0..j1`,
    /// computed from the tokens rather than the pair masks (for the test of [`Self::lexical`]).
    #[cfg(test)]
    fn lexical_direct(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let (f, w) = (self.f, &self.weights);
        let en: std::collections::HashSet<u32> =
            f.en_ids[j0..j1].iter().flatten().copied().collect();
        let mut zh = std::collections::HashSet::new();
        let (a, b) = ((i1 - i0).min(SIDES - 1), (j1 - j0).min(SIDES - 1));
        let mut llr = 0.0;
        for &t in f.zh_tokens[i0..i1].iter().flatten() {
            let tr = &f.types[t as usize];
            if tr.is_empty() {
                continue;
            }
            zh.extend(tr.iter().copied());
            let hit = tr.iter().any(|id| en.contains(id));
            llr += if hit {
                w.zh_hit[t as usize][b]
            } else {
                w.zh_miss[t as usize][b]
            };
        }
        for &id in f.en_ids[j0..j1].iter().flatten() {
            if f.reachable[id as usize] {
                let hit = zh.contains(&id);
                llr += if hit {
                    w.en_hit[id as usize][a]
                } else {
                    w.en_miss[id as usize][a]
                };
            }
        }
        llr
    }

    /// Log-likelihood ratio of the length of a bead.
    pub(crate) fn length(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let zh: f32 = self.f.zh_len[i0..i1].iter().sum();
        let en: f32 = self.f.en_len[j0..j1].iter().sum();
        // Lengths are whole numbers of characters: logarithms of the common ones are tabled.
        let ln_en = self
            .ln_en
            .get(en as usize)
            .copied()
            .unwrap_or_else(|| (en + LEN_K).ln());
        let ln_zh = self
            .ln_zh
            .get(zh as usize)
            .copied()
            .unwrap_or_else(|| (self.model.ratio * zh + LEN_K).ln());
        let d = ln_en - ln_zh;
        let l = 0.5 * (self.model.ratio * zh + en);
        let (mean, inv_var, norm) = match self.spread.get(l.round() as usize) {
            Some(&v) => v,
            None => self.model.spread.at(l),
        };
        LENGTH_WEIGHT
            * (-0.5 * (d - mean).powi(2) * inv_var + 0.5 * (d / SIGMA_FALSE).powi(2) + norm)
    }

    /// How the ends of the two sides agree: closing quotes, final marks.
    fn edges(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let (f, m) = (self.f, &self.model);
        let at = |t: &[[f32; END_MARKS]; END_MARKS], z: u8, e: u8| t[z as usize][e as usize];
        at(
            &m.end_quotes,
            f.zh_end_quote[i1 - 1],
            f.en_end_quote[j1 - 1],
        ) + at(&m.end_marks, f.zh_end_mark[i1 - 1], f.en_end_mark[j1 - 1])
            + at(&m.start_quotes, f.zh_start_quote[i0], f.en_start_quote[j0])
            + at(
                &m.quote_balance,
                quote_class(&f.zh_quote_depth, i0, i1),
                quote_class(&f.en_quote_depth, j0, j1),
            )
    }

    fn paragraphs(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let (Some(zp), Some(ep)) = (self.zh_par, self.en_par) else {
            return 0.0;
        };
        let mut penalty = 0.0;
        if zp[i0] != ep[j0] {
            penalty += PARAGRAPH;
        }
        penalty += PARAGRAPH * zp[i0 + 1..i1].iter().filter(|&&p| p).count() as f32;
        penalty += PARAGRAPH * ep[j0 + 1..j1].iter().filter(|&&p| p).count() as f32;
        -penalty
    }

    /// The score of the bead zh `i0..i0+a`, en `j0..j0+b`, from the pairs prepared for a band.
    pub(crate) fn score(&self, i0: usize, a: usize, j0: usize, b: usize) -> f32 {
        if a == 0 || b == 0 {
            return self.model.prior[a][b] * (a + b) as f32;
        }
        let (i1, j1) = (i0 + a, j0 + b);
        let lexical = match &self.pairs {
            Some(pairs) => self.lexical(pairs, i0, i1, j0, j1),
            None => 0.0,
        };
        LEXICAL_WEIGHT * lexical
            + self.edges(i0, i1, j0, j1)
            + self.length(i0, i1, j0, j1)
            + self.model.prior[a][b]
            + self.paragraphs(i0, i1, j0, j1)
    }

    /// The same score, computed directly (for tests and for beads outside a prepared band).
    #[cfg(test)]
    pub(crate) fn score_direct(&self, i0: usize, a: usize, j0: usize, b: usize) -> f32 {
        if a == 0 || b == 0 {
            return self.model.prior[a][b] * (a + b) as f32;
        }
        let (i1, j1) = (i0 + a, j0 + b);
        LEXICAL_WEIGHT * self.lexical_direct(i0, i1, j0, j1)
            + self.edges(i0, i1, j0, j1)
            + self.length(i0, i1, j0, j1)
            + self.model.prior[a][b]
            + self.paragraphs(i0, i1, j0, j1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Band;

    #[test]
    fn pair_masks_give_the_direct_score() {
        let zh = [
            "我二十一岁时，正在云南插队。",
            "陈清扬当时二十六岁，就在我插队的地方当医生。",
            "我在山下十四队，她在山上十五队。",
        ];
        let en = [
            "At twenty-one, I was placed in a production team for reeducation in Yunnan.",
            "That year Chen Qingyang was twenty-six and a doctor who happened to work where I did.",
            "I was on the fourteenth production team down the mountain, and she was on the fifteenth team up the mountain.",
        ];
        let f = Features::new(&zh, &en);
        let mut scorer = Scorer::new(&f, Model::new(0.5, 3.0), None, None, None);
        scorer.prepare(&Band::full(3, 3));
        for &(a, b) in &SHAPES {
            for i0 in 0..=3 - a.min(3) {
                for j0 in 0..=3 - b.min(3) {
                    if i0 + a > 3 || j0 + b > 3 {
                        continue;
                    }
                    let fast = scorer.score(i0, a, j0, b);
                    let direct = scorer.score_direct(i0, a, j0, b);
                    assert!(
                        (fast - direct).abs() < 1e-3,
                        "{i0} {a} {j0} {b}: {fast} vs {direct}"
                    );
                }
            }
        }
        // The true 1-1 beads score above their neighbours.
        assert!(scorer.score(1, 1, 1, 1) > scorer.score(1, 1, 2, 1));
        assert!(scorer.score(2, 1, 2, 1) > scorer.score(2, 1, 1, 1));
    }

    #[test]
    fn spread_fit_recovers_a_length_dependent_spread() {
        // Each length twice, the mean ± the deviation: the fit is exact.
        let mut points = Vec::new();
        for k in 0..40 {
            let l = 10.0 + 15.0 * k as f32;
            let mean = 0.1 * (l.ln() - 4.0);
            let dev = (0.02 + 2.0 / l).sqrt();
            points.push((l, mean + dev));
            points.push((l, mean - dev));
        }
        let s = Spread::fit(&points);
        assert!((s.slope - 0.1).abs() < 1e-3, "{s:?}");
        assert!((s.var1 - 2.0).abs() < 1e-2, "{s:?}");
        assert!((s.var0 - 0.02).abs() < 1e-3, "{s:?}");
        // Too few beads for a fit: a constant spread.
        assert_eq!(Spread::fit(&points[..8]), Spread::constant(0.3));
        assert_eq!(Spread::fit(&points[..20]).var1, 0.0);
    }

    #[test]
    fn a_short_bead_may_stray_further_in_length() {
        let zh = ["好。", "他们在山下的十四队干了整整一年的活。"];
        let en = [
            "All right, then, if that is what you want.",
            "They worked for a whole year in the fourteenth production team, which was down the mountain and far from the town.",
        ];
        let f = Features::new(&zh, &en);
        let mut model = Model::new(0.5, 3.0);
        model.spread = Spread {
            mean: 0.0,
            slope: 0.0,
            ln_l0: 0.0,
            var0: 0.02,
            var1: 4.0,
        };
        let scorer = Scorer::new(&f, model, None, None, None);
        let flat = Scorer::new(&f, Model::new(0.5, 3.0), None, None, None);
        // Both English sentences are longer than expected (log ratios 1.3 and 0.6): the spread that
        // widens for short beads forgives the short one and is stricter with the long one.
        assert!(scorer.length(0, 1, 0, 1) > flat.length(0, 1, 0, 1));
        assert!(scorer.length(1, 2, 1, 2) < flat.length(1, 2, 1, 2));
    }

    #[test]
    fn rare_hits_weigh_more_than_common_ones() {
        let zh = ["他说了。", "他说了。", "他说了。", "后来陈清扬来了。"];
        let en = [
            "He said.",
            "He said.",
            "He said.",
            "Then Chen Qingyang came.",
        ];
        let f = Features::new(&zh, &en);
        let w = Weights::new(&f, 0.5, None);
        let said = f.type_text.iter().position(|t| t == "说").unwrap();
        let chen = f.type_text.iter().position(|t| t == "@chen").unwrap();
        assert!(w.zh_hit[chen][1] > w.zh_hit[said][1]);
    }
}
