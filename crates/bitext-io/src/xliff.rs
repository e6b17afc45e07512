//! XLIFF 1.2 and 2.x: the bilingual files of CAT tools.
//!
//! Read as units, each with its id, its target's state, whether it is to be translated, its notes,
//! and its text mapped back to the file:
//!
//! - XLIFF 1.2 (`<trans-unit>` in `<file>`, `<group>`s at any depth): one unit per trans-unit,
//!   `<source>` and `<target>`; SDL Trados (SDLXLIFF), whose `<seg-source>` and `<target>` split a
//!   trans-unit into `<mrk mtype="seg" mid="…">` segments, gives one unit per segment (id
//!   `unit/mid`). memoQ (MQXLIFF), Okapi, WorldServer and translate-toolkit write plain 1.2.
//!   Languages: `<file source-language target-language>`.
//! - XLIFF 2.x (`<unit>`s of `<segment>`s): one unit per segment, state from `<segment state>`,
//!   languages from `<xliff srcLang trgLang>`; `<ignorable>` is not text.
//!
//! Inline codes are recorded where they stand and never read as text: 1.2's `<x/>`, `<bx/>`,
//! `<ex/>`, `<g>` (its content is text), `<bpt>`, `<ept>`, `<ph>`, `<it>` (their content is
//! native code); 2.0's `<ph/>`, `<sc/>`, `<ec/>`, `<pc>` (content is text), `<sm/>`, `<em/>`;
//! `<mrk>` is a marker whose content is text. 2.0's `<cp hex="…"/>` is the character it names.

use quick_xml::events::Event;

use crate::xml::{self, attr, error, lang, local_in, next, unclosed, Collector};
use crate::{xml_root, Error, Format, Langs, Side, Unit};

/// What [`write()`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub xml: String,
    /// `<trans-unit>`s written.
    pub units: usize,
    /// Characters that XML 1.0 forbids, dropped from the text.
    pub dropped_chars: usize,
}

fn escape_into(out: &mut String, s: &str, dropped: &mut usize) {
    let clean = crate::xml_clean(s, dropped);
    out.push_str(&quick_xml::escape::escape(clean.as_ref()));
}

/// Writes units as an XLIFF 1.2 document, for CAT tools: one `<file>` (languages from the first
/// unit's sides; `original` names the file the units come from), one `<trans-unit>` per unit with
/// its id (or its number), `<source>` from side `a` and `<target>` from side `b` (left out when
/// the side is empty, as for an untranslated segment), the bead's confidence as a note, and
/// `translate="no"` where the unit had it. Side tags are written as they are (`zh`/`en` for
/// documents bitext aligned).
/// The source and target language tags of the units to write (`zh-CN` when the source has none).
fn lang_pair(units: &[Unit]) -> (&str, &str) {
    let (src, trg) = units
        .first()
        .map_or(("zh-CN", "en"), |u| (u.a.lang.as_str(), u.b.lang.as_str()));
    (if src.is_empty() { "zh-CN" } else { src }, trg)
}

/// ` name="value"`, the value escaped; nothing when it is empty.
fn push_attr(out: &mut String, name: &str, value: &str, dropped: &mut usize) {
    if !value.is_empty() {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(out, value, dropped);
        out.push('"');
    }
}

/// A unit's notes, one a line at `indent`: bitext's confidence and bead kind (its `<note>`
/// carrying `by`, `from="bitext"` in 1.2 and `category="bitext"` in 2.0), then the unit's own.
fn push_notes(out: &mut String, u: &Unit, indent: &str, by: &str, dropped: &mut usize) {
    if let Some(c) = u.confidence {
        out.push_str(&format!(
            "{indent}<note {by}>confidence {c:.3}, bead {}</note>\n",
            u.kind()
        ));
    }
    for n in &u.notes {
        out.push_str(indent);
        out.push_str("<note>");
        escape_into(out, n, dropped);
        out.push_str("</note>\n");
    }
}

