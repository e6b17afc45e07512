//! Sentences as bags of evidence in one id space.
//!
//! Every English content word (stem), number, name and telling punctuation mark gets an id. A Chinese
//! sentence becomes a list of *tokens*, each with the ids it may translate to: CC-CEDICT stems for a
//! word, the number's value, the pinyin of a run of characters that spells an English name, the same
//! punctuation. A bead's lexical evidence is how many tokens on each side find a partner on the other.

use std::collections::HashMap;

use bitext_lexicon::{english, numbers, Lexicon};
use rayon::prelude::*;

/// Ids are dense from 0; a few are reserved for punctuation.
pub(crate) const QUESTION: u32 = 0;
pub(crate) const EXCLAIM: u32 = 1;
pub(crate) const QUOTE: u32 = 2;
const RESERVED: u32 = 3;

/// Everything the scorer needs about both documents.
pub(crate) struct Features {
    /// Per Chinese sentence: its tokens, as indices into `types`.
    pub zh_tokens: Vec<Vec<u32>>,
    /// Per token type: the ids it translates to (sorted), from the lexicon or learned from the pair.
    pub types: Vec<Vec<u32>>,
    /// Per token type: its text (a word, `#number`, `@name`, or punctuation).
    #[cfg_attr(not(test), allow(dead_code))]
    pub type_text: Vec<String>,
    /// Whether a type is a plain word (learnable), as opposed to a number, name or punctuation.
    pub type_is_word: Vec<bool>,
    /// Per English sentence: its content ids (with repeats).
    pub en_ids: Vec<Vec<u32>>,
    /// Ids some Chinese token can reach: English content words outside it are no evidence either way.
    pub reachable: Vec<bool>,
    /// Lengths in characters (not counting white space).
    pub zh_len: Vec<f32>,
    pub en_len: Vec<f32>,
    /// Whether each sentence ends inside-out of a quotation (a closing quote is its last mark).
    pub zh_end_quote: Vec<u8>,
    pub en_end_quote: Vec<u8>,
    /// Whether each sentence opens a quotation (its first mark is an opening quote).
    pub zh_start_quote: Vec<u8>,
    pub en_start_quote: Vec<u8>,
    /// The kind of each sentence's final mark, closing quotes aside: see [`end_mark`].
    pub zh_end_mark: Vec<u8>,
    pub en_end_mark: Vec<u8>,
    /// Running count of quotations opened minus closed before each sentence (one more entry than
    /// sentences): a bead whose Chinese side leaves a quotation open should on its English side too.
    pub zh_quote_depth: Vec<i32>,
    pub en_quote_depth: Vec<i32>,
    /// Number of ids.
    pub n_ids: usize,
    /// Ids of numbers: evidence on the English side even where no Chinese token reaches them.
    number_ids: Vec<u32>,
}

struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32 + RESERVED;
        self.ids.insert(key.to_owned(), id);
        id
    }
    fn get(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }
    fn len(&self) -> usize {
        self.ids.len() + RESERVED as usize
    }
}

fn punctuation_ids(text: &str, out: &mut Vec<u32>) {
    for c in text.chars() {
        match c {
            '?' | '？' => out.push(QUESTION),
            '!' | '！' => out.push(EXCLAIM),
            '"' | '“' | '「' | '『' => out.push(QUOTE),
            _ => {}
        }
    }
}

/// Whether a sentence's last mark closes a quotation: `。”`, `!'`, `」`.
fn ends_with_quote(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '”' | '」' | '』' | '’' | '"' | '\''))
}

/// Whether a sentence opens with a quotation mark.
fn starts_with_quote(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '“' | '「' | '『' | '‘' | '"' | '\''))
}

/// Quotations a sentence opens minus those it closes. Curly and corner quotes say which they are;
/// a straight or single quote opens after white space (or at the start) before a letter, and closes
/// after a final mark or comma (`do you?' said`), so that apostrophes (`Lin's`, `boys'`) count as
/// neither.
fn quote_balance(text: &str) -> i32 {
    let mut net = 0;
    let mut before: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied();
        net += match c {
            '“' | '「' | '『' => 1,
            '”' | '」' | '』' => -1,
            '"' | '\'' | '‘' | '’' => {
                let opens = c != '’'
                    && before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—'))
                    && after.is_some_and(|a| a.is_alphanumeric());
                let closes = c != '‘'
                    && before.is_some_and(|b| {
                        matches!(b, '.' | ',' | '?' | '!' | ';' | ':' | '…' | '—' | '-')
                    })
                    && after.is_none_or(|a| !a.is_alphanumeric());
                i32::from(opens) - i32::from(closes)
            }
            _ => 0,
        };
        before = Some(c);
    }
    net
}

