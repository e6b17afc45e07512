//! `inline-codes`: inline codes (tags) of a unit missing, added or broken in the translation.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "inline-codes",
    severity: Severity::Error,
    summary: "An inline code (tag) of the source is missing from the target, or one is added \
              or its pair broken.",
    what: "Segment rule (TMX, XLIFF): compares the inline codes of the two sides of a unit \
           (<bpt> <ept> <ph> <it> <x> <g> <pc> <sc> <ec> …, by element and id in XLIFF, by element \
           in TMX whose ids are per language) and reports those the target lacks or adds, and a \
           paired code closed before it is opened. Codes in another order are not reported: \
           Chinese and English order words, and so formatting, differently. Markers (<mrk>, \
           <sm>, <em>) are annotations, not codes, and are not compared.",
    why: "A lost code is lost formatting, a link or a variable in the delivered file; a CAT \
          tool refuses to export a target whose codes do not match.",
    example: "source:   \"Click <ph id=\\\"1\\\"/> to save.\"\n\
              target:   \"点击保存。\"\n\
              finding:  inline-codes: the target lacks ph#1",
};

pub(crate) struct InlineCodes;

/// Elements that are markers, not codes.
const MARKERS: &[&str] = &["mrk", "sm", "em"];

fn is_code(c: &str) -> bool {
    let kind = c.split('#').next().unwrap_or(c);
    !MARKERS.contains(&kind)
}

/// The codes of `b` not matched in `a` (a multiset difference).
fn missing<'s>(a: &[&'s String], b: &[&'s String]) -> Vec<&'s String> {
    let mut left: Vec<&String> = b.to_vec();
    let mut out = Vec::new();
    for c in a {
        match left.iter().position(|x| x == c) {
            Some(k) => {
                left.remove(k);
            }
            None => out.push(*c),
        }
    }
    out
}

/// A paired code closed before it is opened: `ept#1` (or `ec`, `ex`) before `bpt#1`.
fn broken_pair(codes: &[&String]) -> Option<String> {
    for (k, c) in codes.iter().enumerate() {
        let (kind, id) = c.split_once('#').unwrap_or((c.as_str(), ""));
        let opener = match kind {
            "ept" => "bpt",
            "ec" => "sc",
            "ex" => "bx",
            _ => continue,
        };
        if id.is_empty() {
            continue;
        }
        let open = format!("{opener}#{id}");
        let opened_before = codes[..k].iter().any(|x| **x == open);
        let opened_after = codes[k + 1..].iter().any(|x| **x == open);
        if !opened_before && opened_after {
            return Some((*c).clone());
        }
    }
    None
}

impl Check for InlineCodes {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let english_target = ctx.doc.source_chinese;
        let mut found = Vec::new();
        for s in &ctx.doc.segments {
            let en_empty = s.en.is_empty();
            if en_empty || s.zh.trim().is_empty() {
                continue;
            }
            let zh: Vec<&String> = s.zh_codes.iter().filter(|c| is_code(c)).collect();
            let en: Vec<&String> = s.en_codes.iter().filter(|c| is_code(c)).collect();
            let (source, target) = if english_target { (zh, en) } else { (en, zh) };
            let lacks = missing(&source, &target);
            let adds = missing(&target, &source);
            let mut parts = Vec::new();
            if !lacks.is_empty() {
                parts.push(format!("the target lacks {}", join(&lacks)));
            }
            if !adds.is_empty() {
                parts.push(format!("the target adds {}", join(&adds)));
            }
            if parts.is_empty() && broken_pair(&source).is_none() {
                if let Some(c) = broken_pair(&target) {
                    parts.push(format!("the target closes {c} before opening it"));
                }
            }
            if !parts.is_empty() {
                found.push(((s.en.start, s.en.end), parts.join("; ")));
            }
        }
        ctx.report_all(&RULE, found);
    }
}

fn join(codes: &[&String]) -> String {
    codes
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::{AlignedUnit, Checker, Doc};

    fn unit(zh: &[&str], en: &[&str]) -> AlignedUnit {
        AlignedUnit {
            zh: "点击保存。".into(),
            en: "Click to save.".into(),
            at: 0,
            end: 0,
            zh_codes: zh.iter().map(|s| s.to_string()).collect(),
            en_codes: en.iter().map(|s| s.to_string()).collect(),
            ..AlignedUnit::default()
        }
    }

    #[test]
    fn missing_added_and_broken_codes() {
        let g = bitext_glossary::Glossary::default();
        let units = vec![
            unit(&["ph#1", "g#2"], &["g#2", "ph#1"]),
            unit(&["ph#1"], &[]),
            unit(&[], &["x#3", "mrk#4"]),
            unit(&["bpt#1", "ept#1"], &["ept#1", "bpt#1"]),
        ];
        let found: Vec<String> = Checker::new(&g)
            .check(&[Doc::aligned("t.xlf", "", 0, units)])
            .into_iter()
            .filter(|d| d.rule == "inline-codes")
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            [
                "the target lacks ph#1".to_string(),
                "the target adds x#3".into(),
                "the target closes ept#1 before opening it".into()
            ]
        );
    }
}
