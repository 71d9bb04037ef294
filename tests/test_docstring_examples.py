"""Every ``>>>`` example in the library's docstrings runs and shows what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import primary_source

MODULES = sorted(m.name for m in pkgutil.walk_packages(primary_source.__path__, "primary_source."))


def test_the_library_has_examples_to_check():
    examples = sum(len(t.examples) for name in MODULES
                   for t in doctest.DocTestFinder().find(importlib.import_module(name)))
    assert examples >= 100


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_a_module_work(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
