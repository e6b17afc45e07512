//! Finding a glossary's English renderings in English text.
//!
//! Text and renderings are reduced to the same form: words (runs of
//! letters and digits, after NFKC), case-folded and Snowball-stemmed, so
//! that `communities` finds `community` and `Banners` finds `banner`.
//! Hyphens, apostrophes, quotes and line breaks separate words like spaces
//! (`Three-North` = `Three North`, across a line break too); other
//! punctuation is kept as a break token, so a term never runs across a
//! full stop. Each stem the glossary knows gets a number; a text becomes the
//! string of its stems' numbers, four bytes a word, each starting with a zero
//! byte that nothing else contains (a word the glossary does not know gets
//! number 0). aho-corasick then searches that string, leftmost-longest, for
//! the renderings written the same way: a match can only start and end at a
//! word boundary, so `east` is never found in `Easter`, and one pass finds
//! every match. The string is a third of the text's size, and each distinct
//! word of a text is stemmed once.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// A word of the text: its byte span and whether it starts with a capital.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub first_upper: bool,
}

/// Text reduced to stem numbers, with a map back to byte offsets.
pub struct Folded {
    pub tokens: Vec<Token>,
    /// Four bytes a token (words and breaks): a zero byte, then the stem's number.
    key: Vec<u8>,
    /// For each word token, the offset of its zero byte in `key`.
    key_starts: Vec<usize>,
}

const BREAK: &str = "|";
/// Stem numbers: 0 for a word no rendering has, 1 for a break, then the glossary's stems.
const UNKNOWN: u32 = 0;
const BREAK_ID: u32 = 1;

fn encode(id: u32, key: &mut Vec<u8>) {
    // Seven bits a byte, high bit set: never zero.
    key.extend_from_slice(&[
        0,
        0x80 | ((id >> 14) & 0x7f) as u8,
        0x80 | ((id >> 7) & 0x7f) as u8,
        0x80 | (id & 0x7f) as u8,
    ]);
}

fn decode(b: &[u8]) -> u32 {
    ((b[0] as u32 & 0x7f) << 14) | ((b[1] as u32 & 0x7f) << 7) | (b[2] as u32 & 0x7f)
}

fn is_transparent(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                ..='\u{2015}' | '\'' | '’' | '‘' | '"' | '“' | '”' | '«' | '»' | '/' | '·'
        )
}

/// What the tokenizer finds.
enum Piece<'w> {
    Word { token: Token, lower: &'w str },
    Break,
}

pub struct Folder {
    stemmer: Stemmer,
}

impl Default for Folder {
    fn default() -> Self {
        Folder {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Folder {
    /// Words (NFKC, lowercase) and breaks (punctuation other than hyphens, quotes, slashes).
    fn scan(&self, text: &str, mut f: impl FnMut(Piece<'_>)) {
        let bytes = text.as_bytes();
        let mut word = String::new();
        let mut broken = false;
        // The character at byte `i` and its length; ASCII without decoding.
        let at = |i: usize| -> (char, usize) {
            let b = bytes[i];
            if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        let mut i = 0;
        while i < bytes.len() {
            let (c, n) = at(i);
            if c.is_alphanumeric() {
                let start = i;
                let mut end = i + n;
                let mut ascii = n == 1;
                while end < bytes.len() {
                    let (d, m) = at(end);
                    if !d.is_alphanumeric() {
                        break;
                    }
                    ascii &= m == 1;
                    end += m;
                }
                let surface = &text[start..end];
                word.clear();
                if ascii {
                    word.push_str(surface);
                    word.make_ascii_lowercase();
                } else {
                    word.extend(surface.nfkc().flat_map(char::to_lowercase));
                }
                broken = false;
                f(Piece::Word {
                    token: Token {
                        start,
                        end,
                        first_upper: c.is_uppercase(),
                    },
                    lower: &word,
                });
                i = end;
            } else {
                if !is_transparent(c) && !broken {
                    broken = true;
                    f(Piece::Break);
                }
                i += n;
            }
        }
    }

    /// The words of a text.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.scan(text, |p| {
            if let Piece::Word { token, .. } = p {
                out.push(token);
            }
        });
        out
    }

    /// The key of a rendering: its stems and breaks, space-separated (`exchang | exchang and
    /// integr`), or `None` when it has no word.
    pub fn pattern(&self, rendering: &str) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        self.scan(rendering, |p| match p {
            Piece::Word { lower, .. } => parts.push(self.stemmer.stem(lower).into_owned()),
            Piece::Break => parts.push(BREAK.to_owned()),
        });
        while parts.first().is_some_and(|p| p == BREAK) {
            parts.remove(0);
        }
        while parts.last().is_some_and(|p| p == BREAK) {
            parts.pop();
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// A set of patterns compiled once, matched against many texts.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// The number of each stem the patterns have.
    stems: FxHashMap<String, u32>,
    /// For each distinct key: the patterns that have it, and its number of words.
    groups: Vec<(Vec<usize>, usize)>,
    /// Whether a stem number starts a pattern: only there can a match start.
    first: Vec<bool>,
}

/// A match: the token range and the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first_token: usize,
    pub end_token: usize,
    pub pattern: usize,
}

impl Matcher {
    /// Compiles keys made by [`Folder::pattern`].
    pub fn new(patterns: &[String]) -> Self {
        let mut stems: FxHashMap<String, u32> = FxHashMap::default();
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
        for (k, p) in patterns.iter().enumerate() {
            let g = match index.get(p.as_str()) {
                Some(&g) => g,
                None => {
                    let mut key = Vec::new();
                    let mut words = 0;
                    for part in p.split(' ').filter(|w| !w.is_empty()) {
                        if part == BREAK {
                            encode(BREAK_ID, &mut key);
                        } else {
                            let next = stems.len() as u32 + 2;
                            let id = *stems.entry(part.to_owned()).or_insert(next);
                            encode(id, &mut key);
                            words += 1;
                        }
                    }
                    keys.push(key);
                    groups.push((Vec::new(), words));
                    index.insert(p.as_str(), groups.len() - 1);
                    groups.len() - 1
                }
            };
            groups[g].0.push(k);
        }
        let mut first = vec![false; stems.len() + 2];
        for key in &keys {
            first[decode(&key[1..4]) as usize] = true;
        }
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .build(&keys)
                    .expect("patterns of stem numbers build an automaton"),
            )
        };
        Matcher {
            automaton,
            stems,
            groups,
            first,
        }
    }

