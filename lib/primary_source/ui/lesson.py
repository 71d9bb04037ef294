"""The first cell of every lesson: who is saving, and tables shown in full."""

from __future__ import annotations

import ipywidgets as widgets

from primary_source.ui.learner import learner_banner
from primary_source.ui.tables import readable_tables

__all__ = ["lesson_start"]


def lesson_start() -> widgets.VBox:
    """Start a lesson: tables from here on are shown whole, and the banner says who is saving.

    Returns :func:`~primary_source.ui.learner.learner_banner` ("Saving as NAME (not you?
    change it here)", or the presentation-mode notice).

    >>> lesson_start().line.value[:4]
    '<div'
    """
    readable_tables()
    return learner_banner()
