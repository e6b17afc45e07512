// End-to-end test of the review page in headless Chromium (Debian's, driven by playwright-core):
// the page of a mac-dev chapter is opened, bitext's beads are turned into the gold beads in three
// regions where they differ (merging bitext's beads of the region, then splitting where the gold
// cuts, by the keyboard and the sentence cut marks, as a person would), the alignment is saved
// as JSONL and TMX, and the saved beads are compared with the gold (identical in those regions)
// and with bitext's (unchanged elsewhere). Then: the work survives a reload; `bitext export`
// reads the JSONL back; Bible 006 (30,000 beads) opens in under 2 s and keeps only the visible
// rows in the page while it scrolls; no console message anywhere. A screenshot of the editor is
// written to docs/review-editor.png.
//
// usage: node tests/js/review-e2e.js BITEXT_BINARY SHARED_DIR
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const [bin, shared] = process.argv.slice(2);
const root = path.join(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bitext-e2e-"));
let failed = 0;
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failed += 1;
}
function parseBeads(text) {
  return text.trim().split("\n").map(l => {
    const m = /^\[([\d,]*)\]:\[([\d,]*)\]$/.exec(l.trim());
    const ids = s => (s ? s.split(",").map(Number) : []);
    return [ids(m[1]), ids(m[2])];
  });
}
const key = b => JSON.stringify(b);

// Regions where two alignments of the same sentences differ: between points where both have a
// bead boundary after the same sentences of each side.
function regions(a, b) {
  const ends = beads => {
    const out = new Map();
    let z = 0, e = 0;
    beads.forEach((x, i) => { z += x[0].length; e += x[1].length; out.set(z + ":" + e, i); });
    return out;
  };
  const ea = ends(a), eb = ends(b);
  const sync = [[-1, -1]];
  for (const [k, i] of ea) if (eb.has(k)) sync.push([i, eb.get(k)]);
  const out = [];
  for (let s = 1; s < sync.length; s += 1) {
    const [a0, b0] = sync[s - 1], [a1, b1] = sync[s];
    const ra = a.slice(a0 + 1, a1 + 1), rb = b.slice(b0 + 1, b1 + 1);
    if (key(ra) !== key(rb)) out.push({ start: a0 + 1, ours: ra, gold: rb });
  }
  return out;
}

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

