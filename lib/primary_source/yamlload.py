"""The one YAML loader: safe, libyaml when present, line numbers kept, aliases and nesting bounded."""

from __future__ import annotations

__all__ = ["MAX_ALIAS_NODES", "MAX_DEPTH", "LineDict", "safe_loader", "safe_load", "compose",
           "load_with_node", "load_with_lines", "line_loader", "line_of", "line_map",
           "error_line", "check_limits", "load_data_file"]

#: How many nodes all aliases of one file may stand for together (a "billion laughs" file
#: stands for 10**9); far above any hand-written file, far below what exhausts memory.
MAX_ALIAS_NODES = 10_000
#: How deep lists and mappings may nest: deeper files fail with a YAML error at that line,
#: before any recursive step (PyYAML's composer and constructor) can overflow the stack.
MAX_DEPTH = 100

_CLASSES: dict[str, type] = {}


def _error_class() -> type:
    """``YAMLLimitError``, a ``yaml.MarkedYAMLError``, so every reader's handler catches it."""
    if "error" not in _CLASSES:
        # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
        import yaml

        class YAMLLimitError(yaml.MarkedYAMLError):
            """A file that would expand beyond ``MAX_ALIAS_NODES`` or nest beyond ``MAX_DEPTH``."""

        _CLASSES["error"] = YAMLLimitError
    return _CLASSES["error"]


def check_limits(text, loader_class=None) -> None:
    """Walk the YAML events of ``text`` once; raise at the first alias or nesting over the limit.

    The error is a ``yaml.MarkedYAMLError`` whose ``problem_mark`` is where the alias is used
    (or where the too-deep list or mapping starts). Syntax errors raise as the parser does.

    >>> check_limits("a: &x [1, 2]\\nb: *x")
    >>> bomb = "a: &a [1, 1]\\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, "
    ...        f"*{p}, *{p}, *{p}]\\n" for p, c in zip("abcdefg", "bcdefgh"))
    >>> try:
    ...     check_limits(bomb)
    ... except Exception as err:
    ...     print(err.problem_mark.line + 1)
    5
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    if loader_class is None:
        loader_class = _base()
    if not isinstance(text, (str, bytes)):
        return
    loader = loader_class(text)
    sizes: dict[str, int] = {}  # anchor -> how many nodes it stands for
    stack: list[list] = []  # open collections: [nodes inside so far, anchor]
    through_aliases = 0
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _error_class()(
                        problem=f"lists and mappings nest more than {MAX_DEPTH} deep here",
                        problem_mark=event.start_mark)
                stack.append([0, event.anchor])
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                count, anchor = stack.pop()
                size = count + 1
                if anchor is not None:
                    sizes[anchor] = size
            elif isinstance(event, yaml.ScalarEvent):
                size = 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor, 1)
                through_aliases += size
                if through_aliases > MAX_ALIAS_NODES:
                    raise _error_class()(
                        problem=f"the alias *{event.anchor} makes the file stand for more than "
                                f"{MAX_ALIAS_NODES} values (an alias bomb?); write the values "
                                "out instead", problem_mark=event.start_mark)
            elif isinstance(event, yaml.StreamEndEvent):
                return
            else:
                continue
            if stack:
                stack[-1][0] += size
    finally:
        loader.dispose()


def _base() -> type:
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_loader():
    """The safe loader class to use or subclass: libyaml's ``CSafeLoader`` if there, else
    ``SafeLoader``, checked by ``check_limits`` before it builds any node.

    Both give every node its line (``node.start_mark.line``) and the same errors with marks.

    >>> safe_loader().__name__
    'BoundedSafeLoader'
    """
    if "loader" not in _CLASSES:
        base = _base()

        class BoundedSafeLoader(base):
            """A safe loader that first checks the text against the alias and depth limits."""

            def __init__(self, stream):
                super().__init__(stream)
                self._limits_text = stream
                self._limits_checked = False

            def get_single_node(self):
                if not self._limits_checked:
                    self._limits_checked = True
                    check_limits(self._limits_text, base)
                return super().get_single_node()

        _CLASSES["loader"] = BoundedSafeLoader
    return _CLASSES["loader"]


def safe_load(text: str):
    """``yaml.safe_load`` with libyaml when available (about ten times faster), bounded.

    >>> safe_load("a: [1, 2]")
    {'a': [1, 2]}
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    return yaml.load(text, Loader=safe_loader())  # noqa: S506 - a SafeLoader subclass


