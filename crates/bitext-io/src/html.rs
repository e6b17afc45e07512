//! A review page: one self-contained HTML file (no network, no external assets) with the two
//! sides next to each other, a row per bead, coloured by confidence, the counts at the top, and
//! controls to show only the doubtful beads or to put the least confident first.
//!
//! The view can be chosen in the address: `review.html#show=0.9&order=conf` shows the beads
//! below 0.9, least confident first.
//!
//! Rows are `<tr class="bead …">` with `data-c` (confidence, empty when unknown) and `data-i`
//! (position in the alignment); each sentence of a side is its own `<span class="s">`, so the
//! sentence boundaries inside a 2-1 bead stay visible.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Unit;

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
td.empty::after { content: "(nothing)"; color: #999; font-style: italic; }
"#;

const SCRIPT: &str = r##"
(function () {
  var body = document.getElementById("beads");
  var rows = Array.prototype.slice.call(body.rows);
  var show = document.getElementById("show");
  var order = document.getElementById("order");
  var shown = document.getElementById("shown");
  function conf(r) { var c = parseFloat(r.getAttribute("data-c")); return isNaN(c) ? 2 : c; }
  function update() {
    var limit = show.value, n = 0;
    var sorted = rows.slice();
    if (order.value === "conf") {
      sorted.sort(function (a, b) {
        return conf(a) - conf(b) || a.getAttribute("data-i") - b.getAttribute("data-i");
      });
    }
    sorted.forEach(function (r) {
      var keep = limit === "all" ||
        (limit === "unmatched" ? r.getAttribute("data-u") === "1" : conf(r) < parseFloat(limit));
      r.hidden = !keep;
      if (keep) { n += 1; }
      body.appendChild(r);
    });
    shown.textContent = n + " of " + rows.length + " beads shown";
  }
  // The view is kept in the address (#show=0.9&order=conf), so that it can be bookmarked.
  function fromHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var p = kv.split("=");
      if (p[0] === "show" || p[0] === "order") {
        var el = p[0] === "show" ? show : order;
        for (var i = 0; i < el.options.length; i += 1) {
          if (el.options[i].value === p[1]) { el.value = p[1]; }
        }
      }
    });
  }
  function changed() {
    try {
      history.replaceState(null, "", "#show=" + show.value + "&order=" + order.value);
    } catch (e) { /* some browsers refuse it on file: pages; the view still changes */ }
    update();
  }
  show.addEventListener("change", changed);
  order.addEventListener("change", changed);
  fromHash();
  update();
  document.body.setAttribute("data-rows", String(rows.length));
})();
"##;

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
    h.push_str(
        "<div class=\"controls\">\n<label>Show <select id=\"show\">\
         <option value=\"all\">all beads</option>\
         <option value=\"0.9\">confidence below 0.9</option>\
         <option value=\"0.7\">confidence below 0.7</option>\
         <option value=\"0.5\">confidence below 0.5</option>\
         <option value=\"unmatched\">unmatched sentences only</option></select></label>\n\
         <label>Order <select id=\"order\"><option value=\"doc\">document order</option>\
         <option value=\"conf\">least confident first</option></select></label>\n\
         <span id=\"shown\"></span>\n</div>\n</header>\n",
    );
    h.push_str(
        "<table>\n<colgroup><col class=\"n\"><col><col><col class=\"k\"><col class=\"c\"></colgroup>\n\
         <thead><tr><th>#</th><th>中文</th><th>English</th><th>bead</th><th>confidence</th></tr></thead>\n\
         <tbody id=\"beads\">\n",
    );
    for (i, u) in units.iter().enumerate() {
        let (zh, en) = u.zh_en();
        let class = BINS[bin(u.confidence)].0;
        let conf_attr = u.confidence.map(|c| format!("{c:.3}")).unwrap_or_default();
        let conf_text = u.confidence.map(|c| format!("{c:.2}")).unwrap_or_default();
        let _ = write!(
            h,
            "<tr class=\"bead {class}\" data-i=\"{i}\" data-c=\"{conf_attr}\" data-u=\"{}\"><td class=\"n\">{}</td>",
            u8::from(u.is_unmatched()),
            i + 1
        );
        for (side, lang) in [(zh, "zh"), (en, "en")] {
            let empty = if side.is_empty() {
                " class=\"empty\""
            } else {
                ""
            };
            let _ = write!(h, "<td lang=\"{lang}\"{empty}>");
            for s in side.text.iter().filter(|s| !s.is_empty()) {
                let _ = write!(h, "<span class=\"s\">{}</span>", esc(s));
            }
            if !side.ids.is_empty() {
                let ids: Vec<String> = side.ids.iter().map(|k| k.to_string()).collect();
                let _ = write!(h, "<span class=\"ids\">#{}</span>", ids.join(", #"));
            }
            h.push_str("</td>");
        }
        let _ = writeln!(
            h,
            "<td class=\"k\">{}</td><td class=\"c\">{conf_text}</td></tr>",
            u.kind()
        );
    }
    let _ = write!(
        h,
        "</tbody>\n</table>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    h
}

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
        assert_eq!(page.matches("<tr class=\"bead").count(), 2);
        assert!(page.contains("一&lt;二&gt;。"));
        assert!(page.contains("One &amp; &quot;two&quot;."));
        assert!(page.contains("<b>2 beads</b> · 1-0: 1 · 1-1: 1"));
        assert!(page.contains("class=\"bead c0\" data-i=\"1\" data-c=\"0.400\" data-u=\"1\""));
        assert!(!page.contains("http"), "no external assets");
    }
}
