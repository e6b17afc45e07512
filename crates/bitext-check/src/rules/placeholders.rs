//! `placeholders`: a placeholder, tag or accelerator of the source that the translation loses,
//! changes or adds: what breaks software when the string is used.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "placeholders",
    severity: Severity::Error,
    summary: "A placeholder (%s, {name}, {{ x }}, ${x}), an HTML tag or an accelerator of the \
              source is lost, changed or added in the translation.",
    what: "Segment rule (PO, XLIFF, TMX, JSONL): compares the placeholders of the two sides of a \
           unit: printf (%s, %d, %1$s, %1$@, %(name)s, %03d, Qt's %1), Python, C# and Java braces \
           ({0}, {name}, {}), ICU MessageFormat arguments ({count, plural, …}: a translation that \
           keeps only `other {…}` is right, as Chinese does), {{ mustache }}, ${var}, HTML and XML \
           tags with their attributes (the text of title, alt, placeholder and aria-label may be \
           translated), and the accelerator of a PO menu label (&File, _File). Placeholders may \
           change order; printf ones without a position (%s, %d) keep theirs. A PO entry's flags \
           decide: c-format and python-format read printf with every flag, no-c-format and \
           no-python-format turn printf off; without a flag only unambiguous forms count (not \
           `% d`, not a % after a digit: 100%safe). A `<name>` that neither closes, is closed, \
           closes itself nor has an attribute with a value is text (`<unknown>`, `<未知>`). Fuzzy PO entries are not checked: gettext \
           does not use them.",
    why: "A lost or renamed placeholder fails at run time (`{plan_start_time}` renamed \
          `{start_time}` raises a KeyError; a dropped `%1$03d` shifts every later argument), \
          a lost attribute changes what a link does, a lost accelerator leaves a menu without \
          its key.",
    example: "source:   \"Starts at {plan_start_time}\"\n\
              target:   \"开始于{start_time}\"\n\
              finding:  placeholders: `{start_time}` where the source has `{plan_start_time}`",
};

pub(crate) struct Placeholders;

/// What a unit's flags say of its placeholders.
#[derive(Clone, Copy)]
struct Formats {
    /// printf read with every flag (`c-format`, `python-format` …).
    printf_all: bool,
    /// printf turned off (`no-c-format`).
    printf_off: bool,
}

impl Formats {
    fn of(flags: &[String]) -> Formats {
        let has = |f: &str| flags.iter().any(|x| x == f);
        let printf = [
            "c-format",
            "python-format",
            "php-format",
            "perl-format",
            "objc-format",
        ];
        Formats {
            printf_all: printf.iter().any(|f| has(f)),
            printf_off: printf.iter().all(|f| !has(f))
                && (has("no-c-format") || has("no-python-format")),
        }
    }
}

/// A placeholder found: byte span, the form compared, and whether its order counts (printf
/// without a position).
#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    form: String,
    /// A printf conversion without a position (`%s`): its order counts.
    ordered: bool,
    /// A named or numbered placeholder (`{name}`, `%1$s`, `{{ x }}`): it may be used any number
    /// of times (a pipe-separated plural of Symfony has it once a form), so it is compared
    /// by whether it is there, not by how often.
    named: bool,
}

/// A printf conversion at `i` (a `%`), its length and whether it is positional.
fn printf_at(s: &str, i: usize, all: bool) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    let mut j = i + 1;
    // %(name)s
    if b.get(j) == Some(&b'(') {
        let close = s[j..].find(')')? + j;
        let name = &s[j + 1..close];
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        j = close + 1;
        let conv = *b.get(j)?;
        return b"diouxXeEfFgGcrsa"
            .contains(&conv)
            .then_some((j + 1 - i, true));
    }
    let mut positional = false;
    let digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && b.get(j + digits) == Some(&b'$') {
        positional = true;
        j += digits + 1;
    } else if digits > 0
        && digits <= 2
        && !b
            .get(j + digits)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.')
    {
        // Qt's %1 … %99.
        return (b[j] != b'0').then_some((1 + digits, true));
    }
    while let Some(c) = b.get(j) {
        if b"-+#0'".contains(c) || (all && *c == b' ') {
            j += 1;
        } else {
            break;
        }
    }
    while b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b'*') {
        j += 1;
    }
    if b.get(j) == Some(&b'.') {
        j += 1;
        while b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b'*') {
            j += 1;
        }
    }
    for len in ["hh", "ll", "I64", "I32", "h", "l", "L", "q", "j", "z", "t"] {
        if s[j..].starts_with(len) {
            j += len.len();
            break;
        }
    }
    let conv = *b.get(j)?;
    let conversions: &[u8] = if all {
        b"diouxXeEfFgGaAcspn@"
    } else {
        b"diouxXeEfFgGaAcsp@"
    };
    if !conversions.contains(&conv) {
        return None;
    }
    // Without a flag, a % after a digit is a percentage ("100%safe", "30%off").
    if !all && i > 0 && b[i - 1].is_ascii_digit() {
        return None;
    }
    Some((j + 1 - i, positional))
}

