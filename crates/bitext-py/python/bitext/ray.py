"""Ray Data: ``map_batches`` callables that align, segment and check.

>>> # doctest: +SKIP
>>> import ray, bitext.ray
>>> ds = ray.data.read_parquet("pairs.parquet")
>>> beads = ds.map_batches(bitext.ray.Align, batch_format="pyarrow", concurrency=4,
...                        fn_constructor_kwargs={"presegmented": False})
>>> beads.write_parquet("beads/")

Each class is built once per actor: the dictionaries load once per worker process, and what
is shipped to the actors is the options, never the 50 MB lexicon.
"""

from __future__ import annotations

from typing import Optional

from . import arrow


class Align:
    """``ds.map_batches(Align, batch_format="pyarrow", fn_constructor_kwargs={...})``: the
    options of :func:`bitext.arrow.align`."""

    def __init__(self, id: Optional[str] = "doc_id", zh: str = "zh", en: str = "en",
                 presegmented: bool = False, paragraphs: bool = True):
        self.options = dict(id=id, zh=zh, en=en, presegmented=presegmented, paragraphs=paragraphs)

    def __call__(self, batch):
        return arrow.align(batch, **self.options)


class Segment:
    """``ds.map_batches(Segment, batch_format="pyarrow", fn_constructor_kwargs={...})``."""

    def __init__(self, id: Optional[str] = "doc_id", text: str = "text", lang: Optional[str] = None,
                 presegmented: bool = False):
        self.options = dict(id=id, text=text, lang=lang, presegmented=presegmented)

    def __call__(self, batch):
        return arrow.segment(batch, **self.options)


class Check:
    """``ds.map_batches(Check, batch_format="pyarrow", fn_constructor_kwargs={"glossary": PATH})``:
    the glossary is read once per actor."""

    def __init__(self, glossary: Optional[str] = None, select=None, ignore=None,
                 min_confidence: Optional[float] = None, id: Optional[str] = "doc_id",
                 zh: Optional[str] = "zh", en: str = "en"):
        from . import Checker, Glossary

        g = Glossary.load(glossary) if glossary else None
        self.checker = Checker(g, select=select, ignore=ignore, min_confidence=min_confidence)
        self.options = dict(id=id, zh=zh, en=en)

    def __call__(self, batch):
        return arrow.check(batch, self.checker, **self.options)
