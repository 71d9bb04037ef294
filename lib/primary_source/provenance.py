"""Provenance (kept for older callers): the rooms are ``archive_levels``, ``journey``, ``editorial``."""

from primary_source.archive_levels import LEVEL_INFO, Level, decode_citation, decode_reference
from primary_source.editorial import adapted_frame, insertions_table, quirks_frame, text_layers
from primary_source.journey import (
    MEANS_STYLES,
    chain_frame,
    describe_chain,
    people_frame,
    plot_chain,
    related_frame,
)

__all__ = [
    "LEVEL_INFO",
    "MEANS_STYLES",
    "Level",
    "adapted_frame",
    "chain_frame",
    "decode_citation",
    "decode_reference",
    "describe_chain",
    "insertions_table",
    "people_frame",
    "plot_chain",
    "quirks_frame",
    "related_frame",
    "text_layers",
]