/// The end of a brace group starting at `i` (`{`), nested braces counted.
fn brace_end(s: &str, i: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, c) in s[i..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        })
}

/// The sub-messages of an ICU argument after its name (`, plural, one {…} other {…}`): each
/// message's offset in `rest` and its text. Simple arguments (`, number`) have none.
fn icu_messages(rest: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = rest[i..].find('{') {
        let open = i + k;
        let Some(end) = brace_end(rest, open) else {
            break;
        };
        out.push((open + 1, &rest[open + 1..end - 1]));
        i = end;
    }
    out
}

/// HTML elements without content, tags even when alone (`<br>`).
const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "wbr", "source", "col",
];

/// The attributes whose values are text a translator may translate.
const TEXT_ATTRIBUTES: &[&str] = &["title", "alt", "placeholder", "aria-label", "label"];

/// An HTML or XML tag at `i` (`<`): its length and its form (name and attributes, the values of
/// text attributes left out). What only looks like one (`<unknown>`, `<Unnamed Material>` in a
/// UI string) is not: a tag closes, is closed (`</b>` in the same text), closes itself, has an
/// attribute with a value, or is a void element.
fn tag_at(s: &str, i: usize) -> Option<(usize, String)> {
    let rest = &s[i + 1..];
    let close = rest.find(['>', '<'])?;
    if rest.as_bytes()[close] != b'>' {
        return None;
    }
    let inner = &rest[..close];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(x) => (true, x),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner).trim_end();
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '-'))
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    // Attributes: name, or name="value" / 'value' / value.
    let mut attrs = Vec::new();
    let mut valued = false;
    let mut a = inner[name_len..].trim_start();
    if !a.is_empty() && name_len == inner.len() {
        return None;
    }
    while !a.is_empty() {
        let n = a
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(a.len());
        let attr = &a[..n];
        if attr.is_empty()
            || !attr
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_:.@".contains(c))
        {
            return None;
        }
        a = a[n..].trim_start();
        let mut value = None;
        if let Some(v) = a.strip_prefix('=') {
            let v = v.trim_start();
            let (val, rest) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = v[1..].find(q)? + 1;
                    (&v[1..end], &v[end + 1..])
                }
                _ => {
                    let end = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..end], &v[end..])
                }
            };
            value = Some(val);
            a = rest.trim_start();
        }
        let attr = attr.to_ascii_lowercase();
        match value {
            Some(v) if !TEXT_ATTRIBUTES.contains(&attr.as_str()) => {
                valued = true;
                attrs.push(format!("{attr}=\"{v}\""));
            }
            Some(_) => {
                valued = true;
                attrs.push(attr);
            }
            None => attrs.push(attr),
        }
    }
    let certain = closing
        || inner.len() < rest[..close].len() - usize::from(closing)
        || valued
        || VOID.contains(&name.to_ascii_lowercase().as_str())
        || s[i..].contains(&format!("</{name}>"));
    if !certain {
        return None;
    }
    attrs.sort();
    let form = format!(
        "<{}{}{}>",
        if closing { "/" } else { "" },
        name.to_ascii_lowercase(),
        attrs.iter().map(|a| format!(" {a}")).collect::<String>()
    );
    Some((close + 2, form))
}

