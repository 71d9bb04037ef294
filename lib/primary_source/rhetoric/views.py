"""HTML views of the key: the marked text, one device with its passages, a device's colour."""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from primary_source import segments
from primary_source.palette import colour_for
from primary_source.rhetoric.compare import in_context
from primary_source.rhetoric.key import load_key
from primary_source.rhetoric.model import Annotation, RhetoricKey

__all__ = ["annotated_html", "device_colour", "device_html", "mark_html", "withheld_mark_html"]


def device_colour(key: RhetoricKey, device: str) -> str:
    """The Okabe-Ito colour of a device: its place in the catalogue picks it, stably."""
    names = key.device_names
    return colour_for(names.index(device) if device in names else device)


def mark_html(key: RhetoricKey, annotation: Annotation) -> str:
    """One annotated quote: a tinted ``<mark>`` with a coloured underline, then the device name
    as a superscript label, so colour is never the only cue. Everything is escaped."""
    colour = device_colour(key, annotation.device)
    device = escape(annotation.device)
    return (
        f'<mark class="ps-rhetoric-mark" data-device="{device}" title="{device}" '
        f'style="background:{colour}33;border-bottom:3px solid {colour};color:inherit;'
        f'padding:0 1px">{escape(annotation.quote)}</mark>'
        f'<sup class="ps-rhetoric-label" style="font-size:0.7em;font-weight:bold">'
        f"[{device}]</sup>"
    )


def withheld_mark_html(annotation: Annotation) -> str:
    """A passage of the key whose device is kept back until the learner has tagged it."""
    return (f'<mark class="ps-rhetoric-mark ps-rhetoric-withheld" data-device="" '
            f'style="background:#eeeeee;border-bottom:3px dotted #555555;color:inherit;'
            f'padding:0 1px">{escape(annotation.quote)}</mark>'
            f'<sup class="ps-rhetoric-label" style="font-size:0.7em;font-weight:bold">'
            "[tag it first]</sup>")


def annotated_html(key: RhetoricKey | None = None, device: str | None = None,
                   withheld: Collection[Annotation] = ()) -> str:
    """The whole document body as HTML, the key's quotes marked (only ``device``'s if given).

    Paragraphs become ``<p>``; where two quotes overlap, the first one is marked. The
    ``withheld`` annotations are marked without their device ("[tag it first]"), and only
    when every device is shown.

    >>> html = annotated_html(device="historical analogy")
    >>> html.count('<mark class="ps-rhetoric-mark"')
    3
    """
    key = key if key is not None else load_key()
    text = key.text
    chosen = [a for a in sorted(key.annotations, key=lambda a: (a.start, -a.end))
              if device is None or (a.device == device and a not in withheld)]
    parts: list[str] = []
    for para in segments.paragraphs(text):
        start, end = para.start, para.end
        pieces: list[str] = []
        pos = start
        for a in chosen:
            if a.start < pos or a.start >= end:
                continue
            pieces.append(escape(text[pos:a.start]))
            pieces.append(withheld_mark_html(a) if a in withheld else mark_html(key, a))
            pos = a.end
        pieces.append(escape(text[pos:end]))
        parts.append("<p>" + "".join(pieces).replace("\n", "<br>") + "</p>")
    return '<div class="ps-rhetoric-text" style="line-height:1.9">' + "".join(parts) + "</div>"


def device_html(key: RhetoricKey | None, name: str, width: int = 80,
                withheld: Collection[Annotation] = ()) -> str:
    """One device of the catalogue: its definition, how to spot it, and every annotated quote of
    that device highlighted in its context, with where it is and our explanation (the
    ``withheld`` ones are counted but not shown)."""
    key = key if key is not None else load_key()
    device = key.device(name)
    found = [a for a in key.annotations_for(name) if a not in withheld]
    kept = len(key.annotations_for(name)) - len(found)
    html = [f'<div class="ps-rhetoric-device"><h4>{escape(device.name)}</h4>',
            f"<p>{escape(device.definition)}</p>"]
    if device.example_hint:
        html.append(f"<p><em>How to spot it:</em> {escape(device.example_hint)}</p>")
    total = len(found) + kept
    count = f"{total} passage{'s' if total != 1 else ''} in the key"
    if kept:
        count += (f"; {kept} of them {'is' if kept == 1 else 'are'} shown once you have "
                  f"answered the tagging question{'s' if kept != 1 else ''} about "
                  f"{'it' if kept == 1 else 'them'}")
    html.append(f'<p class="ps-rhetoric-count"><strong>{count}.</strong></p>')
    if found:
        html.append("<ol>")
        for a in found:
            before, quote, after = in_context(a, key.text, width)
            where = "instruction or signature" if a.point is None else f"point {a.point}"
            html.append(
                f"<li><p>{escape(before)}<mark style=\"background:"
                f"{device_colour(key, name)}33;color:inherit\">{escape(quote)}</mark>"
                f"{escape(after)}</p><p><small><strong>{escape(where)}:</strong> "
                f"{escape(a.explanation)}</small></p></li>"
            )
        html.append("</ol>")
    html.append("</div>")
    return "".join(html)
