//! What the document pair teaches: its own match rates, length ratio and spread, and a translation
//! table of word pairs that keep appearing in the same beads.

use std::collections::HashMap;

use crate::features::Features;
use crate::score::{Model, Scorer};

type Beads = [(usize, usize, usize, usize)];

/// Match rates of true and false beads, length ratio and deviation, measured on a first alignment.
pub(crate) fn model(f: &Features, beads: &Beads, ratio: f32) -> Model {
    let guess = Model::new(0.45, ratio, 0.3);
    let mut scorer = Scorer::new(f, guess, None, None);
    let matched: Vec<_> = beads.iter().filter(|b| b.1 > 0 && b.3 > 0).collect();
    if matched.len() < 10 {
        return guess;
    }
    let (mut hits, mut tokens) = (0u64, 0u64);
    let (mut zh_chars, mut en_chars) = (0.0f32, 0.0f32);
    for &&(i, a, j, b) in &matched {
        let e = scorer.evidence(i, i + a, j, j + b);
        hits += u64::from(e.hits);
        tokens += u64::from(e.tokens);
        zh_chars += f.zh_len[i..i + a].iter().sum::<f32>();
        en_chars += f.en_len[j..j + b].iter().sum::<f32>();
    }
    let p_true = hits as f32 / tokens.max(1) as f32;
    let ratio = (en_chars + 1.0) / (zh_chars + 1.0);
    // Spread of the log length ratio over 1-1 beads.
    let mut sum2 = 0.0f32;
    let mut n = 0.0f32;
    for &&(i, a, j, b) in &matched {
        if a == 1 && b == 1 {
            let d = ((f.en_len[j] + 8.0) / (ratio * f.zh_len[i] + 8.0)).ln();
            sum2 += d * d;
            n += 1.0;
        }
    }
    let sigma = if n >= 10.0 { (sum2 / n).sqrt() } else { 0.3 };
    Model::new(p_true, ratio, sigma)
}

/// Adds to each Chinese word the English ids it keeps meeting in the first alignment's beads
/// (Dice coefficient ≥ 0.5 over at least two beads), then recomputes reachability.
pub(crate) fn table(f: &mut Features, beads: &Beads) {
    let mut type_freq: HashMap<u32, u32> = HashMap::new();
    let mut id_freq: HashMap<u32, u32> = HashMap::new();
    let mut pair: HashMap<(u32, u32), u32> = HashMap::new();
    let mut types = Vec::new();
    let mut ids = Vec::new();
    for &(i, a, j, b) in beads {
        if a == 0 || b == 0 {
            continue;
        }
        types.clear();
        ids.clear();
        for toks in &f.zh_tokens[i..i + a] {
            types.extend(toks.iter().copied().filter(|&t| f.type_is_word[t as usize]));
        }
        for en in &f.en_ids[j..j + b] {
            ids.extend(en.iter().copied().filter(|&id| id >= 3));
        }
        types.sort_unstable();
        types.dedup();
        ids.sort_unstable();
        ids.dedup();
        for &t in &types {
            *type_freq.entry(t).or_insert(0) += 1;
        }
        for &id in &ids {
            *id_freq.entry(id).or_insert(0) += 1;
        }
        for &t in &types {
            for &id in &ids {
                *pair.entry((t, id)).or_insert(0) += 1;
            }
        }
    }
    let mut added = 0;
    for ((t, id), c) in pair {
        if c < 2 {
            continue;
        }
        let dice = 2.0 * c as f32 / (type_freq[&t] + id_freq[&id]) as f32;
        if dice >= 0.5 {
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