/// The placeholders and tags of a text, and whether it has an ICU argument.
fn placeholders(s: &str, formats: Formats) -> (Vec<Found>, bool) {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut icu = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let push = |out: &mut Vec<Found>, end: usize, form: String, ordered: bool| {
            let named = !ordered && !form.starts_with('<');
            out.push(Found {
                start: i,
                end,
                form,
                ordered,
                named,
            })
        };
        match c {
            b'%' if !formats.printf_off => {
                if b.get(i + 1) == Some(&b'%') {
                    i += 2;
                    continue;
                }
                if let Some((len, positional)) = printf_at(s, i, formats.printf_all) {
                    push(&mut out, i + len, s[i..i + len].to_owned(), !positional);
                    i += len;
                    continue;
                }
            }
            b'$' if b.get(i + 1) == Some(&b'{') => {
                if let Some(end) = brace_end(s, i + 1) {
                    let name = s[i + 2..end - 1].trim();
                    if is_name(name) {
                        push(&mut out, end, format!("${{{name}}}"), false);
                        i = end;
                        continue;
                    }
                }
            }
            b'{' => {
                if b.get(i + 1) == Some(&b'{') {
                    if let Some(close) = s[i + 2..].find("}}") {
                        let name = s[i + 2..i + 2 + close].trim();
                        if !name.is_empty() && !name.contains(['{', '}']) {
                            let end = i + 2 + close + 2;
                            let form = format!(
                                "{{{{{}}}}}",
                                name.split_whitespace().collect::<Vec<_>>().join(" ")
                            );
                            push(&mut out, end, form, false);
                            i = end;
                            continue;
                        }
                    }
                }
                if let Some(end) = brace_end(s, i) {
                    let inner = &s[i + 1..end - 1];
                    if inner.is_empty() {
                        push(&mut out, end, "{}".into(), true);
                        i = end;
                        continue;
                    }
                    let (name, rest) = match inner.find([',', '!', ':']) {
                        Some(k) => (inner[..k].trim(), &inner[k..]),
                        None => (inner.trim(), ""),
                    };
                    if is_name(name) && !name.contains('-') {
                        if rest.starts_with(',') {
                            // ICU: {name, plural|select|number …, sub-messages}: the argument,
                            // then what the sub-messages hold.
                            icu = true;
                            push(&mut out, i + 1 + name.len(), format!("{{{name}}}"), false);
                            let base = i + 1 + (inner.len() - rest.len());
                            for (at, message) in icu_messages(rest) {
                                let (inner_found, _) = placeholders(message, formats);
                                out.extend(inner_found.into_iter().map(|f| Found {
                                    start: base + at + f.start,
                                    end: base + at + f.end,
                                    ..f
                                }));
                            }
                            i = end;
                            continue;
                        }
                        if !inner.contains(['{', '}']) {
                            push(&mut out, end, format!("{{{name}}}"), false);
                            i = end;
                            continue;
                        }
                    }
                }
            }
            b'<' => {
                if let Some((len, form)) = tag_at(s, i) {
                    push(&mut out, i + len, form, false);
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    (out, icu)
}

/// The accelerator marker of a menu label: `&` or `_` before a letter, once in a short string.
fn accelerator(s: &str) -> Option<(usize, char)> {
    if s.chars().count() > 60 {
        return None;
    }
    for marker in ['&', '_'] {
        let at: Vec<usize> = s
            .match_indices(marker)
            .map(|(k, _)| k)
            .filter(|&k| {
                let next = s[k + 1..].chars().next();
                let prev = s[..k].chars().next_back();
                next.is_some_and(|c| c.is_alphanumeric())
                    && prev != Some(marker)
                    && (marker == '&' || prev.is_none_or(|p| p.is_whitespace() || p == '('))
            })
            .collect();
        let entity = marker == '&' && s.contains(';');
        if at.len() == 1 && s.matches(marker).count() == 1 && !entity {
            return Some((at[0], marker));
        }
    }
    None
}

/// `v` with each placeholder compared as a set kept once.
fn once<'f>(v: Vec<&'f Found>, as_set: &dyn Fn(&Found) -> bool) -> Vec<&'f Found> {
    let mut seen: Vec<&str> = Vec::new();
    v.into_iter()
        .filter(|f| {
            let new = !seen.contains(&f.form.as_str());
            seen.push(&f.form);
            new || !as_set(f)
        })
        .collect()
}

/// The multiset difference `a - b` by form.
fn minus<'f>(a: &'f [Found], b: &[Found]) -> Vec<&'f Found> {
    let mut left: Vec<&str> = b.iter().map(|f| f.form.as_str()).collect();
    let mut out = Vec::new();
    for f in a {
        match left.iter().position(|x| *x == f.form) {
            Some(k) => {
                left.remove(k);
            }
            None => out.push(f),
        }
    }
    out
}

