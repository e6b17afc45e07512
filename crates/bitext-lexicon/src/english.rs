//! English words for alignment: lowercase, stopwords, Snowball stems (the stems the lexicon was built with).

use std::collections::HashSet;
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("stopwords.txt");
const CONNECTIVES: &str = include_str!("connectives.txt");

/// Whether a lowercased English word carries little meaning of its own ("the", "of", "thou").
pub fn is_stopword(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().collect())
        .contains(lower)
}

/// Whether a lowercased English word is left out of alignment evidence: a stopword that is not a
/// connective. Connectives ("because", "but", "if", "so", "yet", "thus") are stopwords for terms,
/// but a translator renders 因为, 但是, 如果, 所以 with them closely enough for the aligner.
pub fn is_alignment_stopword(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    is_stopword(lower)
        && !SET
            .get_or_init(|| CONNECTIVES.split_whitespace().collect())
            .contains(lower)
}

/// Irregular past forms and plurals, to their dictionary form (CC-CEDICT defines verbs as "to say").
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("ate", "eat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bore", "bear"),
    ("born", "bear"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("children", "child"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("did", "do"),
    ("done", "do"),
    ("drank", "drink"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("feet", "foot"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("forgot", "forget"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("lay", "lie"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("men", "man"),
    ("met", "meet"),
    ("mice", "mouse"),
    ("paid", "pay"),
    ("ran", "run"),
    ("risen", "rise"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("said", "say"),
    ("saith", "say"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("slain", "slay"),
    ("slept", "sleep"),
    ("slew", "slay"),
    ("smote", "smite"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("taken", "take"),
    ("taught", "teach"),
    ("teeth", "tooth"),
    ("thought", "think"),
    ("threw", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("went", "go"),
    ("wept", "weep"),
    ("woke", "wake"),
    ("women", "woman"),
    ("won", "win"),
    ("wore", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The dictionary form of an irregular English word (said → say, women → woman), if it is one.
pub fn base_form(lower: &str) -> Option<&'static str> {
    IRREGULAR
        .binary_search_by(|(k, _)| k.cmp(&lower))
        .ok()
        .map(|i| IRREGULAR[i].1)
}

/// The Snowball (Porter 2) stem of a lowercased word: communities → communiti, banners → banner.
pub fn stem(lower: &str) -> String {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|s| s.stem(lower).into_owned())
}

/// The inflectional base of a lowercased word: plural and third-person -s, -ed and -ing removed,
/// a final e dropped, British -ise/-our/-tre spelt as American, so that every inflection of a word
/// meets its base (communities/community → `community`, forging/forged/forge → `forg`,
/// organised/organizations → `organiz`, centres → `center`).
///
/// A final e is dropped only from words of the dictionary's English, so names keep it.
///
/// Unlike a stemmer it removes no derivational suffix, so two words of different meaning stay
/// apart: nations (`nation`) and nationalities (`nationality`), policy and police, unity and unit,
/// develop and development. Words of three letters or fewer, and words with letters beyond ASCII,
/// are returned as they are.
pub fn inflection_base(lower: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let b = lower.as_bytes();
    if b.len() <= 3 || !b.iter().all(u8::is_ascii_alphanumeric) {
        return Cow::Borrowed(lower);
    }
    let vowel = |s: &str| s.bytes().any(|c| b"aeiouy".contains(&c));
    let mut w: String = lower.to_owned();
    if w.contains("isation") {
        w = w.replace("isation", "ization");
    }
    // Plurals and the third person.
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses")
        || w.ends_with("xes")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("zzes")
        // viruses meets virus, and causes still meets cause (both lose the e).
        || (w.len() > 4 && w.ends_with("uses"))
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        w.truncate(w.len() - 1);
    }
    // Past forms and participles.
    let mut stripped = false;
    if w.len() > 4 && w.ends_with("ied") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 4 && w.ends_with("eed") {
        w.truncate(w.len() - 1);
    } else if w.ends_with("ed") && w.len() - 2 >= 3 && vowel(&w[..w.len() - 2]) {
        w.truncate(w.len() - 2);
        stripped = true;
    } else if w.ends_with("ing") && w.len() - 3 >= 3 && vowel(&w[..w.len() - 3]) {
        w.truncate(w.len() - 3);
        stripped = true;
    }
    if stripped {
        let n = w.len();
        let (a, c) = (w.as_bytes()[n - 2], w.as_bytes()[n - 1]);
        if a == c && b"bdfgmnprt".contains(&c) {
            w.truncate(n - 1);
        }
    }
    // British spellings.
    if w.len() >= 5 && w.ends_with("tre") {
        w.truncate(w.len() - 2);
        w.push_str("er");
    } else if w.len() >= 5 && w.ends_with("our") {
        w.truncate(w.len() - 2);
        w.push('r');
    }
    // A final e goes (forge meets forging), but only from an English word: a name keeps it
    // (Hunshandake is not the misspelt Hunshandak).
    if w.len() > 3 && w.ends_with('e') && !stripped && crate::is_english_word(&w) {
        w.pop();
    }
    if w.len() > 4 && w.ends_with("is") {
        w.pop();
        w.push('z');
    }
    Cow::Owned(w)
}

/// A word of English text: a run of letters (and inner apostrophes), with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    /// Whether the word starts with a capital letter (a name, or the first word of a sentence).
    pub fn is_capitalised(&self) -> bool {
        self.text.starts_with(|c: char| c.is_uppercase())
    }
}

/// The words of a text: runs of letters; an apostrophe inside a word is kept (don't), digits are not words.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphabetic() {
                let start = i;
                let mut end = i;
                while let Some(&(j, c)) = chars.peek() {
                    if c.is_alphabetic() {
                        end = j + c.len_utf8();
                        chars.next();
                    } else if (c == '\'' || c == '’') && end == j {
                        // Keep "don't", drop a closing quote.
                        let after = j + c.len_utf8();
                        if text[after..].starts_with(|c: char| c.is_alphabetic()) {
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                return Some(Word {
                    text: &text[start..end],
                    start,
                });
            }
            chars.next();
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_offsets() {
        let w: Vec<_> = words("I didn't know her, 26 “Chen”.")
            .map(|w| (w.text, w.start))
            .collect();
        assert_eq!(
            w,
            [
                ("I", 0),
                ("didn't", 2),
                ("know", 9),
                ("her", 14),
                ("Chen", 25)
            ]
        );
    }

    #[test]
    fn stems_survive_inflection() {
        assert_eq!(stem("communities"), stem("community"));
        assert_eq!(stem("banners"), "banner");
        assert!(is_stopword("the") && !is_stopword("banner"));
        assert!(is_stopword("because") && !is_alignment_stopword("because"));
        assert!(is_alignment_stopword("the"));
    }

    #[test]
    fn inflections_meet_their_base_and_derivations_stay_apart() {
        let base = |w: &str| inflection_base(w).into_owned();
        for (a, b) in [
            ("communities", "community"),
            ("banners", "banner"),
            ("forging", "forge"),
            ("forged", "forge"),
            ("building", "build"),
            ("policies", "policy"),
            ("classes", "class"),
            ("planned", "plan"),
            ("carried", "carry"),
            ("organised", "organize"),
            ("organisations", "organization"),
            ("centres", "center"),
            ("labour", "labor"),
            ("counties", "county"),
            ("nations", "nation"),
            ("coronaviruses", "coronavirus"),
            ("buses", "bus"),
            ("causes", "cause"),
        ] {
            assert_eq!(base(a), base(b), "{a} / {b}");
        }
        for (a, b) in [
            ("nations", "nationalities"),
            ("nation", "national"),
            ("policy", "police"),
            ("unity", "unit"),
            ("develop", "development"),
            ("general", "generous"),
        ] {
            assert_ne!(base(a), base(b), "{a} / {b}");
        }
        assert_eq!(base("the"), "the");
        assert_eq!(base("status"), "status");
        assert_eq!(base("内蒙古"), "内蒙古");
        // A name keeps its final e.
        assert_ne!(base("hunshandake"), base("hunshandak"));
    }

    #[test]
    fn irregular_forms_are_sorted_and_found() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(base_form("said"), Some("say"));
        assert_eq!(base_form("women"), Some("woman"));
        assert_eq!(base_form("banner"), None);
    }
}