pub fn write(units: &[Unit], original: &str) -> Written {
    let mut dropped = 0;
    let (src, trg) = lang_pair(units);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n");
    out.push_str("  <file original=\"");
    escape_into(&mut out, original, &mut dropped);
    out.push_str("\" datatype=\"plaintext\"");
    push_attr(&mut out, "source-language", src, &mut dropped);
    push_attr(&mut out, "target-language", trg, &mut dropped);
    out.push_str(">\n    <header><tool tool-id=\"bitext\" tool-name=\"bitext\" tool-version=\"");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("\"/></header>\n    <body>\n");
    for (k, u) in units.iter().enumerate() {
        out.push_str("      <trans-unit id=\"");
        match &u.id {
            Some(id) => escape_into(&mut out, id, &mut dropped),
            None => out.push_str(&(k + 1).to_string()),
        }
        out.push('"');
        if !u.translate {
            out.push_str(" translate=\"no\"");
        }
        out.push_str(">\n        <source>");
        escape_into(&mut out, &u.a.joined(), &mut dropped);
        out.push_str("</source>\n");
        if !u.b.is_empty() {
            out.push_str("        <target");
            if let Some(state) = &u.state {
                out.push_str(" state=\"");
                escape_into(&mut out, state, &mut dropped);
                out.push('"');
            }
            out.push('>');
            escape_into(&mut out, &u.b.joined(), &mut dropped);
            out.push_str("</target>\n");
        }
        push_notes(&mut out, u, "        ", "from=\"bitext\"", &mut dropped);
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    Written {
        xml: out,
        units: units.len(),
        dropped_chars: dropped,
    }
}

/// Writes units as an XLIFF 2.0 document: one `<file>`, a `<unit>` per unit with one `<segment>`
/// (`state` from the unit's when it is one of XLIFF 2.0's, `translated` when there is a target,
/// else `initial`), `translate="no"` kept, bitext's confidence and bead kind as `<notes>`.
pub fn write2(units: &[Unit], original: &str) -> Written {
    let mut dropped = 0;
    let (src, trg) = lang_pair(units);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"");
    push_attr(&mut out, "srcLang", src, &mut dropped);
    push_attr(&mut out, "trgLang", trg, &mut dropped);
    out.push_str(">\n  <file id=\"f1\" original=\"");
    escape_into(&mut out, original, &mut dropped);
    out.push_str("\">\n");
    let mut used = std::collections::HashSet::new();
    for (k, u) in units.iter().enumerate() {
        // Unit ids are NMTOKENs, unique in the file.
        let mut id: String = match &u.id {
            Some(id) => id
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || "._-:".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect(),
            None => String::new(),
        };
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("u{}", k + 1);
            while !used.insert(id.clone()) {
                id.push('_');
            }
        }
        out.push_str("    <unit id=\"");
        out.push_str(&id);
        out.push('"');
        if !u.translate {
            out.push_str(" translate=\"no\"");
        }
        out.push_str(">\n");
        if u.confidence.is_some() || !u.notes.is_empty() {
            out.push_str("      <notes>\n");
            push_notes(&mut out, u, "        ", "category=\"bitext\"", &mut dropped);
            out.push_str("      </notes>\n");
        }
        let state = match u.state.as_deref() {
            Some(s @ ("initial" | "translated" | "reviewed" | "final")) => s,
            _ if !u.b.is_empty() => "translated",
            _ => "initial",
        };
        out.push_str(&format!(
            "      <segment state=\"{state}\">\n        <source>"
        ));
        escape_into(&mut out, &u.a.joined(), &mut dropped);
        out.push_str("</source>\n");
        if !u.b.is_empty() {
            out.push_str("        <target>");
            escape_into(&mut out, &u.b.joined(), &mut dropped);
            out.push_str("</target>\n");
        }
        out.push_str("      </segment>\n    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    Written {
        xml: out,
        units: units.len(),
        dropped_chars: dropped,
    }
}

/// XLIFF in the registry of formats.
pub static FORMAT: Format = Format {
    name: "xliff",
    extensions: &["xlf", "xliff", "sdlxliff", "mqxliff", "xlz"],
    sniff: |text| xml_root(text) == Some("xliff"),
    read,
};

/// Elements whose content is native code, not text.
const CODE_CONTENT: &[&str] = &["bpt", "ept", "ph", "it", "sub"];
/// Empty placeholders (and 2.0's markers); content a tool wrote inside one anyway is code, as
/// translate-toolkit reads it.
const PLACEHOLDERS: &[&str] = &["x", "bx", "ex", "sc", "ec", "sm", "em"];

