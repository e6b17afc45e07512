//! Finding a glossary's English renderings in English text.
//!
//! Text and renderings are reduced to the same form: words (runs of
//! letters and digits, after NFKC), case-folded and reduced to their
//! inflectional base ([`bitext_lexicon::english::inflection_base`]), so
//! that `communities` finds `community` and `Banners` finds `banner`, but
//! `nations` never finds `nationalities` (a stemmer would join them).
//! Hyphens, apostrophes, quotes and line breaks separate words like spaces
//! (`Three-North` = `Three North`, across a line break too); other
//! punctuation is kept as a break token, so a term never runs across a
//! full stop. Each stem the glossary knows gets a number; a text becomes the
//! string of its stems' numbers, two bytes a word (three for a glossary of more
//! than 65,534 stems; a word the glossary does not know gets number 0). The
//! renderings, written the same way, make an aho-corasick automaton
//! (leftmost-longest), which is walked from each word where a rendering can
//! start: a match starts and ends at word boundaries, so `east` is never found
//! in `Easter`. Each distinct word of a text is reduced once.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// A word of the text: its byte span, whether it starts with a capital, and whether it starts a
/// sentence (the start of the text or of a line, or after a full stop, a question or exclamation
/// mark, with only quotes, brackets and list labels such as `1.` or `(a)` between), where a
/// capital says nothing about the word.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub first_upper: bool,
    pub sentence_start: bool,
}

/// Text reduced to stem numbers, with a map back to byte offsets.
#[derive(Default)]
pub struct Folded {
    pub tokens: Vec<Token>,
    /// The stem number of each token (words and breaks), `width` bytes each.
    key: Vec<u8>,
    /// For each word token, its offset in `key`.
    key_starts: Vec<usize>,
}

const BREAK: &str = "|";
/// Stem numbers: 0 for a word no rendering has, 1 for a break, then the glossary's stems.
const UNKNOWN: u32 = 0;
const BREAK_ID: u32 = 1;

/// A stem number in `width` bytes, big-endian.
fn encode(id: u32, width: usize, key: &mut Vec<u8>) {
    key.extend_from_slice(&id.to_be_bytes()[4 - width..]);
}

fn decode(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, &x| (n << 8) | u32::from(x))
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
enum Piece<'t> {
    /// A word: its span, its text, whether it is all ASCII.
    Word {
        token: Token,
        surface: &'t str,
        ascii: bool,
    },
    Break,
}

/// The word as matched: NFKC, lowercase.
fn lower_into(surface: &str, ascii: bool, out: &mut String) {
    out.clear();
    if ascii {
        out.push_str(surface);
        out.make_ascii_lowercase();
    } else {
        out.extend(surface.nfkc().flat_map(char::to_lowercase));
    }
}

/// Reduces texts and renderings to words, breaks and inflectional bases.
#[derive(Default)]
pub struct Folder;

/// The inflectional base of a word as matched.
fn base(lower: &str) -> std::borrow::Cow<'_, str> {
    bitext_lexicon::english::inflection_base(lower)
}

impl Folder {
    /// Words (NFKC, lowercase) and breaks (punctuation other than hyphens, quotes, slashes).
    fn scan<'t>(&self, text: &'t str, mut f: impl FnMut(Piece<'t>)) {
        let bytes = text.as_bytes();
        let mut broken = false;
        let mut sentence_start = true;
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
                broken = false;
                let surface = &text[start..end];
                f(Piece::Word {
                    token: Token {
                        start,
                        end,
                        first_upper: c.is_uppercase(),
                        sentence_start,
                    },
                    surface,
                    ascii,
                });
                // A list label (`1.`, `(a)`, `iv)`) keeps the sentence start for what follows.
                let label = surface.bytes().all(|b| b.is_ascii_digit())
                    || (surface.len() == 1 && ascii)
                    || matches!(
                        surface,
                        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii"
                    );
                sentence_start &= label;
                i = end;
            } else {
                if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n' | '\r') {
                    sentence_start = true;
                }
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

