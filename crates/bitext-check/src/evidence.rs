//! Word-level evidence inside a bead, for the bilingual rules: which English words translate which
//! Chinese words (CC-CEDICT's glosses as Snowball stems, the stems the lexicon was built with), so
//! that a term rendered in other words is told from a term left out or replaced by something else.
//!
//! A bead's Chinese is split into words (jieba over the CC-CEDICT vocabulary); each word's glosses
//! are its dictionary stems, or its characters' when the dictionary lacks the word. An English word
//! is *explained* when some Chinese word of the bead glosses it. For a Chinese term, the English
//! words that translate it are those its parts (or the glossary's own renderings of it) gloss; its
//! *slot* is the stretch of English between the translations of the nearest translated Chinese
//! words before and after it, where a translator puts its rendering.

use bitext_lexicon::{english, Lexicon};
use std::collections::HashMap;
use std::ops::Range;

/// One English word of a bead.
#[derive(Debug, Clone)]
pub(crate) struct EnWord {
    /// Byte span in the bead's English.
    pub(crate) span: Range<usize>,
    /// Its Snowball stem, lowercase.
    pub(crate) stem: String,
    /// Whether it carries meaning of its own (not a stopword).
    pub(crate) content: bool,
}

/// One Chinese word of a bead and its glosses.
#[derive(Debug, Clone)]
struct ZhWord {
    span: Range<usize>,
    glosses: Vec<&'static str>,
}

/// Whether two stems are the same word for this evidence: equal, or one a long prefix of the
/// other (`ecolog`/`ecologi`), or a country and its people (`china`/`chines`).
pub(crate) fn stems_meet(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = short
        .bytes()
        .zip(long.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    if common >= 5 && common + 1 >= short.len() && long.len() - common <= 3 {
        return true;
    }
    // A demonym: China/Chinese, Japan/Japanese, Mongolia/Mongolian (stems `mongolia`/`mongolian`).
    let demonym = |country: &str, people: &str| {
        people
            .strip_suffix("es")
            .or_else(|| people.strip_suffix('n'))
            .is_some_and(|p| p.len() >= 4 && (country == p || country.strip_suffix('a') == Some(p)))
    };
    demonym(short, long) || demonym(long, short)
}

/// The English words of a text, with stems.
pub(crate) fn english_words(text: &str) -> Vec<EnWord> {
    english::words(text)
        .map(|w| {
            let lower = w.text.to_lowercase();
            EnWord {
                span: w.start..w.start + w.text.len(),
                content: !english::is_stopword(&lower),
                stem: english::stem(&lower),
            }
        })
        .collect()
}

/// How often each stem occurs in a text (as [`english_words`] stems it), read in one pass with
/// each distinct word stemmed once.
pub(crate) fn stem_counts(text: &str) -> HashMap<String, usize> {
    let mut stems: HashMap<&str, String> = HashMap::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in english::words(text) {
        let stem = stems
            .entry(w.text)
            .or_insert_with(|| english::stem(&w.text.to_lowercase()));
        match counts.get_mut(stem.as_str()) {
            Some(n) => *n += 1,
            None => {
                counts.insert(stem.clone(), 1);
            }
        }
    }
    counts
}

/// The glosses of a Chinese word: its dictionary stems, or its characters' when it has none.
fn glosses(word: &str) -> Vec<&'static str> {
    let lexicon = Lexicon::get();
    if let Some(t) = lexicon.translations(word) {
        return t.collect();
    }
    let mut out = Vec::new();
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if let Some(t) = lexicon.translations(c.encode_utf8(&mut buf)) {
            out.extend(t);
        }
    }
    out
}

/// The stems of the content words of an English phrase (a glossary rendering).
pub(crate) fn content_stems(phrase: &str) -> Vec<String> {
    english_words(phrase)
        .into_iter()
        .filter(|w| w.content)
        .map(|w| w.stem)
        .collect()
}

/// One bead read for evidence.
pub(crate) struct BeadEvidence {
    pub(crate) en: Vec<EnWord>,
    zh: Vec<ZhWord>,
    /// Per English word: whether some Chinese word of the bead glosses it.
    explained: Vec<bool>,
    zh_text: String,
    /// Where the English has numbers.
    numbers: Vec<Range<usize>>,
}

/// What the English does with a Chinese term.
#[derive(Debug)]
pub(crate) struct Translation {
    /// English words (indices) that translate the term.
    pub(crate) words: Vec<usize>,
    /// The share of the term's characters whose word has a translation in the English.
    pub(crate) coverage: f32,
}