(async () => {
  const chapter = "001";
  const zh = path.join(shared, "eval/align/mac-dev/zh", chapter + ".txt");
  const en = path.join(shared, "eval/align/mac-dev/en", chapter + ".txt");
  const page = path.join(tmp, "review.html");
  execFileSync(bin, ["align", "--presegmented", zh, en, "-o", page]);
  const ours = parseBeads(execFileSync(bin, ["align", "--presegmented", zh, en, "--format", "beads"]).toString());
  const gold = parseBeads(fs.readFileSync(path.join(shared, "eval/align/mac-dev/gold", chapter + ".align"), "utf8"));
  const diff = regions(ours, gold).filter(r => r.ours.length <= 8 && r.gold.length <= 8).slice(0, 3);
  check(diff.length === 3, "three regions where bitext's beads differ from the gold: beads " +
    diff.map(r => (r.start + 1) + "–" + (r.start + r.ours.length)).join(", "));

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
  const console_ = [];
  const p = await context.newPage();
  p.on("console", m => console_.push(m.type() + ": " + m.text()));
  p.on("pageerror", e => console_.push("error: " + e.message));
  p.on("dialog", d => d.accept());
  await p.goto("file://" + page);
  await p.waitForSelector("body[data-rows]");

  // From the last region to the first, so that the earlier ones keep their bead numbers.
  for (const r of diff.slice().reverse()) {
    await p.fill("#goto", String(r.start + 1));
    await p.press("#goto", "Enter");
    for (let i = 1; i < r.ours.length; i += 1) await p.keyboard.press("m");
    for (let g = 0; g < r.gold.length - 1; g += 1) {
      await p.click('#detail [data-side="z"][data-k="' + r.gold[g][0].length + '"]');
      await p.click('#detail [data-side="e"][data-k="' + r.gold[g][1].length + '"]');
      await p.keyboard.press("s");
      await p.keyboard.press("ArrowDown");
    }
  }
  const edits = Number(await p.getAttribute("body", "data-edits"));
  check(edits > 0, edits + " edits made with the keyboard and the cut marks");

  const save = async which => {
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click('button[data-act="' + which + '"]')]);
    const file = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(file);
    return file;
  };
  const jsonl = await save("jsonl");
  const tmx = await save("tmx");
  const beadsFile = await save("beads");
  const saved = fs.readFileSync(jsonl, "utf8").trim().split("\n").map(l => JSON.parse(l)).map(u => [u.a.ids, u.b.ids]);
  const expected = ours.slice();
  for (const r of diff.slice().reverse()) expected.splice(r.start, r.ours.length, ...r.gold);
  check(key(saved) === key(expected), "saved beads = the gold in the three regions, bitext's elsewhere (" + saved.length + " beads)");
  check(key(parseBeads(fs.readFileSync(beadsFile, "utf8"))) === key(expected), "the beads file says the same");
  const corrected = fs.readFileSync(jsonl, "utf8").trim().split("\n").map(l => JSON.parse(l));
  const touched = corrected.filter(u => u.checked);
  check(touched.length > 0 && touched.every(u => u.confidence === 1), touched.length + " corrected beads carry confidence 1 and checked");
  const back = path.join(tmp, "back.tmx");
  let exported = true;
  try { execFileSync(bin, ["export", jsonl, "-o", back]); } catch (e) { exported = false; }
  check(exported && fs.readFileSync(back, "utf8").includes("x-bitext-checked"), "bitext export reads the saved JSONL back (TMX with x-bitext-checked)");
  const dtd = path.join(shared, "formats/tmx14.dtd");
  let valid = true;
  try { execFileSync("xmllint", ["--noout", "--dtdvalid", dtd, tmx], { stdio: "pipe" }); } catch (e) { valid = e.code === "ENOENT" ? null : false; }
  check(valid !== false, "the saved TMX is valid against the TMX 1.4b DTD" + (valid === null ? " (xmllint not installed: not checked)" : ""));
  const tmxBeads = (fs.readFileSync(tmx, "utf8").match(/<tu /g) || []).length;
  check(tmxBeads === expected.filter(b => b[0].length && b[1].length).length, "the TMX has a unit per matched bead (" + tmxBeads + ")");

  // Reload: the work is kept in the browser.
  await p.reload();
  await p.waitForSelector("body[data-rows]");
  check(Number(await p.getAttribute("body", "data-edits")) === edits, "after a reload the " + edits + " edits are still there");
  await p.keyboard.press("u");
  check(Number(await p.getAttribute("body", "data-edits")) === edits - 1, "undo after the reload");
  await p.keyboard.press("r");
  await p.screenshot({ path: path.join(root, "docs/review-editor.png") });

  // Bible 006: 30,000 English sentences.
  const bz = path.join(shared, "eval/align/bible/zh/006.txt"), be = path.join(shared, "eval/align/bible/en/006.txt");
  const big = path.join(tmp, "bible.html");
  execFileSync(bin, ["align", "--presegmented", bz, be, "-o", big], { maxBuffer: 1 << 30 });
  const q = await context.newPage();
  q.on("console", m => console_.push(m.type() + ": " + m.text()));
  q.on("pageerror", e => console_.push("error: " + e.message));
  const t0 = Date.now();
  await q.goto("file://" + big);
  await q.waitForSelector("body[data-rows]");
  const opened = (Date.now() - t0) / 1000;
  const n = Number(await q.getAttribute("body", "data-rows"));
  check(opened < 2, "Bible 006 (" + n + " beads) opens in " + opened.toFixed(2) + " s (target < 2 s)");
  let most = 0;
  const s0 = Date.now();
  for (let i = 1; i <= 40; i += 1) {
    await q.evaluate(f => { const l = document.getElementById("list"); l.scrollTop = l.scrollHeight * f; }, i / 40);
    await q.evaluate(() => new Promise(r => requestAnimationFrame(() => r())));
    most = Math.max(most, await q.evaluate(() => document.querySelectorAll(".row").length));
  }
  const per = (Date.now() - s0) / 40;
  check(most < 120, "scrolling through it keeps at most " + most + " rows in the page (" + per.toFixed(0) + " ms a jump, frame drawn)");
  await q.keyboard.press("w");
  const worst = await q.evaluate(() => document.querySelector(".row").getAttribute("data-i"));
  check(worst !== null, "w puts the least confident bead first (bead " + (Number(worst) + 1) + ")");

  check(console_.length === 0, "no console message" + (console_.length ? ": " + console_.slice(0, 3).join(" | ") : ""));
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(failed ? failed + " checks failed" : "all review-page checks passed");
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
