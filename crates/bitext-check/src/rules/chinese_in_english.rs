//! `chinese-in-english`: Han characters left in the English.

use super::text::is_han;
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "chinese-in-english",
    severity: Severity::Error,
    summary: "Chinese characters are left in the English.",
    what: "Reports each run of Han characters in the English text (with the Chinese punctuation \
           inside it), except a run that stands alone in brackets right after English words: \"Ulan Muqir (乌兰牧骑)\" gives the original on purpose.",
    why: "Chinese left in an English translation is a sentence the translator or the machine \
          skipped, or a term nobody rendered; readers without Chinese lose it.",
    example: "text:     \"the 石榴籽 spirit of unity\"\n\
              finding:  chinese-in-english: `石榴籽` is Chinese",
};

pub(crate) struct ChineseInEnglish;

/// Runs of Han characters (and the CJK punctuation and spaces between them) in `text`.
pub(crate) fn han_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in super::text::non_ascii(text) {
        if !is_han(c) {
            continue;
        }
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(r)
                if text[r.1..i].chars().all(|g| {
                    g == ' '
                        || ('\u{3000}'..='\u{303F}').contains(&g)
                        || ('\u{FF01}'..='\u{FF0F}').contains(&g)
                }) =>
            {
                r.1 = end
            }
            _ => runs.push((i, end)),
        }
    }
    runs
}

/// Whether the run `s..e` is a gloss: alone inside brackets, after a Latin word.
fn is_gloss(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].trim_end_matches(' ');
    let after = text[e..].trim_start_matches(' ');
    let open = before.chars().next_back();
    let close = after.chars().next();
    let pair = matches!(
        (open, close),
        (Some('(' | '（'), Some(')' | '）')) | (Some('['), Some(']'))
    );
    if !pair {
        return false;
    }
    let rest = &before[..before.len() - open.map_or(0, char::len_utf8)];
    rest.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, ',' | ':' | ')' | '.'))
}

impl Check for ChineseInEnglish {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn english_translation_only(&self) -> bool {
        true
    }

    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let found: Vec<(usize, usize)> = han_runs(text)
            .into_iter()
            .filter(|&(s, e)| !is_gloss(text, s, e))
            .collect();
        for (s, e) in found {
            let message = format!("`{}` is Chinese", &ctx.text()[s..e]);
            ctx.report(&RULE, (s, e), String::new(), String::new(), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn han_runs_are_reported_but_not_glosses() {
        let f = findings_on_units(
            "chinese-in-english",
            &[
                ("", "the 石榴籽 spirit and 民族团结，进步 work"),
                (
                    "",
                    "the Ulan Muqir (乌兰牧骑) troupes and the \"北疆文化\" brand",
                ),
            ],
        );
        let found: Vec<&str> = f.iter().map(|d| d.found.as_str()).collect();
        assert_eq!(found, ["石榴籽", "民族团结，进步", "北疆文化"]);
    }
}
