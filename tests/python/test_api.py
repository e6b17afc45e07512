"""The Python API gives what the command line gives, on the repository's real texts."""

import json
import pickle

import pytest

import bitext


def test_segment_offsets_are_bytes_and_characters():
    text = "草原上的“北疆明珠”。\n\n它有3.5万人！呼和浩特（Hohhot）是首府。"
    rows = bitext.segment(text)
    assert [r["text"] for r in rows] == ["草原上的“北疆明珠”。", "它有3.5万人！", "呼和浩特（Hohhot）是首府。"]
    assert [r["paragraph"] for r in rows] == [0, 1, 1]
    raw = text.encode("utf-8")
    for r in rows:
        assert raw[r["start"]:r["end"]].decode("utf-8") == r["text"]
        assert text[r["char_start"]:r["char_end"]] == r["text"]


def test_segment_matches_the_command_line(cli, root, pairs):
    for _, zh, en in pairs:
        for path in (zh, en):
            code, out, err = cli("segment", path, "--format", "jsonl")
            assert code == 0, err
            theirs = [json.loads(l) for l in out.decode().splitlines()]
            ours = bitext.segment(path.read_text(encoding="utf-8"))
            assert [(t["start"], t["end"], t["text"]) for t in theirs] == \
                [(o["start"], o["end"], o["text"]) for o in ours]


def test_beads_are_the_command_lines_jsonl_and_tmx(cli, pairs):
    aligner = bitext.Aligner()
    for _, zh, en in pairs:
        beads = aligner.align(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"),
                              zh_name=str(zh), en_name=str(en))
        code, out, err = cli("align", zh, en, "--format", "jsonl")
        assert code == 0, err
        assert bitext.write(beads, "jsonl").encode() == out
        code, out, err = cli("align", zh, en, "--format", "tmx", env={"SOURCE_DATE_EPOCH": "0"})
        assert code == 0, err
        import os
        os.environ["SOURCE_DATE_EPOCH"] = "0"
        try:
            assert bitext.write(beads, "tmx").encode() == out
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        for b in beads:
            assert b.kind == f"{len(b.zh_ids)}-{len(b.en_ids)}"
            assert b.confidence is None or 0.0 <= b.confidence <= 1.0


def test_presegmented_lists(pairs):
    _, zh, en = pairs[0]
    zh_lines = [s["text"] for s in bitext.segment(zh.read_text(encoding="utf-8"))]
    en_lines = [s["text"] for s in bitext.segment(en.read_text(encoding="utf-8"))]
    beads = bitext.Aligner().align(zh_lines, en_lines)
    assert sorted(i for b in beads for i in b.zh_ids) == list(range(len(zh_lines)))
    assert sorted(i for b in beads for i in b.en_ids) == list(range(len(en_lines)))
    with pytest.raises(ValueError, match="line break"):
        bitext.Aligner().align(["a\nb"], ["c"])
    with pytest.raises(ValueError, match="list of sentences"):
        bitext.Aligner().align(3, "x")


def test_read_is_the_exports_reading(cli, root):
    files = sorted((root / "tests" / "cmd").glob("*.in/*.tmx")) + \
        sorted((root / "tests" / "cmd").glob("*.in/*.xlf")) + \
        sorted((root / "tests" / "cmd").glob("*.in/*.po"))
    read = 0
    for path in files:
        code, out, err = cli("export", path, "--format", "jsonl", "--keep-unmatched")
        if code != 0:
            with pytest.raises((ValueError, OSError)):
                bitext.read(path)
            continue
        units = bitext.read(path)
        assert bitext.write(units, "jsonl").encode() == out, path
        read += 1
    assert read >= 3


def test_check_is_the_command_lines_json(cli, root, pairs):
    glossary = bitext.Glossary.load(root / "glossary")
    checker = bitext.Checker(glossary)
    docs = sorted(p for p in (root / "tests" / "precision" / "mt").glob("*.txt")
                  if not p.name.endswith(".zh.txt"))
    assert docs
    for path in docs:
        code, out, err = cli("check", path, "-g", root / "glossary", "--format", "json")
        theirs = json.loads(out)["findings"]
        ours = checker.check_file(path)
        assert ours == theirs, path
        assert checker.check_text(path.read_text(encoding="utf-8"), str(path)) == theirs
    found = 0
    for _, zh, en in pairs:
        code, out, err = cli("check", "--pair", zh, en, "-g", root / "glossary", "--format", "json")
        theirs = json.loads(out)["findings"]
        ours = checker.check_pair(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"),
                                  zh_path=str(zh), en_path=str(en))
        assert ours == theirs, zh
        found += len(ours)
    assert found > 0, "the pairs hold a real typo the check must find"


def test_checker_settings_and_errors(root):
    g = bitext.Glossary.load(root / "glossary")
    text = "The region has 49 flag counties and 49 flag counties."
    everything = bitext.Checker(g).check_text(text)
    assert {f["rule"] for f in everything} >= {"deprecated-term"}
    only = bitext.Checker(g, select=["repeated-words"]).check_text(text)
    assert {f["rule"] for f in only} <= {"repeated-words"}
    none = bitext.Checker(g, ignore=["deprecated-term"]).check_text(text)
    assert all(f["rule"] != "deprecated-term" for f in none)
    with pytest.raises(ValueError, match="unknown rule"):
        bitext.Checker(g, select=["no-such-rule"])
    with pytest.raises(ValueError, match="between 0 and 1"):
        bitext.Checker(g, min_confidence=50)
    with pytest.raises(OSError):
        bitext.Glossary.load(root / "no-such-glossary")
    with pytest.raises(ValueError):
        bitext.Glossary.from_toml("[[term]]\nid = 3\n")
    assert {r[0] for r in bitext.rules()} >= {"deprecated-term", "term-mismatch"}


def test_everything_pickles(root, pairs):
    g = bitext.Glossary.load(root / "glossary")
    c = bitext.Checker(g, ignore=["spacing"], min_confidence=0.3)
    c2 = pickle.loads(pickle.dumps(c))
    text = "Many flag counties  here."
    assert c2.check_text(text) == c.check_text(text)
    assert len(pickle.loads(pickle.dumps(g))) == len(g)
    a = pickle.loads(pickle.dumps(bitext.Aligner(presegmented=True, paragraphs=False)))
    assert (a.presegmented, a.paragraphs) == (True, False)
    _, zh, en = pairs[0]
    beads = bitext.Aligner().align(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
    again = pickle.loads(pickle.dumps(beads))
    assert [b.to_json() for b in again] == [b.to_json() for b in beads]


def test_write_refuses_to_overwrite(tmp_path, pairs):
    _, zh, en = pairs[0]
    beads = bitext.Aligner().align(zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
    out = tmp_path / "a.tmx"
    bitext.write(beads, "tmx", out)
    first = out.read_bytes()
    with pytest.raises(FileExistsError):
        bitext.write(beads[:1], "tmx", out)
    assert out.read_bytes() == first
    bitext.write(beads[:1], "tmx", out, overwrite=True)
    assert out.read_bytes() != first
    assert [u.zh for u in bitext.read(out)] == [beads[0].zh]
    with pytest.raises(ValueError, match="format must be"):
        bitext.write(beads, "docx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
