(function () {
  "use strict";
  var C = ReviewCore;
  var D = JSON.parse(document.getElementById("data").textContent);
  var ROW = 58;
  var NZ = D.zh.length, NE = D.en.length;
  var start = D.beads.map(function (b) { return { z: b[0], e: b[1], c: b[2], ck: !!b[3] }; });
  // The edits are kept as operations ([name, bead, ...]) replayed from the aligner's beads, so
  // that the work and its undo history come back on reload without storing whole alignments.
  var beads = start, past = [], future = [], log = [], redoLog = [], edits = 0, dirty = false, sel = 0;
  var cut = { z: null, e: null };
  var view = [];
  var $ = function (id) { return document.getElementById(id); };
  var list = $("list"), rows = $("rows"), spacer = $("spacer");
  var KEY = "bitext-review:" + D.key;

  function conf(b) { return b.c === null || b.c === undefined ? 2 : b.c; }
  function bin(b) {
    var c = b.c;
    if (c === null || c === undefined) return "cn";
    return c >= 0.9 ? "c3" : c >= 0.7 ? "c2" : c >= 0.5 ? "c1" : "c0";
  }
  function text(side, ids) {
    var s = side === "z" ? D.zh : D.en;
    return ids.map(function (i) { return s[i][0]; });
  }

  // Which beads the list shows, in which order.
  function rebuild() {
    var limit = $("show").value, order = $("order").value;
    view = [];
    for (var i = 0; i < beads.length; i += 1) {
      var b = beads[i];
      var keep = limit === "all" || (limit === "unmatched"
        ? (b.z.length === 0 || b.e.length === 0)
        : limit === "unchecked" ? !b.ck : conf(b) < parseFloat(limit));
      if (keep || i === sel) view.push(i);
    }
    if (order === "conf") {
      view.sort(function (a, b) { return conf(beads[a]) - conf(beads[b]) || a - b; });
    }
    spacer.style.height = (view.length * ROW) + "px";
    $("shown").textContent = view.length + " of " + beads.length + " beads shown";
    draw();
  }

  function el(tag, cls, t) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (t !== undefined) e.textContent = t;
    return e;
  }

  // Only the rows in sight (and a few around) are in the page: 40,000 beads scroll as 60.
  function draw() {
    var top = list.scrollTop, h = list.clientHeight || 600;
    var first = Math.max(0, Math.floor(top / ROW) - 10);
    var last = Math.min(view.length, Math.ceil((top + h) / ROW) + 10);
    var frag = document.createDocumentFragment();
    for (var p = first; p < last; p += 1) {
      var i = view[p], b = beads[i];
      var r = el("div", "row " + bin(b) + (i === sel ? " sel" : "") + (b.ck ? " ck" : ""));
      r.style.top = (p * ROW) + "px";
      r.setAttribute("data-i", String(i));
      r.append(el("span", "n", String(i + 1)),
        el("span", "t zh", text("z", b.z).join("")),
        el("span", "t en", text("e", b.e).join(" ")),
        el("span", "k", b.z.length + "-" + b.e.length),
        el("span", "cf", b.c === null || b.c === undefined ? "" : b.c.toFixed(2)),
        el("span", "mark", b.ck ? "✓" : ""));
      frag.append(r);
    }
    rows.replaceChildren(frag);
    detail();
  }

  // The selected bead in full; its sentences choose where a split cuts.
  function detail() {
    var b = beads[sel], box = $("detail");
    box.replaceChildren();
    if (!b) return;
    box.append(el("div", "dh", "Bead " + (sel + 1) + " of " + beads.length + " · " + b.z.length + "-" +
      b.e.length + (b.ck ? " · checked" : "") + " · click the first sentence of the second half to choose where s splits"));
    ["z", "e"].forEach(function (side) {
      var d = el("div", "side " + side);
      d.lang = side === "z" ? "zh" : "en";
      var ids = b[side];
      var c = cut[side] === null ? defaultCut(b, side) : cut[side];
      ids.forEach(function (id, k) {
        var s = el("span", "s" + (k === c ? " cut" : ""), text(side, [id])[0]);
        s.setAttribute("data-side", side);
        s.setAttribute("data-k", String(k));
        s.addEventListener("click", function () { cut[side] = k; detail(); });
        d.append(s);
      });
      var end = el("span", "s end" + (c === ids.length ? " cut" : ""), "(end)");
      end.setAttribute("data-side", side);
      end.setAttribute("data-k", String(ids.length));
      end.addEventListener("click", function () { cut[side] = ids.length; detail(); });
      d.append(end);
      box.append(d);
    });
  }
  function defaultCut(b, side) { return Math.min(1, b[side].length); }

  function status() {
    $("status").textContent = edits + " edit" + (edits === 1 ? "" : "s") +
      (dirty ? " · not saved" : " · saved") + (past.length ? "" : "");
    document.body.setAttribute("data-edits", String(edits));
    document.body.setAttribute("data-beads", String(beads.length));
  }

  function remember() {
    try {
      localStorage.setItem(KEY, JSON.stringify({ log: log, redo: redoLog }));
    } catch (e) { /* storage full or refused: the page still works */ }
  }

  function run(op) {
    return C[op[0]].apply(null, [beads].concat(op.slice(1)));
  }

  function apply(op, newSel) {
    var next = run(op);
    if (!next) { flash("not possible here"); return; }
    past.push(beads);
    future = [];
    redoLog = [];
    log.push(op);
    beads = next;
    edits += 1;
    dirty = true;
    sel = Math.max(0, Math.min(newSel, beads.length - 1));
    cut = { z: null, e: null };
    remember();
    status();
    rebuild();
    reveal();
  }
  function undo() {
    if (!past.length) return;
    future.push(beads); beads = past.pop(); redoLog.push(log.pop()); edits -= 1; dirty = true;
    sel = Math.min(sel, beads.length - 1); remember(); status(); rebuild();
  }
  function redo() {
    if (!future.length) return;
    past.push(beads); beads = future.pop(); log.push(redoLog.pop()); edits += 1; dirty = true;
    sel = Math.min(sel, beads.length - 1); remember(); status(); rebuild();
  }
  function flash(msg) { $("msg").textContent = msg; setTimeout(function () { $("msg").textContent = ""; }, 1500); }

  function select(i) {
    sel = Math.max(0, Math.min(i, beads.length - 1));
    cut = { z: null, e: null };
    if (view.indexOf(sel) < 0) rebuild(); else draw();
    reveal();
  }
  function reveal() {
    var p = view.indexOf(sel);
    if (p < 0) return;
    var top = p * ROW, h = list.clientHeight || 600;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW > list.scrollTop + h) list.scrollTop = top + ROW - h;
    draw();
  }
  function step(d) {
    var p = view.indexOf(sel);
    if (p < 0) p = 0;
    var q = Math.max(0, Math.min(view.length - 1, p + d));
    if (view.length) select(view[q]);
  }

  var actions = {
    merge: function () { apply(["merge", sel], sel); },
    split: function () {
      var b = beads[sel];
      var zc = cut.z === null ? defaultCut(b, "z") : cut.z;
      var ec = cut.e === null ? defaultCut(b, "e") : cut.e;
      apply(["split", sel, zc, ec], sel);
    },
    zup: function () { up("z"); },
    zdown: function () { apply(["moveDown", sel, "z"], sel); },
    eup: function () { up("e"); },
    edown: function () { apply(["moveDown", sel, "e"], sel); },
    check: function () { apply(["check", sel], sel); },
    undo: undo, redo: redo,
    tmx: function () { save("tmx"); }, jsonl: function () { save("jsonl"); }, beads: function () { save("beads"); }
  };
  // A sentence moved up out of a bead of one sentence leaves no bead: the selection goes up.
  function up(side) {
    var b = beads[sel];
    var last = b && b.z.length + b.e.length === 1;
    apply(["moveUp", sel, side], last ? sel - 1 : sel);
  }
  var KEYS = { m: "merge", s: "split", "1": "zup", "2": "zdown", "3": "eup", "4": "edown", c: "check",
    u: "undo", r: "redo" };

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT")) return;
    var k = ev.key;
    if ((ev.ctrlKey || ev.metaKey) && (k === "z" || k === "Z")) { ev.preventDefault(); (ev.shiftKey ? redo : undo)(); return; }
    if ((ev.ctrlKey || ev.metaKey) && k === "y") { ev.preventDefault(); redo(); return; }
    if ((ev.ctrlKey || ev.metaKey) && k === "s") { ev.preventDefault(); save("tmx"); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (k === "ArrowDown" || k === "j") { ev.preventDefault(); step(1); return; }
    if (k === "ArrowUp" || k === "k") { ev.preventDefault(); step(-1); return; }
    if (k === "w") { $("order").value = $("order").value === "conf" ? "doc" : "conf"; rebuild(); select(view[0] || 0); return; }
    if (KEYS[k]) { ev.preventDefault(); actions[KEYS[k]](); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-act]"), function (b) {
    b.addEventListener("click", function () { actions[b.getAttribute("data-act")](); });
  });
  rows.addEventListener("click", function (ev) {
    var r = ev.target.closest(".row");
    if (r) select(parseInt(r.getAttribute("data-i"), 10));
  });
  list.addEventListener("scroll", function () { window.requestAnimationFrame(draw); });
  window.addEventListener("resize", draw);
  $("show").addEventListener("change", rebuild);
  $("order").addEventListener("change", function () { rebuild(); });
  $("goto").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { select(parseInt(ev.target.value, 10) - 1); ev.target.blur(); }
  });
  window.addEventListener("beforeunload", function (ev) {
    if (dirty) { ev.preventDefault(); ev.returnValue = ""; }
  });

  // Saving: the corrected alignment as TMX 1.4b (bitext align's header and props), JSONL (read
  // back by `bitext export`) or beads.
  function xml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function sideOf(b, side) {
    var s = side === "z" ? D.zh : D.en;
    return { ids: b[side].map(function (i) { return s[i][3]; }),
      spans: b[side].map(function (i) { return [s[i][1], s[i][2]]; }),
      text: b[side].map(function (i) { return s[i][0]; }) };
  }
  function kind(b) { return b.z.length + "-" + b.e.length; }
  function save(fmt) {
    var out = [], name = D.stem;
    if (fmt === "tmx") {
      var d = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      out.push('<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
        '  <header creationtool="bitext" creationtoolversion="' + xml(D.version) + '" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="' + xml(D.zhLang) + '" datatype="plaintext" creationdate="' + d + '"/>',
        "  <body>");
      var n = 0;
      beads.forEach(function (b) {
        if (!b.z.length || !b.e.length) return;
        n += 1;
        out.push('    <tu tuid="' + n + '">');
        if (b.c !== null && b.c !== undefined) out.push('      <prop type="x-bitext-confidence">' + b.c.toFixed(3) + "</prop>");
        out.push('      <prop type="x-bitext-bead">' + kind(b) + "</prop>");
        if (b.ck) out.push('      <prop type="x-bitext-checked">yes</prop>');
        [["z", D.zhLang, D.zhDoc, ""], ["e", D.enLang, D.enDoc, " "]].forEach(function (x) {
          var s = sideOf(b, x[0]);
          out.push('      <tuv xml:lang="' + xml(x[1]) + '">');
          if (x[2]) out.push('        <prop type="x-bitext-doc">' + xml(x[2]) + "</prop>");
          if (s.ids.every(function (i) { return i !== null; })) out.push('        <prop type="x-bitext-ids">' + s.ids.join(",") + "</prop>");
          if (s.spans.every(function (p) { return p[0] !== null; })) out.push('        <prop type="x-bitext-spans">' + s.spans.map(function (p) { return p[0] + "-" + p[1]; }).join(",") + "</prop>");
          out.push("        <seg>" + xml(s.text.join(x[3])) + "</seg>", "      </tuv>");
        });
        out.push("    </tu>");
      });
      out.push("  </body>", "</tmx>", "");
      download(name + ".corrected.tmx", out.join("\n"), "application/x-tmx+xml");
    } else if (fmt === "jsonl") {
      beads.forEach(function (b) {
        var side = function (x, lang, doc) {
          var s = sideOf(b, x), o = {};
          if (doc) o.doc = doc;
          o.lang = lang;
          o.ids = s.ids.every(function (i) { return i !== null; }) ? s.ids : [];
          o.spans = s.spans.every(function (p) { return p[0] !== null; }) ? s.spans : [];
          o.text = s.text;
          return o;
        };
        var line = { a: side("z", "zh", D.zhDoc), b: side("e", "en", D.enDoc), kind: kind(b) };
        if (b.c !== null && b.c !== undefined) line.confidence = Math.round(b.c * 1000) / 1000;
        if (b.ck) line.checked = true;
        out.push(JSON.stringify(line));
      });
      download(name + ".corrected.jsonl", out.join("\n") + "\n", "application/jsonl");
    } else {
      download(name + ".corrected.beads", C.beadsText(beads), "text/plain");
    }
    dirty = false;
    status();
  }
  function download(file, body, type) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([body], { type: type + ";charset=utf-8" }));
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
  }

  // Work kept in this browser comes back on reload.
  try {
    var kept = JSON.parse(localStorage.getItem(KEY) || "null");
    if (kept && kept.log && kept.log.length) {
      var states = [], b = start, ok = true;
      kept.log.forEach(function (op) {
        var next = ok && C[op[0]] ? C[op[0]].apply(null, [b].concat(op.slice(1))) : null;
        if (!next) { ok = false; return; }
        states.push(b);
        b = next;
      });
      if (ok && C.valid(b, NZ, NE)) {
        past = states; beads = b; log = kept.log; redoLog = kept.redo || [];
        // The undone edits can be redone: replay them as states too.
        var r = b;
        future = [];
        for (var i = redoLog.length - 1; i >= 0 && r; i -= 1) {
          r = C[redoLog[i][0]] ? C[redoLog[i][0]].apply(null, [r].concat(redoLog[i].slice(1))) : null;
          if (r) future.unshift(r);
        }
        if (future.length !== redoLog.length) { future = []; redoLog = []; }
        edits = log.length; dirty = true;
        flash("restored " + edits + " edits kept in this browser");
      }
    }
  } catch (e) { /* nothing kept */ }
  var h = /(?:^|[#&])show=([^&]+)/.exec(location.hash), o = /(?:^|[#&])order=([^&]+)/.exec(location.hash);
  if (h) $("show").value = decodeURIComponent(h[1]);
  if (o) $("order").value = o[1];
  status();
  rebuild();
  if (view.length) select(view[0]);
  document.body.setAttribute("data-rows", String(beads.length));
})();