/// What is wrong between a source and its translation: (span in the target, message).
fn compare(
    source: &str,
    target: &str,
    formats: Formats,
    po: bool,
) -> Vec<((usize, usize), String)> {
    let (src, src_icu) = placeholders(source, formats);
    let (tgt, tgt_icu) = placeholders(target, formats);
    let whole = (0, target.len());
    let mut out = Vec::new();
    // Named placeholders, and everything inside ICU sub-messages (which repeat them per
    // category), are compared as sets; the others (%s, {}, tags) as multisets.
    let as_set = |f: &Found| f.named || src_icu || tgt_icu;
    let has = |v: &[Found], f: &Found| v.iter().any(|x| x.form == f.form);
    let split = |v: &[Found]| -> (Vec<Found>, Vec<Found>) { v.iter().cloned().partition(as_set) };
    let (src_set, src_multi) = split(&src);
    let (tgt_set, tgt_multi) = split(&tgt);
    let mut lost: Vec<&Found> = src_set.iter().filter(|f| !has(&tgt, f)).collect();
    let mut added: Vec<&Found> = tgt_set.iter().filter(|f| !has(&src, f)).collect();
    lost.extend(minus(&src_multi, &tgt_multi));
    added.extend(minus(&tgt_multi, &src_multi));
    let (mut lost, mut added) = (once(lost, &as_set), once(added, &as_set));
    lost.sort_by_key(|f| f.start);
    added.sort_by_key(|f| f.start);
    let pairs = lost.len().min(added.len());
    for (l, a) in lost.iter().zip(&added) {
        out.push((
            (a.start, a.end),
            format!("`{}` where the source has `{}`", a.form, l.form),
        ));
    }
    for l in &lost[pairs..] {
        out.push((
            whole,
            format!("the source's `{}` is not in the translation", l.form),
        ));
    }
    for a in &added[pairs..] {
        out.push((
            (a.start, a.end),
            format!("`{}` is not in the source", a.form),
        ));
    }
    // printf conversions without a position must keep their order.
    if out.is_empty() {
        let order = |v: &[Found]| -> Vec<String> {
            v.iter()
                .filter(|f| f.ordered)
                .map(|f| f.form.clone())
                .collect()
        };
        let (a, b) = (order(&src), order(&tgt));
        if a != b && a.len() == b.len() && a.len() > 1 {
            out.push((
                whole,
                format!(
                    "the placeholders {} come in another order than the source's {} (without \
                     positions, %1$s, they must keep it)",
                    b.join(" "),
                    a.join(" ")
                ),
            ));
        }
    }
    if po {
        if let Some((at, marker)) = accelerator(source) {
            if !target.contains(marker) {
                let key: String = source[at..].chars().take(2).collect();
                out.push((
                    whole,
                    format!(
                        "the source's accelerator `{key}` is not in the translation (Chinese \
                         menus write it as 文件({marker}F))"
                    ),
                ));
            }
        }
    }
    out
}

