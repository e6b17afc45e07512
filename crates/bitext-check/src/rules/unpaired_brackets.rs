//! `unpaired-brackets`: a bracket or quotation mark without its partner.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "unpaired-brackets",
    severity: Severity::Warning,
    summary: "A bracket or a quotation mark has no partner.",
    what: "Checks (), [], {}, “”, straight double quotes, and the Chinese （）【】《》「」『』 in \
           each paragraph of English text and each side of a segment. In a segment, a side is \
           reported only when the other side pairs the same kind of mark (a fragment cut by \
           segmentation is unpaired on both sides), and only the translation is checked (the \
           English of a zh→en file, the Chinese of an en→zh one). A list label (\"1)\", \"a)\" at the start of \
           a line) is not a bracket; a quotation that runs over several paragraphs (each opening \
           with a quotation mark, only the last closing) is not reported.",
    why: "A missing closing bracket or quotation mark changes what a reader takes as quoted or \
          parenthetical, and often marks text lost in translation.",
    example: "text:     \"the Third Plenary Session (held in July 2024 decided …\"\n\
              finding:  unpaired-brackets: `(` is not closed",
};

pub(crate) struct UnpairedBrackets;

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('“', '”'),
    ('（', '）'),
    ('【', '】'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
];

/// The kind of mark (index in PAIRS, or PAIRS.len() for the straight double quote).
fn kind(c: char) -> Option<(usize, bool)> {
    if c == '"' {
        return Some((PAIRS.len(), true));
    }
    PAIRS.iter().enumerate().find_map(|(k, &(o, cl))| {
        if c == o {
            Some((k, true))
        } else if c == cl {
            Some((k, false))
        } else {
            None
        }
    })
}

