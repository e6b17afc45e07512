//! Term extraction: proposes glossary entries from aligned text, or Chinese terms from Chinese
//! text alone.
//!
//! Bilingual ([`bilingual`]): Chinese candidates are jieba words of two characters or more and
//! runs of up to three words, bounded by content words; English candidates are runs of up to four
//! words inside a clause, starting and ending with a content word (`children of Israel`). Each
//! pair that shares at least `min_freq` beads is scored by Dunning's log-likelihood ratio over the
//! beads, doubled when CC-CEDICT translates a word of the Chinese into a word of the English; pairs
//! whose Dice coefficient is low (they co-occur by chance in long beads) are dropped. Pairs are then
//! linked competitively: the best-scoring pair takes its Chinese and its English, so that each
//! term is proposed once, with its best rendering.
//!
//! Monolingual ([`monolingual`]): Chinese candidates ranked by C-value (frequency, discounted when
//! a candidate mostly occurs inside a longer one, times the log of its length).

use std::collections::HashMap;

use bitext_lexicon::english;
use rayon::prelude::*;

/// Settings of extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// Least number of beads (or sentences) a candidate must occur in.
    pub min_freq: usize,
    /// Least Dice coefficient of a proposed pair.
    pub min_dice: f64,
    /// Longest Chinese candidate, in words.
    pub max_zh_words: usize,
    /// Longest English candidate, in words.
    pub max_en_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_freq: 3,
            min_dice: 0.3,
            max_zh_words: 3,
            max_en_words: 4,
        }
    }
}

/// A proposed term pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub zh: String,
    /// The English as it is most often written.
    pub en: String,
    /// Log-likelihood ratio (doubled with dictionary support).
    pub score: f64,
    /// Beads with both.
    pub freq: usize,
    pub zh_freq: usize,
    pub en_freq: usize,
    /// CC-CEDICT translates a word of the Chinese into a word of the English.
    pub dictionary: bool,
    /// A short bead with both, as an example.
    pub example: (String, String),
}

/// Single words and characters that never start or end a Chinese term.
const ZH_STOP: &[&str] = &[
    "的", "了", "和", "与", "及", "在", "是", "把", "被", "就", "也", "都", "而", "之", "等", "对",
    "将", "从", "向", "以", "于", "为", "所", "这", "那", "我", "你", "他", "她", "它", "们",
    "我们", "你们", "他们", "她们", "其", "此", "有", "不", "没有", "一个", "这个", "那个", "因为",
    "所以", "但是", "如果", "又", "还", "并", "或", "着", "过", "吧", "呢", "吗", "啊", "上", "下",
    "中", "里", "要", "说", "会", "能", "可以", "就是", "这样", "那样", "什么", "自己", "一", "个",
    "很", "到", "去", "来", "给", "让", "使", "得", "地", "着", "呀", "吧", "么", "因", "但", "却",
    "已", "已经", "曾", "正", "再", "更", "最", "各", "每", "凡", "若", "如", "虽", "乃", "且",
    "即", "的话",
];

/// Whether the whole candidate is a number (三, 二十, seven hundred): numbers are for the
/// number-mismatch check, not for the glossary.
fn is_number(s: &str, chinese: bool) -> bool {
    let found = if chinese {
        bitext_lexicon::numbers::chinese(s)
    } else {
        bitext_lexicon::numbers::english(s)
    };
    let numeral = if chinese {
        s.chars()
            .all(|c| "零〇一二三四五六七八九十百千万亿两".contains(c))
    } else {
        s.split(' ').all(|w| {
            matches!(
                w,
                "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "million"
                    | "millions"
                    | "billion"
            )
        })
    };
    numeral
        || found
            .first()
            .is_some_and(|n| n.start == 0 && n.end == s.len())
}

/// A one-character term (神, 旗): a CC-CEDICT word that is not a function word.
fn single_ok(w: &str) -> bool {
    bitext_lexicon::Lexicon::get().contains(w)
}

fn is_han_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(bitext_core::is_han)
}

/// Chinese candidates of one text: word runs as jieba cuts them with the vocabulary alone (神 | 说)
/// and with its HMM (耶和华, which the vocabulary lacks, stays whole instead of 耶 | 和 | 华).
fn zh_candidates(text: &str, max_words: usize) -> Vec<String> {
    let mut out = Vec::new();
    zh_runs(&bitext_lexicon::words(text), max_words, true, &mut out);
    zh_runs(&bitext_lexicon::words_hmm(text), max_words, false, &mut out);
    out.sort();
    out.dedup();
    out
}

