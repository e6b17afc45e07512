//! What the document pair teaches: its own match rates, length ratio and spread, and a translation
//! table of word pairs that keep appearing in the same beads.

use crate::features::{Features, END_MARKS};
use crate::score::{default_prior, quote_class, Model, Rates, Spread, LEN_K, SHAPES};

type Beads = [(usize, usize, usize, usize)];

/// Match rate of true beads, length ratio and deviation, measured on a first alignment whose
/// token matches are `matches`.
pub(crate) fn model(
    f: &Features,
    beads: &Beads,
    matches: &Matches,
    ratio: f32,
    shapes_used: usize,
) -> Model {
    let guess = Model::new(0.45, ratio);
    let matched: Vec<_> = beads.iter().filter(|b| b.1 > 0 && b.3 > 0).collect();
    if matched.len() < 10 {
        return guess;
    }
    let (mut zh_chars, mut en_chars) = (0.0f32, 0.0f32);
    for &&(i, a, j, b) in &matched {
        zh_chars += f.zh_len[i..i + a].iter().sum::<f32>();
        en_chars += f.en_len[j..j + b].iter().sum::<f32>();
    }
    let sum = |v: &[u32]| v.iter().map(|&x| u64::from(x)).sum::<u64>();
    let hits = sum(&matches.zh_hit) + sum(&matches.en_hit);
    let tokens = sum(&matches.zh_seen) + sum(&matches.en_seen);
    let p_true = hits as f32 / tokens.max(1) as f32;
    let ratio = (en_chars + 1.0) / (zh_chars + 1.0);
    // Spread of the log length ratio over 1-1 beads, by length.
    let points: Vec<(f32, f32)> = matched
        .iter()
        .filter(|b| b.1 == 1 && b.3 == 1)
        .map(|&&(i, _, j, _)| {
            let (zh, en) = (f.zh_len[i], f.en_len[j]);
            (
                0.5 * (ratio * zh + en),
                ((en + LEN_K) / (ratio * zh + LEN_K)).ln(),
            )
        })
        .collect();
    let mut model = Model::new(p_true, ratio);
    model.spread = Spread::fit(&points);
    // Shape priors: how often the first pass used each shape, smoothed towards the defaults with
    // PSEUDO beads, so that a translator who splits sentences makes 1-2 cheaper (and one who
    // joins them, 2-1).
    const PSEUDO: f32 = 30.0;
    let mut count = [[0.0f32; 6]; 6];
    for &&(_, a, _, b) in &matched {
        count[a.min(5)][b.min(5)] += 1.0;
    }
    let smoothed = |a: usize, b: usize| count[a][b] + PSEUDO * default_prior(a, b).exp();
    let one_one = smoothed(1, 1);
    // Quotes and final marks at the edges of the two sides: how often each combination occurs in
    // the first pass's beads, against how often it would for sentences paired at random.
    let ends =
        |zh: &[u8], en: &[u8]| association(&matched, |i, a| zh[i + a - 1], |j, b| en[j + b - 1]);
    let starts = |zh: &[u8], en: &[u8]| association(&matched, |i, _| zh[i], |j, _| en[j]);
    model.end_quotes = ends(&f.zh_end_quote, &f.en_end_quote);
    model.end_marks = ends(&f.zh_end_mark, &f.en_end_mark);
    model.start_quotes = starts(&f.zh_start_quote, &f.en_start_quote);
    model.quote_balance = association(
        &matched,
        |i, a| quote_class(&f.zh_quote_depth, i, i + a),
        |j, b| quote_class(&f.en_quote_depth, j, j + b),
    );
    // Shapes the first pass could not use keep their default priors.
    for &(a, b) in &SHAPES[..shapes_used] {
        if a > 0 && b > 0 {
            model.prior[a][b] = (smoothed(a, b) / one_one).ln();
        }
    }
    model
}

