"""The examples of docs/python.md and of the package's docstrings run as written."""

import doctest

import bitext
import bitext.arrow


def test_docs_python_md(root):
    failures, tried = doctest.testfile(str(root / "docs" / "python.md"), module_relative=False,
                                       optionflags=doctest.ELLIPSIS)
    assert tried > 10 and failures == 0


def test_docstrings():
    for module in (bitext, bitext.arrow):
        failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert tried > 0 and failures == 0, module
