"""Classroom lessons around one declassified Cold War telegram, as a small library."""

from primary_source.record import (
    ArchivalReference,
    Document,
    DocumentFormatError,
    EditorialInsertion,
    Paragraph,
    load_document,
    parse_record,
)

__all__ = [
    "ArchivalReference",
    "Document",
    "DocumentFormatError",
    "EditorialInsertion",
    "Paragraph",
    "load_document",
    "parse_record",
    "__version__",
]


def __getattr__(name: str):
    """``primary_source.__version__``: the version in pyproject.toml, read from the install.

    Looked up when asked for, not at import: the one place the number is written is
    pyproject.toml, and the installed package's metadata carries it.

    >>> import primary_source, re
    >>> bool(re.fullmatch(r"\\d+\\.\\d+\\.\\d+.*", primary_source.__version__))
    True
    """
    if name == "__version__":
        # lazy: importlib.metadata costs ~16 ms at import, more than the rest of the package
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("primary-source")
        except PackageNotFoundError:  # run from a checkout that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'primary_source' has no attribute {name!r}")
