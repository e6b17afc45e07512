//! Builds the compact lexicon that `bitext-lexicon` embeds, from the CC-CEDICT data that ships inside
//! `chinese_dictionary` 3.0.0 and from jieba-rs's default dictionary.
//!
//! `chinese_dictionary` has no way to list its entries, so they are reached by a breadth-first walk over
//! its own query functions: every English word and n-gram of a definition found so far, every substring of
//! a headword found so far, the toneless pinyin of every entry, and every two-syllable pinyin string. The
//! walk reaches about 87,000 of the 124,850 entries, all the one- and two-character words among them; the
//! rest are longer phrases, which the runtime splits into known words.
//!
//! Three tables are written to OUT_DIR, one entry per line, sorted by their first field:
//! - `words.txt`: `word freq` for jieba-rs (`Jieba::load_dict`), the CC-CEDICT words with jieba's
//!   frequency where jieba knows them;
//! - `lexicon.txt`: `word<TAB>stem stem …`, the Snowball stems of the content words of the definitions;
//! - `pinyin.txt`: `char<TAB>syllable`, the first reading of each character, toneless;
//! - `english.txt`: every English word of three letters or more in the definitions, lowercase;
//! - `syllables.txt`: every toneless pinyin syllable of a one-character entry.

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::fmt::Write as _;
use std::path::PathBuf;

use chinese_dictionary::WordEntry;

const STOPWORDS: &str = include_str!("src/stopwords.txt");
const CONNECTIVES: &str = include_str!("src/connectives.txt");

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/stopwords.txt");
    println!("cargo::rerun-if-changed=src/connectives.txt");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));

    let entries = reach_all_entries();
    // Connectives stay: 所以 → "so", 如果 → "if" are evidence for the aligner.
    let connectives: HashSet<&str> = CONNECTIVES.split_whitespace().collect();
    let stopwords: HashSet<&str> = STOPWORDS
        .split_whitespace()
        .filter(|w| !connectives.contains(w))
        .collect();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);

    let mut by_word: BTreeMap<&str, Vec<&WordEntry>> = BTreeMap::new();
    for entry in &entries {
        by_word
            .entry(entry.simplified.as_str())
            .or_default()
            .push(entry);
    }

    let jieba = jieba_rs::Jieba::new();
    let mut words = String::new();
    let mut lexicon = String::new();
    let mut pinyin: BTreeMap<char, String> = BTreeMap::new();
    // Every English word of the definitions (names among them: Horqin, Harqin, Ordos) and every
    // pinyin syllable, for telling a real word or name from a misspelling.
    let mut english: BTreeSet<String> = BTreeSet::new();
    let mut syllables: BTreeSet<String> = BTreeSet::new();
    for (word, group) in &by_word {
        if word.chars().any(char::is_whitespace) || word.is_empty() {
            continue;
        }
        let freq = if jieba.has_word(word) {
            jieba.suggest_freq(word)
        } else {
            1
        };
        writeln!(words, "{word} {freq}").unwrap();

        let mut stems = BTreeSet::new();
        for entry in group {
            for definition in &entry.english {
                for w in definition.split(|c: char| !c.is_ascii_alphabetic()) {
                    if w.len() >= 3 {
                        english.insert(w.to_ascii_lowercase());
                    }
                }
                definition_stems(definition, &stopwords, &stemmer, &mut stems);
            }
            // Proper nouns (pinyin starts with a capital: Yun2 nan2) also translate as their pinyin.
            if entry
                .pinyin_numbers
                .starts_with(|c: char| c.is_ascii_uppercase())
            {
                let name = toneless(&entry.pinyin_numbers);
                if name.len() > 2 {
                    stems.insert(name);
                }
            }
        }
        if !stems.is_empty() {
            let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
            writeln!(lexicon, "{word}\t{}", stems.join(" ")).unwrap();
        }

        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            let reading = group
                .iter()
                .find(|e| {
                    !e.pinyin_numbers
                        .starts_with(|c: char| c.is_ascii_uppercase())
                })
                .unwrap_or(&group[0]);
            for e in group.iter() {
                let s = toneless(&e.pinyin_numbers);
                // Syllables with a vowel: not erhua's r or the interjections m, n, ng, hm.
                if s.len() <= 6
                    && s.bytes().all(|b| b.is_ascii_lowercase())
                    && s.bytes().any(|b| b"aeiouv".contains(&b))
                {
                    syllables.insert(s);
                }
            }
            let syllable = toneless(&reading.pinyin_numbers);
            if !syllable.is_empty() && syllable.bytes().all(|b| b.is_ascii_lowercase()) {
                pinyin.entry(c).or_insert(syllable);
            }
        }
    }
    let mut pinyin_table = String::new();
    for (c, s) in &pinyin {
        writeln!(pinyin_table, "{c}\t{s}").unwrap();
    }

    std::fs::write(out.join("words.txt"), words).expect("write words.txt");
    std::fs::write(out.join("lexicon.txt"), lexicon).expect("write lexicon.txt");
    std::fs::write(out.join("pinyin.txt"), pinyin_table).expect("write pinyin.txt");
    let lines = |set: &BTreeSet<String>| set.iter().map(|w| format!("{w}\n")).collect::<String>();
    std::fs::write(out.join("english.txt"), lines(&english)).expect("write english.txt");
    std::fs::write(out.join("syllables.txt"), lines(&syllables)).expect("write syllables.txt");
}