    /// Reduces a text to the patterns' stem numbers.
    pub fn fold(&self, folder: &Folder, text: &str) -> Folded {
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut key = Vec::with_capacity(text.len() * 2 / 3);
        let mut key_starts = Vec::with_capacity(text.len() / 6);
        // FxHash: each word of a text is looked up here, and the keys are not chosen by an
        // adversary. A text has few distinct words: each is stemmed once.
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        folder.scan(text, |p| match p {
            Piece::Word { token, lower } => {
                let id = match ids.get(lower) {
                    Some(&id) => id,
                    None => {
                        let stem = folder.stemmer.stem(lower);
                        let id = self.stems.get(stem.as_ref()).copied().unwrap_or(UNKNOWN);
                        ids.insert(lower.to_owned(), id);
                        id
                    }
                };
                key_starts.push(key.len());
                encode(id, &mut key);
                tokens.push(token);
            }
            Piece::Break => encode(BREAK_ID, &mut key),
        });
        Folded {
            tokens,
            key,
            key_starts,
        }
    }

    /// Every whole-word match, leftmost-longest and not overlapping; a span
    /// matched by several patterns (one rendering in two concepts) yields
    /// one hit per pattern.
    pub fn find(&self, folded: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        // Leftmost-longest, word by word: an anchored search only where a pattern can start
        // (a number lookup), instead of an automaton step on every byte.
        let key = folded.key.as_slice();
        let starts = &folded.key_starts;
        let mut out = Vec::new();
        let mut k = 0;
        while k < starts.len() {
            let at = starts[k];
            if !self.first[decode(&key[at + 1..at + 4]) as usize] {
                k += 1;
                continue;
            }
            let input = Input::new(key).span(at..key.len()).anchored(Anchored::Yes);
            let Some(m) = ac.find(input) else {
                k += 1;
                continue;
            };
            let (patterns, words) = &self.groups[m.pattern().as_usize()];
            for &pattern in patterns {
                out.push(Hit {
                    first_token: k,
                    end_token: k + words,
                    pattern,
                });
            }
            k += (*words).max(1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(patterns: &[&str], text: &str) -> Vec<(usize, String)> {
        let folder = Folder::default();
        let keys: Vec<String> = patterns
            .iter()
            .map(|p| folder.pattern(p).unwrap())
            .collect();
        let matcher = Matcher::new(&keys);
        let folded = matcher.fold(&folder, text);
        matcher
            .find(&folded)
            .into_iter()
            .map(|h| {
                let s = folded.tokens[h.first_token].start;
                let e = folded.tokens[h.end_token - 1].end;
                (h.pattern, text[s..e].to_owned())
            })
            .collect()
    }

    #[test]
    fn inflection_case_hyphens_and_line_breaks() {
        assert_eq!(
            found(
                &["community", "Three-North program", "banner"],
                "Communities of the three north\nProgram; BANNERS."
            ),
            [
                (0, "Communities".into()),
                (1, "three north\nProgram".into()),
                (2, "BANNERS".into())
            ]
        );
    }

    #[test]
    fn whole_words_only_and_longest_first() {
        assert_eq!(found(&["east"], "Easter in the east"), [(0, "east".into())]);
        assert_eq!(
            found(
                &[
                    "Chinese nation",
                    "sense of community for the Chinese nation"
                ],
                "a strong sense of community for the Chinese nation"
            ),
            [(1, "sense of community for the Chinese nation".into())]
        );
    }

    #[test]
    fn never_across_a_full_stop_but_commas_match_commas() {
        assert!(found(&["flag counties"], "the flag. Counties").is_empty());
        assert_eq!(
            found(
                &["exchanges, exchanges and integration"],
                "Exchanges, exchanges and integration"
            ),
            [(0, "Exchanges, exchanges and integration".into())]
        );
    }
}
