//! TMX 1.4b: write one `<tu>` per bead, read translation units from any CAT tool.
//!
//! Written files validate against the TMX 1.4b DTD: a full `<header>` (creationtool,
//! creationtoolversion, segtype `sentence`, o-tmf, adminlang, srclang, datatype `plaintext`,
//! creationdate), then per unit:
//!
//! ```xml
//! <tu tuid="1">
//!   <prop type="x-bitext-confidence">0.982</prop>
//!   <prop type="x-bitext-bead">1-2</prop>
//!   <prop type="x-bitext-checked">yes</prop>   (a person checked the bead in the review page)
//!   <tuv xml:lang="zh-CN">
//!     <prop type="x-bitext-doc">zh.txt</prop>
//!     <prop type="x-bitext-ids">4</prop>
//!     <prop type="x-bitext-spans">120-180</prop>
//!     <seg>…</seg>
//!   </tuv>
//!   <tuv xml:lang="en">…</tuv>
//! </tu>
//! ```
//!
//! The Chinese side comes first (it is the source language). `x-bitext-ids` lists the sentence
//! ids and `x-bitext-spans` the byte spans `start-end` of each sentence in its file, both
//! comma-separated. Reading takes `xml:lang` (or TMX 1.1's `lang`), keeps the text of `<seg>` and
//! of `<hi>` inside it, and leaves out the native codes of `<bpt>`, `<ept>`, `<it>`, `<ph>` and
//! `<ut>`.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::xml::{self, attr, error, lang, local_in, next, unclosed, Collector};
use crate::{lang_matches, same_primary, xml_clean, xml_root, Error, Format, Langs, Side, Unit};

/// TMX's `creationdate` for output written now: the current time, or `SOURCE_DATE_EPOCH`
/// when it is set (reproducible output), in TMX's form `YYYYMMDDThhmmssZ`.
pub fn creation_date() -> String {
    let time = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(|s| std::time::UNIX_EPOCH + std::time::Duration::from_secs(s))
        .unwrap_or_else(std::time::SystemTime::now);
    humantime::format_rfc3339_seconds(time)
        .to_string()
        .replace(['-', ':'], "")
}

/// Settings of [`write()`].
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// `creationdate`, in TMX's form `YYYYMMDDThhmmssZ`.
    pub creation_date: String,
    /// Language tag of the Chinese side (the TMX's `srclang`).
    pub zh_lang: String,
    /// Language tag of the other side.
    pub en_lang: String,
    /// Also write beads with an empty side (their `<seg>` is empty).
    pub keep_unmatched: bool,
}

impl WriteOptions {
    /// Defaults: `zh-CN` and `en`, unmatched beads left out.
    pub fn new(creation_date: &str) -> WriteOptions {
        WriteOptions {
            creation_date: creation_date.to_string(),
            zh_lang: "zh-CN".into(),
            en_lang: "en".into(),
            keep_unmatched: false,
        }
    }
}

/// The result of [`write()`].
#[derive(Debug, Clone)]
pub struct Written {
    pub xml: String,
    /// `<tu>`s written.
    pub units: usize,
    /// Beads left out because one side is empty.
    pub unmatched: usize,
    /// Characters that XML 1.0 forbids, dropped from the text.
    pub dropped_chars: usize,
}

fn indent(w: &mut Writer<Vec<u8>>, depth: usize) {
    let ws = format!("\n{}", "  ".repeat(depth));
    // Writing to a Vec cannot fail.
    let _ = w.write_event(Event::Text(BytesText::from_escaped(ws)));
}

fn start(w: &mut Writer<Vec<u8>>, name: &str, attrs: &[(&str, &str)]) {
    let mut e = BytesStart::new(name);
    for &(k, v) in attrs {
        e.push_attribute((k, v));
    }
    let _ = w.write_event(Event::Start(e));
}

