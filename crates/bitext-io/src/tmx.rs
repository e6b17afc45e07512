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
use quick_xml::{Reader, Writer};

use crate::{is_chinese_tag, xml_clean, Error, Side, Unit};

/// Settings of [`write`].
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

/// The result of [`write`].
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

/// Writes units as a TMX 1.4b document.
pub fn write(units: &[Unit], options: &WriteOptions) -> Written {
    let mut w = Writer::new(Vec::new());
    let mut dropped = 0;
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    indent(&mut w, 0);
    start(&mut w, "tmx", &[("version", "1.4")]);
    indent(&mut w, 1);
    let version = env!("CARGO_PKG_VERSION");
    let header = BytesStart::new("header").with_attributes([
        ("creationtool", "bitext"),
        ("creationtoolversion", version),
        ("segtype", "sentence"),
        ("o-tmf", "bitext"),
        ("adminlang", "en"),
        ("srclang", options.zh_lang.as_str()),
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
        let (zh, en) = unit.zh_en();
        for (side, lang) in [(zh, &options.zh_lang), (en, &options.en_lang)] {
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
    seg: String,
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

/// Reads the translation units of a TMX document (any version from 1.1 to 1.4b, any CAT tool).
///
/// Each `<tu>` gives a unit: its first Chinese `<tuv>` (by language tag) and the first other one;
/// when no `<tuv>` is Chinese, the one in the header's `srclang` and the next one. Errors carry
/// the line and column: XML that is not well-formed, a root that is not `<tmx>`, no `<body>`.
pub fn read(text: &str) -> Result<Vec<Unit>, Error> {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let mut reader = Reader::from_str(&text[text_start..]);
    reader.config_mut().check_end_names = true;
    let at = |pos: u64, message: String| Error::at(text, text_start + pos as usize, message);

    let mut units = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut srclang = String::new();
    let mut seen_body = false;
    let mut tuvs: Vec<Tuv> = Vec::new();
    let mut tu_props: Vec<(String, String)> = Vec::new();
    let mut prop: Option<(String, String)> = None;
    let mut tu_at = 0usize;
    // Depth inside <bpt>, <ept>, <it>, <ph>, <ut>: native codes, not text.
    let mut code_depth = 0usize;

    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| at(reader.error_position(), format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if stack.is_empty() && name != "tmx" {
                    return Err(at(
                        pos,
                        format!("not a TMX document: the root element is <{name}>, not <tmx>"),
                    ));
                }
                let attr = |key: &[u8]| -> Result<Option<String>, Error> {
                    for a in e.attributes() {
                        let a = a.map_err(|err| at(pos, format!("bad attribute: {err}")))?;
                        if a.key.as_ref() == key {
                            let v = a
                                .unescape_value()
                                .map_err(|err| at(pos, format!("bad attribute: {err}")))?;
                            return Ok(Some(v.into_owned()));
                        }
                    }
                    Ok(None)
                };
                match name.as_str() {
                    "header" => srclang = attr(b"srclang")?.unwrap_or_default(),
                    "body" => seen_body = true,
                    "tu" => {
                        tuvs.clear();
                        tu_props.clear();
                        tu_at = text_start + pos as usize;
                    }
                    "tuv" => {
                        let lang = match attr(b"xml:lang")? {
                            Some(l) => l,
                            None => attr(b"lang")?.unwrap_or_default(),
                        };
                        tuvs.push(Tuv {
                            lang,
                            ..Tuv::default()
                        });
                    }
                    "prop" => prop = Some((attr(b"type")?.unwrap_or_default(), String::new())),
                    "bpt" | "ept" | "it" | "ph" | "ut" if !empty => code_depth += 1,
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                } else if name == "prop" {
                    finish_prop(&mut prop, &stack, &mut tuvs, &mut tu_props);
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                stack.pop();
                match name.as_str() {
                    "bpt" | "ept" | "it" | "ph" | "ut" => code_depth = code_depth.saturating_sub(1),
                    "prop" => finish_prop(&mut prop, &stack, &mut tuvs, &mut tu_props),
                    "tu" => {
                        let mut u = unit(&mut tuvs, &tu_props, &srclang);
                        u.at = tu_at;
                        units.push(u)
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let s = t
                    .unescape()
                    .map_err(|err| at(pos, format!("bad text: {err}")))?;
                add_text(&s, &stack, code_depth, &mut prop, &mut tuvs);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t.into_inner()).into_owned();
                add_text(&s, &stack, code_depth, &mut prop, &mut tuvs);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(Error::at(
            text,
            text.len(),
            format!("unexpected end of file: <{open}> is not closed"),
        ));
    }
    if !seen_body {
        return Err(Error::at(text, text.len(), "not a TMX document: no <body>"));
    }
    Ok(units)
}

fn add_text(
    s: &str,
    stack: &[String],
    code_depth: usize,
    prop: &mut Option<(String, String)>,
    tuvs: &mut [Tuv],
) {
    if let Some((_, value)) = prop.as_mut() {
        value.push_str(s);
    } else if code_depth == 0 && stack.iter().any(|n| n == "seg") {
        if let Some(tuv) = tuvs.last_mut() {
            tuv.seg.push_str(s);
        }
    }
}

fn finish_prop(
    prop: &mut Option<(String, String)>,
    stack: &[String],
    tuvs: &mut [Tuv],
    tu_props: &mut Vec<(String, String)>,
) {
    let Some((kind, value)) = prop.take() else {
        return;
    };
    match stack.last().map(String::as_str) {
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

fn unit(tuvs: &mut Vec<Tuv>, props: &[(String, String)], srclang: &str) -> Unit {
    let first = tuvs
        .iter()
        .position(|t| is_chinese_tag(&t.lang))
        .or_else(|| {
            tuvs.iter()
                .position(|t| t.lang.eq_ignore_ascii_case(srclang))
        })
        .unwrap_or(0);
    let second = (0..tuvs.len()).find(|&k| k != first && !is_chinese_tag(&tuvs[k].lang));
    let mut take = |k: Option<usize>| -> Side {
        match k.and_then(|k| tuvs.get_mut(k)) {
            Some(t) => Side {
                doc: t.doc.take(),
                lang: t.lang.clone(),
                ids: std::mem::take(&mut t.ids),
                spans: std::mem::take(&mut t.spans),
                text: if t.seg.is_empty() {
                    Vec::new()
                } else {
                    vec![std::mem::take(&mut t.seg)]
                },
            },
            None => Side::new("", Vec::new()),
        }
    };
    let a = take(Some(first));
    let b = take(second);
    tuvs.clear();
    let confidence = props
        .iter()
        .find(|(k, _)| k == "x-bitext-confidence")
        .and_then(|(_, v)| v.trim().parse().ok());
    Unit {
        a,
        b,
        confidence,
        at: 0,
    }
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
            },
            Unit {
                a: side("zh", "a.zh.txt", vec![3], vec!["神的灵\u{1}运行在水面上。"]),
                b: side("en", "a.en.txt", vec![], vec![]),
                confidence: Some(0.99),
                at: 0,
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
        let back = read(&w.xml).unwrap();
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
        let back = read(&w.xml).unwrap();
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
        let units = read(xml).unwrap();
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
        let err = read(bad).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("not well-formed"), "{err}");

        let err = read("<html><body/></html>").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        assert!(err.message.contains("root element is <html>"));

        let err = read("<tmx version=\"1.4\">\n<body>\n<tu>").unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
        assert_eq!(err.line, 3);
    }
}