/// An element whose content, if it has any, is code.
fn holds_code(name: &str) -> bool {
    CODE_CONTENT.contains(&name) || PLACEHOLDERS.contains(&name)
}

/// Which part of a unit text is read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Source,
    SegSource,
    Target,
}

/// A unit being read.
#[derive(Default)]
struct Pending {
    id: Option<String>,
    at: usize,
    translate: bool,
    state: Option<String>,
    notes: Vec<String>,
    source: Collector,
    target: Collector,
    has_target: bool,
    /// SDL segments: (mid, source, target).
    seg_source: Vec<(String, Collector)>,
    seg_target: Vec<(String, Collector)>,
}

/// Reads the units of an XLIFF 1.2 or 2.x document (see the module documentation).
pub fn read(text: &str, langs: &Langs) -> Result<Vec<Unit>, Error> {
    let (units, present) = read_with_languages(text, langs)?;
    langs.require(text, &present)?;
    Ok(units)
}

/// [`read`] without the check that the languages asked for are in the file: the units and the
/// language tags present (a piece of a file read in pieces is checked with the whole file's).
/// XLIFF units pair the file's source and target whatever is asked (`_langs`).
pub(crate) fn read_with_languages(
    text: &str,
    langs: &Langs,
) -> Result<(Vec<Unit>, Vec<String>), Error> {
    let mut units = Vec::new();
    let present = read_into(text, langs, &mut units)?;
    Ok((units, present))
}