fn end(w: &mut Writer<Vec<u8>>, name: &str) {
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

fn text(w: &mut Writer<Vec<u8>>, s: &str) {
    let _ = w.write_event(Event::Text(BytesText::new(s)));
}

fn prop(w: &mut Writer<Vec<u8>>, depth: usize, kind: &str, value: &str) {
    indent(w, depth);
    start(w, "prop", &[("type", kind)]);
    text(w, value);
    end(w, "prop");
}

fn join<T: ToString>(items: impl Iterator<Item = T>) -> String {
    items.map(|x| x.to_string()).collect::<Vec<_>>().join(",")
}

/// The sides of a unit in the order they are written: the Chinese one first when there is one
/// (it is the source of the documents bitext aligns), else as read.
/// A unit's sides in the order a TMX gives them: the source first when the file the unit was
/// read from names it (an en→zh XLIFF stays en→zh, `srclang="en"`), else the Chinese first.
fn sides(unit: &Unit) -> [&Side; 2] {
    let source = unit.source.as_deref().map(crate::primary_lang);
    let is = |side: &Side| source.as_deref() == Some(crate::primary_lang(&side.lang).as_str());
    if is(&unit.a) {
        [&unit.a, &unit.b]
    } else if is(&unit.b) || (unit.b.is_chinese() && !unit.a.is_chinese()) {
        [&unit.b, &unit.a]
    } else {
        [&unit.a, &unit.b]
    }
}

/// The tag a side is written with: bitext's own `zh`/`en` (and none) become the options' tags.
fn tag<'a>(lang: &'a str, first: bool, options: &'a WriteOptions) -> &'a str {
    match lang {
        "zh" => &options.zh_lang,
        "en" => &options.en_lang,
        "" if first => &options.zh_lang,
        "" => &options.en_lang,
        other => other,
    }
}

/// Writes units as a TMX 1.4b document. Each side keeps its language tag; bitext's own `zh` and
/// `en` (documents it aligned) become the options' tags.
pub fn write(units: &[Unit], options: &WriteOptions) -> Written {
    let mut w = Writer::new(Vec::new());
    let mut dropped = 0;
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    indent(&mut w, 0);
    start(&mut w, "tmx", &[("version", "1.4")]);
    indent(&mut w, 1);
    let version = env!("CARGO_PKG_VERSION");
    let srclang = units
        .first()
        .map_or(options.zh_lang.as_str(), |u| {
            tag(&sides(u)[0].lang, true, options)
        })
        .to_string();
    let header = BytesStart::new("header").with_attributes([
        ("creationtool", "bitext"),
        ("creationtoolversion", version),
        ("segtype", "sentence"),
        ("o-tmf", "bitext"),
        ("adminlang", "en"),
        ("srclang", srclang.as_str()),
        ("datatype", "plaintext"),
        ("creationdate", options.creation_date.as_str()),
    ]);
    let _ = w.write_event(Event::Empty(header));
    indent(&mut w, 1);
    start(&mut w, "body", &[]);
    let (mut written, mut unmatched) = (0, 0);
    for unit in units {
        if unit.is_unmatched() && !options.keep_unmatched {
            unmatched += 1;
            continue;
        }
        written += 1;
        indent(&mut w, 2);
        start(&mut w, "tu", &[("tuid", &written.to_string())]);
        if let Some(c) = unit.confidence {
            prop(&mut w, 3, "x-bitext-confidence", &format!("{c:.3}"));
        }
        prop(&mut w, 3, "x-bitext-bead", &unit.kind());
        if unit.checked {
            prop(&mut w, 3, "x-bitext-checked", "yes");
        }
        for (k, side) in sides(unit).into_iter().enumerate() {
            // bitext's own tags (a document aligned) take the options' tags; a tag read from a
            // file is written as it is.
            let lang = tag(&side.lang, k == 0, options);
            indent(&mut w, 3);
            start(&mut w, "tuv", &[("xml:lang", lang)]);
            if let Some(doc) = &side.doc {
                prop(&mut w, 4, "x-bitext-doc", &xml_clean(doc, &mut dropped));
            }
            if !side.ids.is_empty() {
                prop(&mut w, 4, "x-bitext-ids", &join(side.ids.iter()));
            }
            if !side.spans.is_empty() {
                let spans = side.spans.iter().map(|[s, e]| format!("{s}-{e}"));
                prop(&mut w, 4, "x-bitext-spans", &join(spans));
            }
            indent(&mut w, 4);
            start(&mut w, "seg", &[]);
            text(&mut w, &xml_clean(&side.joined(), &mut dropped));
            end(&mut w, "seg");
            indent(&mut w, 3);
            end(&mut w, "tuv");
        }
        indent(&mut w, 2);
        end(&mut w, "tu");
    }
    indent(&mut w, 1);
    end(&mut w, "body");
    indent(&mut w, 0);
    end(&mut w, "tmx");
    indent(&mut w, 0);
    Written {
        xml: String::from_utf8(w.into_inner()).unwrap_or_default(),
        units: written,
        unmatched,
        dropped_chars: dropped,
    }
}

/// One `<tuv>` being read.
#[derive(Default)]
struct Tuv {
    lang: String,
    doc: Option<String>,
    ids: Vec<usize>,
    spans: Vec<[usize; 2]>,
    seg: Collector,
}

fn parse_ids(s: &str) -> Option<Vec<usize>> {
    s.split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| x.trim().parse().ok())
        .collect()
}