fn running_depth(sentences: &[&str]) -> Vec<i32> {
    let mut out = Vec::with_capacity(sentences.len() + 1);
    let mut depth = 0;
    out.push(0);
    for s in sentences {
        depth += quote_balance(s);
        out.push(depth);
    }
    out
}

/// Kinds of final marks.
pub(crate) const END_MARKS: usize = 5;

/// The kind of a sentence's final mark, closing quotes aside: 1 question, 2 exclamation,
/// 3 ellipsis or dash, 4 colon (speech follows), 0 anything else.
fn end_mark(text: &str) -> u8 {
    let last = text
        .trim_end()
        .trim_end_matches(['”', '」', '』', '’', '"', '\'', ')', '）'])
        .trim_end()
        .chars()
        .next_back();
    match last {
        Some('?' | '？') => 1,
        Some('!' | '！') => 2,
        Some('…' | '—' | '-') => 3,
        Some('.') if text.trim_end().ends_with("..") => 3,
        Some(':' | '：') => 4,
        _ => 0,
    }
}

fn char_len(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as f32
}

/// An English sentence before ids: stems, number keys, capitalised words.
struct EnRaw {
    stems: Vec<String>,
    numbers: Vec<String>,
    /// Lowercased capitalised words, and whether the word was sentence-initial.
    caps: Vec<(String, bool)>,
}

fn en_raw(text: &str) -> EnRaw {
    let mut stems = Vec::new();
    let mut caps = Vec::new();
    let mut previous: Option<(english::Word, bool)> = None;
    for (k, w) in english::words(text).enumerate() {
        let lower = w.text.to_lowercase();
        if w.is_capitalised() && w.text.chars().count() > 1 {
            caps.push((lower.clone(), k == 0));
        }
        // A hyphenated name (Bao-yu, Xi-feng) is also one name: baoyu.
        if let Some((p, initial)) = &previous {
            if p.is_capitalised()
                && !w.is_capitalised()
                && &text[p.start + p.text.len()..w.start] == "-"
            {
                caps.push((format!("{}{lower}", p.text.to_lowercase()), *initial));
            }
        }
        previous = Some((w, k == 0));
        if english::is_alignment_stopword(&lower) || lower.chars().count() < 2 {
            continue;
        }
        stems.push(english::stem(english::base_form(&lower).unwrap_or(&lower)));
    }
    let numbers = number_keys(&numbers::english(text));
    EnRaw {
        stems,
        numbers,
        caps,
    }
}

/// A Chinese sentence before ids.
struct ZhRaw {
    words: Vec<String>,
    numbers: Vec<String>,
    /// Runs of Han characters not covered by a lexicon word of two or more characters (name candidates).
    han_runs: Vec<Vec<char>>,
}

/// The keys of the numbers of a sentence, without one (一, "a", "one": seldom a quantity).
fn number_keys(found: &[numbers::Number]) -> Vec<String> {
    found
        .iter()
        .filter(|n| n.value != 1.0 || n.percent)
        .flat_map(|n| {
            // Both readings of 一二百 (one or two hundred), 80 年代 (the 80s, the 1980s).
            let alt = n.alt.map(|value| numbers::Number { value, ..*n }.key());
            std::iter::once(n.key()).chain(alt)
        })
        .collect()
}

fn is_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万亿".contains(c) || c.is_ascii_digit()
}

fn zh_raw(text: &str) -> ZhRaw {
    let lexicon = Lexicon::get();
    let mut words = Vec::new();
    let mut han_runs = Vec::new();
    let mut run: Vec<char> = Vec::new();
    for w in bitext_lexicon::words(text) {
        let han = w.chars().all(bitext_core::is_han);
        if !han {
            if !run.is_empty() {
                han_runs.push(std::mem::take(&mut run));
            }
            continue;
        }
        if w.chars().all(is_numeral) {
            continue;
        }
        let single = w.chars().count() == 1;
        if single || !lexicon.contains(w) {
            run.extend(w.chars());
        } else if !run.is_empty() {
            han_runs.push(std::mem::take(&mut run));
        }
        words.push(w.to_owned());
    }
    if !run.is_empty() {
        han_runs.push(run);
    }
    // Words the vocabulary lacks (耶和华, cut into 耶 | 和 | 华): jieba's HMM joins such runs of
    // single characters; they join the sentence's tokens, to be learned from the pair itself.
    let singles: std::collections::HashSet<usize> = {
        let mut at = 0;
        let mut set = std::collections::HashSet::new();
        for w in bitext_lexicon::words(text) {
            if w.chars().count() == 1 {
                set.insert(at);
            }
            at += w.len();
        }
        set
    };
    let mut at = 0;
    for w in bitext_lexicon::words_hmm(text) {
        let n = w.chars().count();
        if n >= 2 && w.chars().all(bitext_core::is_han) && !lexicon.contains(w) {
            let mut all_single = true;
            let mut b = at;
            for c in w.chars() {
                all_single &= singles.contains(&b);
                b += c.len_utf8();
            }
            if all_single && !w.chars().all(is_numeral) {
                words.push(w.to_owned());
            }
        }
        at += w.len();
    }
    let numbers = number_keys(&numbers::chinese(text));
    ZhRaw {
        words,
        numbers,
        han_runs,
    }
}

