//! The review page: one self-contained HTML file (no network, no external assets) where a person
//! checks and corrects an alignment: the two sides next to each other, a row per bead coloured by
//! confidence, the least confident first in one click, and edits (merge a bead with the next,
//! split one where the reader chooses, move a sentence to the bead before or after, mark a bead
//! checked, undo and redo, each with a key), saved as TMX 1.4b (`bitext align`'s header and
//! props, `x-bitext-checked` on the beads a person made or checked), JSONL (which `bitext export`
//! reads back) or beads. Work is kept in the browser (localStorage, keyed by a hash of the
//! documents' sentences) and the page warns before closing with unsaved changes. Only the rows
//! in sight are in the page, so a document of 40,000 beads scrolls as one of 60.
//!
//! The page's data is one JSON object in `<script id="data">`: the sentences of each side
//! (`[text, span start, span end, id]`) and the beads (`[[zh indices], [en indices], confidence,
//! checked]`). The edits are pure functions in `review/core.js` (`ReviewCore`), property-tested
//! by node (`tests/js/review-core.test.js`); `review/page.js` draws and drives the page.
//!
//! The view can be chosen in the address: `review.html#show=0.9&order=conf` shows the beads
//! below 0.9, least confident first.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::{Side, Unit};

/// Confidence classes: `[0.9, 1]`, `[0.7, 0.9)`, `[0.5, 0.7)`, `[0, 0.5)`, unknown.
const BINS: [(&str, &str); 5] = [
    ("c3", "≥ 0.9"),
    ("c2", "0.7–0.9"),
    ("c1", "0.5–0.7"),
    ("c0", "< 0.5"),
    ("cn", "unknown"),
];

fn bin(c: Option<f32>) -> usize {
    match c {
        Some(c) if c >= 0.9 => 0,
        Some(c) if c >= 0.7 => 1,
        Some(c) if c >= 0.5 => 2,
        Some(_) => 3,
        None => 4,
    }
}

/// Escapes text for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