/// Candidates of the runs of Chinese words. With `split_names`, a stretch of one-character words
/// is where the vocabulary failed (耶 | 和 | 华): a candidate of several such characters must be
/// the whole stretch (万军之耶和华, not 军之耶).
fn zh_runs(words: &[&str], max_words: usize, split_names: bool, out: &mut Vec<String>) {
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        let single = |k: usize| run[k].chars().count() == 1;
        // Length of the stretch of one-character words around word k.
        let stretch = |k: usize| {
            if !single(k) {
                return 0;
            }
            let before = (0..k).rev().take_while(|&x| single(x)).count();
            let after = (k + 1..run.len()).take_while(|&x| single(x)).count();
            before + 1 + after
        };
        for i in 0..run.len() {
            if ZH_STOP.contains(&run[i]) {
                continue;
            }
            let mut s = String::new();
            for j in i..run.len().min(i + max_words) {
                s.push_str(run[j]);
                if ZH_STOP.contains(&run[j]) {
                    continue;
                }
                let cuts_a_stretch = split_names
                    && j > i
                    && (i..=j).all(single)
                    && ((i > 0 && single(i - 1)) || (j + 1 < run.len() && single(j + 1)));
                // A one-character word in a stretch of three or more (耶 | 和 | 华) is a piece of
                // an unknown word, not a term; 神 of 神 | 说 is.
                let piece = split_names && stretch(i) >= 3;
                if (s.chars().count() >= 2 || (j == i && !piece && single_ok(&s)))
                    && !cuts_a_stretch
                    && !is_number(&s, true)
                {
                    out.push(s.clone());
                }
            }
        }
        run.clear();
    };
    let mut run: Vec<&str> = Vec::new();
    for &w in words {
        if is_han_word(w) {
            run.push(w);
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

/// English words of one text, split into clauses at punctuation.
fn en_clauses(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut clauses: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let mut last_end = 0;
    for w in english::words(text) {
        let gap = &text[last_end..w.start];
        if gap.chars().any(|c| !c.is_whitespace() && c != '-') {
            clauses.push(Vec::new());
        }
        if let Some(c) = clauses.last_mut() {
            c.push((w.start, w.start + w.text.len()));
        }
        last_end = w.start + w.text.len();
    }
    clauses.retain(|c| !c.is_empty());
    clauses
}

/// English candidates of one text, lowercased.
fn en_candidates(text: &str, max_words: usize) -> Vec<String> {
    let mut out = Vec::new();
    for clause in en_clauses(text) {
        let lower: Vec<String> = clause
            .iter()
            .map(|&(s, e)| text[s..e].to_lowercase())
            .collect();
        for i in 0..lower.len() {
            if english::is_stopword(&lower[i]) || lower[i].chars().count() < 2 {
                continue;
            }
            let mut s = String::new();
            for (k, w) in lower[i..lower.len().min(i + max_words)].iter().enumerate() {
                if k > 0 {
                    s.push(' ');
                }
                s.push_str(w);
                if !english::is_stopword(w) && w.chars().count() >= 2 && !is_number(&s, false) {
                    out.push(s.clone());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The surface form of `key` (lowercased candidate) in `text`, if it occurs there.
fn surface(text: &str, key: &str) -> Option<String> {
    let n = key.split(' ').count();
    for clause in en_clauses(text) {
        for win in clause.windows(n) {
            let joined: Vec<String> = win
                .iter()
                .map(|&(a, b)| text[a..b].to_lowercase())
                .collect();
            if joined.join(" ") == key {
                // Keep the words' own spelling, single spaces between them.
                let words: Vec<&str> = win.iter().map(|&(a, b)| &text[a..b]).collect();
                return Some(words.join(" "));
            }
        }
    }
    None
}

/// Interned candidates of every bead.
struct Side {
    names: Vec<String>,
    beads: Vec<Vec<u32>>,
    df: Vec<u32>,
}

fn intern(per_bead: Vec<Vec<String>>, min_freq: usize) -> Side {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut beads = Vec::with_capacity(per_bead.len());
    for cands in per_bead {
        let mut b = Vec::with_capacity(cands.len());
        for c in cands {
            let id = *ids.entry(c).or_insert_with_key(|k| {
                names.push(k.clone());
                df.push(0);
                (names.len() - 1) as u32
            });
            df[id as usize] += 1;
            b.push(id);
        }
        beads.push(b);
    }
    for b in &mut beads {
        b.retain(|&id| df[id as usize] as usize >= min_freq);
    }
    Side { names, beads, df }
}

/// Drops Chinese candidates that are fragments of a longer one: nine times in ten inside the same
/// longer candidate (主耶 of 主耶和华, where the segmenter cut a name in the wrong place).
fn drop_fragments(side: &mut Side, min_freq: usize) {
    let mut inside = vec![0u32; side.names.len()];
    for_each_nested(side, min_freq, 2, |inner, outer| {
        inside[inner] = inside[inner].max(side.df[outer]);
    });
    let fragment: Vec<bool> = (0..side.names.len())
        .map(|k| inside[k] as f64 >= 0.9 * side.df[k] as f64 && inside[k] > 0)
        .collect();
    for b in &mut side.beads {
        b.retain(|&id| !fragment[id as usize]);
    }
}

/// Calls `f(inner, outer)` for every pair of candidates seen `min_freq` times or more where
/// `inner`, of `min_chars` characters or more, is part of the longer `outer` (once per pair).
/// Found by looking up the substrings of each candidate, not by comparing every two.
fn for_each_nested(
    side: &Side,
    min_freq: usize,
    min_chars: usize,
    mut f: impl FnMut(usize, usize),
) {
    let kept: HashMap<&str, usize> = side
        .names
        .iter()
        .enumerate()
        .filter(|&(k, _)| side.df[k] as usize >= min_freq)
        .map(|(k, s)| (s.as_str(), k))
        .collect();
    let mut inner: Vec<usize> = Vec::new();
    for (&name, &outer) in &kept {
        let bounds: Vec<usize> = name
            .char_indices()
            .map(|(i, _)| i)
            .chain([name.len()])
            .collect();
        inner.clear();
        for (a, &i) in bounds.iter().enumerate() {
            for &j in bounds.get(a + min_chars.max(1)..).unwrap_or(&[]) {
                if (i, j) == (0, name.len()) {
                    continue;
                }
                if let Some(&sub) = kept.get(&name[i..j]) {
                    inner.push(sub);
                }
            }
        }
        inner.sort_unstable();
        inner.dedup();
        for &sub in &inner {
            f(sub, outer);
        }
    }
}

/// Dunning's G² of a 2×2 table, positive association only.
fn llr(k11: f64, k1_: f64, k_1: f64, n: f64) -> f64 {
    let k12 = k1_ - k11;
    let k21 = k_1 - k11;
    let k22 = n - k1_ - k_1 + k11;
    if k11 * n <= k1_ * k_1 {
        return 0.0;
    }
    let h = |k: f64, e: f64| if k > 0.0 { k * (k / e).ln() } else { 0.0 };
    let e11 = k1_ * k_1 / n;
    let e12 = k1_ * (n - k_1) / n;
    let e21 = (n - k1_) * k_1 / n;
    let e22 = (n - k1_) * (n - k_1) / n;
    2.0 * (h(k11, e11) + h(k12, e12) + h(k21, e21) + h(k22.max(0.0), e22))
}

fn dictionary_support(zh: &str, en_key: &str) -> bool {
    let lex = bitext_lexicon::Lexicon::get();
    let stems: Vec<String> = en_key
        .split(' ')
        .filter(|w| !english::is_stopword(w))
        .map(|w| english::stem(english::base_form(w).unwrap_or(w)))
        .collect();
    let mut words = vec![zh];
    let split = bitext_lexicon::words(zh);
    if split.len() > 1 {
        words.extend(split);
    }
    words.iter().any(|w| {
        lex.translations(w)
            .is_some_and(|mut t| t.any(|s| stems.iter().any(|x| x == s)))
    })
}

/// Proposes term pairs from aligned (Chinese, English) beads, best first. `progress` is called
/// with the number of beads read so far.
pub fn bilingual(
    pairs: &[(String, String)],
    options: &Options,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Candidate> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let step = |_: &()| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n % 1000 == 0 {
            progress(n);
        }
    };
    let (zh_raw, en_raw): (Vec<Vec<String>>, Vec<Vec<String>>) = pairs
        .par_iter()
        .map(|(z, e)| {
            step(&());
            (
                zh_candidates(z, options.max_zh_words),
                en_candidates(e, options.max_en_words),
            )
        })
        .unzip();
    progress(pairs.len());
    let mut zh = intern(zh_raw, options.min_freq);
    let en = intern(en_raw, options.min_freq);
    drop_fragments(&mut zh, options.min_freq);
    let n = pairs.len() as f64;

    // Co-occurrence counts, per chunk of beads in parallel, then merged.
    let counts: HashMap<u64, u32> = zh
        .beads
        .par_chunks(512)
        .zip(en.beads.par_chunks(512))
        .map(|(zc, ec)| {
            let mut m: HashMap<u64, u32> = HashMap::new();
            for (zs, es) in zc.iter().zip(ec) {
                for &z in zs {
                    for &e in es {
                        *m.entry(((z as u64) << 32) | e as u64).or_default() += 1;
                    }
                }
            }
            m
        })
        .reduce(HashMap::new, |mut a, b| {
            if a.len() < b.len() {
                return merge_counts(b, a);
            }
            for (k, v) in b {
                *a.entry(k).or_default() += v;
            }
            a
        });

    let mut scored: Vec<(f64, u32, u32, u32, bool)> = counts
        .into_par_iter()
        .filter(|&(_, c)| c as usize >= options.min_freq)
        .filter_map(|(key, c)| {
            let (z, e) = ((key >> 32) as u32, key as u32);
            let (cz, ce) = (zh.df[z as usize] as f64, en.df[e as usize] as f64);
            let dice = 2.0 * c as f64 / (cz + ce);
            if dice < options.min_dice {
                return None;
            }
            let g = llr(c as f64, cz, ce, n);
            (g > 0.0).then_some((g, z, e, c, false))
        })
        .collect();
    // Dictionary support for the pairs that could be linked.
    scored.par_iter_mut().for_each(|s| {
        s.4 = dictionary_support(&zh.names[s.1 as usize], &en.names[s.2 as usize]);
        if s.4 {
            s.0 *= 2.0;
        }
    });
    // Ties (a candidate that only occurs inside a longer one scores the same): the longer first.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| {
                zh.names[b.1 as usize]
                    .len()
                    .cmp(&zh.names[a.1 as usize].len())
            })
            .then_with(|| {
                en.names[b.2 as usize]
                    .len()
                    .cmp(&en.names[a.2 as usize].len())
            })
            .then_with(|| zh.names[a.1 as usize].cmp(&zh.names[b.1 as usize]))
            .then_with(|| en.names[a.2 as usize].cmp(&en.names[b.2 as usize]))
    });

    // Competitive linking: each Chinese and each English candidate once; a candidate inside (or
    // around) one already linked, paired with English inside (or around) its partner, is the same
    // term again.
    let mut zh_used = vec![false; zh.names.len()];
    let mut en_used = vec![false; en.names.len()];
    let mut linked: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (score, z, e, c, dict) in scored {
        let (zi, ei) = (z as usize, e as usize);
        if zh_used[zi] || en_used[ei] {
            continue;
        }
        let (zs, es) = (&zh.names[zi], &en.names[ei]);
        let nested = linked.iter().any(|&(lz, le)| {
            let (lzs, les) = (&zh.names[lz], &en.names[le]);
            (lzs.contains(zs.as_str()) || zs.contains(lzs.as_str()))
                && (les.contains(es.as_str()) || es.contains(les.as_str()))
        });
        zh_used[zi] = true;
        en_used[ei] = true;
        if nested {
            continue;
        }
        linked.push((zi, ei));
        out.push(Candidate {
            zh: zs.clone(),
            en: es.clone(),
            score,
            freq: c as usize,
            zh_freq: zh.df[zi] as usize,
            en_freq: en.df[ei] as usize,
            dictionary: dict,
            example: (String::new(), String::new()),
        });
    }

    // Examples and surface forms: the shortest bead (of the first few) with both. `linked` holds
    // each candidate's ids, in the same order.
    out.par_iter_mut().zip(&linked).for_each(|(cand, &(z, e))| {
        let (z, e) = (z as u32, e as u32);
        let with_both: Vec<usize> = (0..pairs.len())
            .filter(|&b| zh.beads[b].contains(&z) && en.beads[b].contains(&e))
            .take(20)
            .collect();
        if let Some(&b) = with_both
            .iter()
            .min_by_key(|&&b| pairs[b].0.chars().count() + pairs[b].1.chars().count())
        {
            cand.example = pairs[b].clone();
        }
        // The spelling most often seen; lower case wins a tie (a capital may only start a sentence).
        let mut forms: HashMap<String, usize> = HashMap::new();
        for &b in &with_both {
            if let Some(s) = surface(&pairs[b].1, &cand.en) {
                *forms.entry(s).or_default() += 1;
            }
        }
        if let Some((form, _)) = forms
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        {
            cand.en = form;
        }
    });
    out
}

fn merge_counts(mut a: HashMap<u64, u32>, b: HashMap<u64, u32>) -> HashMap<u64, u32> {
    for (k, v) in b {
        *a.entry(k).or_default() += v;
    }
    a
}

/// A Chinese term candidate from Chinese text alone.
#[derive(Debug, Clone, PartialEq)]
pub struct ZhCandidate {
    pub zh: String,
    /// Sentences it occurs in.
    pub freq: usize,
    /// C-value.
    pub termhood: f64,
    /// Whether CC-CEDICT has it as one word.
    pub in_dictionary: bool,
    /// A short sentence with it.
    pub example: String,
}

/// Head nouns of the names of bodies, campaigns, programmes and rules (委员会, 工程, 活动月,
/// 条例 …): a run of words ending in one names a thing even when it occurs once.
const ZH_HEADS: &[&str] = &[
    "委员会",
    "党委",
    "政府",
    "中心",
    "基地",
    "工程",
    "计划",
    "行动",
    "活动月",
    "宣传月",
    "宣传周",
    "大会",
    "条例",
    "办法",
    "教材",
    "示范区",
    "示范单位",
    "示范带",
    "研究中心",
    "委",
    "月",
    "周",
];

/// Spans a Chinese text marks as names: inside quotation marks (“三北”, “感党恩、听党话、跟党走”)
/// and title marks (《内蒙古自治区促进民族团结进步条例》), with the word a quoted name modifies
/// (“三北”工程 → 三北工程). Official texts mark their fixed formulations this way.
fn zh_marked(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('《', '》'), ('"', '"'), ('「', '」')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else {
                break;
            };
            let inner = &after[..j];
            let n = inner.chars().count();
            let plain = inner
                .chars()
                .all(|c| bitext_core::is_han(c) || matches!(c, '、' | '·' | '+'));
            if (2..=20).contains(&n) && plain && !is_number(inner, true) {
                out.push(inner.to_owned());
                // The head word after a quoted name: “三北”工程.
                let tail = &after[j + close.len_utf8()..];
                if let Some(head) = bitext_lexicon::words(tail).first() {
                    if ZH_HEADS.contains(head) && open != '《' {
                        out.push(format!("{inner}{head}"));
                    }
                }
            }
            rest = &after[j + close.len_utf8()..];
        }
    }
    out
}