/// The ids a Chinese word translates to: its lexicon stems, or those of the known words it splits into.
fn word_translations(word: &str, vocab: &Vocab) -> Vec<u32> {
    let lexicon = Lexicon::get();
    let mut out = Vec::new();
    let add = |w: &str, out: &mut Vec<u32>| {
        if let Some(stems) = lexicon.translations(w) {
            out.extend(stems.filter_map(|s| vocab.get(s)));
            true
        } else {
            false
        }
    };
    if !add(word, &mut out) && word.chars().count() > 2 {
        // A phrase the walk over CC-CEDICT did not reach: greedy longest known words.
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let mut taken = 1;
            for end in (i + 2..=chars.len().min(i + 4)).rev() {
                let part: String = chars[i..end].iter().collect();
                if lexicon.contains(&part) {
                    add(&part, &mut out);
                    taken = end - i;
                    break;
                }
            }
            i += taken;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Features {
    pub(crate) fn new(zh: &[&str], en: &[&str]) -> Features {
        // The segmenter loads (tens of milliseconds) while the English side is being read.
        let (en_raw, zh_raw): (Vec<EnRaw>, Vec<ZhRaw>) = rayon::join(
            || en.par_iter().map(|s| en_raw(s)).collect(),
            || {
                bitext_lexicon::segmenter();
                zh.par_iter().map(|s| zh_raw(s)).collect()
            },
        );

        // English vocabulary: stems, numbers, names (capitalised somewhere other than first word).
        let mut vocab = Vocab {
            ids: HashMap::new(),
        };
        let mut names: HashMap<String, bool> = HashMap::new();
        for r in &en_raw {
            for s in &r.stems {
                vocab.id(s);
            }
            for (w, initial) in &r.caps {
                let inner = names.entry(w.clone()).or_insert(false);
                *inner |= !initial && !english::is_stopword(w);
            }
        }
        let mut name_ids: HashMap<String, u32> = HashMap::new();
        for (w, inner) in &names {
            if *inner {
                name_ids.insert(w.clone(), vocab.id(&format!("@{w}")));
            }
        }
        let mut number_ids = Vec::new();
        let en_ids: Vec<Vec<u32>> = en_raw
            .iter()
            .zip(en)
            .map(|(r, text)| {
                let mut ids: Vec<u32> = r.stems.iter().filter_map(|s| vocab.get(s)).collect();
                for n in &r.numbers {
                    let id = vocab.id(&format!("#{n}"));
                    number_ids.push(id);
                    ids.push(id);
                }
                ids.extend(r.caps.iter().filter_map(|(w, _)| name_ids.get(w).copied()));
                punctuation_ids(text, &mut ids);
                ids
            })
            .collect();

        // Chinese tokens.
        let mut type_of: HashMap<String, u32> = HashMap::new();
        let mut types: Vec<Vec<u32>> = Vec::new();
        let mut type_text: Vec<String> = Vec::new();
        let mut type_is_word: Vec<bool> = Vec::new();
        let mut intern = |key: &str,
                          is_word: bool,
                          make: &mut dyn FnMut(&mut Vocab) -> Vec<u32>,
                          vocab: &mut Vocab| {
            if let Some(&t) = type_of.get(key) {
                return t;
            }
            let t = types.len() as u32;
            types.push(make(vocab));
            type_text.push(key.to_owned());
            type_is_word.push(is_word);
            type_of.insert(key.to_owned(), t);
            t
        };
        let mut zh_tokens = Vec::with_capacity(zh.len());
        for (r, text) in zh_raw.iter().zip(zh) {
            let mut toks = Vec::new();
            for w in &r.words {
                toks.push(intern(
                    w,
                    true,
                    &mut |v| word_translations(w, v),
                    &mut vocab,
                ));
            }
            for n in &r.numbers {
                let key = format!("#{n}");
                toks.push(intern(&key, false, &mut |v| vec![v.id(&key)], &mut vocab));
            }
            for run in &r.han_runs {
                for name in name_spellings(run, &name_ids) {
                    let key = format!("@{name}");
                    toks.push(intern(&key, false, &mut |v| vec![v.id(&key)], &mut vocab));
                }
            }
            let mut punct = Vec::new();
            punctuation_ids(text, &mut punct);
            for p in punct {
                let key = ["?", "!", "\""][p as usize];
                toks.push(intern(key, false, &mut |_| vec![p], &mut vocab));
            }
            zh_tokens.push(toks);
        }

        let mut f = Features {
            zh_tokens,
            types,
            type_text,
            type_is_word,
            en_ids,
            reachable: Vec::new(),
            zh_end_quote: zh.iter().map(|s| u8::from(ends_with_quote(s))).collect(),
            en_end_quote: en.iter().map(|s| u8::from(ends_with_quote(s))).collect(),
            zh_start_quote: zh.iter().map(|s| u8::from(starts_with_quote(s))).collect(),
            en_start_quote: en.iter().map(|s| u8::from(starts_with_quote(s))).collect(),
            zh_end_mark: zh.iter().map(|s| end_mark(s)).collect(),
            en_end_mark: en.iter().map(|s| end_mark(s)).collect(),
            zh_quote_depth: running_depth(zh),
            en_quote_depth: running_depth(en),
            zh_len: zh.iter().map(|s| char_len(s)).collect(),
            en_len: en.iter().map(|s| char_len(s)).collect(),
            n_ids: vocab.len(),
            number_ids,
        };
        f.update_reachable();
        f
    }

    /// Recomputes which ids some Chinese token can reach (after the table has grown).
    pub(crate) fn update_reachable(&mut self) {
        let mut reachable = vec![false; self.n_ids];
        for &p in &[QUESTION, EXCLAIM, QUOTE] {
            reachable[p as usize] = true;
        }
        for sentence in &self.zh_tokens {
            for &t in sentence {
                for &id in &self.types[t as usize] {
                    reachable[id as usize] = true;
                }
            }
        }
        for &id in &self.number_ids {
            reachable[id as usize] = true;
        }
        self.reachable = reachable;
    }
}

/// Names a run of Han characters may spell in the English text: the pinyin of any 1–3 consecutive
/// characters, written together (陈 → chen, 清扬 → qingyang), when the English has that name.
fn name_spellings(run: &[char], names: &HashMap<String, u32>) -> Vec<String> {
    let mut out = Vec::new();
    if names.is_empty() {
        return out;
    }
    for i in 0..run.len() {
        let mut spelled = String::new();
        for &c in run.iter().skip(i).take(3) {
            let Some(py) = bitext_lexicon::pinyin(c) else {
                break;
            };
            spelled.push_str(py);
            if names.contains_key(&spelled) {
                out.push(spelled.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_pair_shares_ids() {
        let zh = ["陈清扬当时二十六岁，就在我插队的地方当医生。"];
        let en = [
            "That year Chen Qingyang was twenty-six and a doctor who happened to work where I did.",
        ];
        let f = Features::new(&zh, &en);
        let en_set: std::collections::HashSet<u32> = f.en_ids[0].iter().copied().collect();
        let matched: Vec<&str> = f.zh_tokens[0]
            .iter()
            .filter(|&&t| f.types[t as usize].iter().any(|id| en_set.contains(id)))
            .map(|&t| f.type_text[t as usize].as_str())
            .collect();
        for expected in ["#26", "@chen", "@qingyang", "医生"] {
            assert!(matched.contains(&expected), "{expected} not in {matched:?}");
        }
    }

    #[test]
    fn quotes_opened_and_closed_are_counted_apart_from_apostrophes() {
        assert_eq!(
            quote_balance("韦小宝笑道：“你是郡主娘娘，很了不起，是不是？"),
            1
        );
        assert_eq!(quote_balance("你奶奶的，老子才不将你放在眼里呢！”"), -1);
        assert_eq!(
            quote_balance("'Call yourself a countess, do you?' said Trinket."),
            0
        );
        assert_eq!(
            quote_balance("'I suppose you think you're very superior."),
            1
        );
        assert_eq!(quote_balance("Well, to me you're nobody.'"), -1);
        assert_eq!(
            quote_balance("Miss Lin's asleep, and the boys' room is dark."),
            0
        );
        assert_eq!(quote_balance("He said \"Go,\" and left."), 0);
        let depth = running_depth(&["“走吧。", "好。”", "他走了。"]);
        assert_eq!(depth, [0, 1, 0, 0]);
    }

    #[test]
    fn hyphenated_names_are_also_one_name() {
        let caps = en_raw("Dai-yu laughed at Bao-yu.").caps;
        assert!(caps.contains(&("baoyu".to_owned(), false)), "{caps:?}");
        assert!(caps.contains(&("daiyu".to_owned(), true)), "{caps:?}");
        // Not an ordinary compound.
        let caps = en_raw("It was a well-known place.").caps;
        assert!(caps.iter().all(|(w, _)| w != "wellknown"), "{caps:?}");
        let f = Features::new(&["士隐笑了。"], &["Then Shi-yin laughed."]);
        assert!(
            f.type_text.iter().any(|t| t == "@shiyin"),
            "{:?}",
            f.type_text
        );
    }
}