impl BeadEvidence {
    pub(crate) fn new(zh: &str, en: &str) -> BeadEvidence {
        let mut zh_words = Vec::new();
        let mut at = 0;
        // jieba's words cover the text, in order.
        for w in bitext_lexicon::words(zh) {
            let span = at..at + w.len();
            at = span.end;
            if w.chars().any(bitext_core::is_han) {
                zh_words.push(ZhWord {
                    span,
                    glosses: glosses(w),
                });
            }
        }
        let en_words = english_words(en);
        let explained = en_words
            .iter()
            .map(|e| {
                e.content
                    && zh_words
                        .iter()
                        .any(|z| z.glosses.iter().any(|g| stems_meet(g, &e.stem)))
            })
            .collect();
        BeadEvidence {
            en: en_words,
            zh: zh_words,
            explained,
            zh_text: zh.to_owned(),
            numbers: bitext_lexicon::numbers::english(en)
                .into_iter()
                .map(|n| n.start..n.end)
                .collect(),
        }
    }

    /// Whether English word `i` translates nothing of the bead's Chinese outside `term`: no
    /// Chinese word of the bead glosses it, and no Chinese word the dictionary gives for it (read
    /// backwards, so that a word jieba cut otherwise still counts; words of two characters or
    /// more) is in the Chinese.
    pub(crate) fn foreign(&self, i: usize, term: &Range<usize>) -> bool {
        let e = &self.en[i];
        // Chinese left in the English is chinese-in-english's (and no wording of the translator).
        if !e.content
            || e.stem.len() < 3
            || e.stem.chars().any(bitext_core::is_han)
            || self.explained_outside(i, term)
        {
            return false;
        }
        // A number and what it counts (`six decades`) translate the Chinese figures.
        if self
            .numbers
            .iter()
            .any(|r| r.start <= e.span.start && e.span.end <= r.end + 1)
            || matches!(
                e.stem.as_str(),
                "year" | "decad" | "centuri" | "month" | "day"
            ) && self
                .numbers
                .iter()
                .any(|r| r.end <= e.span.start && e.span.start <= r.end + 2)
        {
            return false;
        }
        let before = &self.zh_text[..term.start.min(self.zh_text.len())];
        let after = &self.zh_text[term.end.min(self.zh_text.len())..];
        !Lexicon::get()
            .chinese_for(&e.stem)
            .iter()
            // A single character is in too many words to say anything.
            .any(|w| w.chars().nth(1).is_some() && (before.contains(w) || after.contains(w)))
    }

    /// The English words of the bead that translate nothing of its Chinese outside `term` (see
    /// [`BeadEvidence::foreign`]).
    pub(crate) fn foreign_words(&self, term: &Range<usize>) -> Vec<usize> {
        (0..self.en.len())
            .filter(|&i| self.foreign(i, term))
            .collect()
    }

    /// Whether English word `i` is glossed by a Chinese word of the bead outside `except`.
    pub(crate) fn explained_outside(&self, i: usize, except: &Range<usize>) -> bool {
        let e = &self.en[i];
        self.explained[i]
            && self.zh.iter().any(|z| {
                (z.span.end <= except.start || z.span.start >= except.end)
                    && z.glosses.iter().any(|g| stems_meet(g, &e.stem))
            })
    }

    /// The English words that translate the Chinese of `term` (a byte range of the bead's
    /// Chinese): those its words gloss, or that are words of `renderings` (the glossary's stems
    /// for the concept).
    pub(crate) fn translation(&self, term: &Range<usize>, renderings: &[String]) -> Translation {
        let inside: Vec<&ZhWord> = self
            .zh
            .iter()
            .filter(|z| z.span.start < term.end && z.span.end > term.start)
            .collect();
        let mut words = Vec::new();
        let (mut covered, mut total) = (0usize, 0usize);
        for z in &inside {
            let chars = z.span.len() / 3;
            total += chars;
            let mut hit = false;
            for (i, e) in self.en.iter().enumerate() {
                if e.content
                    && z.glosses.iter().any(|g| stems_meet(g, &e.stem))
                    && !self.explained_outside(i, term)
                {
                    hit = true;
                    if !words.contains(&i) {
                        words.push(i);
                    }
                }
            }
            if hit {
                covered += chars;
            }
        }
        // A word that another Chinese word of the bead explains translates that word (`Chinese`
        // for 中国, not for the `China` of `Communist Party of China`).
        for (i, e) in self.en.iter().enumerate() {
            if e.content
                && renderings.iter().any(|r| r == &e.stem)
                && !words.contains(&i)
                && !self.explained_outside(i, term)
            {
                words.push(i);
            }
        }
        words.sort_unstable();
        Translation {
            words,
            coverage: if total == 0 {
                0.0
            } else {
                covered as f32 / total as f32
            },
        }
    }