def compose(text: str):
    """The node tree of ``text`` (each node knows its line), with libyaml when available.

    >>> compose("a: 1").start_mark.line
    0
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    return yaml.compose(text, Loader=safe_loader())


def load_with_node(text: str):
    """``(data, node)``: the plain data and its node tree (lines) from one parse of ``text``.

    >>> data, node = load_with_node("a: 1")
    >>> data, node.start_mark.line
    ({'a': 1}, 0)
    """
    loader = safe_loader()(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


class LineDict(dict):
    """A mapping from YAML that remembers its own line, the line of each value, and the keys
    given twice (``duplicates``: ``(key, line)``); see :func:`load_with_lines`."""

    line: int = 0
    lines: dict
    duplicates: list


def line_of(mapping, key) -> int:
    """The 1-based line of ``mapping[key]`` (else of the mapping itself); 0 for a plain mapping.

    >>> data = load_with_lines("a: 1\\nb:\\n  c: 2")
    >>> line_of(data, "b"), line_of(data["b"], "c"), line_of({}, "a")
    (3, 3, 0)
    """
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line)
    return 0


def line_loader():
    """The bounded safe loader whose mappings are :class:`LineDict` (lines and duplicates).

    >>> line_loader().__name__
    'LineLoader'
    """
    if "lines" not in _CLASSES:
        # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
        import yaml

        class LineLoader(safe_loader()):
            """A bounded safe loader that builds every mapping as a :class:`LineDict`."""

        def construct_mapping(loader, node) -> LineDict:
            loader.flatten_mapping(node)
            result = LineDict(loader.construct_mapping(node, deep=True))
            result.line = node.start_mark.line + 1
            result.lines = {}
            result.duplicates = []
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                if key in result.lines:
                    result.duplicates.append((key, key_node.start_mark.line + 1))
                result.lines[key] = value_node.start_mark.line + 1
            return result

        LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                   construct_mapping)
        _CLASSES["lines"] = LineLoader
    return _CLASSES["lines"]


def load_with_lines(text: str):
    """The data of ``text`` with every mapping a :class:`LineDict` that knows its lines.

    >>> data = load_with_lines("a: 1\\na: 2")
    >>> data["a"], data.duplicates
    (2, [('a', 2)])
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    return yaml.load(text, Loader=line_loader())  # noqa: S506 - a SafeLoader subclass


def line_map(node, *, key_lines: bool = False) -> dict[tuple, int]:
    """Each path (``('chain', 3, 'source')``) of a composed tree, with its 1-based line.

    A mapping's entry gets the line of its value, or of its key with ``key_lines=True``.

    >>> line_map(compose("a:\\n  - x\\n  - y"))
    {(): 1, ('a',): 2, ('a', 0): 2, ('a', 1): 3}
    >>> line_map(compose("a:\\n  - x"), key_lines=True)[("a",)]
    1
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    lines: dict[tuple, int] = {}

    def walk(item, path: tuple) -> None:
        lines[path] = item.start_mark.line + 1
        if isinstance(item, yaml.MappingNode):
            for key_node, value_node in item.value:
                walk(value_node, path + (key_node.value,))
                if key_lines:
                    lines[path + (key_node.value,)] = key_node.start_mark.line + 1
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                walk(child, path + (index,))

    walk(node, ())
    return lines


def error_line(err, default: int = 1) -> int:
    """The 1-based line a YAML error points at (its problem, else its context), or ``default``.

    >>> try:
    ...     safe_load("a: [1, 2")
    ... except Exception as err:
    ...     error_line(err)
    2
    """
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark is not None else default


def load_data_file(text: str, path, error, *, key_lines: bool = False):
    """``(data, lines)`` of a curated file; a YAML error becomes ``error(message, path, line)``.

    ``lines`` maps each key path to its line (see :func:`line_map`).

    >>> load_data_file("a: 1", "x.yaml", ValueError)
    ({'a': 1}, {(): 1, ('a',): 1})
    >>> try:
    ...     load_data_file("a: [1", "x.yaml", lambda m, p, n: ValueError(f"{p}:{n}: {m}"))
    ... except ValueError as err:
    ...     print(str(err).split(": ")[0])
    x.yaml:2
    """
    # lazy: yaml costs ~8 ms at import, most of `import primary_source` (~10 ms), which reads no file
    import yaml

    try:
        data, node = load_with_node(text)
    except yaml.YAMLError as err:
        problem = getattr(err, "problem", None) or str(err)
        raise error(f"this is not valid YAML: {problem}", path, error_line(err)) from None
    return data, (line_map(node, key_lines=key_lines) if node is not None else {})
