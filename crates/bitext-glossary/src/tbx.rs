//! TBX import and export: TBX 2008 (`<martif>`, read by Xbench, MultiTerm and translate-toolkit)
//! and TBX v3 TBX-Basic in DCA style (`<tbx type="TBX-Basic" style="dca">`).
//!
//! A concept is a `<termEntry>` / `<conceptEntry>` with the concept's id; its Chinese terms are in
//! the `zh-CN` language section (the first one preferred, variants admitted), its English
//! renderings in the `en` section with `administrativeStatus` `preferredTerm-admn-sts`,
//! `admittedTerm-admn-sts` or `deprecatedTerm-admn-sts` (a deprecated rendering's reason is the
//! term's `<note>`). The domain is `<descrip type="subjectField">`, the source
//! `<admin type="source">`, the part of speech `<termNote type="partOfSpeech">` when TBX-Basic
//! allows its value. What TBX has no data category for is kept in concept-level notes that start
//! with `bitext-`: `bitext-exception: …`, `bitext-case-sensitive`, `bitext-status: …`,
//! `bitext-pos: …`, so that TOML → TBX → TOML loses nothing.
//!
//! Reading accepts either dialect (and `<ntig>`/`<termGrp>`), any `zh*` and `en*` language tags;
//! `supersededTerm-admn-sts` reads as deprecated, a term without a status as admitted (or
//! preferred when it is the first of its language).

use std::path::Path;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::{Concept, Deprecated, Error, Locator};

/// The two TBX dialects bitext writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// TBX 2008 (ISO 30042:2008), root `<martif>`.
    Tbx2008,
    /// TBX v3 (ISO 30042:2019) TBX-Basic, DCA style.
    Basic,
}

const POS: [&str; 5] = ["noun", "verb", "adjective", "adverb", "other"];

struct W {
    w: Writer<Vec<u8>>,
    depth: usize,
}

impl W {
    fn nl(&mut self) {
        let ws = format!("\n{}", "  ".repeat(self.depth));
        let _ = self.w.write_event(Event::Text(BytesText::from_escaped(ws)));
    }
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.nl();
        let mut e = BytesStart::new(name);
        for &a in attrs {
            e.push_attribute(a);
        }
        let _ = self.w.write_event(Event::Start(e));
        self.depth += 1;
    }
    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.nl();
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.nl();
        let mut e = BytesStart::new(name);
        for &a in attrs {
            e.push_attribute(a);
        }
        let _ = self.w.write_event(Event::Start(e));
        let _ = self.w.write_event(Event::Text(BytesText::new(text)));
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }
}