    /// The key of a rendering: its words' bases and breaks, space-separated (`exchang | exchang
    /// and integration`), or `None` when it has no word.
    pub fn pattern(&self, rendering: &str) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        let mut lower = String::new();
        self.scan(rendering, |p| match p {
            Piece::Word { surface, ascii, .. } => {
                lower_into(surface, ascii, &mut lower);
                parts.push(base(&lower).into_owned())
            }
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
    /// aho-corasick's contiguous NFA, walked by hand from each word where a pattern can start
    /// (an anchored search per word through `AhoCorasick::find` costs more in set-up than in
    /// search: matches are a few words long).
    automaton: Option<contiguous::NFA>,
    /// The number of each stem the patterns have.
    stems: FxHashMap<String, u32>,
    /// For each distinct key: the patterns that have it, and its number of words.
    groups: Vec<(Vec<usize>, usize)>,
    /// Whether a stem number starts a pattern: only there can a match start.
    first: Vec<bool>,
    /// Bytes a word.
    width: usize,
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
        let mut parts: Vec<Vec<u32>> = Vec::new();
        let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
        for (k, p) in patterns.iter().enumerate() {
            let g = match index.get(p.as_str()) {
                Some(&g) => g,
                None => {
                    let mut ids = Vec::new();
                    let mut words = 0;
                    for part in p.split(' ').filter(|w| !w.is_empty()) {
                        if part == BREAK {
                            ids.push(BREAK_ID);
                        } else {
                            let next = stems.len() as u32 + 2;
                            ids.push(*stems.entry(part.to_owned()).or_insert(next));
                            words += 1;
                        }
                    }
                    parts.push(ids);
                    groups.push((Vec::new(), words));
                    index.insert(p.as_str(), groups.len() - 1);
                    groups.len() - 1
                }
            };
            groups[g].0.push(k);
        }
        let width = if stems.len() + 2 <= 1 << 16 { 2 } else { 3 };
        let mut first = vec![false; stems.len() + 2];
        let keys: Vec<Vec<u8>> = parts
            .iter()
            .map(|ids| {
                first[ids[0] as usize] = true;
                let mut key = Vec::with_capacity(ids.len() * width);
                for &id in ids {
                    encode(id, width, &mut key);
                }
                key
            })
            .collect();
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                contiguous::Builder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
                    .expect("patterns of stem numbers build an automaton"),
            )
        };
        Matcher {
            automaton,
            stems,
            groups,
            first,
            width,
        }
    }

    /// Reduces a text to the patterns' stem numbers.
    pub fn fold(&self, folder: &Folder, text: &str) -> Folded {
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut key = Vec::with_capacity(text.len() / 2);
        let mut key_starts = Vec::with_capacity(text.len() / 6);
        // FxHash: each word of a text is looked up here, and the keys are not chosen by an
        // adversary. A text has few distinct words: each is reduced once.
        // Keyed by the word as written: a repeated word costs one lookup, no copy.
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut lower = String::new();
        folder.scan(text, |p| match p {
            Piece::Word {
                token,
                surface,
                ascii,
            } => {
                let id = match ids.get(surface) {
                    Some(&id) => id,
                    None => {
                        lower_into(surface, ascii, &mut lower);
                        let stem = base(&lower);
                        let id = self.stems.get(stem.as_ref()).copied().unwrap_or(UNKNOWN);
                        ids.insert(surface, id);
                        id
                    }
                };
                key_starts.push(key.len());
                encode(id, self.width, &mut key);
                tokens.push(token);
            }
            Piece::Break => encode(BREAK_ID, self.width, &mut key),
        });
        Folded {
            tokens,
            key,
            key_starts,
        }
    }

    /// Every whole-word match, not overlapping: of two that overlap, the longer, then the
    /// leftmost; a span matched by several patterns (one rendering in two concepts) yields one hit
    /// per pattern.
    pub fn find(&self, folded: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        // The longest match at each word, an anchored search only where a pattern can start (a
        // number lookup) instead of an automaton step on every byte; then overlaps resolved.
        let key = folded.key.as_slice();
        let starts = &folded.key_starts;
        let Ok(start) = ac.start_state(Anchored::Yes) else {
            return Vec::new();
        };
        // (first word, words, group) of the longest match starting at each word.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        let mut k = 0;
        while k < starts.len() {
            let at = starts[k];
            if !self.first[decode(&key[at..at + self.width]) as usize] {
                k += 1;
                continue;
            }
            // Leftmost-longest from `at`: the last match state before the automaton dies.
            let mut sid = start;
            let mut found = None;
            for (n, &byte) in key[at..].iter().enumerate() {
                sid = ac.next_state(Anchored::Yes, sid, byte);
                if ac.is_dead(sid) {
                    break;
                }
                // A state's matches include the patterns that end here but start later (a
                // suffix of the path: `national community` on the way through `chinese national
                // community consciousness`): only a pattern as long as the path starts at `at`.
                if ac.is_match(sid) {
                    found = (0..ac.match_len(sid))
                        .map(|i| ac.match_pattern(sid, i))
                        .find(|&p| ac.pattern_len(p) == n + 1)
                        .or(found);
                }
            }
            if let Some(pid) = found {
                candidates.push((k, self.groups[pid.as_usize()].1.max(1), pid.as_usize()));
            }
            k += 1;
        }
        // Matches may overlap (a short rendering starting a word before a long one: `the
        // country` before `country's common spoken and written language`): the longest wins,
        // then the leftmost.
        let overlapping = candidates.windows(2).any(|w| w[0].0 + w[0].1 > w[1].0);
        if overlapping {
            let mut order: Vec<usize> = (0..candidates.len()).collect();
            order.sort_by_key(|&i| (std::cmp::Reverse(candidates[i].1), candidates[i].0));
            let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
            let mut keep = vec![false; candidates.len()];
            for i in order {
                let (s, n, _) = candidates[i];
                let before = taken.range(..=s).next_back().is_some_and(|(_, &e)| e > s);
                let after = taken.range(s..).next().is_some_and(|(&b, _)| b < s + n);
                if !before && !after {
                    taken.insert(s, s + n);
                    keep[i] = true;
                }
            }
            let mut k = 0;
            candidates.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        let mut out = Vec::with_capacity(candidates.len());
        for (k, words, g) in candidates {
            for &pattern in &self.groups[g].0 {
                out.push(Hit {
                    first_token: k,
                    end_token: k + words,
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
        let folder = Folder;
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
    fn the_longest_match_wins_over_an_earlier_shorter_one() {
        assert_eq!(
            found(
                &[
                    "the country",
                    "country's common spoken and written language"
                ],
                "mastered the country's common spoken and written language"
            ),
            [(1, "country's common spoken and written language".into())]
        );
    }

    #[test]
    fn a_match_starts_where_the_walk_starts() {
        // The walk from `chinese` passes through a state where `national community` ends.
        assert_eq!(
            found(
                &[
                    "Chinese national community consciousness",
                    "national community"
                ],
                "the Chinese national community, constantly"
            ),
            [(1, "national community".into())]
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