fn parse_spans(s: &str) -> Option<Vec<[usize; 2]>> {
    s.split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| {
            let (a, b) = x.trim().split_once('-')?;
            Some([a.parse().ok()?, b.parse().ok()?])
        })
        .collect()
}

/// TMX in the registry of formats.
pub static FORMAT: Format = Format {
    name: "tmx",
    extensions: &["tmx"],
    sniff: |text| xml_root(text) == Some("tmx"),
    read,
};

/// Reads the translation units of a TMX document (any version from 1.1 to 1.4b, any CAT tool).
///
/// Each `<tu>` gives a unit: side `a` is the `<tuv>` in the language asked for first (by default
/// the header's `srclang`, else the first `<tuv>`), side `b` the one asked for second (by default
/// the first `<tuv>` in another language). A file in which no unit has the languages asked for is
/// an error naming the languages it has. The text of `<seg>` and of `<hi>` in it is read, mapped
/// back to the file; `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>` and `<sub>` are inline codes,
/// recorded where they stand and never read as text. Errors carry the line and column: XML that
/// is not well-formed, an entity XML does not define, a root that is not `<tmx>`, no `<body>`.
pub fn read(text: &str, langs: &Langs) -> Result<Vec<Unit>, Error> {
    let (units, present) = read_with_languages(text, langs)?;
    if !units.is_empty() || !present.is_empty() {
        langs.require(text, &present)?;
    }
    Ok(units)
}

