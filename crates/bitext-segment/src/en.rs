//! English sentence boundaries.
//!
//! A sentence ends after `.`, `!`, `?` or an ellipsis, plus any closing
//! quotes and brackets, followed by white space. A period ends a sentence
//! even before a lowercase word (machine translation leaves
//! `... characteristics. my country's ...`), but not in these cases:
//!
//! - `.,` (a machine-translation artefact), decimals, e-mail addresses and
//!   URLs: no white space follows the period;
//! - titles before a name (`Mr.`, `Dr.`, `Prof.`, `St.`, `Mt.` …) and
//!   abbreviations that never end a sentence (`e.g.`, `i.e.`, `approx.`,
//!   `cf.`, month names such as `Aug.`);
//! - `No.`, `Art.`, `p.`, `pp.`, `Vol.`, `Fig.` before a number;
//! - an enumerator that starts a sentence (`1.`, `I.`, `a.`, `1.)`);
//! - an initial (`S. H. He`, `Albert I. Jones`);
//! - `etc.` and `a.m.`/`p.m.` before a word that is not capitalised, and
//!   `a.m.` closing a short fronted phrase (`At 5 a.m. Mr. Smith went`);
//! - `Co.`, `Inc.`, `U.S.` before a word that does not usually start a
//!   sentence (`U.S. Government`, but `U.S. How`).
//!
//! `!`, `?`, a period followed by a closing quote, and an ellipsis end a
//! sentence only before a word that is not lowercase (`Yahoo! in`,
//! `"This is great." she said`); an ellipsis only before a capitalised word
//! other than `I`, which gives no evidence of a new sentence. A line that
//! starts with an enumerator (`1.`, `1)`, `a.`, `•`) is also cut before the
//! next one in sequence (`1. The first item 2. The second item`).

