"""The boxes of what a timeline SVG draws, read back from the SVG itself, and their clashes."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def classes(element) -> list[str]:
    return (element.get("class") or "").split()


def label_boxes(root) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every ``<text>``: its words and its box (left, top, right, bottom) from its attributes.

    The box is as wide as its ``textLength`` (the browser draws it so in any font) and 1.2
    times its size tall, around its middle (``dominant-baseline="central"``).
    """
    boxes = []
    for t in root.iter(f"{SVG}text"):
        assert t.get("text-anchor") == "start" and t.get("textLength"), t.text
        x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
        boxes.append((t.text, (x, y - 0.6 * size, x + float(t.get("textLength")),
                               y + 0.6 * size)))
    return boxes


def mark_boxes(root) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every bar, marker and piece of the telegram's line, with its kind."""
    marks = []
    for r in root.iter(f"{SVG}rect"):
        if "event-period" in classes(r):
            x, y = float(r.get("x")), float(r.get("y"))
            marks.append(("bar", (x, y, x + float(r.get("width")), y + float(r.get("height")))))
    for g in root.iter(f"{SVG}g"):
        if "event-marker" in classes(g):
            shape = g[0]
            if shape.tag == f"{SVG}circle":
                cx, cy, r = (float(shape.get(k)) for k in ("cx", "cy", "r"))
                marks.append(("marker", (cx - r, cy - r, cx + r, cy + r)))
            else:
                points = [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                marks.append(("marker", (min(xs), min(ys), max(xs), max(ys))))
    for line in root.iter(f"{SVG}line"):
        if "document-line" in classes(line):
            half = float(line.get("stroke-width")) / 2
            x = float(line.get("x1"))
            marks.append(("line", (x - half, float(line.get("y1")), x + half,
                                   float(line.get("y2")))))
    return marks


def overlap(a, b) -> bool:
    return a[0] < b[2] - 0.05 and b[0] < a[2] - 0.05 and a[1] < b[3] - 0.05 and b[1] < a[3] - 0.05


def clashes(svg: str) -> list[str]:
    """Every label that another label, a bar, a marker or the line crosses, in words."""
    root = ET.fromstring(svg)
    labels, marks = label_boxes(root), mark_boxes(root)
    found = [f"label {a!r} over label {b!r}" for (a, box_a), (b, box_b)
             in itertools.combinations(labels, 2) if overlap(box_a, box_b)]
    found += [f"{kind} over label {text!r}" for text, box in labels for kind, mark in marks
              if overlap(box, mark)]
    return found
