"""A learner's work written out: the work page, the portfolio and the CSV, from one row builder."""

from primary_source.export.pages import (
    export_csv,
    export_html,
    export_portfolio,
    lessons,
    portfolio_html,
    portfolio_path,
    portfolio_rows,
    render,
)
from primary_source.export.rows import (
    answer_rows,
    bank_or_none,
    by_notebook,
    result_words,
    special_prompt,
)

__all__ = ["answer_rows", "by_notebook", "bank_or_none", "result_words", "special_prompt",
           "render", "export_csv", "export_html", "lessons", "portfolio_rows", "portfolio_html",
           "portfolio_path", "export_portfolio"]
