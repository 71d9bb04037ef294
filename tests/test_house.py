"""House rules a reader of the library can rely on, checked on every module of ``lib/``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import primary_source

LIB = Path(primary_source.__file__).resolve().parent
#: Lines an import may stand below and still belong to the comment above them: other imports,
#: blank lines, and the ``try:`` / ``except ...:`` / ``else:`` of a version-dependent import.
_BETWEEN = re.compile(r"\s*((try|else|finally|except\b[^#]*):\s*(#.*)?)?$")


def lazy_imports_without_reason(source: str) -> list[int]:
    """The lines of the imports inside functions that say nowhere why they are there.

    An import inside a function needs a comment starting with ``# lazy:`` on its line, or in
    the comments just above it or above the run of imports it stands in, saying what it saves
    (start-up time, measured) or which import cycle it avoids.
    """
    lines = source.splitlines()
    functions = [n for n in ast.walk(ast.parse(source))
                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    imports = {n for f in functions for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
    import_lines = {i for n in imports for i in range(n.lineno, n.end_lineno + 1)}
    missing = []
    for node in sorted(imports, key=lambda n: n.lineno):
        if any("# lazy:" in lines[i - 1] for i in range(node.lineno, node.end_lineno + 1)):
            continue
        i = node.lineno - 1  # the line above, counted from 1
        while i >= 1 and (i in import_lines or _BETWEEN.fullmatch(lines[i - 1])):
            i -= 1
        comments = []
        while i >= 1 and lines[i - 1].strip().startswith("#"):
            comments.append(lines[i - 1].strip())
            i -= 1
        if not any(c.startswith("# lazy:") for c in comments):
            missing.append(node.lineno)
    return missing


def _unexplained() -> dict[str, list[int]]:
    found = {path.relative_to(LIB).as_posix(): lazy_imports_without_reason(
        path.read_text(encoding="utf-8")) for path in sorted(LIB.rglob("*.py"))}
    return {name: lines for name, lines in found.items() if lines}


def test_every_import_inside_a_function_says_why_it_is_not_at_the_top():
    unexplained = [f"primary_source/{name}:{line}" for name, lines in _unexplained().items()
                   for line in lines]
    assert unexplained == [], (
        "imports belong at the top of the module; one inside a function needs a comment "
        "'# lazy: <what it saves, measured, or the cycle it avoids>':\n" + "\n".join(unexplained))


def test_a_reason_on_the_line_or_above_the_run_of_imports_is_enough():
    assert lazy_imports_without_reason("import json\n") == []
    assert lazy_imports_without_reason("def f():\n    import json\n") == [2]
    assert lazy_imports_without_reason("def f():\n    import json  # lazy: 1 ms\n") == []
    assert lazy_imports_without_reason("def f():\n    # lazy: json costs 1 ms\n"
                                       "    import json\n\n    import csv\n") == []


def test_the_rule_finds_an_import_with_no_reason_below_an_unrelated_comment():
    source = ("def f():\n"
              "    # read the settings\n"
              "    import json\n"
              "    x = 1\n"
              "    # lazy: csv costs 1 ms\n"
              "    try:  # newer versions\n"
              "        import csv\n"
              "    except ImportError:\n"
              "        import io\n")
    assert lazy_imports_without_reason(source) == [3]
