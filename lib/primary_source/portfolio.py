"""A learner's portfolio (kept for older callers; the room is :mod:`primary_source.export`)."""

from primary_source.export.pages import (
    export_portfolio,
    lessons,
    portfolio_html,
    portfolio_path,
    portfolio_rows,
)

__all__ = ["lessons", "portfolio_rows", "portfolio_html", "export_portfolio", "portfolio_path"]
