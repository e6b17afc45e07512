//! `punctuation-width`: Chinese (full-width) punctuation in the English, ASCII punctuation in
//! the Chinese.

use super::text::{excerpt, is_han};
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "punctuation-width",
    severity: Severity::Warning,
    summary: "Full-width punctuation in the English, or half-width punctuation in the Chinese.",
    what: "English text: reports the full-width marks ，。；：？！（）【】、《》「」 and \
           full-width letters and digits, unless they stand beside Han characters (then \
           chinese-in-english reports the run). Chinese side of a segment: reports an ASCII \
           comma, semicolon, question or exclamation mark, or a colon or full stop not inside a \
           number, written right after a Han character.",
    why: "Punctuation of the other script is what a copied source or an unchanged machine \
          translation leaves, and it breaks line-wrapping and search in both languages.",
    example: "text:     \"ethnic unity，progress\"\n\
              finding:  punctuation-width: `，` is a Chinese comma",
};

pub(crate) struct PunctuationWidth;

fn full_width_name(c: char) -> Option<&'static str> {
    Some(match c {
        '，' => "a Chinese comma",
        '。' => "a Chinese full stop",
        '；' => "a Chinese semicolon",
        '：' => "a Chinese colon",
        '？' => "a Chinese question mark",
        '！' => "a Chinese exclamation mark",
        '（' | '）' => "a full-width bracket",
        '【' | '】' | '「' | '」' | '《' | '》' => "a Chinese bracket",
        '、' => "a Chinese enumeration comma",
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            "a full-width letter or digit"
        }
        _ => return None,
    })
}

impl Check for PunctuationWidth {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let mut found: Vec<((usize, usize), String)> = Vec::new();
        let near_han = |i: usize, len: usize| {
            let before = text[..i].trim_end_matches(' ').chars().next_back();
            let after = text[i + len..].trim_start_matches(' ').chars().next();
            before.is_some_and(is_han) || after.is_some_and(is_han)
        };
        let english = ctx.english_is_target();
        for (i, c) in super::text::non_ascii(text).filter(|_| english) {
            if let Some(name) = full_width_name(c) {
                if !near_han(i, c.len_utf8()) {
                    found.push(((i, i + c.len_utf8()), format!("`{c}` is {name}")));
                }
            }
        }
        for s in ctx.doc.segments.iter().filter(|_| !english) {
            let zh = &s.zh;
            for (i, c) in zh.char_indices() {
                if !matches!(c, ',' | ';' | '?' | '!' | ':' | '.') {
                    continue;
                }
                let before = zh[..i].chars().next_back();
                let after = zh[i + 1..].chars().next();
                if !before.is_some_and(is_han) {
                    continue;
                }
                if matches!(c, ':' | '.') && after.is_some_and(|a| a.is_ascii_alphanumeric()) {
                    continue;
                }
                let message = format!(
                    "the Chinese \"{}\" has an ASCII `{c}` after a Han character",
                    excerpt(zh, 60)
                );
                found.push(((s.en.start, s.en.start), message));
                break;
            }
        }
        ctx.report_all(&RULE, found);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn punctuation_of_the_other_script() {
        let units = [
            ("民族团结，进步", "ethnic unity，progress （2021）"),
            ("民族团结,进步。时间是8:00。", "ethnic unity, progress"),
            ("民族团结", "the 石榴籽，spirit"),
        ];
        // zh→en: the English is checked.
        let f = findings_on_units("punctuation-width", &units);
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("Chinese comma"));
        // en→zh: the Chinese is.
        let g = bitext_glossary::Glossary::default();
        let aligned = units.iter().map(|(zh, en)| crate::AlignedUnit {
            zh: zh.to_string(),
            en: en.to_string(),
            ..crate::AlignedUnit::default()
        });
        let doc = crate::Doc::aligned("t.tmx", "", 0, aligned).with_english_source();
        let f: Vec<String> = crate::Checker::new(&g)
            .check(&[doc])
            .into_iter()
            .filter(|d| d.rule == "punctuation-width")
            .map(|d| d.message)
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("ASCII `,`"));
    }
}
