"""bitext: Chinese–English bitext in Python.

The library of the ``bitext`` command line: the same segmentation, alignment, readers and
writers and checks, with the same results.

>>> import bitext
>>> [s["text"] for s in bitext.segment("起初神创造天地。地是空虚混沌。")]
['起初神创造天地。', '地是空虚混沌。']
>>> beads = bitext.Aligner().align("起初神创造天地。地是空虚混沌。",
...     "In the beginning God created the heaven and the earth. And the earth was without form.")
>>> [(b.zh_ids, b.en_ids, b.kind) for b in beads]
[([0], [0], '1-1'), ([1], [1], '1-1')]

Batch functions over Arrow tables are in :mod:`bitext.arrow`; :mod:`bitext.ray` and
:mod:`bitext.spark` plug them into Ray Data and Spark.
"""

from ._bitext import (  # noqa: F401
    Aligner,
    Checker,
    Glossary,
    Unit,
    __version__,
    _aligner,
    _checker,
    _glossary,
    _unit_from_json,
    formats,
    read,
    rules,
    segment,
    write,
)

__all__ = [
    "Aligner",
    "Checker",
    "Glossary",
    "Unit",
    "formats",
    "read",
    "rules",
    "segment",
    "write",
]
