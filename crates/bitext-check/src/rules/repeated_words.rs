//! `repeated-words`: a word or phrase written twice in a row.

use super::text::words;
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "repeated-words",
    severity: Severity::Warning,
    summary: "A word or a phrase is repeated: \"exchanges, exchanges\", a list whose last two \
              items are the same.",
    what: "English text: reports a word written twice with nothing or a comma between (\"the \
           the\", \"exchanges, exchanges\"), and a phrase of two to six words written twice with \
           nothing, a comma, \"and\" or \"or\" between (\"the happiness of the people, and the \
           happiness of the people\"), within one sentence. Repetition for emphasis (\"very, \
           very\", \"more and more\", \"again and again\") and grammatical doubles (\"that that\", \
           \"had had\") are not reported, nor two capitalised words (Walla Walla).",
    why: "A doubled word survives spell checking, and a doubled list item is what machine \
          translation makes of a list of near-synonyms (交往交流交融: \"exchanges, exchanges and \
          integration\"): the reader sees that something was lost.",
    example: "text:     \"promote exchanges, exchanges and integration among all ethnic groups\"\n\
              finding:  repeated-words: `exchanges` is written twice",
};

pub(crate) struct RepeatedWords;

/// Single words that are doubled on purpose or by grammar.
const DOUBLES: &[&str] = &[
    "that", "had", "very", "no", "never", "again", "more", "far", "much", "long", "so", "too",
    "ha", "yes", "well", "oh", "bye", "now", "go", "knock", "there", "is", "do", "what", "who",
    "in", "for", "really", "many", "out", "on", "over", "round", "by", "ever", "you", "it", "her",
    "him", "them", "us", "me",
];

/// Words that start a clause said twice on purpose ("if you're thirteen, you're thirteen").
const PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "i'm", "you're", "he's", "she's", "it's", "we're",
    "they're", "that's", "this", "that",
];

/// Whether `gap` (the text between two runs of words) keeps them in one sentence and is a
/// separator of repeated items: nothing, a comma, and (for phrases) "and" or "or".
fn separates(gap: &str, phrase: bool) -> bool {
    let g = gap.trim();
    match g {
        "" | "," => true,
        ", and" | "and" | ", or" | "or" | ",and" => phrase,
        _ => false,
    }
}

