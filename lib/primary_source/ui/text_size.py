"""One text size for the whole notebook: the close reader's slider and the large-print switch share it.

A teacher who projects the lessons switches large print on once (in the timeline explorer or
the close reader) and every widget that reads this setting grows: the close reader's text,
the timeline's labels.
"""

from __future__ import annotations

import ipywidgets as w
import traitlets

__all__ = ["NORMAL_PX", "LARGE_PX", "TextSize", "shared_text_size", "text_size_slider",
           "large_print_switch"]

#: The close reader's text size, in CSS pixels, and the size large print switches to.
NORMAL_PX = 18
LARGE_PX = 26

_SHARED: list = []


class TextSize(traitlets.HasTraits):
    """The reading text size in CSS pixels (``px``); charts scale their labels with it.

    >>> size = TextSize()
    >>> size.px, size.chart_scale()
    (18, 1.0)
    >>> size.px = LARGE_PX
    >>> round(size.chart_scale(), 2)
    1.44
    """

    px = traitlets.Int(NORMAL_PX)

    def chart_scale(self) -> float:
        """How much larger than normal chart labels are drawn (never smaller than normal)."""
        return max(1.0, self.px / NORMAL_PX)


def shared_text_size() -> TextSize:
    """The one setting of this kernel, made on first use.

    >>> shared_text_size() is shared_text_size()
    True
    """
    if not _SHARED:
        _SHARED.append(TextSize())
    return _SHARED[0]


def text_size_slider(setting: TextSize | None = None):
    """A "Text size" slider (12 to 32 pixels) that moves ``setting`` (the shared one by default).

    >>> size = TextSize()
    >>> slider = text_size_slider(size)
    >>> slider.value = 24
    >>> size.px
    24
    """
    setting = setting or shared_text_size()
    slider = w.IntSlider(value=setting.px, min=12, max=32, step=2, description="Text size")
    traitlets.link((setting, "px"), (slider, "value"))
    return slider


def large_print_switch(setting: TextSize | None = None):
    """A "Large print" toggle: on sets the text size to :data:`LARGE_PX`, off to the normal one.

    It follows the setting, so it shows on whenever the text is large, whoever changed it.

    >>> size = TextSize()
    >>> switch = large_print_switch(size)
    >>> switch.value = True
    >>> size.px
    26
    >>> size.px = 18
    >>> switch.value
    False
    """
    setting = setting or shared_text_size()
    switch = w.ToggleButton(value=setting.px >= LARGE_PX, description="Large print",
                            icon="search-plus",
                            tooltip="Larger text and chart labels, for projecting to a class")

    def from_switch(change):
        large = setting.px >= LARGE_PX
        if change["new"] != large:
            setting.px = LARGE_PX if change["new"] else NORMAL_PX

    def from_setting(change):
        switch.value = change["new"] >= LARGE_PX

    switch.observe(from_switch, names="value")
    setting.observe(from_setting, names="px")
    return switch
