"""The Arrow batch functions: the beads, sentences and findings of the single calls, for every
row, with the input's ids; errors per row."""

import pyarrow as pa
import pytest

import bitext
import bitext.arrow


def _table(pairs, **extra):
    return pa.table({
        "doc_id": [name for name, _, _ in pairs],
        "zh": [zh.read_text(encoding="utf-8") for _, zh, _ in pairs],
        "en": [en.read_text(encoding="utf-8") for _, _, en in pairs],
        **extra,
    })


def test_align_gives_each_rows_beads(pairs):
    t = _table(pairs)
    out = bitext.arrow.align(t)
    assert out.column_names == ["doc_id", "zh_ids", "en_ids", "kind", "confidence", "zh", "en", "error"]
    rows = out.to_pylist()
    aligner = bitext.Aligner()
    for name, zh, en in pairs:
        want = aligner.align(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
        got = [r for r in rows if r["doc_id"] == name]
        assert [(r["zh_ids"], r["en_ids"], r["kind"], r["zh"], r["en"]) for r in got] == \
            [(b.zh_ids, b.en_ids, b.kind, b.zh, b.en) for b in want]
        assert [round(r["confidence"], 3) for r in got] == [round(b.confidence, 3) for b in want]
        assert all(r["error"] is None for r in got)


def test_a_bad_row_is_an_error_row_not_a_lost_batch(pairs):
    t = pa.table({"doc_id": [1, 2, 3], "zh": ["起初神创造天地。", None, "你好。"],
                  "en": ["In the beginning God created the heaven and the earth.", "x", "Hello."]})
    out = bitext.arrow.align(t).to_pylist()
    assert [r["doc_id"] for r in out] == [1, 2, 3]
    assert out[1]["error"] and "null" in out[1]["error"]
    assert out[0]["error"] is None and out[2]["kind"] == "1-1"
    assert bitext.arrow.align(t).schema.field("doc_id").type == pa.int64()


def test_other_string_types_batches_and_empty_tables(pairs):
    t = _table(pairs)
    large = t.cast(pa.schema([("doc_id", pa.large_string()), ("zh", pa.large_string()),
                              ("en", pa.large_string())]))
    assert bitext.arrow.align(large).column("zh").to_pylist() == bitext.arrow.align(t).column("zh").to_pylist()
    chunked = pa.Table.from_batches(t.to_batches(max_chunksize=1))
    assert bitext.arrow.align(chunked).to_pylist() == bitext.arrow.align(t).to_pylist()
    batch = t.to_batches()[0]
    assert bitext.arrow.align(batch).num_rows == bitext.arrow.align(t).num_rows
    empty = bitext.arrow.align(t.slice(0, 0))
    assert empty.num_rows == 0 and empty.schema.field("doc_id").type == pa.string()
    numbered = bitext.arrow.align(t.drop_columns(["doc_id"]), id=None)
    assert set(numbered.column("row").to_pylist()) == set(range(len(pairs)))
    with pytest.raises(ValueError, match="no column"):
        bitext.arrow.align(t, zh="chinese")


def test_segment_rows(pairs):
    t = pa.table({"doc_id": ["a", "b"], "text": ["第一句。第二句！", "One. Two?"]})
    rows = bitext.arrow.segment(t).to_pylist()
    assert [(r["doc_id"], r["text"], r["lang"]) for r in rows] == [
        ("a", "第一句。", "zh"), ("a", "第二句！", "zh"), ("b", "One.", "en"), ("b", "Two?", "en")]
    for r in rows:
        assert r["char_end"] - r["char_start"] == len(r["text"])


def test_check_rows_are_the_checkers_findings(root, pairs):
    checker = bitext.Checker(bitext.Glossary.load(root / "glossary"))
    t = _table(pairs)
    out = bitext.arrow.check(t, checker).to_pylist()
    import json
    for name, zh, en in pairs:
        want = checker.check_pair(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
        got = [json.loads(r["json"]) for r in out if r["doc_id"] == name]
        assert got == want
    english = pa.table({"doc_id": ["x"], "en": ["Many flag counties here."]})
    rows = bitext.arrow.check(english, checker).to_pylist()
    assert [r["rule"] for r in rows] == ["deprecated-term"]
    assert rows[0]["found"] == "flag counties"