/// A hash of a word with its case folded (FNV-1a).
fn fold_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if w.is_ascii() {
        w.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        for c in w.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// Whether two words are the same but for case (ASCII words compared without allocating).
fn same_word(a: &str, b: &str) -> bool {
    if a.len() != b.len() && a.is_ascii() && b.is_ascii() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

/// Number words that double into a number ("a thousand thousand").
const NUMBER_WORDS: &[&str] = &["hundred", "thousand", "million", "billion", "ten"];

/// Whether the run of `n` words at `i`, written again at `j` after `gap`, is a doubled word or
/// list item rather than style or grammar.
fn is_doubled(text: &str, ws: &[(usize, &str)], i: usize, j: usize, n: usize, gap: &str) -> bool {
    let first = &ws[i..i + n];
    let second = &ws[j..j + n];
    let lower = |w: &str| w.to_lowercase().replace('’', "'");
    let end = second[n - 1].0 + second[n - 1].1.len();
    let after = text[end..].trim_start_matches(' ');
    // "thy sons, and thy sons' wives": a possessive is another word.
    if after.starts_with(['\'', '’']) {
        return false;
    }
    let next = ws.get(j + n).map(|w| lower(w.1));
    let prev = i.checked_sub(1).map(|k| lower(ws[k].1));
    // What stands before the first run: a word of the same clause, or punctuation (a clause,
    // a quotation, a list or the text starts there).
    let before = text[..first[0].0].trim_end_matches(' ');
    let after_word = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-');
    // The second run ends an item: "and", "or", punctuation or the end follows.
    let ends_item = after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '\n', '"', '”'])
        || matches!(next.as_deref(), Some("and" | "or"));
    // "he that laboureth laboureth", "every man that offered offered": a relative clause's
    // verb, then the main one.
    let relative = matches!(prev.as_deref(), Some("that" | "who" | "which"));
    // "between a cherub and a cherub": two of a kind.
    let between = prev.as_deref() == Some("between");
    // "O altar, altar", "O my father, my father": a call.
    let vocative = matches!(prev.as_deref(), Some("o" | "oh"));
    // "to thy brother, Brother, let me": the second, capitalised, starts a quotation.
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let quotation = capitalised(second[0].1) && !capitalised(first[0].1);
    if relative || vocative || quotation || between {
        return false;
    }
    // A cry or a sound said over and over ("Roll up, roll up!", "plim-plam, plim-plam,
    // plim-plam") is style: a third time, or an exclamation mark closing the sentence.
    let same_run = |at: usize| {
        ws.get(at..at + n).is_some_and(|run| {
            run.iter()
                .zip(first)
                .all(|(a, b)| a.1.eq_ignore_ascii_case(b.1))
        })
    };
    let third = same_run(j + n)
        || (i >= n
            && ws[i - n..i]
                .iter()
                .zip(first)
                .all(|(a, b)| a.1.eq_ignore_ascii_case(b.1)));
    let rest = &text[end..];
    let exclaimed = rest.find(['.', '!', '?', '\n']).map(|k| &rest[k..k + 1]) == Some("!");
    if third || exclaimed {
        return false;
    }
    let g = gap.trim();
    if n == 1 {
        let w = lower(first[0].1);
        if DOUBLES.contains(&w.as_str())
            || NUMBER_WORDS.contains(&w.as_str())
            || w.chars().any(|c| c.is_ascii_digit())
            || w.chars().count() < 2 && w != "a"
            || (capitalised(first[0].1) && capitalised(second[0].1))
        {
            return false;
        }
        // "the the", "equal equal emphasis": side by side is a slip wherever it stands. With
        // a comma, the first must stand inside a clause ("extensive exchanges, exchanges and
        // integration"), not open one ("Verily, verily", "Awake, awake"), and the second end
        // its item ("grain subsidies, subsidies for ...", "animal, animal feed" are lists).
        return g.is_empty() || (after_word && ends_item);
    }
    // A phrase must have a word of four letters (not "to be, to be"), end with a word that
    // is not a function word ("from year to year to worship"), and not be a clause said twice
    // ("you're thirteen, you're thirteen").
    let last = lower(first[n - 1].1);
    if !first.iter().any(|w| w.1.chars().count() >= 4)
        || PRONOUNS.contains(&lower(first[0].1).as_str())
        || FUNCTION_WORDS.contains(&last.as_str())
    {
        return false;
    }
    // With a separator, the phrase must name two things (two different content words): a
    // doubled word with its article ("the ephod, and the ephod"), a number ("seven days and
    // seven days"), an idiom of repetition ("precept upon precept") or a verb with its object
    // ("redeem it, redeem it") is said twice on purpose.
    let mut content: Vec<String> = first
        .iter()
        .map(|w| lower(w.1))
        .filter(|w| {
            !bitext_lexicon::english::is_stopword(w)
                && !NUMBER_WORDS.contains(&w.as_str())
                && !SMALL_NUMBERS.contains(&w.as_str())
        })
        .collect();
    content.sort();
    content.dedup();
    if !g.is_empty() && content.len() < 2 {
        return false;
    }
    match g {
        // "of the people of the people of all ethnic groups".
        "" => true,
        // "the happiness of the people, and the happiness of the people.": the last two items
        // of a list are one.
        ", and" | "and" | ", or" | "or" | ",and" => ends_item,
        // "sharing weal and woe, sharing weal and woe, sharing life and death".
        _ => after_word && ends_item,
    }
}

/// Numbers that count things ("seven days and seven days").
const SMALL_NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "twelve", "twenty",
    "forty", "fifty", "seventy",
];

/// Words a doubled phrase does not end with.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
    "that", "is", "are", "was", "be", "it", "him", "her", "them", "me", "us", "you",
];

