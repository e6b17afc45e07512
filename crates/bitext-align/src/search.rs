//! The search: anchors from rare shared evidence, then dynamic programming inside a band around them.

use std::collections::HashMap;

use crate::features::Features;
use crate::score::{Scorer, SHAPES};

/// For each zh position `i` in `0..=nz`, the en positions `lo[i]..=hi[i]` searched.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    fn finish(mut lo: Vec<usize>, mut hi: Vec<usize>, ne: usize) -> Band {
        let n = lo.len();
        // Monotone and connected: every cell can be reached and can reach the end.
        for i in 1..n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n - 1).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        lo[0] = 0;
        hi[n - 1] = ne;
        for i in 0..n {
            hi[i] = hi[i].min(ne).max(lo[i]);
        }
        for i in 1..n {
            // A row may not start after the previous row's end + 1 (0-1 beads connect rows).
            if lo[i] > hi[i - 1] {
                lo[i] = hi[i - 1];
            }
        }
        let mut offset = Vec::with_capacity(n + 1);
        let mut total = 0;
        for i in 0..n {
            offset.push(total);
            total += hi[i] - lo[i] + 1;
        }
        offset.push(total);
        Band { lo, hi, offset }
    }

    /// Every cell (tests).
    #[cfg(test)]
    pub(crate) fn full(nz: usize, ne: usize) -> Band {
        Band::finish(vec![0; nz + 1], vec![ne; nz + 1], ne)
    }

    /// Cells within `width` (in both directions) of a monotone path of (i, j) points.
    pub(crate) fn around(path: &[(usize, usize)], nz: usize, ne: usize, width: usize) -> Band {
        let mut pmin = vec![usize::MAX; nz + 1];
        let mut pmax = vec![0usize; nz + 1];
        for &(i, j) in path {
            pmin[i] = pmin[i].min(j);
            pmax[i] = pmax[i].max(j);
        }
        // Rows the path skips (it never does with 0-1/1-0 steps, but anchors jump): interpolate.
        let mut last = 0;
        for i in 0..=nz {
            if pmin[i] == usize::MAX {
                pmin[i] = last;
                pmax[i] = last;
            } else {
                last = pmax[i];
            }
        }
        let mut lo = vec![0; nz + 1];
        let mut hi = vec![0; nz + 1];
        for i in 0..=nz {
            let a = i.saturating_sub(width);
            let b = (i + width).min(nz);
            lo[i] = pmin[a].saturating_sub(width);
            hi[i] = pmax[b] + width;
        }
        Band::finish(lo, hi, ne)
    }

    pub(crate) fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    #[inline]
    pub(crate) fn index(&self, i: usize, j: usize) -> Option<usize> {
        if i < self.lo.len() && j >= self.lo[i] && j <= self.hi[i] {
            Some(self.offset[i] + j - self.lo[i])
        } else {
            None
        }
    }
}

/// The score of every bead ending in the band: `cells × SHAPES` values, `-inf` where a bead
/// would leave the band. Rows are scored in parallel.
fn score_table(scorer: &Scorer, band: &Band, shapes_used: usize) -> Vec<f32> {
    use rayon::prelude::*;
    let nz = band.lo.len() - 1;
    let rows: Vec<Vec<f32>> = (0..=nz)
        .into_par_iter()
        .map(|i| {
            let mut row = Vec::with_capacity((band.hi[i] - band.lo[i] + 1) * shapes_used);
            for j in band.lo[i]..=band.hi[i] {
                for &(a, b) in &SHAPES[..shapes_used] {
                    let s = if a > i || b > j || band.index(i - a, j - b).is_none() {
                        f32::NEG_INFINITY
                    } else {
                        scorer.score(i - a, a, j - b, b)
                    };
                    row.push(s);
                }
            }
            row
        })
        .collect();
    let mut table = Vec::with_capacity(band.cells() * shapes_used);
    for row in rows {
        table.extend(row);
    }
    table
}