/// [`read`] without the check that the languages asked for are in the file: the units and the
/// language tags present (a piece of a file read in pieces is checked with the whole file's).
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
    langs: &Langs,
    units: &mut Vec<Unit>,
) -> Result<Vec<String>, Error> {
    let (mut reader, text_start) = xml::reader(text);
    let at = |pos: u64, message: String| error(text, text_start + pos as usize, message);

    // A unit is some 450 bytes: growing the vector by doubling copied them.
    if units.capacity() == 0 {
        // A fresh vector (not one reused piece after piece): room for every unit at once.
        units.reserve(memchr::memmem::find_iter(text.as_bytes(), "</tu>").count());
    }
    // Open elements, as slices of the text where it can be (no allocation per element).
    let mut stack: Vec<std::borrow::Cow<str>> = Vec::new();
    let mut seg_depth = 0usize; // open <seg> elements
    let mut srclang = String::new();
    let mut seen_body = false;
    let mut tuvs: Vec<Tuv> = Vec::new();
    let mut tu_props: Vec<(String, String)> = Vec::new();
    let mut prop: Option<(String, String)> = None;
    let mut tu_at = 0usize;
    let mut tu_id: Option<String> = None;
    // Depth inside <bpt>, <ept>, <it>, <ph>, <ut>, <sub>: native codes, not text.
    let mut code_depth = 0usize;
    let mut present: Vec<String> = Vec::new();

    loop {
        let (pos, event) = next(&mut reader, text, text_start, stack.len())?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local_in(text, text_start + pos as usize, e);
                if stack.is_empty() && name != "tmx" {
                    return Err(at(
                        pos,
                        format!("not a TMX document: the root element is <{name}>, not <tmx>"),
                    ));
                }
                let get = |key: &str| attr(e, key).map_err(|m| at(pos, m));
                match name.as_ref() {
                    "header" => srclang = get("srclang")?.unwrap_or_default(),
                    "body" => seen_body = true,
                    "tu" => {
                        tuvs.clear();
                        tu_props.clear();
                        tu_at = text_start + pos as usize;
                        tu_id = get("tuid")?;
                    }
                    "tuv" => {
                        let lang = lang(e).map_err(|m| at(pos, m))?.unwrap_or_default();
                        if !present.contains(&lang) {
                            present.push(lang.clone());
                        }
                        tuvs.push(Tuv {
                            lang,
                            ..Tuv::default()
                        });
                    }
                    "prop" => prop = Some((get("type")?.unwrap_or_default(), String::new())),
                    "bpt" | "ept" | "it" | "ph" | "ut" | "sub" => {
                        if code_depth == 0 && seg_depth > 0 {
                            if let Some(t) = tuvs.last_mut() {
                                let id = get("i")?.or(get("x")?);
                                t.seg.code(&name, id);
                            }
                        }
                        if !empty {
                            code_depth += 1;
                        }
                    }
                    _ => {}
                }
                if !empty {
                    seg_depth += usize::from(name == "seg");
                    stack.push(name);
                } else if name == "prop" {
                    finish_prop(&mut prop, &stack, &mut tuvs, &mut tu_props);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                if stack.pop().is_some_and(|open| open == "seg") {
                    seg_depth -= 1;
                }
                match name {
                    "bpt" | "ept" | "it" | "ph" | "ut" | "sub" => {
                        code_depth = code_depth.saturating_sub(1)
                    }
                    "prop" => finish_prop(&mut prop, &stack, &mut tuvs, &mut tu_props),
                    "tu" => {
                        if let Some(mut u) = unit(&mut tuvs, &tu_props, &srclang, langs) {
                            u.at = tu_at;
                            u.id = tu_id.take();
                            units.push(u);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let raw = t.into_inner();
                let file_at = text_start + pos as usize;
                if let Some((_, value)) = prop.as_mut() {
                    let mut c = Collector::default();
                    c.raw(xml::slice(text, file_at, raw.len()), file_at)
                        .map_err(|m| at(pos, m))?;
                    value.push_str(&c.text);
                } else if code_depth == 0 && seg_depth > 0 {
                    if let Some(tuv) = tuvs.last_mut() {
                        tuv.seg
                            .raw(xml::slice(text, file_at, raw.len()), file_at)
                            .map_err(|m| at(pos, m))?;
                    }
                }
            }
            Event::CData(t) => {
                let raw = t.into_inner();
                let s = String::from_utf8_lossy(&raw).into_owned();
                if let Some((_, value)) = prop.as_mut() {
                    value.push_str(&s);
                } else if code_depth == 0 && seg_depth > 0 {
                    if let Some(tuv) = tuvs.last_mut() {
                        // `<![CDATA[` is nine bytes.
                        tuv.seg.exact(&s, text_start + pos as usize + 9);
                    }
                }
            }
            Event::DocType(_) => {}
            Event::Eof => break,
            _ => {}
        }
    }
    unclosed(text, &stack)?;
    if !seen_body {
        return Err(Error::at(text, text.len(), "not a TMX document: no <body>"));
    }
    Ok(present)
}

fn finish_prop(
    prop: &mut Option<(String, String)>,
    stack: &[std::borrow::Cow<str>],
    tuvs: &mut [Tuv],
    tu_props: &mut Vec<(String, String)>,
) {
    let Some((kind, value)) = prop.take() else {
        return;
    };
    match stack.last().map(|s| s.as_ref()) {
        Some("tuv") => {
            if let Some(tuv) = tuvs.last_mut() {
                match kind.as_str() {
                    "x-bitext-doc" => tuv.doc = Some(value),
                    "x-bitext-ids" => tuv.ids = parse_ids(&value).unwrap_or_default(),
                    "x-bitext-spans" => tuv.spans = parse_spans(&value).unwrap_or_default(),
                    _ => {}
                }
            }
        }
        Some("tu") => tu_props.push((kind, value)),
        _ => {}
    }
}

/// The unit of a `<tu>`, in the languages asked for; `None` when the `<tu>` has neither.
fn unit(
    tuvs: &mut Vec<Tuv>,
    props: &[(String, String)],
    srclang: &str,
    langs: &Langs,
) -> Option<Unit> {
    let find = |want: &str, not: Option<usize>| {
        tuvs.iter()
            .enumerate()
            .position(|(k, t)| Some(k) != not && lang_matches(&t.lang, want))
    };
    let first = match &langs.a {
        Some(a) => find(a, None),
        None => find(srclang, None).or((!tuvs.is_empty()).then_some(0)),
    };
    let second = match &langs.b {
        Some(b) => find(b, first),
        None => (0..tuvs.len()).find(|&k| {
            Some(k) != first && !first.is_some_and(|f| same_primary(&tuvs[k].lang, &tuvs[f].lang))
        }),
    };
    if first.is_none() && second.is_none() {
        tuvs.clear();
        return None;
    }
    let mut take = |k: Option<usize>, want: &Option<String>| -> Side {
        match k.and_then(|k| tuvs.get_mut(k)) {
            Some(t) => {
                let seg = t.seg.take();
                Side {
                    doc: t.doc.take(),
                    lang: std::mem::take(&mut t.lang),
                    ids: std::mem::take(&mut t.ids),
                    spans: std::mem::take(&mut t.spans),
                    text: if seg.text.is_empty() {
                        Vec::new()
                    } else {
                        vec![seg.text]
                    },
                    pieces: seg.pieces,
                    codes: seg.codes,
                }
            }
            None => Side::new(want.as_deref().unwrap_or(""), Vec::new()),
        }
    };
    let a = take(first, &langs.a);
    let b = take(second, &langs.b);
    tuvs.clear();
    let confidence = props
        .iter()
        .find(|(k, _)| k == "x-bitext-confidence")
        .and_then(|(_, v)| v.trim().parse().ok());
    let source =
        (!srclang.is_empty() && !srclang.eq_ignore_ascii_case("*all*")).then(|| srclang.to_owned());
    let checked = props
        .iter()
        .any(|(k, v)| k == "x-bitext-checked" && v.trim() == "yes");
    Some(Unit {
        a,
        b,
        confidence,
        checked,
        source,
        ..Unit::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Unit> {
        let side = |lang: &str, doc: &str, ids: Vec<usize>, text: Vec<&str>| Side {
            doc: Some(doc.into()),
            lang: lang.into(),
            spans: ids.iter().map(|&i| [i * 10, i * 10 + 9]).collect(),
            ids,
            text: text.into_iter().map(String::from).collect(),
            pieces: vec![],
            codes: vec![],
        };
        vec![
            Unit {
                a: side("zh", "a.zh.txt", vec![0], vec!["起初神创造天地。"]),
                b: side(
                    "en",
                    "a.en.txt",
                    vec![0],
                    vec!["In the beginning <God> & \"the\" earth."],
                ),
                confidence: Some(0.9876),
                at: 0,
                ..Unit::default()
            },
            Unit {
                a: side(
                    "zh",
                    "a.zh.txt",
                    vec![1, 2],
                    vec!["地是空虚混沌，", "渊面黑暗。"],
                ),
                b: side(
                    "en",
                    "a.en.txt",
                    vec![1],
                    vec!["And the earth was\twithout form."],
                ),
                confidence: Some(0.5),
                at: 0,
                ..Unit::default()
            },
            Unit {
                a: side("zh", "a.zh.txt", vec![3], vec!["神的灵\u{1}运行在水面上。"]),
                b: side("en", "a.en.txt", vec![], vec![]),
                confidence: Some(0.99),
                at: 0,
                ..Unit::default()
            },
        ]
    }

    #[test]
    fn round_trip_keeps_pairs_and_props() {
        let units = sample();
        let w = write(&units, &WriteOptions::new("20261123T000000Z"));
        assert_eq!((w.units, w.unmatched, w.dropped_chars), (2, 1, 0));
        assert!(w.xml.contains("srclang=\"zh-CN\""));
        assert!(w.xml.contains("&lt;God&gt; &amp;"));
        let back = read(&w.xml, &Langs::default()).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].a.joined(), "地是空虚混沌，渊面黑暗。");
        assert_eq!(back[0].b.joined(), units[0].b.joined());
        assert_eq!(back[1].a.ids, [1, 2]);
        assert_eq!(back[1].a.spans, [[10, 19], [20, 29]]);
        assert_eq!(back[1].a.doc.as_deref(), Some("a.zh.txt"));
        assert_eq!(back[1].kind(), "2-1");
        assert_eq!(back[0].confidence, Some(0.988));
    }

    #[test]
    fn unmatched_kept_on_request_and_forbidden_characters_counted() {
        let mut o = WriteOptions::new("20261123T000000Z");
        o.keep_unmatched = true;
        let w = write(&sample(), &o);
        assert_eq!((w.units, w.unmatched, w.dropped_chars), (3, 0, 1));
        let back = read(&w.xml, &Langs::default()).unwrap();
        assert_eq!(back[2].a.joined(), "神的灵运行在水面上。");
        assert!(back[2].b.is_empty());
    }

    #[test]
    fn reads_other_tools_tmx() {
        // UTF-16 decoding happens before (bitext_core::decode); here: a DOCTYPE, TMX 1.1's
        // `lang`, inline codes, English first, no bitext props.
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="X" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/>
<body>
<tu><tuv lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>现在按<hi>确定</hi>。</seg></tuv></tu>
</body></tmx>"#;
        let units = read(xml, &Langs::default()).unwrap();
        assert_eq!(units.len(), 1);
        let (zh, en) = units[0].zh_en();
        assert_eq!(zh.joined(), "现在按确定。");
        assert_eq!(en.joined(), "Press OK now.");
        assert_eq!(units[0].confidence, None);
    }

    #[test]
    fn errors_give_line_and_column() {
        let bad =
            "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"en\"><seg>x</tuv>\n</body></tmx>";
        let err = read(bad, &Langs::default()).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("not well-formed"), "{err}");

        let err = read("<html><body/></html>", &Langs::default()).unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        assert!(err.message.contains("root element is <html>"));

        let err = read("<tmx version=\"1.4\">\n<body>\n<tu>", &Langs::default()).unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
        assert_eq!(err.line, 3);
    }

    #[test]
    fn an_en_to_zh_file_stays_en_to_zh() {
        let xliff = r#"<xliff version="1.2"><file source-language="en" target-language="zh-CN" original="a"><body>
<trans-unit id="1"><source>Open the file</source><target>打开文件</target></trans-unit>
</body></file></xliff>"#;
        let units = crate::xliff::read(xliff, &crate::Langs::default()).unwrap();
        let xml = write(&units, &WriteOptions::new("20260101T000000Z")).xml;
        assert!(xml.contains(r#"srclang="en""#), "{xml}");
        let en = xml.find(r#"xml:lang="en""#).unwrap();
        let zh = xml.find(r#"xml:lang="zh-CN""#).unwrap();
        assert!(en < zh, "the source's <tuv> comes first: {xml}");
    }
}
