"""Tables and event lists a student can read: whole cells, wrapped, left-aligned, no row numbers."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets
from IPython import get_ipython

__all__ = ["event_list", "readable_tables", "table_html", "table_text"]

#: The module and name of pandas' table type, as IPython looks it up (pandas 3 says "pandas",
#: pandas 2 "pandas.core.frame").
_DATAFRAME_NAMES = (("pandas", "DataFrame"), ("pandas.core.frame", "DataFrame"))


def table_html(table: Any) -> str:
    """A pandas table as HTML in full: every row, every cell whole and wrapped, left-aligned,
    without the row numbers; all text escaped.

    >>> import pandas as pd
    >>> html = table_html(pd.DataFrame({"note": ["x" * 80]}))
    >>> "x" * 80 in html and "..." not in html and "<th" in html
    True
    """
    cell = "text-align:left;vertical-align:top;white-space:normal;overflow-wrap:break-word"
    head = "".join(f'<th scope="col" style="{cell}">{escape(str(c))}</th>' for c in table.columns)
    rows = []
    for record in table.itertuples(index=False):
        cells = "".join(f'<td dir="auto" style="{cell}">{escape(_text(v))}</td>' for v in record)
        rows.append(f"<tr>{cells}</tr>")
    return ('<table class="ps-table" style="border-collapse:collapse;max-width:100%;'
            f'table-layout:auto"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table>")


def table_text(table: Any) -> str:
    """A pandas table as plain text in full (no row numbers, no cut cells), for text-only views.

    >>> import pandas as pd
    >>> table_text(pd.DataFrame({"a": ["y" * 70]})).split()[-1] == "y" * 70
    True
    """
    return table.to_string(index=False, max_colwidth=None, max_rows=None, max_cols=None,
                           justify="left")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def readable_tables(shell: Any = None) -> bool:
    """Show every pandas table in this lesson in full: wrapped, left-aligned, no row numbers.

    Registers :func:`table_html` and :func:`table_text` as the notebook's display of a pandas
    ``DataFrame`` (pandas would cut long cells with "..." and number the rows). Returns
    ``False`` outside IPython, where nothing is displayed.

    >>> readable_tables(shell=None)   # not in a notebook here
    False
    """
    shell = shell if shell is not None else get_ipython()
    if shell is None:
        return False
    # by name: IPython looks the type up when a table is first shown, so the lesson's first cell
    # does not import pandas (~200 ms) before any table needs it
    formatters = shell.display_formatter.formatters
    for module, name in _DATAFRAME_NAMES:
        formatters["text/html"].for_type_by_name(module, name, table_html)
        formatters["text/plain"].for_type_by_name(module, name,
                                                  lambda table, p, _cycle: p.text(table_text(table)))
    return True


def event_list(events: Any = None, start=None, end=None, categories=None,
               hindsight_date=None) -> widgets.HTML:
    """A timeline window as a formatted list with each event's description and note.

    >>> view = event_list(start="1950-09", end="1950-09", categories=["military"])
    >>> "Inchon" in view.value
    True
    """
    # lazy: timeline.eventlist loads pandas (~200 ms at import, measured); ui.lesson imports this
    # module in every lesson's first cell, where no event list is shown
    from primary_source.timeline.eventlist import event_list_html

    view = widgets.HTML(event_list_html(events, start, end, categories, hindsight_date),
                        layout=widgets.Layout(width="auto", max_width="100%"))
    view.add_class("ps-event-list-view")
    return view