impl Check for Placeholders {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let english_target = ctx.doc.source_chinese;
        let mut found = Vec::new();
        for (k, (s, en)) in ctx.segments().enumerate() {
            if s.zh.trim().is_empty()
                || en.trim().is_empty()
                || s.flags.iter().any(|f| f == "fuzzy")
            {
                continue;
            }
            let (source, target) = if english_target {
                (s.zh.as_str(), en)
            } else {
                (en, s.zh.as_str())
            };
            if source == target {
                continue;
            }
            // Accelerators are read in PO labels only.
            for (span, message) in compare(source, target, Formats::of(&s.flags), ctx.doc.po) {
                found.push((k, span, message));
            }
        }
        for (k, span, message) in found {
            ctx.report_target(&RULE, k, span, String::new(), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(s: &str) -> Vec<String> {
        placeholders(s, Formats::of(&[]))
            .0
            .into_iter()
            .map(|f| f.form)
            .collect()
    }

    fn check(source: &str, target: &str, flags: &[&str]) -> Vec<String> {
        let flags: Vec<String> = flags.iter().map(|f| f.to_string()).collect();
        compare(source, target, Formats::of(&flags), true)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn real_placeholders_are_read() {
        assert_eq!(
            forms("Fault %1$03d: %s of %d (%.2f%%)"),
            ["%1$03d", "%s", "%d", "%.2f"]
        );
        assert_eq!(
            forms("Hello %(name)s, %1$@ and %@"),
            ["%(name)s", "%1$@", "%@"]
        );
        assert_eq!(
            forms("{0} of {count} {} {user.name} {x:.2f}"),
            ["{0}", "{count}", "{}", "{user.name}", "{x}"]
        );
        assert_eq!(
            forms("{{ user }} and ${HOME} and %1 files"),
            ["{{user}}", "${HOME}", "%1"]
        );
        assert_eq!(
            forms(r#"<a href="/x" rel="nofollow noopener" title="Go">here</a>"#),
            [r#"<a href="/x" rel="nofollow noopener" title>"#, "</a>"]
        );
    }

    #[test]
    fn prose_is_not_placeholders() {
        assert!(
            forms("100% sure, 50 % of them, 30%off, a < b and c > d, {\"json\": 1}").is_empty()
        );
        assert!(forms("increase of 5%").is_empty());
    }

    #[test]
    fn real_defects_are_found() {
        // A renamed placeholder (fails at run time).
        assert_eq!(
            check(
                "Plan starts at {plan_start_time}",
                "计划开始于{start_time}",
                &[]
            ),
            ["`{start_time}` where the source has `{plan_start_time}`"]
        );
        // A dropped positional printf of a medical app's fault code.
        assert_eq!(
            check("Fault code %1$03d", "故障代码", &["c-format"]),
            ["the source's `%1$03d` is not in the translation"]
        );
        // An attribute lost from an HTML string.
        let m = check(
            r#"See <a href="https://x.org" rel="nofollow noopener noreferrer">the site</a>"#,
            r#"见<a href="https://x.org">网站</a>"#,
            &[],
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("rel=\"nofollow noopener noreferrer\""));
        // An accelerator dropped.
        assert_eq!(check("&Open", "打开", &[]).len(), 1);
        assert!(check("&Open", "打开(&O)", &[]).is_empty());
        assert!(check("_Save", "保存(_S)", &[]).is_empty());
    }

    #[test]
    fn good_translations_pass() {
        assert!(check("%d files", "%d 个文件", &["c-format"]).is_empty());
        assert!(check("Copy %1$s to %2$s", "将 %2$s 复制自 %1$s", &["c-format"]).is_empty());
        // ICU: Chinese keeps only `other`.
        assert!(check(
            "{count, plural, one {# file in {dir}} other {# files in {dir}}}",
            "{count, plural, other {{dir} 中的 # 个文件}}",
            &[]
        )
        .is_empty());
        // Translated title attributes, and tags in another order.
        assert!(check(
            r#"<b>Save</b> <i title="Help">now</i>"#,
            r#"<i title="帮助">立即</i><b>保存</b>"#,
            &[]
        )
        .is_empty());
        assert!(check("Tom & Jerry", "汤姆和杰瑞", &[]).is_empty());
        // Real strings: Angular's ICU plural, Symfony's pipe plural, Godot's pseudo-tags.
        assert!(check(
            "{VAR_PLURAL, plural, one { topic} other { topics}}",
            "{VAR_PLURAL, plural, one { 个主题} other { 个主题}}",
            &[]
        )
        .is_empty());
        assert!(check(
            "You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices.",
            "您至少要选择 {{ limit }} 个选项。",
            &[]
        )
        .is_empty());
        assert!(check("<Unnamed Material>", "<未命名材质>", &[]).is_empty());
        assert!(check("<empty>", "<空>", &[]).is_empty());
        assert!(check("Cell %d x %d", "单元格 %dx%d", &[]).is_empty());
        assert!(check("snake_case_name", "蛇形命名", &[]).is_empty());
    }

    #[test]
    fn unpositioned_printf_keeps_its_order() {
        assert_eq!(
            check("%s has %d items", "%d 个项目在 %s", &["c-format"]).len(),
            1
        );
        assert!(check("%s has %d items", "%s 有 %d 个项目", &["c-format"]).is_empty());
        // no-c-format: a % is text.
        assert!(check("100%d", "100", &["no-c-format"]).is_empty());
    }
}