/// How much a candidate is a term rather than a word of general Chinese: 1 for a phrase or a
/// word general Chinese rarely uses, down to about a quarter for the most common words (工作,
/// 发展), from jieba's frequencies.
fn specificity(name: &str) -> f64 {
    match bitext_lexicon::general_frequency(name) {
        Some(f) => 1.0 / (1.0 + (1.0 + f as f64 / 100.0).log10()),
        None => 1.0,
    }
}

/// Whether a run of several words starts and ends on whole words: not on a one-character word
/// cut from a longer one (区 of 全区 in 区民族团结进步), except a place, body or period suffix at
/// the end (鄂尔多斯市, 乌审旗, 活动月).
fn whole_words(name: &str) -> bool {
    let words = bitext_lexicon::words(name);
    if words.len() < 2 {
        return true;
    }
    let single = |w: &str| w.chars().count() == 1;
    let suffix = |w: &str| "市旗盟区县镇村乡委月周".contains(w);
    !single(words[0]) && (!single(words[words.len() - 1]) || suffix(words[words.len() - 1]))
}

/// Chinese term candidates of `sentences`, best first.
///
/// Candidates are runs of words (up to `max_zh_words + 2`) seen in `min_freq` sentences or more,
/// and, seen once, the names a text marks with quotation or title marks and the runs of three
/// words or more that end in the head noun of a body, campaign or programme (委员会, 工程,
/// 活动月 …). They are ranked by C-value: log2(characters + 1) times the frequency, discounted by
/// the frequency of the longer candidates it is part of; a marked name counts once more.
pub fn monolingual(sentences: &[String], options: &Options) -> Vec<ZhCandidate> {
    // Without a translation to delimit them, terms are found by their nesting: allow longer ones
    // (铸牢 | 中华 | 民族 | 共同体 | 意识).
    let (per, marked): (Vec<Vec<String>>, Vec<Vec<String>>) = sentences
        .par_iter()
        .map(|s| {
            let mut c = zh_candidates(s, options.max_zh_words + 2);
            let m = zh_marked(s);
            c.extend(m.iter().cloned());
            c.sort();
            c.dedup();
            (c, m)
        })
        .unzip();
    let marked: std::collections::HashSet<String> = marked.into_iter().flatten().collect();
    let headed = |name: &str| {
        let words = bitext_lexicon::words(name);
        words.len() >= 3 && words.last().is_some_and(|w| ZH_HEADS.contains(w))
    };
    let mut side = intern(per, 1);
    drop_fragments(&mut side, options.min_freq);
    // Fragments are gone from the sentences; count again.
    side.df.iter_mut().for_each(|d| *d = 0);
    for b in &side.beads {
        for &id in b {
            side.df[id as usize] += 1;
        }
    }
    let lex = bitext_lexicon::Lexicon::get();
    let named: Vec<bool> = side
        .names
        .iter()
        .map(|n| marked.contains(n) || headed(n))
        .collect();
    let kept: Vec<usize> = (0..side.names.len())
        .filter(|&k| side.df[k] > 0 && (side.df[k] as usize >= options.min_freq || named[k]))
        .filter(|&k| named[k] || whole_words(&side.names[k]))
        .collect();
    // The longer candidates each one is part of, for the C-value discount.
    let mut nested_in: Vec<Vec<usize>> = vec![Vec::new(); side.names.len()];
    for_each_nested(&side, options.min_freq, 1, |inner, outer| {
        nested_in[inner].push(outer)
    });
    let mut out: Vec<ZhCandidate> = kept
        .par_iter()
        .map(|&k| {
            let name = &side.names[k];
            let weight = (name.chars().count() as f64 + 1.0).log2();
            let nests = &nested_in[k];
            let f = side.df[k] as f64 + if marked.contains(name) { 1.0 } else { 0.0 };
            let c = if nests.is_empty() {
                weight * f
            } else {
                let sum: f64 = nests.iter().map(|&j| side.df[j] as f64).sum();
                weight * (f - sum / nests.len() as f64)
            };
            let c = c * specificity(name);
            let example = (0..sentences.len())
                .filter(|&b| side.beads[b].contains(&(k as u32)))
                .take(20)
                .min_by_key(|&b| sentences[b].chars().count())
                .map(|b| sentences[b].clone())
                .unwrap_or_default();
            ZhCandidate {
                zh: name.clone(),
                freq: side.df[k] as usize,
                termhood: c,
                in_dictionary: lex.contains(name),
                example,
            }
        })
        .filter(|c| c.termhood > 0.0)
        .collect();
    out.sort_by(|a, b| b.termhood.total_cmp(&a.termhood).then(a.zh.cmp(&b.zh)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_names_and_long_names_of_bodies_are_proposed_once_seen() {
        assert_eq!(
            zh_marked("打好“三北”工程攻坚战，出台《内蒙古自治区促进民族团结进步条例》"),
            ["三北", "三北工程", "内蒙古自治区促进民族团结进步条例"]
        );
        let sentences: Vec<String> = [
            "内蒙古自治区民族事务委员会关于印发工作方案的通知",
            "开展“感党恩、听党话、跟党走”主题宣讲活动。",
            "民族团结进步活动月期间开展工作。",
            "民族团结进步活动月开展工作。",
            "民族团结进步活动月组织工作。",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let found: Vec<String> = monolingual(&sentences, &Options::default())
            .into_iter()
            .map(|c| c.zh)
            .collect();
        for term in [
            "内蒙古自治区民族事务委员会",
            "感党恩、听党话、跟党走",
            "民族团结进步活动月",
        ] {
            assert!(found.contains(&term.to_string()), "{term}: {found:?}");
        }
        // A common word of general Chinese ranks below the terms.
        let pos = |t: &str| found.iter().position(|x| x == t);
        assert!(pos("工作").is_none_or(|k| k > pos("民族团结进步活动月").unwrap()));
    }

    #[test]
    fn candidates_are_bounded_by_content_words() {
        let z = zh_candidates("我们要铸牢中华民族共同体意识。", 3);
        assert!(z.contains(&"中华民族".to_string()), "{z:?}");
        assert!(!z.iter().any(|c| c.starts_with("我们")), "{z:?}");
        let e = en_candidates("The children of Israel went out, and the LORD spoke.", 4);
        assert!(e.contains(&"children of israel".to_string()), "{e:?}");
        assert!(!e.iter().any(|c| c.starts_with("the ")), "{e:?}");
        assert!(!e.contains(&"israel went out and".to_string()), "{e:?}");
        assert_eq!(
            surface("And the LORD spake", "lord spake").as_deref(),
            Some("LORD spake")
        );
    }

    #[test]
    fn llr_is_positive_for_association_only() {
        assert!(llr(10.0, 10.0, 10.0, 1000.0) > 50.0);
        assert_eq!(llr(1.0, 100.0, 100.0, 10000.0), 0.0);
    }

    #[test]
    fn finds_the_obvious_pairs() {
        let beads = [
            (
                "摩西对以色列人说话。",
                "Moses spoke to the children of Israel.",
            ),
            ("摩西上山去了。", "Moses went up the mountain."),
            (
                "以色列人在旷野。",
                "The children of Israel were in the wilderness.",
            ),
            ("耶和华对摩西说。", "The LORD said to Moses."),
            (
                "以色列人出了埃及。",
                "The children of Israel came out of Egypt.",
            ),
            ("摩西和亚伦在埃及。", "Moses and Aaron were in Egypt."),
            ("耶和华说话。", "The LORD spoke."),
            ("耶和华在旷野。", "The LORD was in the wilderness."),
            ("他们离开埃及。", "They left Egypt."),
        ];
        let pairs: Vec<(String, String)> = beads
            .iter()
            .map(|(z, e)| (z.to_string(), e.to_string()))
            .collect();
        let c = bilingual(&pairs, &Options::default(), &|_| {});
        let found: Vec<(&str, &str)> = c.iter().map(|c| (c.zh.as_str(), c.en.as_str())).collect();
        for want in [
            ("摩西", "Moses"),
            ("耶和华", "LORD"),
            ("埃及", "Egypt"),
            ("以色列人", "children of Israel"),
        ] {
            assert!(found.contains(&want), "{want:?} not in {found:?}");
        }
    }
}

/// One Chinese term of an aligned set rendered more than one way.
#[derive(Debug, Clone, PartialEq)]
pub struct Variation {
    pub zh: String,
    /// The renderings, most frequent first, with the beads each is in (indices into the pairs).
    pub renderings: Vec<(String, Vec<usize>)>,
}

/// The words of an English phrase as renderings are compared: inflectional bases, sorted (word
/// order and hyphenation aside).
fn rendering_key(s: &str) -> Vec<String> {
    let mut k: Vec<String> = s
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty() && !english::is_stopword(w))
        .map(stem_of)
        .collect();
    k.sort();
    k.dedup();
    k
}

/// The stem a word is compared by: "infected" and "infection" are one rendering in two parts
/// of speech, which a sentence chooses.
fn stem_of(w: &str) -> String {
    english::stem(english::base_form(w).unwrap_or(w))
}

/// Whether two renderings are the same for consistency: the same content words in any order and
/// inflection, or near spellings of them (strsim's normalised Levenshtein of 0.85 or more).
fn same_rendering(a: &str, b: &str) -> bool {
    let (ka, kb) = (rendering_key(a), rendering_key(b));
    ka == kb || strsim::normalized_levenshtein(&ka.join(" "), &kb.join(" ")) >= 0.85
}

/// Whether the English of a bead renders `key` (a rendering's words, [`rendering_key`]).
fn renders(en_bases: &[String], key: &[String]) -> bool {
    !key.is_empty() && key.iter().all(|w| en_bases.contains(w))
}

/// Terms rendered more than one way in aligned (Chinese, English) beads, without a glossary: the
/// Chinese terms [`bilingual`] extraction links to an English rendering (jieba words and runs,
/// log-likelihood, CC-CEDICT support), then, for each, the beads with the term whose English lacks
/// that rendering, and among their English candidates one that occurs in at least `min_freq` of
/// them, translates the term by CC-CEDICT, and is specific to it (in two thirds of the beads where
/// it occurs at all, the term is there too). Renderings that differ only by inflection, part of
/// speech (Snowball stems), word order, hyphenation or a near spelling are one. Single characters
/// are left out (月, 日: rendered by what they count). Most frequent rendering first.
pub fn consistency(
    pairs: &[(String, String)],
    options: &Options,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Variation> {
    let linked = bilingual(pairs, options, progress);
    let bases: Vec<Vec<String>> = pairs
        .par_iter()
        .map(|(_, e)| {
            e.to_lowercase()
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .map(stem_of)
                .collect()
        })
        .collect();
    // Each bead's English candidates, once.
    let en_of: Vec<Vec<String>> = pairs
        .par_iter()
        .map(|(_, e)| en_candidates(e, options.max_en_words))
        .collect();
    // Which beads have each word: how many beads render a phrase is then a walk of its rarest
    // word's beads, not of all of them.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (b, ws) in bases.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for w in ws {
            if seen.insert(w.as_str()) {
                postings.entry(w.as_str()).or_default().push(b);
            }
        }
    }
    let beads_with = |key: &[String]| -> usize {
        let lists: Option<Vec<&Vec<usize>>> =
            key.iter().map(|w| postings.get(w.as_str())).collect();
        match lists.and_then(|l| l.into_iter().min_by_key(|l| l.len())) {
            Some(rarest) => rarest.iter().filter(|&&b| renders(&bases[b], key)).count(),
            None => 0,
        }
    };
    let mut out: Vec<Variation> = linked
        .par_iter()
        // Terms, not characters: 月, 日 are rendered by what they count.
        .filter(|cand| cand.zh.chars().filter(|&c| bitext_core::is_han(c)).count() >= 2)
        .filter_map(|cand| {
            let with_term: Vec<usize> = (0..pairs.len())
                .filter(|&b| pairs[b].0.contains(cand.zh.as_str()))
                .collect();
            // The linked rendering may be a part of the one used ("ethnic" of "ethnic unity"):
            // the longest candidate around it that nearly every bead with it has.
            let linked_key = rendering_key(&cand.en);
            let holding: Vec<usize> = with_term
                .iter()
                .copied()
                .filter(|&b| renders(&bases[b], &linked_key))
                .collect();
            let mut around: HashMap<String, usize> = HashMap::new();
            for &b in &holding {
                for c in &en_of[b] {
                    let ck = rendering_key(c);
                    if linked_key.iter().all(|w| ck.contains(w)) {
                        *around.entry(c.clone()).or_default() += 1;
                    }
                }
            }
            let first = around
                .into_iter()
                .filter(|(c, _)| {
                    let ck = rendering_key(c);
                    5 * holding.iter().filter(|&&b| renders(&bases[b], &ck)).count()
                        >= 4 * holding.len()
                })
                .max_by(|a, b| {
                    rendering_key(&a.0)
                        .len()
                        .cmp(&rendering_key(&b.0).len())
                        .then(a.1.cmp(&b.1))
                        .then(b.0.cmp(&a.0))
                })
                .map_or_else(|| cand.en.clone(), |(c, _)| c);
            let key = rendering_key(&first);
            let (with, without): (Vec<usize>, Vec<usize>) =
                with_term.iter().partition(|&&b| renders(&bases[b], &key));
            if without.len() < options.min_freq || with.is_empty() {
                return None;
            }
            // The other renderings: English candidates of the beads without the first one.
            let mut counts: HashMap<String, Vec<usize>> = HashMap::new();
            for &b in &without {
                for c in &en_of[b] {
                    counts.entry(c.clone()).or_default().push(b);
                }
            }
            let best = counts
                .into_iter()
                .filter(|(c, bs)| {
                    bs.len() >= options.min_freq
                        && !same_rendering(c, &first)
                        && !rendering_key(c).iter().all(|w| key.contains(w))
                })
                .filter(|(c, bs)| {
                    // A translation of the term (CC-CEDICT links them), and specific to it: in
                    // two thirds of the beads with it at all, the term is there too.
                    dictionary_support(&cand.zh, c)
                        && 3 * bs.len() >= 2 * beads_with(&rendering_key(c))
                })
                // The longest of the most frequent: "ethnic solidarity" over "solidarity".
                .max_by(|a, b| {
                    a.1.len()
                        .cmp(&b.1.len())
                        .then(a.0.split(' ').count().cmp(&b.0.split(' ').count()))
                        .then(b.0.cmp(&a.0))
                })?;
            let mut renderings = vec![(first, with), (best.0, best.1)];
            renderings.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            Some(Variation {
                zh: cand.zh.clone(),
                renderings,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let n = |v: &Variation| v.renderings.iter().map(|r| r.1.len()).sum::<usize>();
        n(b).cmp(&n(a)).then(a.zh.cmp(&b.zh))
    });
    out
}

#[cfg(test)]
mod consistency_tests {
    use super::*;

    #[test]
    fn a_term_rendered_two_ways_is_found_and_inflection_is_not_a_way() {
        // Shared with bitext-check's inconsistent-rendering test.
        let pairs: Vec<(String, String)> = include_str!("consistency-sample.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(z, e)| (z.to_string(), e.to_string()))
            .collect();
        let found = consistency(&pairs, &Options::default(), &|_| {});
        let v = found
            .iter()
            .find(|v| v.zh == "民族团结")
            .expect("民族团结 found");
        assert_eq!(v.renderings[0].0, "ethnic unity");
        assert_eq!(
            v.renderings[0].1.len(),
            6,
            "word order and inflection are one rendering"
        );
        assert_eq!(v.renderings[1].0, "national solidarity");
        assert_eq!(v.renderings[1].1, [6, 7, 8]);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