/// Byte offsets in `line` after which a sentence ends (never `line.len()`).
pub fn cuts(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let list_cuts = enumerator_cuts(line);
    let mut cuts: Vec<usize> = Vec::new();
    let mut seg_start = skip_space(line, 0);
    let mut i = 0;
    while i < b.len() {
        if list_cuts.contains(&i) {
            seg_start = i;
        }
        let c = b[i];
        let (run_end, kind) = match c {
            b'.' => period_run(line, i),
            b'!' | b'?' => {
                let mut j = i;
                while j < b.len() && matches!(b[j], b'!' | b'?' | b'.') {
                    j += 1;
                }
                (j, Run::Bang)
            }
            0xE2 if line[i..].starts_with('…') => {
                let mut j = i;
                while line[j..].starts_with('…') || b.get(j) == Some(&b'.') {
                    j += if b[j] == b'.' { 1 } else { '…'.len_utf8() };
                }
                (j, Run::Ellipsis)
            }
            _ => {
                i += line[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
        };
        let closers_end = skip_closers(line, run_end);
        let had_closer = closers_end > run_end;
        if closers_end < b.len() && !is_space_at(line, closers_end) {
            i = closers_end.max(i + 1);
            continue;
        }
        let next = next_word(line, closers_end);
        let cut = match kind {
            Run::Bang => !starts_lower(next),
            // `[...]` marks an omission, never the end of a sentence.
            Run::Ellipsis if i > 0 && b[i - 1] == b'[' && b.get(run_end) == Some(&b']') => false,
            Run::Ellipsis => is_capitalised(next) && next != "I" && !next.starts_with("I'"),
            Run::LongEllipsis => !starts_lower(next),
            Run::PeriodThenEllipsis(ell_end) => {
                // `compounds. . . . The practice`: the period ends the
                // sentence, the ellipsis opens the next one.
                let after = next_word(line, skip_closers(line, ell_end));
                if after.is_empty() || !starts_lower(after) {
                    cuts.push(i + 1);
                    seg_start = skip_space(line, i + 1);
                }
                i = ell_end;
                continue;
            }
            Run::Period => {
                let word = word_before(line, i, seg_start);
                let word_start = i - word.len();
                let starts_sentence = word_start <= seg_start
                    || line[seg_start..word_start]
                        .chars()
                        .all(|c| is_opener(c) || is_bullet(c) || c.is_whitespace());
                let prev = previous_word(line, word_start);
                let fronted = is_fronted_phrase(&line[seg_start.min(i)..i]);
                period_ends(word, prev, next, had_closer, starts_sentence, fronted)
            }
        };
        if cut && closers_end < b.len() {
            cuts.push(closers_end);
            seg_start = skip_space(line, closers_end);
        }
        i = closers_end.max(i + 1);
    }
    cuts.extend(list_cuts);
    cuts.sort_unstable();
    cuts.dedup();
    // A cut at the very end of the line (or before trailing space) is no cut.
    cuts.retain(|&c| !line[c..].trim().is_empty());
    crate::merge_letterless(line, cuts)
}

#[derive(Debug, Clone, Copy)]
enum Run {
    Period,
    Bang,
    /// `...` or `. . .`, three dots.
    Ellipsis,
    /// Four or more dots: an ellipsis and a period.
    LongEllipsis,
    /// `word. . . .`: a period, then an ellipsis that ends at the offset.
    PeriodThenEllipsis(usize),
}

/// Classifies the dots starting at `i`.
fn period_run(line: &str, i: usize) -> (usize, Run) {
    let b = line.as_bytes();
    // Unspaced: `...`, `....`
    let mut j = i;
    while j < b.len() && b[j] == b'.' {
        j += 1;
    }
    let n = j - i;
    if n >= 4 {
        return (j, Run::LongEllipsis);
    }
    if n == 3 {
        return (j, Run::Ellipsis);
    }
    if n == 2 {
        return (j, Run::Period);
    }
    // Spaced: `. . .`
    let mut dots = 1;
    let mut k = i + 1;
    while k + 1 < b.len() && b[k] == b' ' && b[k + 1] == b'.' {
        dots += 1;
        k += 2;
    }
    let attached = i > 0 && !matches!(b[i - 1], b' ' | b'\t');
    match (dots, attached) {
        (1, _) | (2, _) => (i + 1, Run::Period),
        (d, true) if d >= 4 => (i + 1, Run::PeriodThenEllipsis(k)),
        (3, _) => (k, Run::Ellipsis),
        _ => (k, Run::LongEllipsis),
    }
}

/// Whether a single period after `word` ends the sentence.
fn period_ends(
    word: &str,
    prev: &str,
    next: &str,
    had_closer: bool,
    starts_sentence: bool,
    fronted: bool,
) -> bool {
    if next.is_empty() {
        return true;
    }
    if starts_sentence && is_enumerator(word) {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.as_str();
    if NEVER_FINAL.contains(&lower) {
        return false;
    }
    if BEFORE_NUMBER.contains(&lower) && next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if lower == "etc" {
        return is_capitalised(next) && next != "I";
    }
    if TIMES.contains(&lower) {
        // `At 5 a.m. Mr. Smith went`: a fronted time phrase is no sentence.
        return !fronted && is_capitalised(next) && next != "I";
    }
    if MAYBE_FINAL.contains(&lower) || is_dotted_acronym(word) {
        return is_sentence_starter(next);
    }
    if is_initial(word) {
        // `S. H. He`: an initial after an initial is part of a name.
        let prev_initial = prev.strip_suffix('.').is_some_and(is_initial);
        return !prev_initial && is_sentence_starter(next) && next != "I";
    }
    if had_closer {
        return !starts_lower(next);
    }
    true
}

/// Titles and abbreviations that are followed by more of the sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "messrs", "mme", "gen", "gov", "sen", "rep",
    "rev", "hon", "capt", "col", "lt", "sgt", "cmdr", "adm", "supt", "e.g", "i.e", "cf", "viz",
    "vs", "approx", "ca", "al", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "dept", "univ", "assn", "est",
];

/// Abbreviations that stand before a number.
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "art", "arts", "p", "pp", "vol", "vols", "fig", "figs", "ch", "chap", "sec",
    "para", "n°", "op", "tab", "ed", "ex",
];

/// Abbreviations that end a sentence when a typical sentence opener follows.
const MAYBE_FINAL: &[&str] = &["co", "inc", "ltd", "corp", "bros", "jr", "sr", "llc", "plc"];

/// Times of day: like `etc.`, they end a sentence before a capitalised word.
const TIMES: &[&str] = &["a.m", "p.m"];

/// Whether the sentence so far is a short phrase opened by a preposition
/// (`At 5 a.m`, `By noon`): such a phrase introduces a clause, it does not
/// end a sentence.
fn is_fronted_phrase(head: &str) -> bool {
    let mut words = head.split_whitespace();
    let first = words
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener)
        .to_lowercase();
    words.count() < 3
        && matches!(
            first.as_str(),
            "at" | "by"
                | "before"
                | "after"
                | "until"
                | "from"
                | "since"
                | "around"
                | "about"
                | "on"
        )
}