/// Whether `id` is an XML NCName, as TBX's `id` attribute must be.
fn is_ncname(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Writes concepts as TBX.
pub fn write(concepts: &[Concept], dialect: Dialect) -> String {
    let mut w = W {
        w: Writer::new(Vec::new()),
        depth: 0,
    };
    let _ =
        w.w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let (root, header, entry, lang_sec, term_sec) = match dialect {
        Dialect::Tbx2008 => ("martif", "martifHeader", "termEntry", "langSet", "tig"),
        Dialect::Basic => ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
    };
    match dialect {
        Dialect::Tbx2008 => w.open(root, &[("type", "TBX-Basic"), ("xml:lang", "en")]),
        Dialect::Basic => w.open(
            root,
            &[
                ("type", "TBX-Basic"),
                ("style", "dca"),
                ("xml:lang", "en"),
                ("xmlns", "urn:iso:std:iso:30042:ed-2"),
            ],
        ),
    }
    w.open(header, &[]);
    w.open("fileDesc", &[]);
    w.open("sourceDesc", &[]);
    w.leaf("p", &[], "bitext glossary export (zh-CN to en)");
    w.close("sourceDesc");
    w.close("fileDesc");
    w.close(header);
    w.open("text", &[]);
    w.open("body", &[]);
    for (k, c) in concepts.iter().enumerate() {
        let id = if is_ncname(&c.id) {
            c.id.clone()
        } else {
            format!("concept-{}", k + 1)
        };
        w.open(entry, &[("id", &id)]);
        if let Some(d) = &c.domain {
            w.leaf("descrip", &[("type", "subjectField")], d);
        }
        if let Some(s) = &c.source {
            w.leaf("admin", &[("type", "source")], s);
        }
        if let Some(n) = &c.note {
            w.leaf("note", &[], n);
        }
        if id != c.id {
            w.leaf("note", &[], &format!("bitext-id: {}", c.id));
        }
        if c.case_sensitive {
            w.leaf("note", &[], "bitext-case-sensitive");
        }
        if !c.official {
            w.leaf("note", &[], "bitext-unofficial");
        }
        if !c.enforce {
            w.leaf("note", &[], "bitext-not-enforced");
        }
        if let Some(s) = &c.status {
            w.leaf("note", &[], &format!("bitext-status: {s}"));
        }
        let pos_ok = c.pos.as_deref().is_some_and(|p| POS.contains(&p));
        if let (Some(p), false) = (&c.pos, pos_ok) {
            w.leaf("note", &[], &format!("bitext-pos: {p}"));
        }
        for e in &c.exceptions {
            w.leaf("note", &[], &format!("bitext-exception: {e}"));
        }
        let status = |s: &str| format!("{s}Term-admn-sts");
        w.open(lang_sec, &[("xml:lang", "zh-CN")]);
        for (k, z) in std::iter::once(&c.zh).chain(&c.zh_variants).enumerate() {
            w.open(term_sec, &[]);
            w.leaf("term", &[], z);
            let s = status(if k == 0 { "preferred" } else { "admitted" });
            w.leaf("termNote", &[("type", "administrativeStatus")], &s);
            if let (0, Some(p), true) = (k, &c.pos, pos_ok) {
                w.leaf("termNote", &[("type", "partOfSpeech")], p);
            }
            w.close(term_sec);
        }
        w.close(lang_sec);
        w.open(lang_sec, &[("xml:lang", "en")]);
        let renderings = std::iter::once((&c.preferred, "preferred", None))
            .chain(c.admitted.iter().map(|a| (a, "admitted", None)))
            .chain(
                c.deprecated
                    .iter()
                    .map(|d| (&d.text, "deprecated", d.reason.as_ref())),
            );
        for (text, st, reason) in renderings {
            w.open(term_sec, &[]);
            w.leaf("term", &[], text);
            w.leaf("termNote", &[("type", "administrativeStatus")], &status(st));
            if let Some(r) = reason {
                w.leaf("note", &[], r);
            }
            w.close(term_sec);
        }
        w.close(lang_sec);
        w.close(entry);
    }
    w.close("body");
    w.close("text");
    w.close(root);
    w.nl();
    String::from_utf8(w.w.into_inner()).unwrap_or_default()
}

#[derive(Default)]
struct Term {
    text: String,
    status: Option<String>,
    pos: Option<String>,
    note: Option<String>,
}

#[derive(Default)]
struct Entry {
    id: String,
    offset: usize,
    domain: Option<String>,
    source: Option<String>,
    notes: Vec<String>,
    zh: Vec<Term>,
    en: Vec<Term>,
    others: usize,
}

/// Reads concepts from TBX 2008 or TBX v3 text (`path` names it in errors).
pub fn read(text: &str, path: &Path) -> Result<Vec<Concept>, Error> {
    let locator = Locator::new(text, path);
    let at = |offset: usize, message: String| Error::Invalid {
        origin: locator.origin(offset),
        message,
    };
    let skip = text.len() - text.trim_start_matches('\u{feff}').len();
    let mut reader = Reader::from_str(&text[skip..]);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry: Option<Entry> = None;
    // Language of the current language section: Some(true) Chinese, Some(false) English, None other.
    let mut lang: Option<bool> = None;
    let mut term: Option<Term> = None;
    // The element whose text is being collected, with its type attribute.
    let mut field: Option<(String, String, String)> = None;
    let mut root_seen = false;
    loop {
        let pos = skip + reader.buffer_position() as usize;
        let ev = reader.read_event().map_err(|e| {
            at(
                skip + reader.error_position() as usize,
                format!("not well-formed XML: {e}"),
            )
        })?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let attr = |key: &[u8]| -> Option<String> {
                    e.attributes().flatten().find_map(|a| {
                        (a.key.as_ref() == key)
                            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
                            .flatten()
                    })
                };
                if !root_seen {
                    if name != "martif" && name != "tbx" {
                        return Err(at(
                            pos,
                            format!("not a TBX document: the root element is <{name}>, not <martif> or <tbx>"),
                        ));
                    }
                    root_seen = true;
                }
                match name.as_str() {
                    "termEntry" | "conceptEntry" => {
                        entry = Some(Entry {
                            id: attr(b"id").unwrap_or_default(),
                            offset: pos,
                            ..Entry::default()
                        });
                    }
                    "langSet" | "langSec" => {
                        let l = attr(b"xml:lang")
                            .or_else(|| attr(b"lang"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        lang = if l == "zh" || l.starts_with("zh-") || l.starts_with("zh_") {
                            Some(true)
                        } else if l == "en" || l.starts_with("en-") || l.starts_with("en_") {
                            Some(false)
                        } else {
                            if let Some(en) = entry.as_mut() {
                                en.others += 1;
                            }
                            None
                        };
                    }
                    "tig" | "ntig" | "termSec" => term = Some(Term::default()),
                    "term" | "termNote" | "descrip" | "admin" | "note" => {
                        field = Some((
                            name.clone(),
                            attr(b"type").unwrap_or_default(),
                            String::new(),
                        ));
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                } else {
                    field = None;
                }
            }
            Event::Text(t) => {
                if let Some((_, _, buf)) = field.as_mut() {
                    let s = t
                        .unescape()
                        .map_err(|e| at(pos, format!("bad text: {e}")))?;
                    buf.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some((_, _, buf)) = field.as_mut() {
                    buf.push_str(&String::from_utf8_lossy(&t.into_inner()));
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                if let Some((fname, ftype, value)) = field.take_if(|f| f.0 == name) {
                    let value = value.trim().to_string();
                    match (term.as_mut(), fname.as_str(), ftype.as_str()) {
                        (Some(t), "term", _) => t.text = value,
                        (Some(t), "termNote", "administrativeStatus") => t.status = Some(value),
                        (Some(t), "termNote", "partOfSpeech") => t.pos = Some(value),
                        (Some(t), "note", _) | (Some(t), "descrip", "context") => {
                            t.note = Some(value)
                        }
                        (None, _, _) => {
                            if let Some(en) = entry.as_mut() {
                                match (fname.as_str(), ftype.as_str()) {
                                    ("descrip", "subjectField") => en.domain = Some(value),
                                    ("admin", "source") => en.source = Some(value),
                                    ("note", _) | ("descrip", "definition") => en.notes.push(value),
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                match name.as_str() {
                    "tig" | "ntig" | "termSec" => {
                        if let (Some(t), Some(en)) = (term.take(), entry.as_mut()) {
                            if !t.text.is_empty() {
                                match lang {
                                    Some(true) => en.zh.push(t),
                                    Some(false) => en.en.push(t),
                                    None => {}
                                }
                            }
                        }
                    }
                    "langSet" | "langSec" => lang = None,
                    "termEntry" | "conceptEntry" => {
                        if let Some(en) = entry.take() {
                            entries.push(en);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(at(
            text.len(),
            format!("unexpected end of file: <{open}> is not closed"),
        ));
    }
    if !root_seen {
        return Err(at(0, "not a TBX document: no root element".into()));
    }
    let mut concepts = Vec::new();
    for e in entries {
        let origin = locator.origin(e.offset);
        let Some(first_zh) = e.zh.first() else {
            return Err(at(
                e.offset,
                format!("entry `{}` has no Chinese term", e.id),
            ));
        };
        let status = |t: &Term| t.status.as_deref().unwrap_or("").to_string();
        let preferred_at =
            e.en.iter()
                .position(|t| status(t) == "preferredTerm-admn-sts")
                .or_else(|| e.en.iter().position(|t| t.status.is_none()))
                .or_else(|| {
                    e.en.iter()
                        .position(|t| status(t) == "admittedTerm-admn-sts")
                });
        let Some(p) = preferred_at else {
            return Err(at(
                e.offset,
                format!(
                    "entry `{}` ({}) has no English term that is preferred or admitted",
                    e.id, first_zh.text
                ),
            ));
        };
        let mut c = Concept::new(
            if e.id.is_empty() {
                crate::csv::slug(&e.en[p].text)
            } else {
                e.id.clone()
            }
            .as_str(),
            &first_zh.text,
            &e.en[p].text,
            origin,
        );
        c.zh_variants = e.zh[1..].iter().map(|t| t.text.clone()).collect();
        c.pos = first_zh.pos.clone();
        for (k, t) in e.en.iter().enumerate() {
            if k == p {
                continue;
            }
            match status(t).as_str() {
                "deprecatedTerm-admn-sts" | "supersededTerm-admn-sts" => {
                    c.deprecated.push(Deprecated {
                        text: t.text.clone(),
                        reason: t.note.clone(),
                    })
                }
                _ => c.admitted.push(t.text.clone()),
            }
        }
        c.domain = e.domain;
        c.source = e.source;
        let mut notes = Vec::new();
        for n in e.notes {
            if let Some(x) = n.strip_prefix("bitext-exception:") {
                c.exceptions.push(x.trim().to_string());
            } else if let Some(x) = n.strip_prefix("bitext-status:") {
                c.status = Some(x.trim().to_string());
            } else if let Some(x) = n.strip_prefix("bitext-pos:") {
                c.pos = Some(x.trim().to_string());
            } else if let Some(x) = n.strip_prefix("bitext-id:") {
                c.id = x.trim().to_string();
            } else if n == "bitext-case-sensitive" {
                c.case_sensitive = true;
            } else if n == "bitext-unofficial" {
                c.official = false;
            } else if n == "bitext-not-enforced" {
                c.enforce = false;
            } else {
                notes.push(n);
            }
        }
        if !notes.is_empty() {
            c.note = Some(notes.join("\n"));
        }
        concepts.push(c);
    }
    Ok(concepts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Glossary;

    const TOML: &str = r#"
[[term]]
id = "banners-and-counties"
zh = "旗县"
zh-variants = ["旗县（市、区）"]
domain = "administrative-divisions"
pos = "noun"
source = "Xinhua & <China Daily>"
note = "Collective name."
case-sensitive = true
status = "proposed"
en.preferred = "banners and counties"
en.admitted = ["banners (counties, cities, districts)"]
en.deprecated = [{ text = "flag counties", reason = "旗 is a banner" }, "flags and counties"]
en.exceptions = ["flag counties of old"]

[[term]]
id = "14th-five-year-plan"
zh = "十四五"
pos = "proper noun"
en.preferred = "14th Five-Year Plan"
"#;

    #[test]
    fn both_dialects_round_trip() {
        let g = Glossary::from_str(TOML, "g.toml").unwrap();
        for dialect in [Dialect::Tbx2008, Dialect::Basic] {
            let xml = write(&g.concepts, dialect);
            let back = read(&xml, Path::new("g.tbx")).unwrap();
            assert_eq!(back.len(), 2);
            for (a, b) in g.concepts.iter().zip(&back) {
                assert!(
                    crate::write::same_content(a, b),
                    "{dialect:?}: {a:?} vs {b:?}\n{xml}"
                );
            }
        }
        let xml = write(&g.concepts, Dialect::Basic);
        assert!(xml.contains("<conceptEntry id=\"concept-2\">"));
        assert!(xml.contains("Xinhua &amp; &lt;China Daily&gt;"));
    }

    #[test]
    fn reads_other_tools_and_reports_errors() {
        let xml = r#"<?xml version="1.0"?>
<martif type="TBX"><text><body>
<termEntry id="gdp"><langSet xml:lang="zh-CN"><ntig><termGrp><term>国内生产总值</term></termGrp></ntig></langSet>
<langSet xml:lang="en-US"><tig><term>gross domestic product</term></tig>
<tig><term>GNO</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="fr"><tig><term>PIB</term></tig></langSet></termEntry>
</body></text></martif>"#;
        let cs = read(xml, Path::new("x.tbx")).unwrap();
        assert_eq!(cs[0].zh, "国内生产总值");
        assert_eq!(cs[0].preferred, "gross domestic product");
        assert_eq!(cs[0].deprecated[0].text, "GNO");

        let err = read(
            "<martif><text><body>\n<termEntry id=\"a\"><langSet xml:lang=\"en\"></termEntry>",
            Path::new("x.tbx"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("x.tbx:2:"), "{err}");
        let err = read("<html/>", Path::new("x.tbx")).unwrap_err().to_string();
        assert!(err.contains("root element is <html>"), "{err}");
    }
}