/// Adds to each Chinese word the English ids it keeps meeting in the first alignment's beads
/// (Dice coefficient ≥ 0.5 over at least three beads, twice as often as chance), then recomputes
/// reachability.
pub(crate) fn table(f: &mut Features, beads: &Beads) {
    let matched: Vec<_> = beads.iter().filter(|b| b.1 > 0 && b.3 > 0).collect();
    // The distinct word types and English ids of each bead.
    let sides: Vec<(Vec<u32>, Vec<u32>)> = matched
        .iter()
        .map(|&&(i, a, j, b)| {
            let mut types: Vec<u32> = f.zh_tokens[i..i + a]
                .iter()
                .flatten()
                .copied()
                .filter(|&t| f.type_is_word[t as usize])
                .collect();
            let mut ids: Vec<u32> = f.en_ids[j..j + b]
                .iter()
                .flatten()
                .copied()
                .filter(|&id| id >= 3)
                .collect();
            types.sort_unstable();
            types.dedup();
            ids.sort_unstable();
            ids.dedup();
            (types, ids)
        })
        .collect();
    let mut type_freq = vec![0u32; f.types.len()];
    let mut id_freq = vec![0u32; f.n_ids];
    for (types, ids) in &sides {
        for &t in types {
            type_freq[t as usize] += 1;
        }
        for &id in ids {
            id_freq[id as usize] += 1;
        }
    }
    // Dice ≥ 0.5 needs the two frequencies within a factor of 3, and a pair cannot meet in more
    // beads than either of its words is in: other pairs are never counted. Counting is a sort of
    // packed (type, id) keys.
    let mut keys: Vec<u64> = Vec::new();
    for (types, ids) in &sides {
        for &t in types {
            let ft = type_freq[t as usize];
            if ft < DICE_MIN_COUNT {
                continue;
            }
            for &id in ids {
                let fi = id_freq[id as usize];
                if fi >= DICE_MIN_COUNT && fi <= 3 * ft && ft <= 3 * fi {
                    keys.push(u64::from(t) << 32 | u64::from(id));
                }
            }
        }
    }
    keys.sort_unstable();
    let mut added = 0;
    added += ibm1(f, &sides, &type_freq, &id_freq);
    for run in keys.chunk_by(|a, b| a == b) {
        let c = run.len() as u32;
        let (t, id) = ((run[0] >> 32) as u32, run[0] as u32);
        let (ft, fi) = (type_freq[t as usize], id_freq[id as usize]);
        let dice = 2.0 * c as f32 / (ft + fi) as f32;
        if c >= DICE_MIN_COUNT && dice >= 0.5 && above_chance(c, ft, fi, sides.len()) {
            let tr = &mut f.types[t as usize];
            if let Err(at) = tr.binary_search(&id) {
                tr.insert(at, id);
                added += 1;
            }
        }
    }
    if added > 0 {
        f.update_reachable();
    }
}

/// Least number of beads where a Dice pair meets. In a document of a few hundred sentences, two
/// words that meet twice are too often there by chance (a line quoted twice pairs each of its
/// words with each of its translation's).
const DICE_MIN_COUNT: u32 = 3;
/// A pair joins the table only if its words share at least this many times as many beads as
/// chance would give them: a particle found in every other bead (道 "said", 的) meets a name found
/// in every third often enough for Dice and IBM Model 1, but no more often than by chance.
const MIN_LIFT: f32 = 2.0;

/// Whether a word in `ft` of `n` beads and an id in `fi` meet (in `c` beads) at least
/// [`MIN_LIFT`] times as often as they would by chance.
fn above_chance(c: u32, ft: u32, fi: u32, n: usize) -> bool {
    c as f32 * n as f32 >= MIN_LIFT * ft as f32 * fi as f32
}

/// Least probability t(id | word) of a pair IBM Model 1 adds to the table.
const IBM_MIN_T: f32 = 0.2;
/// Least expected number of beads where the pair links.
const IBM_MIN_COUNT: f32 = 3.0;
/// Probability of an English id that no word of the bead explains.
const IBM_NULL: f32 = 0.2;