/// Words that often open an English sentence and rarely follow an
/// abbreviation inside one.
const STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "did",
    "do",
    "does",
    "during",
    "each",
    "every",
    "for",
    "from",
    "further",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "let",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "my",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "please",
    "she",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "yet",
    "you",
    "your",
];

fn is_sentence_starter(next: &str) -> bool {
    let word: String = next
        .trim_start_matches(is_opener)
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    is_capitalised(&word) && STARTERS.contains(&word.to_lowercase().as_str())
}

fn is_enumerator(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| is_opener(c) || is_bullet(c));
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit())
            || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
            || (w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))))
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// `U.S`, `E.U`, `U.S.A`, `P.M`: single letters joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn is_capitalised(word: &str) -> bool {
    word.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn starts_lower(word: &str) -> bool {
    word.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«')
}

fn is_closer_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '▪' | '◦' | '●' | '-' | '–' | '*')
}

fn skip_closers(line: &str, mut i: usize) -> usize {
    while let Some(c) = line[i..].chars().next() {
        if !is_closer_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn skip_space(line: &str, i: usize) -> usize {
    i + (line[i..].len() - line[i..].trim_start().len())
}

fn is_space_at(line: &str, i: usize) -> bool {
    line[i..].chars().next().is_some_and(char::is_whitespace)
}

/// The white-space-delimited token that follows offset `i`.
fn next_word(line: &str, i: usize) -> &str {
    let rest = line[i..].trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..end]
}

/// The token before the period at `period`, without opening quotes or
/// brackets: `Mr` for `(Mr.`, `U.S` for `U.S.`.
fn word_before(line: &str, period: usize, seg_start: usize) -> &str {
    let head = &line[seg_start.min(period)..period];
    let start = head
        .rfind(|c: char| c.is_whitespace() || is_opener(c) || is_bullet(c) && c != '-')
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

/// The white-space-delimited token that ends before offset `i`.
fn previous_word(line: &str, i: usize) -> &str {
    let head = line[..i].trim_end();
    // Past the white space, which may be more than one byte (U+2004).
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    &head[start..]
}

/// Cuts before list items in sequence on a line that starts with one:
/// `1. a 2. b`, `1) a 2) b`, `a. x b. y`, `• a • b`.
fn enumerator_cuts(line: &str) -> Vec<usize> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut cuts = Vec::new();
    let Some(first) = trimmed.chars().next() else {
        return cuts;
    };
    if is_bullet(first) && first != '-' && first != '*' {
        let mut from = lead + first.len_utf8();
        while let Some(p) = line[from..].find(first) {
            let at = from + p;
            if line[..at].ends_with(char::is_whitespace) {
                cuts.push(at);
            }
            from = at + first.len_utf8();
        }
        return cuts;
    }
    // Numbered: digits then `.`, `.)` or `)`; lettered: one lowercase letter then `.` or `)`.
    let label_len = trimmed
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(0);
    if label_len == 0 {
        return cuts;
    }
    let label = &trimmed[..label_len];
    let rest = &trimmed[label_len..];
    let suffix = [".)", ")", "."].into_iter().find(|s| rest.starts_with(s));
    let Some(suffix) = suffix else {
        return cuts;
    };
    if !rest[suffix.len()..].starts_with(' ') {
        return cuts;
    }
    let successor = |label: &str| -> Option<String> {
        if let Ok(n) = label.parse::<u32>() {
            Some((n + 1).to_string())
        } else if label.len() == 1 && label.as_bytes()[0].is_ascii_lowercase() && label != "z" {
            Some(((label.as_bytes()[0] + 1) as char).to_string())
        } else {
            None
        }
    };
    let mut current = label.to_owned();
    let mut from = lead + label_len + suffix.len();
    while let Some(next) = successor(&current) {
        let needle = format!(" {next}{suffix} ");
        let Some(p) = line[from..].find(&needle) else {
            break;
        };
        let at = from + p + 1;
        cuts.push(at);
        from = at + next.len();
        current = next;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use crate::segment;
    use bitext_core::Lang;

    #[test]
    fn previous_word_after_wide_space() {
        assert_eq!(super::previous_word("a\u{2004}b. C", 5), "b");
        assert_eq!(super::previous_word("\u{2004}x", 4), "x");
        // The case proptest found: a sentence starting after U+2004.
        let text = "\u{2004}\u{fb39}*Ѩ&'B(2'l8:\\7$'*";
        assert!(!segment(text, Lang::En).is_empty());
    }

    fn split(text: &str) -> Vec<&str> {
        segment(text, Lang::En)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn machine_translation_quirks() {
        // From corpus/en/002: a lowercase sentence start and the `.,` artefact.
        assert_eq!(
            split("with Chinese characteristics. my country's land is vast. Under the leadership of the party., jointly build."),
            ["with Chinese characteristics.", "my country's land is vast.", "Under the leadership of the party., jointly build."]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("The report was drafted by Prof. S. H. He of Inner Mongolia University. It is task No. 1. Tours, etc. for young people. Plants, etc. These grow."),
            [
                "The report was drafted by Prof. S. H. He of Inner Mongolia University.",
                "It is task No. 1.",
                "Tours, etc. for young people.",
                "Plants, etc.",
                "These grow."
            ]
        );
        assert_eq!(
            split("I live in the U.S. How about you?"),
            ["I live in the U.S.", "How about you?"]
        );
        assert_eq!(
            split("I work for the U.S. Government here."),
            ["I work for the U.S. Government here."]
        );
    }

    #[test]
    fn enumerators_and_lists() {
        assert_eq!(split("I. Guiding ideology"), ["I. Guiding ideology"]);
        assert_eq!(
            split("1. The first item 2. The second item"),
            ["1. The first item", "2. The second item"]
        );
        assert_eq!(
            split("• 9. The first • 10. The second"),
            ["• 9. The first", "• 10. The second"]
        );
    }

    #[test]
    fn quotes_bangs_and_ellipses() {
        assert_eq!(
            split("She said, \"This is great.\" she said."),
            ["She said, \"This is great.\" she said."]
        );
        assert_eq!(
            split("She works at Yahoo! in Beijing. Hello?! Is it you?"),
            ["She works at Yahoo! in Beijing.", "Hello?!", "Is it you?"]
        );
        assert_eq!(
            split("exchanges and integration... The process"),
            ["exchanges and integration...", "The process"]
        );
        assert_eq!(
            split("what I mean . . . I didn't."),
            ["what I mean . . . I didn't."]
        );
    }
}
