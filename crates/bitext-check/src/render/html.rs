use super::Summary;
use crate::Diagnostic;
use bitext_core::LineIndex;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

/// One finding as the page reads it.
#[derive(Serialize)]
struct Row<'a> {
    rule: &'a str,
    severity: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    term: &'a str,
    message: &'a str,
    expected: &'a str,
    zh: &'a str,
    /// The English shown: the segment's, or the file's line.
    before: String,
    found: String,
    after: String,
}

/// `--format html`: one self-contained page (no network, no file beside it) that lists the
/// findings with filters by rule, severity, concept and file and a search box, counts per
/// rule, and each finding's Chinese beside its English with the span marked. Filters can be set
/// in the address (`report.html#rule=repeated-words&path=corpus/en/a.txt&text=exchanges`).
pub fn html<'a>(
    w: &mut dyn Write,
    findings: &[Diagnostic],
    summary: &Summary,
    source: &dyn Fn(&str) -> Option<&'a str>,
    title: &str,
) -> io::Result<()> {
    let mut indexes: HashMap<&str, Option<(&str, LineIndex)>> = HashMap::new();
    let rows: Vec<Row> = findings
        .iter()
        .map(|d| {
            let file = indexes
                .entry(d.path.as_str())
                .or_insert_with(|| source(&d.path).map(|t| (t, LineIndex::new(t))));
            let (before, found, after) = match (&d.segment, file) {
                (Some(seg), _) => {
                    let [a, b] = seg.span;
                    match (seg.en.get(..a), seg.en.get(a..b), seg.en.get(b..)) {
                        (Some(x), Some(y), Some(z)) => (x.to_owned(), y.to_owned(), z.to_owned()),
                        _ => (seg.en.clone(), String::new(), String::new()),
                    }
                }
                (None, Some((text, index))) => {
                    let (b, f, a) = super::context(text, index, d, 160);
                    (b, f.to_owned(), a)
                }
                (None, None) => (String::new(), d.found.clone(), String::new()),
            };
            Row {
                rule: d.rule,
                severity: d.severity.as_str(),
                path: &d.path,
                line: d.line,
                column: d.column,
                term: &d.term,
                message: &d.message,
                expected: &d.expected,
                zh: d.segment.as_ref().map_or("", |s| s.zh.as_str()),
                before,
                found,
                after,
            }
        })
        .collect();
    let rules: Vec<(&str, &str)> = crate::rules::all().map(|r| (r.id, r.summary)).collect();
    let data = serde_json::json!({ "findings": rows, "summary": summary, "rules": rules });
    // Inside <script>, `<` must not start `</script>`: JSON allows it escaped.
    let data = serde_json::to_string(&data)?.replace('<', "\\u003c");
    write!(
        w,
        "{}",
        PAGE.replace("{{title}}", &escape(title))
            .replace("{{data}}", &data)
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>bitext check: {{title}}</title>
<style>
body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1b1b1b; }
header { position: sticky; top: 0; background: #f6f7f9; border-bottom: 1px solid #d8dbe0; padding: .6em 1em; z-index: 1; }
h1 { font-size: 1.1em; margin: 0 0 .4em; }
.filters { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; }
label { font-size: .9em; color: #444; }
select, input { font: inherit; padding: .15em .3em; }
#counts { margin: .4em 0 0; font-size: .9em; color: #333; }
#counts button { font: inherit; border: 1px solid #c9ccd1; background: #fff; border-radius: 3px; margin: 0 .3em .2em 0; cursor: pointer; }
#counts button.on { background: #1f5fbf; color: #fff; border-color: #1f5fbf; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45em .6em; border-bottom: 1px solid #e4e6ea; }
th { font-size: .85em; color: #555; background: #fafbfc; position: sticky; top: var(--head, 6.5em); }
td.where { font-family: ui-monospace, monospace; font-size: .85em; max-width: 16em; overflow-wrap: anywhere; }
td.zh { width: 28%; }
td.en { width: 36%; }
mark { background: #ffe08a; padding: 0 .1em; border-radius: 2px; }
.sev { font-size: .8em; font-weight: 600; padding: .05em .4em; border-radius: 3px; }
.error { background: #fde2e1; color: #a1150f; }
.warning { background: #fff1cc; color: #7a5200; }
.info { background: #e3efff; color: #14509e; }
.msg { color: #333; }
.expected { color: #1a6b2e; }
.empty { padding: 2em; color: #555; }
</style>
</head>
<body>
<header>
<h1>bitext check: {{title}}</h1>
<div class="filters">
<label>Rule <select id="f-rule"></select></label>
<label>Severity <select id="f-severity"></select></label>
<label>Concept <select id="f-term"></select></label>
<label>File <select id="f-path"></select></label>
<label>Search <input id="f-text" type="search" placeholder="text in the finding"></label>
</div>
<div id="counts"></div>
</header>
<table>
<thead><tr><th>Where</th><th>Rule</th><th>Chinese</th><th>English</th><th>What</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<script id="data" type="application/json">{{data}}</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("data").textContent);
const F = DATA.findings;
const keys = ["rule", "severity", "term", "path"];
const state = { rule: "", severity: "", term: "", path: "", text: "" };
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function fill(key) {
  const sel = document.getElementById("f-" + key);
  const counts = new Map();
  for (const f of F) if (f[key]) counts.set(f[key], (counts.get(f[key]) || 0) + 1);
  const all = el("option", null, "all (" + F.length + ")");
  all.value = "";
  sel.append(all);
  for (const [v, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const o = el("option", null, v + " (" + n + ")");
    o.value = v;
    sel.append(o);
  }
  sel.addEventListener("change", () => { state[key] = sel.value; render(); });
}
function shown(f) {
  for (const k of keys) if (state[k] && f[k] !== state[k]) return false;
  if (state.text) {
    const t = state.text.toLowerCase();
    const hay = (f.message + " " + f.found + " " + f.zh + " " + f.before + " " + f.after).toLowerCase();
    if (!hay.includes(t)) return false;
  }
  return true;
}
function render() {
  const body = document.getElementById("rows");
  body.replaceChildren();
  let n = 0;
  const perRule = new Map();
  for (const f of F) {
    if (!shown(f)) continue;
    n++;
    perRule.set(f.rule, (perRule.get(f.rule) || 0) + 1);
    const tr = el("tr");
    tr.dataset.rule = f.rule;
    tr.append(el("td", "where", f.path + ":" + f.line + ":" + f.column));
    const r = el("td");
    r.append(el("span", "sev " + f.severity, f.severity), document.createTextNode(" " + f.rule));
    tr.append(r);
    tr.append(el("td", "zh", f.zh));
    const en = el("td", "en");
    en.append(document.createTextNode(f.before), el("mark", null, f.found), document.createTextNode(f.after));
    tr.append(en);
    const what = el("td");
    what.append(el("div", "msg", f.message));
    if (f.expected) what.append(el("div", "expected", "expected: " + f.expected));
    tr.append(what);
    body.append(tr);
  }
  if (!n) {
    const tr = el("tr");
    const td = el("td", "empty", F.length ? "No finding matches the filters." : "No findings.");
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
  }
  const counts = document.getElementById("counts");
  counts.replaceChildren(document.createTextNode(n + " of " + F.length + " findings in " + DATA.summary.files + " files checked. "));
  for (const [id, summary] of DATA.rules) {
    const total = DATA.summary.by_rule[id] || 0;
    if (!total) continue;
    const b = el("button", state.rule === id ? "on" : "", id + ": " + (perRule.get(id) || 0));
    b.title = summary;
    b.addEventListener("click", () => {
      state.rule = state.rule === id ? "" : id;
      document.getElementById("f-rule").value = state.rule;
      render();
    });
    counts.append(b);
  }
  document.documentElement.style.setProperty("--head", document.querySelector("header").offsetHeight + "px");
  document.body.dataset.shown = String(n);
}
for (const k of keys) fill(k);
// Filters can come in the address: report.html#rule=repeated-words&text=exchanges
for (const [k, v] of new URLSearchParams(location.hash.slice(1))) {
  if (k in state) {
    state[k] = v;
    const input = document.getElementById("f-" + k);
    if (input) input.value = v;
  }
}
document.getElementById("f-text").addEventListener("input", e => { state.text = e.target.value; render(); });
render();
document.body.dataset.ready = String(F.length);
</script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use crate::render::Summary;
    use crate::{Checker, Doc};

    #[test]
    fn the_page_is_self_contained_and_its_data_cannot_close_the_script() {
        let g = bitext_glossary::Glossary::default();
        let text =
            "Promote exchanges, exchanges and integration </script><script>alert(1) among all \
                    ethnic groups，now.";
        let findings = Checker::new(&g).check(&[Doc::english("a <b>.txt", text, 0)]);
        assert_eq!(findings.len(), 2, "{findings:?}");
        let summary = Summary::new(&findings, 1, 0, 0);
        let mut page = Vec::new();
        super::html(&mut page, &findings, &summary, &|_| Some(text), "a <b>.txt").unwrap();
        let page = String::from_utf8(page).unwrap();
        // Two scripts of the page's own, nothing fetched.
        assert_eq!(page.matches("<script").count(), 2);
        assert_eq!(page.matches("</script>").count(), 2);
        for external in ["http://", "https://", " src=", " href="] {
            assert!(!page.contains(external), "{external}");
        }
        assert!(page.contains("<title>bitext check: a &lt;b&gt;.txt</title>"));
        assert!(page.contains("\"rule\":\"repeated-words\""));
    }
}