/// `Chen2 Qing1 yang2` → `chenqingyang`; `lu:3` → `lu`.
fn toneless(pinyin: &str) -> String {
    pinyin
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Adds the stems of the content words of one CC-CEDICT definition.
fn definition_stems(
    definition: &str,
    stopwords: &HashSet<&str>,
    stemmer: &rust_stemmers::Stemmer,
    out: &mut BTreeSet<String>,
) {
    const SKIP: [&str; 12] = [
        "see ",
        "variant of",
        "old variant of",
        "cl:",
        "taiwan pr.",
        "also pr.",
        "abbr. for",
        "surname ",
        "used in ",
        "japanese variant",
        "erhua variant",
        "pr. ",
    ];
    let lower = definition.to_lowercase();
    if SKIP.iter().any(|p| lower.starts_with(p)) {
        return;
    }
    // Drop parenthesised glosses and bracketed pinyin: "dragon (as a decorative design)" → "dragon".
    let mut text = String::with_capacity(lower.len());
    let mut depth = 0usize;
    for c in lower.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() < 2 || stopwords.contains(word) {
            continue;
        }
        let stem = stemmer.stem(word);
        if !stopwords.contains(stem.as_ref()) {
            out.insert(stem.into_owned());
        }
    }
}

/// Every entry that the public query functions of chinese_dictionary 3.0.0 can reach (see the module doc).
fn reach_all_entries() -> Vec<&'static WordEntry> {
    let mut found: Vec<&'static WordEntry> = Vec::new();
    let mut ids = HashSet::new();
    let mut asked: HashSet<String> = HashSet::new();
    let mut queue: VecDeque<String> = VecDeque::new();
    let mut syllables: BTreeSet<String> = BTreeSet::new();
    for seed in ["a", "one", "person", "water", "to be", "big", "人", "水"] {
        asked.insert(seed.to_owned());
        queue.push_back(seed.to_owned());
    }
    let mut visit = |entry: &'static WordEntry,
                     queue: &mut VecDeque<String>,
                     asked: &mut HashSet<String>,
                     found: &mut Vec<&'static WordEntry>| {
        if !ids.insert(entry.word_id) {
            return;
        }
        found.push(entry);
        let mut push = |q: String| {
            if asked.insert(q.clone()) {
                queue.push_back(q);
            }
        };
        push(format!("py:{}", toneless(&entry.pinyin_numbers)));
        for definition in &entry.english {
            let words: Vec<String> = definition
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            for n in 1..=4 {
                for window in words.windows(n) {
                    push(window.join(" "));
                }
            }
        }
        let chars: Vec<char> = entry.simplified.chars().collect();
        for i in 0..chars.len() {
            for j in i + 1..=chars.len() {
                push(chars[i..j].iter().collect());
            }
        }
    };
    while let Some(query) = queue.pop_front() {
        let entries = if let Some(py) = query.strip_prefix("py:") {
            chinese_dictionary::query_by_pinyin(py)
        } else if query.chars().any(|c| c as u32 >= 0x2e80) {
            chinese_dictionary::query_by_simplified(&query)
        } else {
            chinese_dictionary::query_by_english(&query)
        };
        for entry in entries {
            if entry.simplified.chars().count() == 1 {
                let s = toneless(&entry.pinyin_numbers);
                if !s.is_empty() && s.len() <= 6 {
                    syllables.insert(s);
                }
            }
            visit(entry, &mut queue, &mut asked, &mut found);
        }
    }
    // Two-syllable words whose pinyin no definition led to.
    for a in &syllables {
        for b in &syllables {
            for entry in chinese_dictionary::query_by_pinyin(&format!("{a}{b}")) {
                let mut none = VecDeque::new();
                visit(entry, &mut none, &mut asked, &mut found);
            }
        }
    }
    found
}