/// IBM Model 1 over the first pass's beads: t(id | word) by five rounds of
/// expectation-maximisation, an empty word taking what no word explains; pairs with
/// t ≥ IBM_MIN_T over at least IBM_MIN_COUNT expected links, meeting above chance, join the table
/// (the Dice table misses a word rendered several ways, whose Dice with each rendering stays low).
/// Returns how many pairs were added.
fn ibm1(
    f: &mut Features,
    sides: &[(Vec<u32>, Vec<u32>)],
    type_freq: &[u32],
    id_freq: &[u32],
) -> usize {
    let ok_t = |t: u32| type_freq[t as usize] >= 2;
    let ok_i = |i: u32| id_freq[i as usize] >= 2;
    // Every (word, id) co-occurrence, in bead order: `slot` numbers them; the English ids of the
    // beads are `spans` of consecutive slots (one span per id, over the bead's words).
    let mut occurrences: Vec<(u64, u32)> = Vec::new();
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for (types, ids) in sides {
        for &i in ids.iter().filter(|&&i| ok_i(i)) {
            let start = occurrences.len() as u32;
            let fi = id_freq[i as usize];
            // A word ten times rarer or commoner than the id is no translation of it.
            let near = |t: u32| {
                let ft = type_freq[t as usize];
                fi <= 10 * ft && ft <= 10 * fi
            };
            for &t in types.iter().filter(|&&t| ok_t(t) && near(t)) {
                let slot = occurrences.len() as u32;
                occurrences.push((u64::from(t) << 32 | u64::from(i), slot));
            }
            spans.push((start, occurrences.len() as u32));
        }
    }
    if occurrences.is_empty() {
        return 0;
    }
    // Sorting by pair gives each distinct pair its index, and each slot its pair.
    occurrences.sort_unstable();
    // `together`: in how many beads each pair meets.
    let mut keys: Vec<u64> = Vec::new();
    let mut together: Vec<u32> = Vec::new();
    let mut pair_of = vec![0u32; occurrences.len()];
    for &(key, slot) in &occurrences {
        if keys.last() != Some(&key) {
            keys.push(key);
            together.push(0);
        }
        *together.last_mut().expect("a key was pushed") += 1;
        pair_of[slot as usize] = (keys.len() - 1) as u32;
    }
    drop(occurrences);
    let word_of: Vec<u32> = keys.iter().map(|k| (k >> 32) as u32).collect();
    let mut t = vec![1.0f32; keys.len()];
    let mut count = vec![0.0f32; keys.len()];
    let mut total = vec![0.0f32; f.types.len()];
    for _ in 0..5 {
        count.iter_mut().for_each(|c| *c = 0.0);
        for &(start, end) in &spans {
            let pairs = &pair_of[start as usize..end as usize];
            let denom: f32 = IBM_NULL + pairs.iter().map(|&k| t[k as usize]).sum::<f32>();
            for &k in pairs {
                count[k as usize] += t[k as usize] / denom;
            }
        }
        total.iter_mut().for_each(|z| *z = 0.0);
        for (k, &c) in count.iter().enumerate() {
            total[word_of[k] as usize] += c;
        }
        for (k, &c) in count.iter().enumerate() {
            let z = total[word_of[k] as usize];
            t[k] = if z > 0.0 { c / z } else { 0.0 };
        }
    }
    let mut added = 0;
    for (k, &key) in keys.iter().enumerate() {
        let (w, id) = ((key >> 32) as u32, key as u32);
        if t[k] >= IBM_MIN_T
            && count[k] >= IBM_MIN_COUNT
            && above_chance(
                together[k],
                type_freq[w as usize],
                id_freq[id as usize],
                sides.len(),
            )
        {
            let tr = &mut f.types[w as usize];
            if let Err(at) = tr.binary_search(&id) {
                tr.insert(at, id);
                added += 1;
            }
        }
    }
    added
}

/// Per token (Chinese type or English id): in how many places of a first alignment's matched
/// beads it stood (`seen`) and found a partner on the other side (`hit`).
pub(crate) struct Matches {
    zh_seen: Vec<u32>,
    zh_hit: Vec<u32>,
    en_seen: Vec<u32>,
    en_hit: Vec<u32>,
}

/// Counts the token matches of the beads of a first alignment.
pub(crate) fn matches(f: &Features, beads: &Beads) -> Matches {
    let mut m = Matches {
        zh_seen: vec![0; f.types.len()],
        zh_hit: vec![0; f.types.len()],
        en_seen: vec![0; f.n_ids],
        en_hit: vec![0; f.n_ids],
    };
    let mut en_mark = vec![u32::MAX; f.n_ids];
    let mut zh_mark = vec![u32::MAX; f.n_ids];
    for (k, &(i, a, j, b)) in beads.iter().enumerate() {
        if a == 0 || b == 0 {
            continue;
        }
        let k = k as u32;
        for &id in f.en_ids[j..j + b].iter().flatten() {
            en_mark[id as usize] = k;
        }
        for &t in f.zh_tokens[i..i + a].iter().flatten() {
            let tr = &f.types[t as usize];
            if tr.is_empty() {
                continue;
            }
            m.zh_seen[t as usize] += 1;
            let mut hit = false;
            for &id in tr {
                hit |= en_mark[id as usize] == k;
                zh_mark[id as usize] = k;
            }
            m.zh_hit[t as usize] += u32::from(hit);
        }
        for &id in f.en_ids[j..j + b].iter().flatten() {
            if f.reachable[id as usize] {
                m.en_seen[id as usize] += 1;
                m.en_hit[id as usize] += u32::from(zh_mark[id as usize] == k);
            }
        }
    }
    m
}

