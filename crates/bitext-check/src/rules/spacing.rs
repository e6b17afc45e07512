//! `spacing`: doubled spaces and spaces before punctuation in the English.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "spacing",
    severity: Severity::Info,
    summary: "Two spaces between words, or a space before a punctuation mark, in the English.",
    what: "English text: reports two or more spaces between two words (not after the end of a \
           sentence, where some house styles put two, and not as indentation), and a space \
           before a comma, semicolon, colon, question or exclamation mark or full stop that ends \
           a word's clause (not an ellipsis, not \".NET\" or \":)\").",
    why: "Stray spaces are the commonest trace of editing in a translation (a word deleted, \
          a segment joined); French spacing before \":\" and \"?\" leaks in from other pairs.",
    example: "text:     \"ethnic unity ,  progress\"\n\
              finding:  spacing: a space before `,`; spacing: 2 spaces between words",
};

pub(crate) struct Spacing;

impl Check for Spacing {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn english_translation_only(&self) -> bool {
        true
    }

    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let b = text.as_bytes();
        let mut found: Vec<((usize, usize), String)> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b' ' {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            // One space before a letter: what almost every space is.
            if i - start == 1 && !b.get(i).is_some_and(|c| b",;:?!.".contains(c)) {
                continue;
            }
            let prev = text[..start].chars().next_back();
            let next = text[i..].chars().next();
            let (Some(p), Some(n)) = (prev, next) else {
                continue;
            };
            if p == '\n' || n == '\n' {
                continue;
            }
            let spaces = i - start;
            if spaces >= 2 && p.is_alphanumeric() && n.is_alphanumeric() {
                found.push(((start, i), format!("{spaces} spaces between words")));
                continue;
            }
            if matches!(n, ',' | ';' | ':' | '?' | '!' | '.') && p.is_alphanumeric() {
                // The mark must end a clause: followed by a space, a quote, a bracket or the end.
                let after = text[i + 1..].chars().next();
                let ends = after.is_none_or(|a| a.is_whitespace() || "\"”’)]".contains(a));
                // "..", "…", and the spaced ellipsis of printed books (". . .").
                let ellipsis = text[i..].starts_with("..")
                    || text[i..].starts_with('…')
                    || text[i..].starts_with(". .");
                let smiley = matches!(n, ':' | ';') && matches!(after, Some(')' | '('));
                if ends && !ellipsis && !smiley {
                    found.push(((start, i + 1), format!("a space before `{n}`")));
                }
            }
        }
        ctx.report_all(&RULE, found);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn doubled_spaces_and_spaces_before_marks() {
        let f = findings_on_units(
            "spacing",
            &[(
                "",
                "ethnic unity , progress  and work . Done.  Next ... and .NET :) here; I . . . \
                 I'm going",
            )],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "a space before `,`",
                "2 spaces between words",
                "a space before `.`"
            ]
        );
    }
}
