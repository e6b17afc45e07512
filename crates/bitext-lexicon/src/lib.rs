//! Lexical evidence for Chinese–English alignment, with no model to download.
//!
//! - [`Lexicon`]: CC-CEDICT (from the `chinese_dictionary` 3.0.0 crate) reduced at build time to
//!   `word → English stems`, embedded in the binary and indexed in about a millisecond.
//! - [`segmenter`]: jieba-rs over the CC-CEDICT vocabulary with jieba's own frequencies, loaded once.
//! - [`english`]: tokens, stopwords and Snowball stems, the same stems the lexicon was built with.
//! - [`numbers`]: numbers in both languages as values (二十一 = 21, 2.9万 = 29,000, twenty-one = 21).
//! - [`pinyin`]: the toneless pinyin of a character, for names (陈清扬 ↔ Chen Qingyang).
//!
//! ```
//! let lexicon = bitext_lexicon::Lexicon::get();
//! let stems: Vec<&str> = lexicon.translations("创造").unwrap().collect();
//! assert!(stems.contains(&"creat"));
//! assert_eq!(bitext_lexicon::pinyin('陈'), Some("chen"));
//! ```

pub mod english;
pub mod numbers;

use std::sync::OnceLock;

const LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.txt"));
const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/words.txt"));
const PINYIN: &str = include_str!(concat!(env!("OUT_DIR"), "/pinyin.txt"));
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/english.txt"));
const SYLLABLES: &str = include_str!(concat!(env!("OUT_DIR"), "/syllables.txt"));

/// A sorted table of `key<TAB>value` lines, searched in place.
struct Table {
    text: &'static str,
    starts: Vec<u32>,
}

impl Table {
    fn new(text: &'static str) -> Table {
        let mut starts = Vec::with_capacity(text.len() / 16);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            starts.push(at as u32);
            at += line.len();
        }
        Table { text, starts }
    }

    fn line(&self, i: usize) -> (&'static str, &'static str) {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        let line = self.text[start..end].trim_end_matches('\n');
        line.split_once('\t').unwrap_or((line, ""))
    }

    fn get(&self, key: &str) -> Option<&'static str> {
        let (mut lo, mut hi) = (0, self.starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (k, v) = self.line(mid);
            match k.cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(v),
            }
        }
        None
    }

    fn len(&self) -> usize {
        self.starts.len()
    }
}

/// CC-CEDICT as `simplified word → stems of the content words of its English definitions`.
pub struct Lexicon {
    table: Table,
    /// Stem → the words that translate to it, made on first use.
    reverse: OnceLock<std::collections::HashMap<&'static str, Vec<&'static str>>>,
}

impl Lexicon {
    /// The embedded lexicon, indexed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            table: Table::new(LEXICON),
            reverse: OnceLock::new(),
        })
    }

    /// The English stems a Chinese word translates to, or `None` if the word has no entry.
    pub fn translations(&self, word: &str) -> Option<impl Iterator<Item = &'static str>> {
        self.table.get(word).map(|v| v.split(' '))
    }

    /// The Chinese words that translate to an English stem (CC-CEDICT read backwards), built on
    /// first use. The stems are those of [`english::stem`].
    pub fn chinese_for(&self, stem: &str) -> &[&'static str] {
        self.reverse
            .get_or_init(|| {
                let mut map: std::collections::HashMap<&'static str, Vec<&'static str>> =
                    std::collections::HashMap::new();
                for i in 0..self.table.len() {
                    let (word, stems) = self.table.line(i);
                    for s in stems.split(' ').filter(|s| !s.is_empty()) {
                        map.entry(s).or_default().push(word);
                    }
                }
                map
            })
            .get(stem)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the word has an entry.
    pub fn contains(&self, word: &str) -> bool {
        self.table.get(word).is_some()
    }

    /// Number of Chinese words with at least one English stem.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether the lexicon is empty (never, once built).
    pub fn is_empty(&self) -> bool {
        self.table.len() == 0
    }
}

/// The toneless pinyin of a Chinese character (its most common reading), if CC-CEDICT has one.
pub fn pinyin(c: char) -> Option<&'static str> {
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| Table::new(PINYIN));
    let mut buf = [0u8; 4];
    table.get(c.encode_utf8(&mut buf))
}

