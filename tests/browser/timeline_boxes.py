"""The timeline chart as the browser drew it: label, bar, marker and line boxes, and their clashes."""

from __future__ import annotations

#: What the shown chart draws, measured in the page: every label's words, box and size in
#: CSS pixels, every bar, marker and piece of the telegram's line, and the widths.
MEASURE = """(root) => {
  const svg = [...root.querySelectorAll('svg')].find(s => getComputedStyle(s).display !== 'none');
  if (!svg) return null;
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, box: box(t), px: parseFloat(t.getAttribute('font-size')) * scale,
    length: parseFloat(t.getAttribute('textLength')) * scale}));
  const marks = [...svg.querySelectorAll('rect.event-period, g.event-marker, line.document-line')]
    .map(e => ({kind: e.getAttribute('class'), box: box(e)}));
  const container = root.closest('.timeline-explorer').getBoundingClientRect().width;
  return {place: svg.getAttribute('class'), labels, marks, width: svg.getBoundingClientRect().width,
          container, font: getComputedStyle(svg.querySelector('text')).fontFamily};
}"""


def overlapping(a, b, tolerance=0.5) -> bool:
    return (a[0] < b[2] - tolerance and b[0] < a[2] - tolerance
            and a[1] < b[3] - tolerance and b[1] < a[3] - tolerance)


def clashes(drawn) -> list[str]:
    labels, found = drawn["labels"], []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if overlapping(a["box"], b["box"]):
                found.append(f"{a['text']!r} over {b['text']!r}")
        for mark in drawn["marks"]:
            if overlapping(a["box"], mark["box"]):
                found.append(f"{mark['kind']} over {a['text']!r}")
    return found