impl Check for RepeatedWords {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn english_translation_only(&self) -> bool {
        true
    }

    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let ws: Vec<(usize, &str)> = words(text).collect();
        // A hash of each word, case folded: a place is looked at only when its word comes back
        // within the next seven (the longest run, six words, and "and").
        let hashes: Vec<u64> = ws.iter().map(|w| fold_hash(w.1)).collect();
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if !hashes[i + 1..(i + 8).min(ws.len())].contains(&hashes[i]) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=6usize).rev() {
                // The second run follows the first, after "and" or "or" for a phrase.
                let mut j = i + n;
                if n > 1
                    && ws.get(j).is_some_and(|w| {
                        w.1.eq_ignore_ascii_case("and") || w.1.eq_ignore_ascii_case("or")
                    })
                {
                    j += 1;
                }
                if j + n > ws.len() {
                    continue;
                }
                let first = &ws[i..i + n];
                let second = &ws[j..j + n];
                // The same words (the cheap test first: most places fail it at once)...
                let same = first.iter().zip(second).all(|(a, b)| same_word(a.1, b.1));
                if !same {
                    continue;
                }
                // ...joined by spaces only within each run (one clause).
                let inner_ok = |run: &[(usize, &str)]| {
                    run.windows(2).all(|p| {
                        let gap = &text[p[0].0 + p[0].1.len()..p[1].0];
                        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '-')
                    })
                };
                if !inner_ok(first) || !inner_ok(second) {
                    continue;
                }
                let last = first[n - 1];
                let gap = &text[last.0 + last.1.len()..second[0].0];
                if gap.contains('\n') || !separates(gap, n > 1) {
                    continue;
                }
                if !is_doubled(text, &ws, i, j, n, gap) {
                    continue;
                }
                hit = Some((
                    j + n - i,
                    second[0].0,
                    second[n - 1].0 + second[n - 1].1.len(),
                ));
                break;
            }
            match hit {
                Some((skip, s, e)) => {
                    found.push((s, e, text[s..e].to_owned()));
                    i += skip;
                }
                None => i += 1,
            }
        }
        for (s, e, phrase) in found {
            let message = format!("`{phrase}` is written twice in a row");
            ctx.report(&RULE, (s, e), String::new(), String::new(), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    fn found(text: &str) -> Vec<String> {
        findings_on_units("repeated-words", &[("", text)])
            .into_iter()
            .map(|d| d.found)
            .collect()
    }

    #[test]
    fn the_faults_of_the_corpus_are_found() {
        assert_eq!(
            found("promote exchanges, exchanges and integration among all groups"),
            ["exchanges"]
        );
        assert_eq!(
            found(
                "the well-being of the people, the happiness of the people, and the happiness \
                 of the people."
            ),
            ["the happiness of the people"]
        );
        assert_eq!(found("It was the the best."), ["the"]);
    }

    #[test]
    fn emphasis_grammar_and_names_are_not_repeats() {
        for ok in [
            "It grew more and more, again and again, very, very fast.",
            "He said that that was fine; they had had enough.",
            "They visited Walla Walla in 2020 2021.",
            "grain subsidies, subsidies for returning farmland",
            "After touching animal, animal feed, or animal waste.",
            "not hospitalized, hospitalized without ICU admission",
            "Step by step, year after year.",
            "It ends here. Here it starts.",
            "the people, and the nation",
            "If you're thirteen, you're thirteen; if you're fourteen, you're fourteen.",
            "\"Roll up, roll up!\" he cried, plim-plam, plim-plam, plim-plam.",
            "Between you you ought to know.",
            // The King James Bible (bible/006 of the alignment evaluation).
            "And they that went in, went in male and female of all flesh",
            "Go forth of the ark, thou, and thy wife, and thy sons, and thy sons' wives.",
            "And when Saul enquired of the LORD, the LORD answered him not",
            "Jesus answered, Verily, verily, I say unto thee",
            "And every man that offered offered an offering of gold",
            "O altar, altar, thus saith the LORD; and said to thy brother, Brother, let me",
            "a thousand thousand talents of silver; shall go up from year to year to worship",
            "like as a shock of corn cometh in in his season",
            "a palm tree was between a cherub and a cherub; and every cherub",
            "the robe of the ephod, and the ephod, and the breastplate",
            "before the LORD our God, seven days and seven days, even fourteen days.",
            "If thou wilt redeem it, redeem it: but if not",
            "And he said, Babylon is fallen, is fallen; and all the graven images",
            "was unto them precept upon precept, precept upon precept; line upon line",
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }
}
