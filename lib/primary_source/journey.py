"""The journey of a record: its transmission chain as a table, a description in rows, a chart."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from primary_source.citing import record_names
from primary_source.dates import PartialDate
from primary_source.metadata import date_label, parse_partial_date
from primary_source.notices import metadata_or_none, needs_metadata_frame
from primary_source.palette import OKABE_ITO

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from matplotlib.figure import Figure

    from primary_source.metadata import Metadata

__all__ = [
    "MEANS_STYLES",
    "ChainDescription",
    "chain_frame",
    "resolve_highlight",
    "plot_chain",
    "chain_description",
    "describe_chain",
    "people_frame",
    "related_frame",
]

#: Colour (Okabe-Ito name) and marker shape for each kind of means in the journey chart.
MEANS_STYLES: dict[str, tuple[str, str, str]] = {
    # kind: (palette colour name, marker, legend label)
    "writing": ("orange", "s", "written or registered"),
    "cipher": ("blue", "D", "cipher telegram"),
    "oral": ("vermillion", "o", "spoken (oral delivery)"),
    "archive": ("reddish purple", "P", "archive and release"),
    "publication": ("bluish green", "^", "translation and publication"),
}


def _means_kind(means: str) -> str:
    text = means.lower()
    if any(word in text for word in ("draft", "writ", "regist", "letter")):
        return "writing"
    if "oral" in text or "spoken" in text:
        return "oral"
    if "telegram" in text or "cipher" in text:
        return "cipher"
    if any(word in text for word in ("translation", "online", "publi", "print")):
        return "publication"
    if "archive" in text or "declass" in text or "release" in text:
        return "archive"
    return "writing"


def chain_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """The journey of the telegram as a table, one row per step, sorted by date.

    Columns: ``step_no``, ``id``, ``step``, ``date`` (a Timestamp for ordering: the date when
    known to the day, otherwise the latest date the step can have), ``earliest`` (the earliest
    date it can have), ``precision``, ``date_label`` (no more precise than known), ``actor``,
    ``means``, ``kind``, ``description``, ``source`` (the full reference), ``note``,
    ``date_puzzle``.

    >>> chain_frame()[["id", "date_label"]].head(3).values.tolist()[0]
    ['drafted', '28 August 1950']
    """
    meta = metadata_or_none(meta)
    if meta is None:
        return needs_metadata_frame(["step_no", "id", "step", "date", "earliest", "precision",
                                "date_label", "actor", "means", "kind", "description",
                                "source", "note", "date_puzzle"])
    rows = []
    for order, step in enumerate(meta.chain()):
        rows.append({
            "order": order,
            "id": step["id"],
            "step": step["step"],
            "date": pd.Timestamp(_latest_date(step)),
            "earliest": pd.Timestamp(parse_partial_date(step["date"])),
            "precision": step["precision"],
            "date_label": date_label(step["date"], step["precision"], step.get("date_latest")),
            "actor": meta.actor_name(str(step["actor"])),
            "means": step["means"],
            "kind": _means_kind(step["means"]),
            "description": " ".join(str(step["description"]).split()),
            "source": meta.cite(step["source"]),
            "note": " ".join(str(step.get("note") or "").split()),
            "date_puzzle": bool(step.get("date_puzzle")),
        })
    frame = pd.DataFrame(rows).sort_values(["date", "order"], kind="stable")
    frame = frame.drop(columns="order").reset_index(drop=True)
    frame.insert(0, "step_no", range(1, len(frame) + 1))
    frame.attrs["title"] = f"The journey of {record_names(meta)[0]}"
    frame.attrs["puzzle_pointer"] = (meta.get("date_puzzle") or {}).get("pointer")
    return frame


def _latest_date(step: dict):
    """The latest date a step can have: ``date_latest``, or the end of its year or month."""
    if step.get("date_latest") is not None:
        return parse_partial_date(step["date_latest"])
    return PartialDate.parse(step["date"]).last


def resolve_highlight(frame: pd.DataFrame, highlight: Any) -> int | None:
    """The row index of a step given by number (from 1) or id; ``None`` for no highlight.

    >>> resolve_highlight(chain_frame(), 2), resolve_highlight(chain_frame(), None)
    (1, None)
    """
    if highlight is None:
        return None
    if isinstance(highlight, str):
        matches = frame.index[frame["id"] == highlight].tolist()
        if not matches:
            raise KeyError(f"no step with id {highlight!r}; steps are {list(frame['id'])}")
        return matches[0]
    number = int(highlight)
    if not 1 <= number <= len(frame):
        raise IndexError(f"step {number} is outside 1-{len(frame)}")
    return number - 1


def plot_chain(meta: Metadata | None = None, highlight: Any = None) -> Figure:
    """A left-to-right diagram of the journey: who did what, when, and by which means.

    Each step is a marker whose colour *and* shape show the means (Okabe-Ito colours), with
    the date above and the step and actor below. ``highlight`` (a step number from 1, or a
    step id) draws one step larger with a thick outline and bold labels.
    Use :func:`describe_chain` for the text alternative.

    >>> fig = plot_chain(highlight="received")
    >>> fig.axes[0].get_title().startswith("The journey")
    True
    """
    # lazy: matplotlib.figure costs ~200 ms at import (after pandas); the lessons draw the
    # journey as SVG (chainchart), and only this figure needs it
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    frame = chain_frame(meta)
    if frame.empty and frame.attrs.get("notice"):
        fig = Figure(figsize=(8.0, 1.6), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "\n".join(textwrap.wrap(frame.attrs["notice"], 90)), ha="center",
                va="center", fontsize=9.5, wrap=True)
        return fig
    chosen = resolve_highlight(frame, highlight)
    n = len(frame)
    fig = Figure(figsize=(max(8.0, 1.02 * n), 3.9), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.plot(range(n), [0] * n, color="#999999", linewidth=1.5, zorder=1)
    for i, row in frame.iterrows():
        colour_name, marker, _ = MEANS_STYLES[row["kind"]]
        is_chosen = i == chosen
        ax.scatter([i], [0], s=420 if is_chosen else 170, marker=marker,
                   color=OKABE_ITO[colour_name], edgecolors="black",
                   linewidths=3 if is_chosen else 0.8, zorder=3)
        weight = "bold" if is_chosen else "normal"
        date_text = "\n".join(textwrap.wrap(row["date_label"], 12))
        ax.annotate(date_text, (i, 0), xytext=(0, 16), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8.5, fontweight=weight)
        below = "\n".join(textwrap.wrap(f"{row['step_no']}. {row['step']}", 13))
        below += "\n(" + "\n".join(textwrap.wrap(row["actor"], 13)) + ")"
        ax.annotate(below, (i, 0), xytext=(0, -18), textcoords="offset points",
                    ha="center", va="top", fontsize=8, fontweight=weight)
        if i > 0:
            years = row["earliest"].year - frame.loc[i - 1, "date"].year
            if years >= 2:
                ax.annotate(f"{years} years\nlater", (i - 0.5, 0), xytext=(0, 5),
                            textcoords="offset points", ha="center", va="bottom", fontsize=7,
                            color="#444444")
        if row["date_puzzle"]:
            ax.annotate("date puzzle", (i, 0), xytext=(0, 52), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7, style="italic",
                        color=OKABE_ITO["vermillion"] if is_chosen else "#555555")
    ax.set_xlim(-0.7, n - 0.3)
    ax.set_ylim(-1.75, 0.9)
    ax.axis("off")
    title = frame.attrs["title"]
    if chosen is not None:
        title += f": step {chosen + 1} of {n}, {frame.loc[chosen, 'step']}"
    ax.set_title(title, fontsize=11.5)
    kinds = [k for k in MEANS_STYLES if k in set(frame["kind"])]
    handles = [Line2D([], [], linestyle="none", marker=MEANS_STYLES[k][1], markersize=9,
                      markerfacecolor=OKABE_ITO[MEANS_STYLES[k][0]], markeredgecolor="black",
                      label=MEANS_STYLES[k][2]) for k in kinds]
    ax.legend(handles=handles, loc="lower center", ncol=3, fontsize=8.5,
              frameon=False, bbox_to_anchor=(0.5, -0.02), title="by which means",
              title_fontsize=8)
    return fig


@dataclass(frozen=True)
class ChainDescription:
    """The text alternative to the journey chart, as data: a heading and one line per step.

    ``steps`` hold each step's sentence without its number (a widget numbers them in an
    ``<ol>``); ``highlighted`` is the index of the highlighted step, if any; ``notice`` says why
    there is no journey (no curated metadata) and then ``steps`` is empty.
    """

    heading: str
    steps: list[str] = field(default_factory=list)
    highlighted: int | None = None
    notice: str | None = None

    def lines(self) -> list[str]:
        """The description as numbered lines, the heading first.

        >>> ChainDescription("Two steps:", ["a.", "b."]).lines()
        ['Two steps:', '1. a.', '2. b.']
        """
        if self.notice:
            return [self.notice]
        return [self.heading, *(f"{i}. {step}" for i, step in enumerate(self.steps, start=1))]


def chain_description(meta: Metadata | None = None, highlight: Any = None) -> ChainDescription:
    """Every step of the journey in order, in words, as data (see :class:`ChainDescription`).

    >>> chain_description().steps[0].startswith("Drafted")
    True
    """
    frame = chain_frame(meta)
    if frame.empty and frame.attrs.get("notice"):
        return ChainDescription("", notice=frame.attrs["notice"])
    chosen = resolve_highlight(frame, highlight)
    steps = []
    for i, row in frame.iterrows():
        mark = " (highlighted)" if i == chosen else ""
        pointer = frame.attrs.get("puzzle_pointer") or "see the step's note"
        puzzle = f" Date puzzle: {pointer}." if row["date_puzzle"] else ""
        steps.append(f"{row['step']}{mark}: {row['date_label']} "
                     f"(known to the {row['precision']}); who: {row['actor']}; "
                     f"by: {row['means']}.{puzzle}")
    return ChainDescription(f"The journey of the telegram in {len(frame)} steps, "
                            "from left to right:", steps, chosen)


def describe_chain(meta: Metadata | None = None, highlight: Any = None) -> str:
    """The text alternative to :func:`plot_chain`: every step in order, in words.

    >>> print(describe_chain().splitlines()[0])
    The journey of the telegram in 9 steps, from left to right:
    """
    return "\n".join(chain_description(meta, highlight).lines())


def related_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Related records by reference only: date, title, archive reference, address, summary.

    >>> "1950-07-01" in set(related_frame()["date"])
    True
    """
    meta = metadata_or_none(meta)
    if meta is None:
        return needs_metadata_frame(["date", "date_label", "title", "archive_reference", "record",
                                "url", "summary", "source", "note"])
    rows = [{
        "date": str(item["date"]),
        "date_label": date_label(item["date"], item["precision"]),
        "title": " ".join(str(item["title"]).split()),
        "archive_reference": " ".join(str(item.get("archive_reference") or "").split()),
        "record": item.get("record"),
        "url": item.get("url"),
        "summary": " ".join(str(item["summary"]).split()),
        "source": meta.cite(item["source"]),
        "note": " ".join(str(item.get("note") or "").split()),
    } for item in meta.related()]
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def people_frame(meta: Metadata | None = None) -> pd.DataFrame:
    """Who was involved: name, role, the names they appear under, what they did, the source.

    >>> people_frame().set_index("role").loc["author", "name"]
    'Joseph (Iosif Vissarionovich) Stalin'
    """
    meta = metadata_or_none(meta)
    if meta is None:
        return needs_metadata_frame(["name", "role", "also written", "description", "source"])
    rows = [{"name": p["name"], "role": p["role"],
             "also written": ", ".join(str(v) for v in p.get("variants") or []),
             "description": " ".join(str(p["description"]).split()),
             "source": meta.cite(p["source"])} for p in meta.people()]
    return pd.DataFrame(rows)
