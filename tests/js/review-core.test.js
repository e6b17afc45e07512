// Property test of the review page's edits (crates/bitext-io/src/review/core.js): random
// sequences of merges, splits, moves, checks, undos and redos, on random alignments, never lose,
// duplicate or reorder a sentence, never leave an empty bead, and undo gives back exactly what
// was there. Deterministic (a seeded generator); run with `node tests/js/review-core.test.js`.
"use strict";
const path = require("path");
const assert = require("assert");
const C = require(path.join(__dirname, "../../crates/bitext-io/src/review/core.js"));

let seed = 12345;
function rnd(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
}

// A random alignment of nz and ne sentences: beads of 0-3 sentences a side, never both empty.
function alignment(nz, ne) {
  const beads = [];
  let z = 0, e = 0;
  while (z < nz || e < ne) {
    let a = Math.min(rnd(4), nz - z), b = Math.min(rnd(4), ne - e);
    if (a === 0 && b === 0) { if (z < nz) a = 1; else b = 1; }
    const zs = [], es = [];
    for (let i = 0; i < a; i += 1) zs.push(z++);
    for (let i = 0; i < b; i += 1) es.push(e++);
    beads.push({ z: zs, e: es, c: rnd(100) / 100, ck: false });
  }
  return beads;
}

let edits = 0, refused = 0;
for (let run = 0; run < 300; run += 1) {
  const nz = 1 + rnd(40), ne = 1 + rnd(40);
  let beads = alignment(nz, ne);
  assert(C.valid(beads, nz, ne), "the generator makes valid alignments");
  const past = [], future = [];
  for (let step = 0; step < 200; step += 1) {
    const k = rnd(beads.length);
    const side = rnd(2) ? "z" : "e";
    let next;
    switch (rnd(8)) {
      case 0: next = C.merge(beads, k); break;
      case 1: next = C.split(beads, k, rnd(beads[k].z.length + 1), rnd(beads[k].e.length + 1)); break;
      case 2: next = C.moveUp(beads, k, side); break;
      case 3: next = C.moveDown(beads, k, side); break;
      case 4: next = C.check(beads, k); break;
      case 5:
        if (past.length) { future.push(beads); beads = past.pop(); }
        continue;
      case 6:
        if (future.length) { past.push(beads); beads = future.pop(); }
        continue;
      default: next = C.merge(beads, beads.length - 1); // never possible: the last has no next
    }
    if (next === null) { refused += 1; continue; }
    const before = JSON.stringify(beads);
    past.push(beads);
    future.length = 0;
    beads = next;
    edits += 1;
    assert(C.valid(beads, nz, ne), "edit " + step + " of run " + run + " broke the alignment: " + JSON.stringify(beads));
    // The old state is untouched (undo gives it back as it was).
    assert.strictEqual(JSON.stringify(past[past.length - 1]), before, "an edit changed the state it came from");
  }
  // Undo everything: the alignment we started from.
  while (past.length) beads = past.pop();
  assert(C.valid(beads, nz, ne));
}
// Examples: what each edit makes.
const ex = [{ z: [0], e: [0], c: 0.9, ck: false }, { z: [1, 2], e: [1], c: 0.3, ck: false }, { z: [], e: [2], c: 0.2, ck: false }];
assert.deepStrictEqual(C.merge(ex, 1).map(b => [b.z, b.e, b.c, b.ck]), [[[0], [0], 0.9, false], [[1, 2], [1, 2], 1, true]]);
assert.deepStrictEqual(C.split(ex, 1, 1, 1).map(b => [b.z, b.e]), [[[0], [0]], [[1], [1]], [[2], []], [[], [2]]]);
assert.deepStrictEqual(C.moveUp(ex, 2, "e").map(b => [b.z, b.e]), [[[0], [0]], [[1, 2], [1, 2]]]);
assert.deepStrictEqual(C.moveDown(ex, 0, "z").map(b => [b.z, b.e]), [[[], [0]], [[0, 1, 2], [1]], [[], [2]]]);
assert.strictEqual(C.split(ex, 0, 0, 0), null, "a split that leaves an empty bead is refused");
assert.strictEqual(C.beadsText(ex), "[0]:[0]\n[1,2]:[1]\n[]:[2]\n");
console.log("review-core: " + edits + " edits in 300 random alignments kept every sentence once and in order (" + refused + " impossible edits refused)");
