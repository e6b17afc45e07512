// The review page's edits, as pure functions over the beads (no page, no browser): the page runs
// them, and node runs the property test (tests/js/review-core.test.js) on them.
//
// A bead is {z: [Chinese sentence ids], e: [English sentence ids], c: confidence or null,
// ck: checked by a person}. Every edit returns a new array (the old one is kept for undo), keeps
// each sentence id exactly once and in document order, leaves no bead without a sentence, and
// marks the beads it makes as checked with confidence 1.
var ReviewCore = (function () {
  "use strict";

  function made(z, e) {
    return { z: z, e: e, c: 1, ck: true };
  }

  function empty(b) {
    return b.z.length === 0 && b.e.length === 0;
  }

  // Bead k and the next become one.
  function merge(beads, k) {
    if (k < 0 || k + 1 >= beads.length) return null;
    var a = beads[k], b = beads[k + 1];
    var out = beads.slice(0, k);
    out.push(made(a.z.concat(b.z), a.e.concat(b.e)));
    return out.concat(beads.slice(k + 2));
  }

  // Bead k becomes two: its first zc Chinese and ec English sentences, then the rest.
  function split(beads, k, zc, ec) {
    var b = beads[k];
    if (!b || zc < 0 || ec < 0 || zc > b.z.length || ec > b.e.length) return null;
    var first = made(b.z.slice(0, zc), b.e.slice(0, ec));
    var second = made(b.z.slice(zc), b.e.slice(ec));
    if (empty(first) || empty(second)) return null;
    return beads.slice(0, k).concat([first, second], beads.slice(k + 1));
  }

  // The first sentence of one side ("z" or "e") of bead k goes to the end of the bead before.
  function moveUp(beads, k, side) {
    if (k <= 0 || k >= beads.length || beads[k][side].length === 0) return null;
    var prev = beads[k - 1], cur = beads[k];
    var p = made(prev.z.slice(), prev.e.slice());
    var c = made(cur.z.slice(), cur.e.slice());
    p[side].push(c[side].shift());
    var out = beads.slice(0, k - 1);
    out.push(p);
    if (!empty(c)) out.push(c);
    return out.concat(beads.slice(k + 1));
  }

  // The last sentence of one side of bead k goes to the start of the bead after.
  function moveDown(beads, k, side) {
    if (k < 0 || k + 1 >= beads.length || beads[k][side].length === 0) return null;
    var cur = beads[k], next = beads[k + 1];
    var c = made(cur.z.slice(), cur.e.slice());
    var n = made(next.z.slice(), next.e.slice());
    n[side].unshift(c[side].pop());
    var out = beads.slice(0, k);
    if (!empty(c)) out.push(c);
    out.push(n);
    return out.concat(beads.slice(k + 2));
  }

  // Bead k marked as checked by a person (or no longer).
  function check(beads, k) {
    if (k < 0 || k >= beads.length) return null;
    var b = beads[k];
    var out = beads.slice();
    out[k] = { z: b.z, e: b.e, c: b.ck ? b.c : 1, ck: !b.ck };
    return out;
  }

  // Whether every sentence id of each side is there once, in order, and no bead is empty.
  function valid(beads, nz, ne) {
    var z = 0, e = 0;
    for (var i = 0; i < beads.length; i += 1) {
      var b = beads[i];
      if (empty(b)) return false;
      for (var j = 0; j < b.z.length; j += 1) if (b.z[j] !== z++) return false;
      for (var j2 = 0; j2 < b.e.length; j2 += 1) if (b.e[j2] !== e++) return false;
    }
    return z === nz && e === ne;
  }

  // "[1,2]:[3]" lines, as `bitext align --format beads` writes them.
  function beadsText(beads) {
    return beads.map(function (b) {
      return "[" + b.z.join(",") + "]:[" + b.e.join(",") + "]";
    }).join("\n") + "\n";
  }

  return { merge: merge, split: split, moveUp: moveUp, moveDown: moveDown, check: check,
    valid: valid, beadsText: beadsText };
})();
if (typeof module !== "undefined") module.exports = ReviewCore;