/// [`read_with_languages`], appending the units to `units` (a vector reused piece after piece
/// when a file is read in pieces).
pub(crate) fn read_into(
    text: &str,
    _langs: &Langs,
    units: &mut Vec<Unit>,
) -> Result<Vec<String>, Error> {
    let (mut reader, text_start) = xml::reader(text);
    let at = |pos: u64, message: String| error(text, text_start + pos as usize, message);

    // A unit is some 450 bytes: growing the vector by doubling copied them.
    if units.capacity() == 0 {
        // A fresh vector (not one reused piece after piece): room for every unit at once.
        units.reserve(
            memchr::memmem::find_iter(text.as_bytes(), "</trans-unit>").count()
                + memchr::memmem::find_iter(text.as_bytes(), "</segment>").count(),
        );
    }
    // Open elements, as slices of the text where it can be (no allocation per element).
    let mut stack: Vec<std::borrow::Cow<str>> = Vec::new();
    let mut version2 = false;
    let (mut src_lang, mut trg_lang) = (String::new(), String::new());
    let mut present: Vec<String> = Vec::new();
    let mut unit: Option<Pending> = None;
    // XLIFF 2: the unit's id and notes, while its segments are read.
    let mut unit2: Option<(Option<String>, usize, bool, Vec<String>)> = None;
    let mut part: Option<Part> = None;
    // The SDL segment being read (mid), and how deep in <mrk> it is.
    let mut mrk_seg: Option<(String, usize)> = None;
    let mut code_depth = 0usize;
    let mut note: Option<String> = None;
    let mut seen_root = false;

    loop {
        let (pos, event) = next(&mut reader, text, text_start, stack.len())?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local_in(text, text_start + pos as usize, e);
                let get = |key: &str| attr(e, key).map_err(|m| at(pos, m));
                if !seen_root {
                    if name != "xliff" {
                        return Err(at(
                            pos,
                            format!(
                                "not an XLIFF document: the root element is <{name}>, not <xliff>"
                            ),
                        ));
                    }
                    seen_root = true;
                    let v = get("version")?.unwrap_or_default();
                    version2 = v.starts_with('2') || get("srcLang")?.is_some();
                    if version2 {
                        src_lang = get("srcLang")?.unwrap_or_default();
                        trg_lang = get("trgLang")?.unwrap_or_default();
                        for l in [&src_lang, &trg_lang] {
                            if !l.is_empty() {
                                present.push(l.clone());
                            }
                        }
                    }
                }
                let in_text = part.is_some() && code_depth == 0;
                match name.as_ref() {
                    "file" if !version2 => {
                        src_lang = get("source-language")?.unwrap_or_default();
                        trg_lang = get("target-language")?.unwrap_or_default();
                        for l in [&src_lang, &trg_lang] {
                            if !l.is_empty() && !present.contains(l) {
                                present.push(l.clone());
                            }
                        }
                    }
                    "trans-unit" if !version2 => {
                        let [id, translate] =
                            xml::attrs(e, ["id", "translate"]).map_err(|m| at(pos, m))?;
                        unit = Some(Pending {
                            id,
                            at: text_start + pos as usize,
                            translate: translate.as_deref() != Some("no"),
                            ..Pending::default()
                        });
                    }
                    "unit" if version2 => {
                        let translate = get("translate")?.as_deref() != Some("no");
                        unit2 =
                            Some((get("id")?, text_start + pos as usize, translate, Vec::new()));
                    }
                    "segment" if version2 => {
                        let (id, u_at, translate) = unit2
                            .as_ref()
                            .map(|u| (u.0.clone(), u.1, u.2))
                            .unwrap_or((None, 0, true));
                        let seg = get("id")?;
                        unit = Some(Pending {
                            id: match (id, seg) {
                                (Some(u), Some(s)) => Some(format!("{u}/{s}")),
                                (u, s) => u.or(s),
                            },
                            at: if u_at == 0 {
                                text_start + pos as usize
                            } else {
                                u_at
                            },
                            translate,
                            state: get("state")?,
                            ..Pending::default()
                        });
                    }
                    "source"
                        if unit.is_some()
                            && stack.last().map(|s| s.as_ref()) != Some("alt-trans") =>
                    {
                        if let Some(l) = lang(e).map_err(|m| at(pos, m))? {
                            if !present.contains(&l) {
                                present.push(l);
                            }
                        }
                        part = (!empty).then_some(Part::Source);
                    }
                    "seg-source" if unit.is_some() => part = (!empty).then_some(Part::SegSource),
                    "target"
                        if unit.is_some()
                            && stack.last().map(|s| s.as_ref()) != Some("alt-trans") =>
                    {
                        let u = unit.as_mut().expect("a unit is read");
                        u.has_target = true;
                        if let Some(state) = get("state")? {
                            u.state = Some(state);
                        }
                        if let Some(l) = lang(e).map_err(|m| at(pos, m))? {
                            if !present.contains(&l) {
                                present.push(l);
                            }
                        }
                        part = (!empty).then_some(Part::Target);
                    }
                    // A self-closing <note/> (Xcode writes one for every uncommented string)
                    // has no text and no end: it must not swallow the text that follows.
                    "note" if (unit.is_some() || unit2.is_some()) && !empty => {
                        note = Some(String::new())
                    }
                    "mrk"
                        if in_text
                            && get("mtype")?.as_deref() == Some("seg")
                            && matches!(part, Some(Part::SegSource | Part::Target)) =>
                    {
                        let mid = get("mid")?.unwrap_or_default();
                        let u = unit.as_mut().expect("a unit is read");
                        let list = if part == Some(Part::Target) {
                            &mut u.seg_target
                        } else {
                            &mut u.seg_source
                        };
                        list.push((mid.clone(), Collector::default()));
                        if !empty {
                            mrk_seg = Some((mid, 0));
                        }
                    }
                    "cp" if in_text => {
                        let hex = get("hex")?.unwrap_or_default();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| {
                                at(pos, format!("<cp hex=\"{hex}\"/> names no character"))
                            })?;
                        let end = reader.buffer_position();
                        if let Some(col) = collector(&mut unit, part, &mrk_seg) {
                            col.char_at(c, text_start + pos as usize, (end - pos) as usize);
                        }
                    }
                    n if in_text
                        && (CODE_CONTENT.contains(&n)
                            || PLACEHOLDERS.contains(&n)
                            || n == "g"
                            || n == "pc") =>
                    {
                        let id = get("id")?;
                        if let Some(col) = collector(&mut unit, part, &mrk_seg) {
                            col.code(n, id);
                        }
                        if holds_code(n) && !empty {
                            code_depth += 1;
                        }
                    }
                    n if part.is_some() && code_depth > 0 && holds_code(n) && !empty => {
                        code_depth += 1
                    }
                    "mrk" => {
                        // A marker (a term, a protected span): its content is text.
                        if in_text {
                            let id = get("id")?.or(get("mid")?);
                            if let Some(col) = collector(&mut unit, part, &mrk_seg) {
                                col.code("mrk", id);
                            }
                        }
                        if let Some((_, depth)) = mrk_seg.as_mut() {
                            if !empty {
                                *depth += 1;
                            }
                        }
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                stack.pop();
                match name {
                    n if part.is_some() && holds_code(n) && code_depth > 0 => {
                        code_depth -= 1;
                        // The end of `<pc>`/`<g>` content is no code of its own.
                    }
                    "mrk" => {
                        if let Some((_, depth)) = mrk_seg.as_mut() {
                            if *depth == 0 {
                                mrk_seg = None;
                            } else {
                                *depth -= 1;
                            }
                        }
                    }
                    "source" | "seg-source" | "target" if part.is_some() => part = None,
                    "note" => {
                        if let (Some(n), true) = (note.take(), unit.is_some() || unit2.is_some()) {
                            match unit.as_mut() {
                                Some(u) => u.notes.push(n),
                                None => {
                                    if let Some(u2) = unit2.as_mut() {
                                        u2.3.push(n);
                                    }
                                }
                            }
                        }
                    }
                    "trans-unit" if !version2 => {
                        if let Some(u) = unit.take() {
                            finish(u, &src_lang, &trg_lang, units);
                        }
                    }
                    "segment" if version2 => {
                        if let Some(mut u) = unit.take() {
                            if let Some(u2) = unit2.as_ref() {
                                u.notes.extend(u2.3.iter().cloned());
                            }
                            finish(u, &src_lang, &trg_lang, units);
                        }
                    }
                    "unit" if version2 => unit2 = None,
                    _ => {}
                }
            }
            Event::Text(t) => {
                let raw = t.into_inner();
                let file_at = text_start + pos as usize;
                if let Some(n) = note.as_mut() {
                    let mut c = Collector::default();
                    c.raw(xml::slice(text, file_at, raw.len()), file_at)
                        .map_err(|m| at(pos, m))?;
                    n.push_str(&c.text);
                } else if part.is_some() && code_depth == 0 {
                    if let Some(col) = collector(&mut unit, part, &mrk_seg) {
                        col.raw(xml::slice(text, file_at, raw.len()), file_at)
                            .map_err(|m| at(pos, m))?;
                    }
                }
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t.into_inner()).into_owned();
                if let Some(n) = note.as_mut() {
                    n.push_str(&s);
                } else if part.is_some() && code_depth == 0 {
                    if let Some(col) = collector(&mut unit, part, &mrk_seg) {
                        col.exact(&s, text_start + pos as usize + 9);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    unclosed(text, &stack)?;
    if !seen_root {
        return Err(Error::at(text, 0, "not an XLIFF document: no <xliff>"));
    }
    Ok(present)
}

/// The text being read into: the SDL segment when inside one, else the source or target.
fn collector<'a>(
    unit: &'a mut Option<Pending>,
    part: Option<Part>,
    mrk_seg: &Option<(String, usize)>,
) -> Option<&'a mut Collector> {
    let u = unit.as_mut()?;
    match (part?, mrk_seg) {
        (Part::SegSource, Some(_)) => u.seg_source.last_mut().map(|s| &mut s.1),
        (Part::Target, Some(_)) if !u.seg_target.is_empty() => {
            u.seg_target.last_mut().map(|s| &mut s.1)
        }
        (Part::SegSource, None) => None,
        (Part::Source, _) => Some(&mut u.source),
        (Part::Target, _) => Some(&mut u.target),
    }
}

fn side(lang: &str, c: Collector) -> Side {
    let mut s = Side::new(lang, Vec::new());
    if !c.text.is_empty() {
        s.text.push(c.text);
    }
    s.pieces = c.pieces;
    s.codes = c.codes;
    s
}

/// The units of a trans-unit or segment read: one, or one per SDL segment.
fn finish(mut u: Pending, src: &str, trg: &str, out: &mut Vec<Unit>) {
    let base = Unit {
        id: u.id.take(),
        at: u.at,
        translate: u.translate,
        state: u.state.take(),
        notes: std::mem::take(&mut u.notes),
        source: (!src.is_empty()).then(|| src.to_owned()),
        ..Unit::default()
    };
    if !u.seg_source.is_empty() {
        let targets = std::mem::take(&mut u.seg_target);
        for (mid, source) in std::mem::take(&mut u.seg_source) {
            let target = targets
                .iter()
                .find(|(m, _)| *m == mid)
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
            out.push(Unit {
                a: side(src, source),
                b: side(trg, target),
                id: Some(match &base.id {
                    Some(id) => format!("{id}/{mid}"),
                    None => mid,
                }),
                ..base.clone()
            });
        }
        return;
    }
    let target = if u.has_target {
        u.target.take()
    } else {
        Collector::default()
    };
    out.push(Unit {
        a: side(src, u.source.take()),
        b: side(trg, target),
        ..base
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(xml: &str) -> Vec<Unit> {
        read(xml, &Langs::default()).unwrap()
    }

    #[test]
    fn a_self_closing_note_empties_nothing() {
        // An Xcode export: <note/> for every string without a comment.
        let x = r#"<xliff version="1.2"><file source-language="en" target-language="zh-Hans" original="a"><body>
<trans-unit id="a"><source>Open</source><target>打开</target><note/></trans-unit>
<trans-unit id="b"><source>Close</source><target>关闭</target><note/></trans-unit>
<trans-unit id="c"><source>Save</source><target>保存</target></trans-unit>
</body></file></xliff>"#;
        let u = units(x);
        let texts: Vec<(String, String)> = u.iter().map(|u| (u.a.joined(), u.b.joined())).collect();
        let want = [("Open", "打开"), ("Close", "关闭"), ("Save", "保存")];
        assert_eq!(texts, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
        assert!(u.iter().all(|u| u.notes.is_empty()));
    }

    #[test]
    fn content_written_inside_a_placeholder_is_code() {
        // A converter's file: <ex> should be empty; what it holds is not translatable text.
        let x = r#"<xliff version="1.2"><file source-language="en" target-language="es" original="a"><body>
<trans-unit id="2"><source><mrk id="1">PPC000460</mrk></source>
<target><mrk id="1">Test1</mrk><mrk id="2">Test2<ex id="1">Another Test Inside</ex></mrk><mrk id="3">Test3<a href="https://example.org">ClickMe!</a></mrk></target></trans-unit>
</body></file></xliff>"#;
        let u = units(x);
        assert_eq!(u[0].b.joined(), "Test1Test2Test3ClickMe!");
    }

    #[test]
    fn xliff_1_2_with_groups_states_notes_and_codes() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en-US" target-language="zh-CN" datatype="plaintext" original="a">
  <body><group id="g"><trans-unit id="1">
   <source>Press <g id="1">OK</g> &amp; go<x id="2"/>.</source>
   <target state="translated">按<g id="1">确定</g>然后走<x id="2"/>。</target>
   <note>UI string</note>
  </trans-unit></group>
  <trans-unit id="2" translate="no"><source>ACME</source></trans-unit>
  </body></file></xliff>"#;
        let u = units(xml);
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].a.joined(), "Press OK & go.");
        assert_eq!(u[0].b.joined(), "按确定然后走。");
        assert_eq!(
            (u[0].a.lang.as_str(), u[0].b.lang.as_str()),
            ("en-US", "zh-CN")
        );
        assert_eq!(u[0].state.as_deref(), Some("translated"));
        assert_eq!(u[0].notes, ["UI string"]);
        assert_eq!(u[0].id.as_deref(), Some("1"));
        let kinds: Vec<&str> = u[0].b.codes.iter().map(|c| c.kind.as_str()).collect();
        assert_eq!(kinds, ["g", "x"]);
        assert!(!u[1].translate && u[1].b.is_empty());
        // The target's text maps to its bytes in the file.
        let (s, e) = u[0].b.file_range(0, "按".len()).unwrap();
        assert_eq!(&xml[s..e], "按");
        let amp = u[0].a.joined().find('&').unwrap();
        assert_eq!(
            u[0].a.file_range(amp, amp + 1).map(|(s, e)| &xml[s..e]),
            Some("&amp;")
        );
    }

    #[test]
    fn sdlxliff_segments_are_units() {
        let xml = r#"<xliff version="1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file source-language="en" target-language="zh-CN"><body>
<trans-unit id="u1"><source>One. Two.</source>
<seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two <ph id="3">&lt;br/&gt;</ph>more.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二<ph id="3">&lt;br/&gt;</ph>更多。</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit></body></file></xliff>"#;
        let u = units(xml);
        assert_eq!(u.len(), 2);
        assert_eq!(u[1].id.as_deref(), Some("u1/2"));
        assert_eq!(u[1].a.joined(), "Two more.");
        assert_eq!(u[1].b.joined(), "二更多。");
        assert_eq!(u[1].b.codes.len(), 1);
    }

    #[test]
    fn xliff_2_segments_ignorables_and_code_points() {
        let xml = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh">
 <file id="f"><unit id="u"><notes><note>n</note></notes>
  <segment id="s1" state="final"><source>Hello <pc id="1">world</pc><cp hex="0007"/>.</source><target>你好<pc id="1">世界</pc>。</target></segment>
  <ignorable><source> </source></ignorable>
  <segment id="s2"><source><ph id="2"/>Bye.</source></segment>
 </unit></file></xliff>"#;
        let u = units(xml);
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].a.joined(), "Hello world\u{7}.");
        assert_eq!(u[0].b.joined(), "你好世界。");
        assert_eq!(u[0].state.as_deref(), Some("final"));
        assert_eq!(u[0].id.as_deref(), Some("u/s1"));
        assert_eq!(u[0].notes, ["n"]);
        assert_eq!(u[1].a.joined(), "Bye.");
        assert_eq!(u[1].a.codes[0].kind, "ph");
    }

    #[test]
    fn languages_asked_for_must_be_there() {
        let xml = r#"<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>"#;
        let err = read(xml, &Langs::zh_en()).unwrap_err();
        assert_eq!(err.message, "no zh in this file: its languages are en, fr");
        let err = read("<tmx/>", &Langs::default()).unwrap_err();
        assert!(err.message.contains("root element is <tmx>"), "{err}");
    }

    #[test]
    fn written_xliff_reads_back() {
        let mut u = Unit {
            a: Side::new("zh-CN", vec!["鄂尔多斯市乌审旗".into()]),
            b: Side::new("en", vec!["Uxin Banner <of> Ordos & \"more\"".into()]),
            confidence: Some(0.9),
            ..Unit::default()
        };
        u.notes.push("checked".into());
        let untranslated = Unit {
            a: Side::new("zh-CN", vec!["嘎查".into()]),
            b: Side::new("en", vec![]),
            translate: false,
            ..Unit::default()
        };
        let w = write(&[u, untranslated], "a.txt");
        assert_eq!(w.units, 2);
        let back = read(&w.xml, &Langs::zh_en()).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].b.joined(), "Uxin Banner <of> Ordos & \"more\"");
        assert_eq!(back[0].a.lang, "zh-CN");
        assert!(back[0].notes.iter().any(|n| n == "checked"));
        assert!(!back[1].translate && back[1].b.is_empty());
    }

    #[test]
    fn xliff_2_written_is_read_back() {
        let units = vec![
            Unit {
                a: Side::new("zh-CN", vec!["旗县".into()]),
                b: Side::new("en", vec!["banners & counties".into()]),
                id: Some("a b".into()),
                confidence: Some(0.5),
                ..Unit::default()
            },
            Unit {
                a: Side::new("zh-CN", vec!["我国".into()]),
                b: Side::new("en", vec![]),
                id: Some("a_b".into()),
                translate: false,
                ..Unit::default()
            },
        ];
        let w = write2(&units, "report.docx");
        assert!(w
            .xml
            .contains("version=\"2.0\" srcLang=\"zh-CN\" trgLang=\"en\""));
        assert!(
            w.xml.contains("<unit id=\"a_b\">")
                && w.xml.contains("<unit id=\"u2\" translate=\"no\">")
        );
        assert!(w.xml.contains("<segment state=\"initial\">"));
        let back = read(&w.xml, &Langs::default()).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].b.joined(), "banners & counties");
        assert!(!back[1].translate);
    }
}