/// The unpaired marks of `s`: byte offset and kind.
pub(crate) fn unpaired(s: &str) -> Vec<(usize, usize)> {
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut bad = Vec::new();
    let mut straight: Vec<usize> = Vec::new();
    let mut line_start = true;
    let mut label = 0usize;
    let bytes = s.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        let x = bytes[i];
        // Most characters are ASCII letters, digits, spaces and punctuation that is no mark
        // inside a line: nothing to do, nothing to decode.
        if !line_start
            && x < 0x80
            && !matches!(x, b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"' | b'\n')
        {
            next += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        next += c.len_utf8();
        if c == '\n' {
            line_start = true;
            label = 0;
            continue;
        }
        if line_start && c.is_alphanumeric() && label < 3 {
            label += 1;
            continue;
        }
        if line_start && c == ')' && label > 0 {
            line_start = false;
            continue;
        }
        if !(line_start && c == ' ' && label == 0) {
            line_start = false;
        }
        if c == '"' {
            // Inside a quotation, a mark that follows a space opens another (the first is
            // unclosed), any other closes it; outside, a mark followed by text opens one.
            let prev = s[..i].chars().next_back();
            let next = s[i + 1..].chars().next();
            let opening = if straight.is_empty() {
                next.is_some_and(|n| !n.is_whitespace())
            } else {
                prev.is_none_or(char::is_whitespace)
            };
            match (opening, straight.pop()) {
                (true, Some(unclosed)) => {
                    bad.push((unclosed, PAIRS.len()));
                    straight.push(i);
                }
                (true, None) => straight.push(i),
                (false, Some(_)) => {}
                (false, None) => bad.push((i, PAIRS.len())),
            }
            continue;
        }
        let Some((k, opening)) = kind(c) else {
            continue;
        };
        if opening {
            open.push((i, k));
        } else if let Some(p) = open.iter().rposition(|&(_, o)| o == k) {
            // Marks opened after this one's partner and still open are unpaired.
            for x in open.drain(p..).skip(1) {
                bad.push(x);
            }
        } else {
            bad.push((i, k));
        }
    }
    bad.extend(open);
    bad.extend(straight.into_iter().map(|i| (i, PAIRS.len())));
    bad.sort_unstable();
    bad
}

impl Check for UnpairedBrackets {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let mut found: Vec<((usize, usize), String)> = Vec::new();
        let mark = |s: &str, i: usize| s[i..].chars().next().unwrap_or(' ');
        let english = ctx.english_is_target();
        if ctx.doc.segments.is_empty() {
            // Paragraphs of English text.
            let mut at = 0;
            let paragraphs: Vec<&str> = text.split('\n').collect();
            for (n, p) in paragraphs.iter().enumerate() {
                let bad = unpaired(p);
                // A quotation over paragraphs: this one opens with a quote that is not closed.
                let continued = paragraphs
                    .get(n + 1)
                    .is_some_and(|next| next.trim_start().starts_with(['“', '"']));
                for (i, _) in bad {
                    let c = mark(p, i);
                    if continued && matches!(c, '“' | '"') && p.trim_start().starts_with(c) {
                        continue;
                    }
                    found.push(((at + i, at + i + c.len_utf8()), what(c)));
                }
                at += p.len() + 1;
            }
        } else {
            for (s, en) in ctx.segments() {
                let (bad_en, bad_zh) = (unpaired(en), unpaired(&s.zh));
                let has = |t: &str, k: usize| {
                    t.chars()
                        .any(|c| kind(c).is_some_and(|(x, _)| x == k || same_family(x, k)))
                };
                for &(i, k) in bad_en.iter().filter(|_| english) {
                    if !s.zh.is_empty()
                        && (bad_zh.iter().any(|&(_, z)| same_family(z, k)) || !has(&s.zh, k))
                    {
                        continue;
                    }
                    let c = mark(en, i);
                    found.push(((s.en.start + i, s.en.start + i + c.len_utf8()), what(c)));
                }
                for &(i, k) in bad_zh.iter().filter(|_| !english) {
                    if en.is_empty()
                        || bad_en.iter().any(|&(_, e)| same_family(e, k))
                        || !has(en, k)
                    {
                        continue;
                    }
                    let c = mark(&s.zh, i);
                    let message = format!(
                        "in the Chinese \"{}\": {}",
                        super::text::excerpt(&s.zh, 60),
                        what(c)
                    );
                    found.push(((s.en.start, s.en.start), message));
                }
            }
        }
        ctx.report_all(&RULE, found);
    }
}

/// Kinds that translate each other: round brackets and full-width ones, quotes of all kinds,
/// square and lenticular brackets.
fn same_family(a: usize, b: usize) -> bool {
    let family = |k: usize| match PAIRS.get(k).map(|p| p.0) {
        Some('(' | '（') => 0,
        Some('[' | '【') => 1,
        Some('{') => 2,
        Some('“' | '「' | '『') | None => 3,
        Some('《') => 4,
        _ => 5,
    };
    family(a) == family(b)
}

fn what(c: char) -> String {
    match kind(c) {
        Some((_, true)) if c != '"' => format!("`{c}` is not closed"),
        Some((_, false)) => format!("`{c}` closes nothing"),
        _ => format!("`{c}` has no partner"),
    }
}

#[cfg(test)]
mod tests {
    use super::unpaired;
    use crate::rules::findings_on_units;

    #[test]
    fn marks_without_partners() {
        assert!(unpaired("a (b) [c] “d” \"e\" （乙）《丙》").is_empty());
        assert_eq!(unpaired("the session (held in July decided").len(), 1);
        assert_eq!(unpaired("closed) here").len(), 1);
        assert!(unpaired("1) first item\na) second").is_empty());
    }

    #[test]
    fn a_segment_is_held_to_its_other_side() {
        let f = findings_on_units(
            "unpaired-brackets",
            &[
                (
                    "第三次全体会议（2024年7月）决定",
                    "the Third Plenary Session (July 2024 decided",
                ),
                ("（一）坚持党的领导", "(1) upholding the Party's leadership"),
                ("他说：“我们要", "He said: “We must"),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].found, "(");
    }
}
