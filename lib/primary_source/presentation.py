"""Presentation mode (``make present``): lessons start blank and save nothing."""

from __future__ import annotations

import os

__all__ = ["PRESENT_VARIABLE", "PRESENTATION_NOTICE", "presenting"]

#: The environment variable that switches presentation mode on (``make present`` sets it).
PRESENT_VARIABLE = "PRIMARY_SOURCE_PRESENT"

#: What every lesson says at the top while it is projected.
PRESENTATION_NOTICE = ("Presentation mode: this lesson starts blank and saves nothing. "
                       "Answers typed here are checked but not kept, and no one's saved work "
                       "is shown.")


def presenting() -> bool:
    """Whether the lessons run in presentation mode (``PRIMARY_SOURCE_PRESENT`` is set and true).

    >>> import os
    >>> os.environ.pop(PRESENT_VARIABLE, None) and None
    >>> presenting()
    False
    """
    value = os.environ.get(PRESENT_VARIABLE, "").strip().casefold()
    return value not in ("", "0", "false", "no", "off")
