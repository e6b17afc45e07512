"""Batch functions over Arrow tables.

Each takes a ``pyarrow.Table`` (or a ``RecordBatch``, or anything with ``__arrow_c_stream__``),
reads its buffers without copying them, works on the rows in parallel with the GIL released,
and returns a ``pyarrow.Table``. A row that cannot be worked on gives one output row whose
``error`` column says why; the other rows are not lost.

>>> import pyarrow as pa, bitext.arrow
>>> t = pa.table({"doc_id": ["gen1"], "zh": ["起初神创造天地。地是空虚混沌。"],
...               "en": ["In the beginning God created the heaven and the earth. And the earth was without form."]})
>>> bitext.arrow.align(t).select(["doc_id", "zh_ids", "en_ids", "kind"]).to_pylist()
[{'doc_id': 'gen1', 'zh_ids': [0], 'en_ids': [0], 'kind': '1-1'}, {'doc_id': 'gen1', 'zh_ids': [1], 'en_ids': [1], 'kind': '1-1'}]
"""

from __future__ import annotations

from typing import Optional

from . import _bitext


def _table(data):
    import pyarrow as pa

    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    return data


def align(table, id: Optional[str] = "doc_id", zh: str = "zh", en: str = "en",
          presegmented: bool = False, paragraphs: bool = True):
    """Aligns the document pair of each row: one output row per bead.

    Columns out: the id column (``id=None``: ``row``, the row number), ``zh_ids`` and
    ``en_ids`` (sentence ids, lists), ``kind`` (``"1-2"``), ``confidence``, ``zh`` and ``en``
    (the bead's texts), ``error``. ``presegmented=True`` takes each cell as one sentence a line.
    """
    return _bitext.arrow_align(_table(table), id, zh, en, presegmented, paragraphs)


def segment(table, id: Optional[str] = "doc_id", text: str = "text", lang: Optional[str] = None,
            presegmented: bool = False):
    """Cuts the text of each row into sentences: one output row per sentence.

    Columns out: the id column, ``index``, ``paragraph``, ``start`` and ``end`` (UTF-8 byte
    offsets), ``char_start`` and ``char_end``, ``lang``, ``text``, ``error``.
    """
    return _bitext.arrow_segment(_table(table), id, text, lang, presegmented)


def check(table, checker=None, id: Optional[str] = "doc_id", zh: Optional[str] = "zh", en: str = "en"):
    """Checks each row: its English with its Chinese (aligned first) where the row has one, its
    English alone otherwise, or when ``zh=None``. One output row per finding.

    Columns out: the id column, ``rule``, ``severity``, ``line``, ``column``, ``start``, ``end``
    (byte span in the row's English), ``found``, ``expected``, ``term``, ``message``, ``json``
    (the finding as ``bitext check --format json`` writes it), ``confidence``, ``error``.
    """
    if checker is None:
        checker = _bitext.Checker()
    t = _table(table)
    if zh is not None and zh not in t.schema.names:
        zh = None
    return _bitext.arrow_check(t, checker, id, zh, en)