    /// Where the English of `term` is expected: the English words between the translations of
    /// the nearest translated Chinese words before and after it (word indices), when both exist
    /// and come in that order; `None` when the English gives no such frame.
    pub(crate) fn slot(&self, term: &Range<usize>) -> Option<Range<usize>> {
        let translated = |z: &ZhWord| -> Vec<usize> {
            self.en
                .iter()
                .enumerate()
                .filter(|(_, e)| e.content && z.glosses.iter().any(|g| stems_meet(g, &e.stem)))
                .map(|(i, _)| i)
                .collect()
        };
        // The nearest Chinese word before the term that has one translation in the English (a
        // word translated several times does not place the term).
        let before = self
            .zh
            .iter()
            .rev()
            .filter(|z| z.span.end <= term.start)
            .map(translated)
            .find(|t| !t.is_empty())?;
        let after = self
            .zh
            .iter()
            .filter(|z| z.span.start >= term.end)
            .map(translated)
            .find(|t| !t.is_empty())?;
        // English may reverse the order of a modifier and its head: take the frame either way.
        let (a, b) = (*before.iter().min()?, *after.iter().max()?);
        let (lo, hi) = if a < b {
            (a, b)
        } else {
            (*after.iter().min()?, *before.iter().max()?)
        };
        (lo < hi).then(|| lo + 1..hi)
    }

    /// The English content words in `slot` that no Chinese word of the bead outside `term`
    /// glosses (the words a translator put where the term is).
    pub(crate) fn unexplained(&self, slot: &Range<usize>, term: &Range<usize>) -> Vec<usize> {
        slot.clone()
            .filter(|&i| {
                self.en
                    .get(i)
                    .is_some_and(|e| e.content && e.stem.len() > 1)
                    && !self.explained_outside(i, term)
            })
            .collect()
    }
}

/// The byte range of the English covered by words `words` (indices into `en`), the tightest run
/// of them with gaps of at most `gap` words.
pub(crate) fn cluster(en: &[EnWord], words: &[usize], gap: usize) -> Option<Range<usize>> {
    let mut best: Option<(usize, usize, usize)> = None; // (count, first, last)
    let mut run: Option<(usize, usize, usize)> = None;
    for &i in words {
        run = match run {
            Some((n, first, last)) if i <= last + gap + 1 => Some((n + 1, first, i)),
            _ => Some((1, i, i)),
        };
        let r = run.expect("set above");
        if best.is_none_or(|b| r.0 > b.0) {
            best = Some(r);
        }
    }
    best.map(|(_, first, last)| en[first].span.start..en[last].span.end)
}

/// The Chinese ranges inside title marks (《…》, 〈…〉): names of published works, whose words are
/// not the translator's to render.
pub(crate) fn titles(zh: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in zh.char_indices() {
        match c {
            '《' | '〈' if open.is_none() => open = Some(i + c.len_utf8()),
            '》' | '〉' => {
                if let Some(s) = open.take() {
                    out.push(s..i);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `range` lies inside one of `titles`.
pub(crate) fn in_title(titles: &[Range<usize>], range: &Range<usize>) -> bool {
    titles
        .iter()
        .any(|t| t.start <= range.start && range.end <= t.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_inflections_derivations_and_demonyms() {
        assert!(stems_meet("china", "chines"));
        assert!(stems_meet("ecolog", "ecolog"));
        assert!(stems_meet("prosper", "prosper"));
        assert!(!stems_meet("parti", "part"));
        assert!(!stems_meet("nation", "nationalist"));
    }

    #[test]
    fn a_paraphrase_translates_the_term() {
        // 共同富裕 as "shared prosperity": 富裕 glosses "prosperity".
        let zh = "逐步实现全体人民共同富裕";
        let en = "and gradually achieve shared prosperity for all";
        let ev = BeadEvidence::new(zh, en);
        let s = zh.find("共同富裕").unwrap();
        let t = ev.translation(&(s..s + "共同富裕".len()), &[]);
        let words: Vec<&str> = t
            .words
            .iter()
            .map(|&i| &en[ev.en[i].span.clone()])
            .collect();
        assert!(words.contains(&"prosperity"), "{words:?}");
        assert!(t.coverage >= 0.5, "{}", t.coverage);
    }

    #[test]
    fn a_replaced_term_leaves_unexplained_words_in_its_slot() {
        // 民族团结 replaced by words that translate nothing in the Chinese.
        let zh = "我们要加强民族团结，推动经济发展。";
        let en = "We must strengthen the harbour lights and promote economic development.";
        let ev = BeadEvidence::new(zh, en);
        let s = zh.find("民族团结").unwrap();
        let term = s..s + "民族团结".len();
        assert!(ev.translation(&term, &[]).words.is_empty());
        let slot = ev.slot(&term).expect("framed by strengthen … promote");
        let words: Vec<&str> = ev
            .unexplained(&slot, &term)
            .iter()
            .map(|&i| &en[ev.en[i].span.clone()])
            .collect();
        assert_eq!(words, ["harbour", "lights"]);
    }

    #[test]
    fn titles_are_found() {
        let zh = "《中国的民族政策与各民族共同繁荣发展》白皮书";
        let t = titles(zh);
        assert_eq!(&zh[t[0].clone()], "中国的民族政策与各民族共同繁荣发展");
    }
}