/// How often each token found a partner, shrunk towards `p_true` with a few pseudo-observations.
pub(crate) fn rates(m: &Matches, p_true: f32) -> Rates {
    const PSEUDO: f32 = 2.0;
    let rate = |hit: &[u32], seen: &[u32]| -> Vec<f32> {
        hit.iter()
            .zip(seen)
            .map(|(&h, &s)| ((h as f32 + PSEUDO * p_true) / (s as f32 + PSEUDO)).clamp(0.05, 0.95))
            .collect()
    };
    Rates {
        zh: rate(&m.zh_hit, &m.zh_seen),
        en: rate(&m.en_hit, &m.en_seen),
    }
}

/// Log-likelihood ratio of each (zh class, en class) combination at the edges of beads: observed
/// share in `beads` over the share expected if the two were independent. Classes are below
/// [`END_MARKS`].
fn association(
    beads: &[&(usize, usize, usize, usize)],
    zh: impl Fn(usize, usize) -> u8,
    en: impl Fn(usize, usize) -> u8,
) -> [[f32; END_MARKS]; END_MARKS] {
    let mut together = [[0.0f32; END_MARKS]; END_MARKS];
    for &&(i, a, j, b) in beads {
        together[zh(i, a) as usize][en(j, b) as usize] += 1.0;
    }
    let total: f32 = together.iter().flatten().sum::<f32>() + 1.0;
    let mut out = [[0.0f32; END_MARKS]; END_MARKS];
    for z in 0..END_MARKS {
        let pz = (together[z].iter().sum::<f32>() + 0.5) / total;
        for e in 0..END_MARKS {
            let pe = (together.iter().map(|row| row[e]).sum::<f32>() + 0.5) / total;
            out[z][e] = ((together[z][e] + 0.5 * pz * pe) / total / (pz * pe))
                .ln()
                .clamp(-4.0, 4.0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids the table gives the Chinese word `word` after learning from 1-1 beads.
    fn learned(zh: &[String], en: &[String], word: &str) -> Vec<u32> {
        let zh: Vec<&str> = zh.iter().map(String::as_str).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        let mut f = Features::new(&zh, &en);
        let beads: Vec<_> = (0..zh.len()).map(|i| (i, 1, i, 1)).collect();
        let t = (0..f.types.len())
            .find(|&t| f.type_text[t] == word)
            .expect("the word is a token type");
        let before = f.types[t].clone();
        table(&mut f, &beads);
        f.types[t]
            .iter()
            .copied()
            .filter(|id| !before.contains(id))
            .collect()
    }

    /// Twelve sentence pairs; 乌龟 in the first `together` Chinese sentences, "zorbly" (which no
    /// dictionary entry reaches) in the first `together` English ones.
    fn pairs(together: usize) -> (Vec<String>, Vec<String>) {
        let zh_filler = ["天空", "河流", "森林", "城市", "草原", "大海"];
        let en_filler = ["sky", "river", "forest", "city", "grassland", "sea"];
        (0..12)
            .map(|k| {
                let (z, e) = (zh_filler[k % 6], en_filler[k % 6]);
                if k < together {
                    (format!("乌龟和{z}。"), format!("A zorbly and a {e}."))
                } else {
                    (format!("这是{z}。"), format!("This is a {e}."))
                }
            })
            .unzip()
    }

    #[test]
    fn a_pair_met_three_times_is_learned_twice_is_chance() {
        let (zh, en) = pairs(3);
        assert_eq!(learned(&zh, &en, "乌龟").len(), 1);
        let (zh, en) = pairs(2);
        assert!(learned(&zh, &en, "乌龟").is_empty());
    }

    #[test]
    fn a_word_in_every_bead_learns_nothing() {
        // 道 ("said") is in every sentence, the name in half of them: Dice 0.67, but they meet no
        // more often than chance.
        let zh: Vec<String> = (0..12)
            .map(|k| ["他道：好。", "她道：走。"][k % 2].to_string())
            .collect();
        let en: Vec<String> = (0..12)
            .map(|k| ["'Good,' said Zorbly.", "'Go,' she said."][k % 2].to_string())
            .collect();
        assert!(learned(&zh, &en, "道").is_empty());
    }
}