const STYLE: &str = r#"
:root { --c3: #e6f4ea; --c2: #fdf6d8; --c1: #fde7cf; --c0: #f9d6d5; --cn: #f1f1f1; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d1d1f; background: #fff; }
header { position: sticky; top: 0; z-index: 1; background: #fafafa; border-bottom: 1px solid #ddd;
  padding: 0.6rem 1rem; }
h1 { font-size: 1.1rem; margin: 0 0 0.3rem; }
.counts { margin: 0.2rem 0; color: #444; }
.bins span { display: inline-block; padding: 0 0.5rem; margin-right: 0.3rem; border-radius: 3px; }
.controls { margin-top: 0.4rem; display: flex; gap: 1.2rem; flex-wrap: wrap; align-items: center; }
.controls select { font: inherit; }
#shown { color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { padding: 0.35rem 0.6rem; vertical-align: top; border-bottom: 1px solid #e4e4e4; }
th { text-align: left; font-weight: 600; background: #f4f4f4; }
col.n { width: 3.5rem; } col.k { width: 4rem; } col.c { width: 6.5rem; }
td.n, td.k, td.c { color: #555; font-variant-numeric: tabular-nums; }
td.c { font-weight: 600; }
.s + .s::before { content: "▏"; color: #aaa; }
.ids { display: block; color: #888; font-size: 0.75rem; }
tr.c3 { background: var(--c3); } tr.c2 { background: var(--c2); } tr.c1 { background: var(--c1); }
tr.c0 { background: var(--c0); } tr.cn { background: var(--cn); }
.bins .c3 { background: var(--c3); } .bins .c2 { background: var(--c2); }
.bins .c1 { background: var(--c1); } .bins .c0 { background: var(--c0); } .bins .cn { background: var(--cn); }
#list { position: relative; overflow-y: auto; height: calc(100vh - 15.5rem); }
#spacer { width: 1px; }
.row { position: absolute; left: 0; right: 0; height: 58px; display: grid;
  grid-template-columns: 4rem 1fr 1fr 3.5rem 3.5rem 1.5rem; gap: 0.6rem; padding: 0.3rem 0.6rem;
  border-bottom: 1px solid #e4e4e4; cursor: pointer; overflow: hidden; }
.row .t { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.row .n, .row .k, .row .cf { color: #555; font-variant-numeric: tabular-nums; }
.row.c3 { background: var(--c3); } .row.c2 { background: var(--c2); } .row.c1 { background: var(--c1); }
.row.c0 { background: var(--c0); } .row.cn { background: var(--cn); }
.row.sel { outline: 3px solid #2a62c9; outline-offset: -3px; }
.row .mark { color: #1a7f37; font-weight: 700; }
#detail { position: fixed; left: 0; right: 0; bottom: 0; height: 9rem; overflow-y: auto; background: #fff;
  border-top: 2px solid #2a62c9; padding: 0.4rem 1rem; display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
#detail .dh { grid-column: 1 / -1; color: #444; font-size: 0.85rem; }
#detail .s { cursor: pointer; border-radius: 3px; padding: 0 0.15rem; }
#detail .s:hover { background: #eef3fc; }
#detail .s.cut { box-shadow: inset 3px 0 0 #c92a2a; background: #fdecec; }
#detail .s.end { color: #999; font-style: italic; }
.controls.edit button { font: inherit; font-size: 0.85rem; padding: 0.1rem 0.5rem; }
.controls.edit .sep { width: 1rem; }
.keys { color: #666; font-size: 0.8rem; }
#status { color: #333; font-weight: 600; } #msg { color: #b3261e; }
"#;

const CORE: &str = include_str!("review/core.js");
const PAGE: &str = include_str!("review/page.js");

/// One side's sentences, in document order, each `[text, span start, span end, id]`, and for
/// each unit the indices of its sentences. Sentence ids of the units are used when every
/// sentence has one (documents bitext aligned); otherwise sentences are numbered as they come.
fn sentences(units: &[Unit], chinese: bool) -> (Vec<serde_json::Value>, Vec<Vec<usize>>) {
    let side = |u: &'_ Unit| -> Side {
        let (z, e) = u.zh_en();
        if chinese {
            z.clone()
        } else {
            e.clone()
        }
    };
    let sides: Vec<Side> = units.iter().map(side).collect();
    let with_ids = sides.iter().all(|s| {
        s.ids.len() == s.text.len() && (s.spans.is_empty() || s.spans.len() == s.ids.len())
    });
    let mut all: Vec<(Option<usize>, String, Option<[usize; 2]>)> = Vec::new();
    let mut per_unit = Vec::new();
    for s in &sides {
        let mut mine = Vec::new();
        for (k, t) in s.text.iter().enumerate() {
            if t.is_empty() && !with_ids {
                continue;
            }
            mine.push(all.len());
            all.push((
                if with_ids {
                    s.ids.get(k).copied()
                } else {
                    None
                },
                t.clone(),
                s.spans.get(k).copied(),
            ));
        }
        per_unit.push(mine);
    }
    // Ids in order, each once: kept; else numbered as they come.
    let ordered = with_ids && all.windows(2).all(|w| w[0].0 < w[1].0);
    let list = all
        .into_iter()
        .map(|(id, t, span)| {
            serde_json::json!([
                t,
                span.map(|s| s[0]),
                span.map(|s| s[1]),
                if ordered { id } else { None }
            ])
        })
        .collect();
    (list, per_unit)
}

/// FNV-1a of the sentences: the key under which the page keeps work in the browser.
fn key(zh: &[serde_json::Value], en: &[serde_json::Value]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for v in zh
        .iter()
        .chain(std::iter::once(&serde_json::Value::Null))
        .chain(en)
    {
        for b in v[0]
            .as_str()
            .unwrap_or("")
            .bytes()
            .chain(std::iter::once(0))
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The review page of `units`, titled with the two documents' names when the units carry them.
pub fn write(units: &[Unit]) -> String {
    let (zh_name, en_name) = units
        .first()
        .map(|u| {
            let (zh, en) = u.zh_en();
            (zh.doc.clone(), en.doc.clone())
        })
        .unwrap_or_default();
    let title = match (&zh_name, &en_name) {
        (Some(z), Some(e)) => format!("{z} ↔ {e}"),
        _ => "aligned text".to_string(),
    };
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut bins = [0usize; 5];
    for u in units {
        *kinds.entry(u.kind()).or_default() += 1;
        bins[bin(u.confidence)] += 1;
    }
    let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (zh, zh_of) = sentences(units, true);
    let (en, en_of) = sentences(units, false);
    let beads: Vec<serde_json::Value> = units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            serde_json::json!([
                zh_of[k],
                en_of[k],
                u.confidence
                    .map(|c| (f64::from(c) * 1000.0).round() / 1000.0),
                u8::from(u.checked)
            ])
        })
        .collect();
    let lang = |u: Option<&Unit>, chinese: bool| -> String {
        let l = u
            .map(|u| {
                let (z, e) = u.zh_en();
                if chinese {
                    z.lang.clone()
                } else {
                    e.lang.clone()
                }
            })
            .unwrap_or_default();
        match (l.as_str(), chinese) {
            ("" | "zh", true) => "zh-CN".into(),
            ("", false) => "en".into(),
            _ => l,
        }
    };
    let stem = zh_name
        .as_deref()
        .map(|n| {
            let base = n.rsplit(['/', '\\']).next().unwrap_or(n);
            base.split('.').next().unwrap_or(base).to_string()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "alignment".into());
    let data = serde_json::json!({
        "title": title,
        "stem": stem,
        "version": env!("CARGO_PKG_VERSION"),
        "key": key(&zh, &en),
        "zhDoc": zh_name,
        "enDoc": en_name,
        "zhLang": lang(units.first(), true),
        "enLang": lang(units.first(), false),
        "zh": zh,
        "en": en,
        "beads": beads,
    });
    // Inside <script>, `<` must not start `</script>`: JSON allows it escaped.
    let data = serde_json::to_string(&data)
        .unwrap_or_default()
        .replace('<', "\\u003c");

    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>bitext review: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    let kind_list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let _ = writeln!(
        h,
        "<p class=\"counts\"><b>{} beads</b> · {}</p>",
        units.len(),
        esc(&kind_list.join(" · "))
    );
    h.push_str("<p class=\"bins\">confidence: ");
    for (k, (class, label)) in BINS.iter().enumerate() {
        if k == 4 && bins[4] == 0 {
            continue;
        }
        let _ = write!(h, "<span class=\"{class}\">{label}: {}</span>", bins[k]);
    }
    h.push_str("</p>\n");
    h.push_str(CONTROLS);
    h.push_str(
        "</header>\n<div id=\"list\"><div id=\"spacer\"></div><div id=\"rows\"></div></div>\n\
         <div id=\"detail\"></div>\n",
    );
    let _ = write!(
        h,
        "<script id=\"data\" type=\"application/json\">{data}</script>\n\
         <script>{CORE}</script>\n<script>{PAGE}</script>\n</body>\n</html>\n"
    );
    h
}

const CONTROLS: &str = "<div class=\"controls\">\n<label>Show <select id=\"show\">\
<option value=\"all\">all beads</option>\
<option value=\"0.9\">confidence below 0.9</option>\
<option value=\"0.7\">confidence below 0.7</option>\
<option value=\"0.5\">confidence below 0.5</option>\
<option value=\"unmatched\">unmatched sentences only</option>\
<option value=\"unchecked\">not checked yet</option></select></label>\n\
<label>Order <select id=\"order\"><option value=\"doc\">document order</option>\
<option value=\"conf\">least confident first (w)</option></select></label>\n\
<label>Go to <input id=\"goto\" type=\"number\" min=\"1\" size=\"6\"></label>\n\
<span id=\"shown\"></span>\n</div>\n<div class=\"controls edit\">\
<button data-act=\"merge\" title=\"merge the bead with the next (m)\">merge ⤓ m</button>\
<button data-act=\"split\" title=\"split the bead where chosen below (s)\">split s</button>\
<button data-act=\"zup\" title=\"first Chinese sentence to the bead before (1)\">中 ↑ 1</button>\
<button data-act=\"zdown\" title=\"last Chinese sentence to the bead after (2)\">中 ↓ 2</button>\
<button data-act=\"eup\" title=\"first English sentence to the bead before (3)\">En ↑ 3</button>\
<button data-act=\"edown\" title=\"last English sentence to the bead after (4)\">En ↓ 4</button>\
<button data-act=\"check\" title=\"mark the bead checked (c)\">checked ✓ c</button>\
<button data-act=\"undo\" title=\"undo (u, Ctrl+Z)\">undo u</button>\
<button data-act=\"redo\" title=\"redo (r, Ctrl+Y)\">redo r</button>\
<span class=\"sep\"></span>\
<button data-act=\"tmx\" title=\"download the corrected alignment as TMX (Ctrl+S)\">save TMX</button>\
<button data-act=\"jsonl\" title=\"download as JSONL (bitext export reads it)\">save JSONL</button>\
<button data-act=\"beads\" title=\"download as beads ([zh ids]:[en ids])\">save beads</button>\
<span id=\"status\"></span> <span id=\"msg\"></span>\
<span class=\"keys\">↑↓ or j k: move · m merge · s split · 1–4 move a sentence · c checked · u undo · r redo · w worst first</span>\
</div>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Side;

    #[test]
    fn rows_are_beads_and_text_is_escaped() {
        let units = vec![
            Unit {
                a: Side::new("zh", vec!["一<二>。".into()]),
                b: Side::new("en", vec!["One & \"two\".".into()]),
                confidence: Some(0.95),
                at: 0,
                ..Unit::default()
            },
            Unit {
                a: Side::new("zh", vec!["三。".into()]),
                b: Side::new("en", vec![]),
                confidence: Some(0.4),
                at: 0,
                ..Unit::default()
            },
        ];
        let page = write(&units);
        // The data: one script, text escaped so that it cannot close it.
        let start = page
            .find("<script id=\"data\" type=\"application/json\">")
            .unwrap();
        let end = start + page[start..].find("</script>").unwrap();
        let json = &page[start..end].split_once('>').unwrap().1;
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["zh"][0][0], "一<二>。");
        assert_eq!(data["en"][0][0], "One & \"two\".");
        assert_eq!(
            data["beads"],
            serde_json::json!([[[0], [0], 0.95, 0], [[1], [], 0.4, 0]])
        );
        assert!(!json.contains('<'));
        assert!(page.contains("<b>2 beads</b> · 1-0: 1 · 1-1: 1"));
        assert!(!page.contains("http"), "no external assets");
    }
}
