//! Finding a glossary's English renderings in English text.
//!
//! Text and renderings are reduced to the same form: words (runs of
//! letters and digits, after NFKC), case-folded and Snowball-stemmed, so
//! that `communities` finds `community` and `Banners` finds `banner`.
//! Hyphens, apostrophes, quotes and line breaks separate words like spaces
//! (`Three-North` = `Three North`, across a line break too); other
//! punctuation is kept as a break token, so a term never runs across a
//! full stop. The stems are joined into one string, each between two spaces
//! (` east  wind `), and searched with aho-corasick, leftmost-longest: a
//! pattern (` east `) can only match whole words, so `east` is never found in
//! `Easter`, and one pass finds every match without overlapping ones.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// A word of the text: its byte span and its stem.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub first_upper: bool,
}

/// Text reduced to stems, with a map back to byte offsets.
pub struct Folded {
    pub tokens: Vec<Token>,
    /// " stem  stem  |  stem ..." : every token between two spaces.
    pub key: String,
    /// For each token, the offset of its leading space in `key`.
    pub key_starts: Vec<usize>,
}

const BREAK: &str = "|";
const BREAK_TOKEN: &str = " | ";

fn is_transparent(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                ..='\u{2015}' | '\'' | '’' | '‘' | '"' | '“' | '”' | '«' | '»' | '/' | '·'
        )
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
    /// Reduces `text` to its stem key.
    pub fn fold(&self, text: &str) -> Folded {
        let mut tokens = Vec::new();
        let mut key = String::with_capacity(text.len());
        let mut key_starts = Vec::new();
        let mut word = String::new();
        let mut stems: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                let start = i;
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_alphanumeric() {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                let surface = &text[start..end];
                word.clear();
                if surface.is_ascii() {
                    word.extend(surface.chars().map(|c| c.to_ascii_lowercase()));
                } else {
                    word.extend(surface.nfkc().flat_map(char::to_lowercase));
                }
                key_starts.push(key.len());
                key.push(' ');
                // A text has few distinct words: stem each once.
                match stems.get(word.as_str()) {
                    Some(stem) => key.push_str(stem),
                    None => {
                        let stem = self.stemmer.stem(&word).into_owned();
                        key.push_str(&stem);
                        stems.insert(word.clone(), stem);
                    }
                }
                key.push(' ');
                tokens.push(Token {
                    start,
                    end,
                    first_upper: c.is_uppercase(),
                });
            } else if !is_transparent(c) && !key.ends_with(BREAK_TOKEN) {
                key.push_str(BREAK_TOKEN);
            }
        }
        Folded {
            tokens,
            key,
            key_starts,
        }
    }

    /// The key of a rendering, or `None` when it has no word.
    pub fn pattern(&self, rendering: &str) -> Option<String> {
        let folded = self.fold(rendering);
        if folded.tokens.is_empty() {
            return None;
        }
        let mut key = folded.key.as_str();
        while let Some(k) = key.strip_prefix(BREAK_TOKEN) {
            key = k;
        }
        while let Some(k) = key.strip_suffix(BREAK_TOKEN) {
            key = k;
        }
        Some(key.to_owned())
    }
}

/// A set of patterns compiled once, matched against many texts.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each distinct key: the patterns that have it, and its number of words.
    groups: Vec<(Vec<usize>, usize)>,
}

/// A match: the token range and the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first_token: usize,
    pub end_token: usize,
    pub pattern: usize,
}

impl Matcher {
    pub fn new(patterns: &[String]) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut keys: Vec<&str> = Vec::new();
        let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
        for (k, p) in patterns.iter().enumerate() {
            let g = *index.entry(p.as_str()).or_insert_with(|| {
                keys.push(p.as_str());
                let words = p.split_whitespace().filter(|w| *w != BREAK).count();
                groups.push((Vec::new(), words));
                groups.len() - 1
            });
            groups[g].0.push(k);
        }
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
                    .expect("patterns of stems build an automaton"),
            )
        };
        Matcher { automaton, groups }
    }

    /// Every whole-word match, leftmost-longest and not overlapping; a span
    /// matched by several patterns (one rendering in two concepts) yields
    /// one hit per pattern.
    pub fn find(&self, folded: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(&folded.key) {
            let Ok(first) = folded.key_starts.binary_search(&m.start()) else {
                continue;
            };
            let (patterns, words) = &self.groups[m.pattern().as_usize()];
            for &pattern in patterns {
                out.push(Hit {
                    first_token: first,
                    end_token: first + words,
                    pattern,
                });
            }
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
        let folded = folder.fold(text);
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
