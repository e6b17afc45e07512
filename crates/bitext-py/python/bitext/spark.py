"""Spark: functions for ``DataFrame.mapInArrow``.

>>> # doctest: +SKIP
>>> import bitext.spark
>>> beads = df.mapInArrow(bitext.spark.align_batches, bitext.spark.ALIGN_SCHEMA)

The input DataFrame has the columns ``doc_id`` (a string), ``zh`` and ``en``; other names:
``bitext.spark.aligner(id=..., zh=..., en=...)`` returns the function to give ``mapInArrow``.
"""

from __future__ import annotations

from typing import Iterator, Optional

#: The schema of :func:`align_batches`' output, in Spark's DDL.
ALIGN_SCHEMA = ("doc_id string, zh_ids array<int>, en_ids array<int>, kind string, "
                "confidence float, zh string, en string, error string")

#: The schema of :func:`segment_batches`' output.
SEGMENT_SCHEMA = ("doc_id string, index long, paragraph long, start long, end long, "
                  "char_start long, char_end long, lang string, text string, error string")


def _spark_types(table):
    """Casts the unsigned columns Spark has no type for (sentence ids, offsets) to signed."""
    import pyarrow as pa

    fields = []
    for f in table.schema:
        t = f.type
        if pa.types.is_list(t) and pa.types.is_unsigned_integer(t.value_type):
            t = pa.list_(pa.int32())
        elif pa.types.is_unsigned_integer(t):
            t = pa.int64()
        fields.append(pa.field(f.name, t, f.nullable))
    return table.cast(pa.schema(fields))


def aligner(id: Optional[str] = "doc_id", zh: str = "zh", en: str = "en",
            presegmented: bool = False, paragraphs: bool = True):
    """The ``mapInArrow`` function aligning with these options (see :func:`bitext.arrow.align`)."""

    def run(batches: Iterator) -> Iterator:
        from . import arrow

        for batch in batches:
            out = _spark_types(arrow.align(batch, id=id, zh=zh, en=en, presegmented=presegmented,
                                           paragraphs=paragraphs))
            yield from out.to_batches()

    return run


def segmenter(id: Optional[str] = "doc_id", text: str = "text", lang: Optional[str] = None,
              presegmented: bool = False):
    """The ``mapInArrow`` function segmenting with these options."""

    def run(batches: Iterator) -> Iterator:
        from . import arrow

        for batch in batches:
            out = _spark_types(arrow.segment(batch, id=id, text=text, lang=lang,
                                             presegmented=presegmented))
            yield from out.to_batches()

    return run


#: ``df.mapInArrow(align_batches, ALIGN_SCHEMA)`` with the default options.
align_batches = aligner()
#: ``df.mapInArrow(segment_batches, SEGMENT_SCHEMA)`` with the default options.
segment_batches = segmenter()
