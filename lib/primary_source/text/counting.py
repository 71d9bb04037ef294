"""Word counts of a text with a stop-word list, and their bar chart."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from primary_source.palette import OKABE_ITO
from primary_source.text.lexing import fold_word, words

__all__ = [
    "DEFAULT_STOPWORDS",
    "frequencies",
    "word_use_figure",
]


#: Common English function words left out of word counts by default. Edit freely: pass
#: ``DEFAULT_STOPWORDS | {"comrade"}`` to add words, or your own set to replace the list.
DEFAULT_STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most much my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves may might must shall us been one""".split()
)


def frequencies(text: str, stopwords: Any = DEFAULT_STOPWORDS, top: int | None = None):
    """How often each word occurs, most frequent first.

    Parameters
    ----------
    text : str
        Any text.
    stopwords : set of str or None
        Words to leave out, compared case-folded. The default is :data:`DEFAULT_STOPWORDS`;
        a set you pass replaces it; ``None`` keeps every word.
    top : int, optional
        Keep only the ``top`` most frequent words.

    Returns
    -------
    pandas.DataFrame
        Columns ``word`` (case-folded), ``count`` and ``share`` (the count divided by the number
        of words in the whole text, stop words included, so a share does not change when the
        stop-word list does). Numbers and registry codes without letters are not counted.

    >>> frequencies("Korea, Korea and the war", top=1).to_dict("records")
    [{'word': 'korea', 'count': 2, 'share': 0.4}]
    """
    folded = [fold_word(w) for w in words(text) if any(ch.isalpha() for ch in w)]
    stop = {fold_word(s) for s in stopwords} if stopwords is not None else set()
    kept = [w for w in folded if w not in stop and w.rstrip(".") not in stop]
    counts = Counter(kept)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if top is not None:
        rows = rows[: max(int(top), 0)]
    total = len(folded)
    table = pd.DataFrame(rows, columns=["word", "count"])
    table["count"] = table["count"].astype(int)
    table["share"] = (table["count"] / total).round(4) if total else 0.0
    return table


def word_use_figure(table, title: str | None = None):
    """A horizontal bar chart of a :func:`frequencies` table, most frequent at the top.

    Returns a ``matplotlib.figure.Figure`` (not attached to pyplot, so nothing is shown twice).
    The table itself is the text alternative: show it next to the chart.
    """
    # lazy: matplotlib.figure costs ~200 ms at import (after pandas); the lessons draw this chart
    # as SVG (wordchart), and only this figure needs it
    from matplotlib.figure import Figure

    n = len(table)
    fig = Figure(figsize=(6.4, max(2.0, 0.32 * n + 1.0)), layout="constrained")
    ax = fig.add_subplot()
    labels = list(table["word"])[::-1]
    counts = list(table["count"])[::-1]
    ax.barh(labels, counts, color=OKABE_ITO["blue"])
    for y, value in enumerate(counts):
        ax.text(value, y, f" {value}", va="center", fontsize=9)
    ax.set_xlabel("times used")
    ax.set_xlim(0, (max(counts) if counts else 1) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or f"The {n} most used words", fontsize=11)
    if not n:
        ax.text(0.5, 0.5, "no words to show", transform=ax.transAxes, ha="center")
    return fig