/// Whether a lowercase word is a word of CC-CEDICT's English definitions: an English word or a
/// name the dictionary gives (`horqin`, `harqin`, `ordos`, `yunnan`). Inflected forms are found
/// through their base (`ethnicities` through `ethnicity`).
pub fn is_dictionary_word(lower: &str) -> bool {
    if is_english_word(lower) {
        return true;
    }
    let table = english_table();
    let base = english::inflection_base(lower);
    [base.to_string(), format!("{base}e"), format!("{base}y")]
        .iter()
        .any(|w| w != lower && table.get(w).is_some())
}

fn english_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::new(ENGLISH))
}

/// Whether a lowercase word, as it is, is a word of CC-CEDICT's English definitions.
pub fn is_english_word(lower: &str) -> bool {
    english_table().get(lower).is_some()
}

/// Whether a lowercase word is made of pinyin syllables only (`yunshan` = yun·shan, `hulunbeier`),
/// as Chinese names written in pinyin are.
pub fn is_pinyin(lower: &str) -> bool {
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| Table::new(SYLLABLES));
    let b = lower.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    // reach[i]: the first i letters split into syllables.
    let mut reach = vec![false; b.len() + 1];
    reach[0] = true;
    for i in 0..b.len() {
        if !reach[i] {
            continue;
        }
        for j in i + 1..=(i + 6).min(b.len()) {
            if table.get(&lower[i..j]).is_some() {
                reach[j] = true;
            }
        }
    }
    reach[b.len()]
}

/// How common a word is in general Chinese: jieba's frequency for the words jieba knows (工作
/// 66,367, 内蒙古 1,426), `None` for the others (民族团结, 守望相助: phrases and terms).
pub fn general_frequency(word: &str) -> Option<u32> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, u32>> = OnceLock::new();
    MAP.get_or_init(|| {
        WORDS
            .lines()
            .filter_map(|l| {
                let (w, f) = l.rsplit_once(' ')?;
                let f: u32 = f.parse().ok()?;
                (f > 1).then_some((w, f))
            })
            .collect()
    })
    .get(word)
    .copied()
}

/// The word segmenter: jieba-rs with the CC-CEDICT vocabulary and jieba's frequencies, built once.
///
/// A quarter of jieba's default dictionary, so it loads in about a quarter of the time, and every
/// word it returns that has a translation is in the [`Lexicon`].
pub fn segmenter() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut reader = WORDS.as_bytes();
        jieba_rs::Jieba::with_dict(&mut reader).expect("the embedded word list is well formed")
    })
}

/// Splits Chinese text into words (no HMM: unknown words fall apart into known ones).
pub fn words(text: &str) -> Vec<&str> {
    segmenter()
        .cut(text, false)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Splits Chinese text into words, joining runs of unknown characters into words with jieba's
/// HMM (names and terms the vocabulary lacks: 耶和华, 以法莲).
pub fn words_hmm(text: &str) -> Vec<&str> {
    segmenter()
        .cut(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_has_common_words() {
        let lex = Lexicon::get();
        assert!(lex.len() > 60_000, "{}", lex.len());
        let china: Vec<_> = lex.translations("中国").unwrap().collect();
        assert!(china.contains(&"china"), "{china:?}");
        let yunnan: Vec<_> = lex.translations("云南").unwrap().collect();
        assert!(yunnan.contains(&"yunnan"), "{yunnan:?}");
        assert!(lex.translations("的了吗").is_none());
    }

    #[test]
    fn pinyin_of_name_characters() {
        let name: Vec<_> = "陈清扬".chars().map(|c| pinyin(c).unwrap()).collect();
        assert_eq!(name, ["chen", "qing", "yang"]);
        assert_eq!(pinyin('a'), None);
    }

    #[test]
    fn dictionary_words_and_pinyin() {
        for w in ["ordos", "xilingol", "banner", "ethnicities", "herdsman"] {
            assert!(is_dictionary_word(w), "{w}");
        }
        assert!(!is_dictionary_word("hulunbiur"));
        assert!(is_pinyin("yunshan") && is_pinyin("hulunbeier") && is_pinyin("xilinguole"));
        assert!(!is_pinyin("hulunbiur") && !is_pinyin("bayanur") && !is_pinyin("harqin"));
    }

    #[test]
    fn general_frequency_tells_common_words_from_terms() {
        assert!(general_frequency("工作").unwrap() > 10_000);
        assert_eq!(general_frequency("守望相助"), None);
    }

    #[test]
    fn jieba_cuts_with_the_compact_dictionary() {
        assert_eq!(words("我在云南插队"), ["我", "在", "云南", "插队"]);
    }
}