/// Posteriors are computed with the scores divided by this: the lexical evidence of neighbouring
/// words is correlated, so the model's log-odds are too sharp. Fitted once so that beads with
/// confidence ≥ 0.9 are right about as often as they claim (the reliability table of
/// `scripts/eval-align`).
const TEMPERATURE: f32 = 2.0;

/// What choosing a bead costs in the maximum-expected-accuracy path, in expected correct beads.
/// The expected F1 is largest when a bead is kept exactly if its posterior exceeds half the F1
/// reached (Lipton, Elkan and Narayanaswamy 2014), and aligners reach about 0.9.
const MEA_COST: f32 = 0.45;

/// Best path (Viterbi): beads `(i0, a, j0, b)`.
fn best_path(scores: &[f32], band: &Band) -> Vec<(usize, usize, usize, usize)> {
    let nz = band.lo.len() - 1;
    let ne = band.hi[nz];
    let cells = band.cells();
    let shapes = scores.len() / cells.max(1);
    let mut best = vec![f32::NEG_INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    best[0] = 0.0;
    for i in 0..=nz {
        for j in band.lo[i]..=band.hi[i] {
            let here = band.index(i, j).unwrap_or(0);
            if here == 0 {
                continue;
            }
            let (mut top, mut arg) = (f32::NEG_INFINITY, u8::MAX);
            for (k, &(a, b)) in SHAPES[..shapes].iter().enumerate() {
                let s = scores[here * shapes + k];
                if s == f32::NEG_INFINITY {
                    continue;
                }
                let from = band.index(i - a, j - b).unwrap_or(0);
                if best[from] + s > top {
                    top = best[from] + s;
                    arg = k as u8;
                }
            }
            best[here] = top;
            back[here] = arg;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (nz, ne);
    while i > 0 || j > 0 {
        let here = band.index(i, j).expect("the path stays in the band");
        let (a, b) = SHAPES[back[here] as usize];
        i -= a;
        j -= b;
        beads.push((i, a, j, b));
    }
    beads.reverse();
    beads
}

/// Forward–backward over every path in the band, then the path of maximum expected accuracy: the
/// one whose beads have the largest total posterior, each bead paying [`MEA_COST`] (a bead is
/// worth choosing when it is more likely right than that). Returns its beads with their
/// posteriors. Sums are in f64: over tens of thousands of beads, f32 loses whole units.
fn best_expected_path(scores: &[f32], band: &Band) -> Vec<((usize, usize, usize, usize), f32)> {
    let nz = band.lo.len() - 1;
    let ne = band.hi[nz];
    let cells = band.cells();
    let shapes = scores.len() / cells.max(1);
    // Each cell's log-sum is taken around its largest term: the terms' exponentials are then
    // small numbers (f32 is enough) and one logarithm per cell does.
    let mut terms = [f64::NEG_INFINITY; SHAPES.len()];
    let mut alpha = vec![f64::NEG_INFINITY; cells];
    alpha[0] = 0.0;
    for i in 0..=nz {
        for j in band.lo[i]..=band.hi[i] {
            let here = band.index(i, j).unwrap_or(0);
            if here == 0 {
                continue;
            }
            for (k, &(a, b)) in SHAPES[..shapes].iter().enumerate() {
                let s = scores[here * shapes + k];
                terms[k] = if s == f32::NEG_INFINITY {
                    f64::NEG_INFINITY
                } else {
                    alpha[band.index(i - a, j - b).unwrap_or(0)] + f64::from(s / TEMPERATURE)
                };
            }
            alpha[here] = log_sum(&terms[..shapes]);
        }
    }
    let end = band.index(nz, ne).expect("the end is in the band");
    let total = alpha[end];
    // Backwards: beta, and with it the best expected gain from each cell to the end.
    let mut beta = vec![f64::NEG_INFINITY; cells];
    let mut gain = vec![f32::NEG_INFINITY; cells];
    let mut next = vec![u8::MAX; cells];
    beta[end] = 0.0;
    gain[end] = 0.0;
    for i in (0..=nz).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            let from = band.index(i, j).unwrap_or(0);
            if from == end {
                continue;
            }
            let (mut top, mut arg) = (f32::NEG_INFINITY, u8::MAX);
            for (k, &(a, b)) in SHAPES[..shapes].iter().enumerate() {
                terms[k] = f64::NEG_INFINITY;
                let Some(to) = band.index(i + a, j + b) else {
                    continue;
                };
                let s = scores[to * shapes + k];
                if s == f32::NEG_INFINITY || beta[to] == f64::NEG_INFINITY {
                    continue;
                }
                terms[k] = f64::from(s / TEMPERATURE) + beta[to];
                let x = alpha[from] + terms[k] - total;
                let p = if x < -30.0 { 0.0 } else { (x as f32).exp() };
                let g = gain[to] + p - MEA_COST;
                if g > top {
                    top = g;
                    arg = k as u8;
                }
            }
            beta[from] = log_sum(&terms[..shapes]);
            gain[from] = top;
            next[from] = arg;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < nz || j < ne {
        let from = band.index(i, j).expect("the path stays in the band");
        let k = next[from] as usize;
        let (a, b) = SHAPES[k];
        let to = band
            .index(i + a, j + b)
            .expect("the path stays in the band");
        let x = alpha[from] + f64::from(scores[to * shapes + k] / TEMPERATURE) + beta[to] - total;
        beads.push(((i, a, j, b), (x.exp() as f32).clamp(0.0, 1.0)));
        i += a;
        j += b;
    }
    beads
}

/// ln Σ exp(t) over the terms, around the largest (terms more than 30 below it add nothing an
/// f32 posterior could show).
fn log_sum(terms: &[f64]) -> f64 {
    let top = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if top == f64::NEG_INFINITY {
        return top;
    }
    let mut sum = 0.0f32;
    for &t in terms {
        let d = t - top;
        if d > -30.0 {
            sum += (d as f32).exp();
        }
    }
    top + f64::from(sum.ln())
}

/// The best path through the band: a list of beads `(i0, a, j0, b)`.
pub(crate) fn viterbi(
    scorer: &mut Scorer,
    band: &Band,
    shapes_used: usize,
) -> Vec<(usize, usize, usize, usize)> {
    scorer.prepare(band);
    let scores = score_table(scorer, band, shapes_used);
    best_path(&scores, band)
}

/// The path of maximum expected accuracy, and the posterior probability of each of its beads.
pub(crate) fn best_expected(
    scorer: &mut Scorer,
    band: &Band,
) -> Vec<((usize, usize, usize, usize), f32)> {
    scorer.prepare(band);
    let scores = score_table(scorer, band, SHAPES.len());
    best_expected_path(&scores, band)
}

/// Anchor points: sentence pairs that share rare evidence, chained monotonically (a heaviest
/// increasing subsequence), as a path from (0, 0) to (nz, ne).
pub(crate) fn anchors(f: &Features) -> Vec<(usize, usize)> {
    let (nz, ne) = (f.zh_tokens.len(), f.en_ids.len());
    let slope = ne as f64 / nz.max(1) as f64;
    let diagonal: Vec<f64> = (0..=nz).map(|i| i as f64 * slope).collect();
    let first = interpolate(&chain(f, &diagonal, 0.1 * ne as f64 + 20.0, 10), nz, ne);
    // Second round: ids that are rare near the path found so far, not in the whole document.
    let mut expected = vec![0.0; nz + 1];
    for &(i, j) in &first {
        expected[i] = j as f64;
    }
    interpolate(&chain(f, &expected, 40.0, 10), nz, ne)
}

/// Candidate anchor pairs and their heaviest monotone chain. A pair (i, j) is a candidate when it
/// shares ids that occur at most `rare` times on each side within `tolerance` sentences of the
/// expected position `expected[i]` of row i.
fn chain(f: &Features, expected: &[f64], tolerance: f64, rare: usize) -> Vec<(usize, usize)> {
    let (nz, ne) = (f.zh_tokens.len(), f.en_ids.len());
    const CAP: usize = 400;
    // Postings of ids in English and in Chinese (through translations), deduplicated per sentence.
    let mut en_post: Vec<Vec<u32>> = vec![Vec::new(); f.n_ids];
    for (j, ids) in f.en_ids.iter().enumerate() {
        for &id in ids {
            let p = &mut en_post[id as usize];
            if p.last() != Some(&(j as u32)) && p.len() <= CAP {
                p.push(j as u32);
            }
        }
    }
    let mut zh_post: Vec<Vec<u32>> = vec![Vec::new(); f.n_ids];
    for (i, toks) in f.zh_tokens.iter().enumerate() {
        for &t in toks {
            for &id in &f.types[t as usize] {
                let p = &mut zh_post[id as usize];
                if p.last() != Some(&(i as u32)) && p.len() <= CAP {
                    p.push(i as u32);
                }
            }
        }
    }
    let mut pairs: HashMap<(u32, u32), f32> = HashMap::new();
    for id in 0..f.n_ids {
        let (zp, ep) = (&zh_post[id], &en_post[id]);
        if zp.is_empty() || ep.is_empty() || zp.len() > CAP || ep.len() > CAP {
            continue;
        }
        for &i in zp {
            let e = expected[i as usize];
            // English occurrences near where row i should be.
            let from = ep.partition_point(|&j| (j as f64) < e - tolerance);
            let to = ep.partition_point(|&j| (j as f64) <= e + tolerance);
            let near_en = to - from;
            if near_en == 0 || near_en > rare {
                continue;
            }
            // Chinese occurrences whose expected position is near the same place.
            let near_zh = zp
                .iter()
                .filter(|&&i2| (expected[i2 as usize] - e).abs() <= 2.0 * tolerance)
                .count();
            if near_zh > rare {
                continue;
            }
            let w = 1.0 / ((near_zh * near_en) as f32).sqrt();
            for &j in &ep[from..to] {
                *pairs.entry((i, j)).or_insert(0.0) += w;
            }
        }
    }
    let mut cand: Vec<(u32, u32, f32)> = pairs
        .into_iter()
        .filter(|&(_, w)| w >= 0.3)
        .map(|((i, j), w)| (i, j, w))
        .collect();
    cand.sort_unstable_by_key(|&(i, j, _)| (i, j));
    // Heaviest chain with strictly increasing i and j: a Fenwick tree of prefix maxima over j.
    let mut tree: Vec<(f32, u32)> = vec![(0.0, u32::MAX); ne + 2];
    let mut score = vec![0.0f32; cand.len()];
    let mut prev = vec![u32::MAX; cand.len()];
    let mut k = 0;
    while k < cand.len() {
        let i = cand[k].0;
        let mut end = k;
        while end < cand.len() && cand[end].0 == i {
            end += 1;
        }
        for m in k..end {
            let j = cand[m].1 as usize;
            // Best chain ending at an en position < j.
            let (mut s, mut arg) = (0.0f32, u32::MAX);
            let mut x = j;
            while x > 0 {
                if tree[x].0 > s {
                    s = tree[x].0;
                    arg = tree[x].1;
                }
                x &= x - 1;
            }
            score[m] = s + cand[m].2;
            prev[m] = arg;
        }
        for m in k..end {
            let mut x = cand[m].1 as usize + 1;
            while x < tree.len() {
                if score[m] > tree[x].0 {
                    tree[x] = (score[m], m as u32);
                }
                x += x & x.wrapping_neg();
            }
        }
        k = end;
    }
    let mut kept = Vec::new();
    let mut at = (0..cand.len())
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .map_or(u32::MAX, |m| m as u32);
    while at != u32::MAX {
        let (i, j, _) = cand[at as usize];
        kept.push((i as usize, j as usize));
        at = prev[at as usize];
    }
    kept.push((0, 0));
    kept.reverse();
    kept.push((nz, ne));
    let kept = drop_outliers(kept, ne as f64 / nz.max(1) as f64);
    // Each anchor pair is a bead from (i, j) to (i+1, j+1).
    let mut path = Vec::with_capacity(kept.len() * 2);
    for (k, &(i, j)) in kept.iter().enumerate() {
        path.push((i, j));
        if k > 0 && k + 1 < kept.len() {
            path.push((i + 1, j + 1));
        }
    }
    path
}

/// Removes anchors that leave the line through their neighbours: a monotone chain can still hold
/// a pair of sentences that share a rare word by chance, far from where the text really is.
/// `points` starts with (0, 0) and ends with (nz, ne), which are kept.
fn drop_outliers(mut points: Vec<(usize, usize)>, slope: f64) -> Vec<(usize, usize)> {
    for _ in 0..3 {
        let n = points.len();
        if n < 3 {
            break;
        }
        let mut keep = vec![true; n];
        for k in 1..n - 1 {
            let (i0, j0) = points[k - 1];
            let (i1, j1) = points[k + 1];
            let (i, j) = points[k];
            let t = (i - i0) as f64 / (i1 - i0).max(1) as f64;
            let predicted = j0 as f64 + t * (j1 as f64 - j0 as f64);
            // The neighbours themselves may be far apart: allow for the drift of a gap.
            let allowed = 3.0 + 0.15 * (i1 - i0) as f64 * slope;
            // Also compare with where the gap's own slope would put it.
            if (j as f64 - predicted).abs() > allowed {
                keep[k] = false;
            }
        }
        let before = points.len();
        let mut k = 0;
        points.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        if points.len() == before {
            break;
        }
    }
    points
}

/// One point per row on straight lines between anchor points.
fn interpolate(path: &[(usize, usize)], nz: usize, ne: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(nz + 1);
    for w in path.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 == i0 {
            out.push((i0, j0));
            out.push((i1, j1));
            continue;
        }
        for i in i0..i1 {
            let j = j0 as f64 + (j1 - j0) as f64 * (i - i0) as f64 / (i1 - i0) as f64;
            out.push((i, j.round() as usize));
        }
    }
    out.push((nz, ne));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table where the diagonal 1-1 bead ending at row i scores `good(i)` and every other bead
    /// `bad`.
    fn diagonal_table(n: usize, good: impl Fn(usize) -> f32, bad: f32) -> (Band, Vec<f32>) {
        let path: Vec<(usize, usize)> = (0..=n).map(|k| (k, k)).collect();
        let band = Band::around(&path, n, n, 2);
        let mut scores = vec![f32::NEG_INFINITY; band.cells() * SHAPES.len()];
        for i in 0..=n {
            for j in band.lo[i]..=band.hi[i] {
                let here = band.index(i, j).unwrap();
                for (k, &(a, b)) in SHAPES.iter().enumerate() {
                    if a <= i && b <= j && band.index(i - a, j - b).is_some() {
                        let diagonal = (a, b) == (1, 1) && i == j;
                        scores[here * SHAPES.len() + k] = if diagonal { good(i) } else { bad };
                    }
                }
            }
        }
        (band, scores)
    }

    #[test]
    fn posteriors_stay_exact_over_long_documents() {
        // Sums of this size lose whole units in f32 (the posteriors of the last beads of a
        // 30,000-sentence Bible came out near zero).
        let (band, scores) = diagonal_table(30_000, |i| 50.0 + (i * 37 % 101) as f32 / 3.0, 10.0);
        let beads = best_expected_path(&scores, &band);
        assert_eq!(beads.len(), 30_000);
        for (k, &((i, a, j, b), p)) in beads.iter().enumerate() {
            assert_eq!((i, a, j, b), (k, 1, k, 1));
            assert!(p > 0.99, "bead {k}: posterior {p}");
        }
    }

    #[test]
    fn uncertain_beads_get_middling_posteriors() {
        // Every path scores alike: no bead is sure.
        let (band, scores) = diagonal_table(20, |_| 0.0, 0.0);
        let beads = best_expected_path(&scores, &band);
        assert!(beads.iter().all(|&(_, p)| p < 0.9), "{beads:?}");
    }
}
