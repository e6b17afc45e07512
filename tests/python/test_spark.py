"""Spark: `mapInArrow` with bitext's functions on `local[2]`, results as the library gives."""

import shutil

import pytest

pa = pytest.importorskip("pyarrow")
pyspark = pytest.importorskip("pyspark")

import bitext.arrow  # noqa: E402
import bitext.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("bitext-test")
         .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
         .config("spark.ui.enabled", "false").config("spark.sql.execution.arrow.pyspark.enabled", "true")
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def test_map_in_arrow_aligns(spark, pairs):
    rows = [(f"{name}-{k}", zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
            for k in range(5) for name, zh, en in pairs]
    df = spark.createDataFrame(rows, "doc_id string, zh string, en string").repartition(4)
    got = [r.asDict() for r in df.mapInArrow(bitext.spark.align_batches, bitext.spark.ALIGN_SCHEMA).collect()]
    table = pa.table({"doc_id": [r[0] for r in rows], "zh": [r[1] for r in rows], "en": [r[2] for r in rows]})
    want = bitext.arrow.align(table).to_pylist()
    key = lambda r: (r["doc_id"], r["zh_ids"], r["en_ids"])  # noqa: E731
    assert len(got) == len(want)
    for g, w in zip(sorted(got, key=key), sorted(want, key=key)):
        assert {k: g[k] for k in ("doc_id", "zh_ids", "en_ids", "kind", "zh", "en", "error")} == \
            {k: w[k] for k in ("doc_id", "zh_ids", "en_ids", "kind", "zh", "en", "error")}
        assert abs(g["confidence"] - w["confidence"]) < 1e-6


def test_map_in_arrow_segments(spark):
    df = spark.createDataFrame([("a", "第一句。第二句！"), ("b", "One. Two?")], "doc_id string, text string")
    got = df.mapInArrow(bitext.spark.segment_batches, bitext.spark.SEGMENT_SCHEMA).collect()
    assert sorted((r.doc_id, r.text) for r in got) == [("a", "第一句。"), ("a", "第二句！"), ("b", "One."), ("b", "Two?")]
