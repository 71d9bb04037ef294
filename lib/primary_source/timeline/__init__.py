"""The events of 1945-1953 around the telegram: loading, filtering, a chart and its text alternative."""

from __future__ import annotations

from primary_source.timeline.dates import (
    format_date,
    format_month,
    format_span,
    window_bounds,
)
from primary_source.timeline.describing import (
    caption,
    describe,
    window_table,
)
from primary_source.timeline.filtering import (
    document_date,
    document_noun,
    events_between,
    is_document,
)
from primary_source.timeline.layout import (
    layout_timeline,
)
from primary_source.timeline.loading import (
    load_eras,
    load_events,
)
from primary_source.timeline.plotting import (
    plot_timeline,
)
from primary_source.timeline.schema import (
    CATEGORIES,
    COLUMNS,
    DEFAULT_END,
    DEFAULT_START,
    DOCUMENT_DATE,
    ERA_COLUMNS,
    GREY,
    MARKERS,
    PRECISIONS,
    TimelineFormatError,
)
from primary_source.timeline.svg import (
    timeline_html,
    timeline_svg,
)

__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "DEFAULT_END",
    "DEFAULT_START",
    "DOCUMENT_DATE",
    "ERA_COLUMNS",
    "GREY",
    "MARKERS",
    "PRECISIONS",
    "TimelineFormatError",
    "caption",
    "describe",
    "document_date",
    "document_noun",
    "events_between",
    "format_date",
    "format_month",
    "format_span",
    "is_document",
    "layout_timeline",
    "load_eras",
    "load_events",
    "plot_timeline",
    "timeline_html",
    "timeline_svg",
    "window_bounds",
    "window_table",
]
