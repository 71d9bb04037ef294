"""The editor's form for each exercise type: fields to form values (plain text) and back."""

from __future__ import annotations

from primary_source.exercises.file_checker import FIELDS_BY_TYPE

__all__ = ["form_fields", "TYPE_FIELDS", "LIST_FIELDS", "to_form", "from_form", "blank_exercise"]

#: The fields a form shows for every type, then those of each type (in the order written).
COMMON_FIELDS = ("id", "section", "type", "prompt")
TYPE_FIELDS = {
    "choice": ("options", "answer"),
    "multi": ("options", "answers"),
    "text": ("model_answer", "rubric", "keywords"),
    "order": ("items",),
    "match": ("pairs",),
    "tag": ("quote", "device"),
}
TAIL_FIELDS = ("hint", "points")
#: Fields the form edits as one item per line.
LIST_FIELDS = ("options", "answers", "rubric", "items", "pairs")
#: Fields that belong to one type only (as the checker knows them): they go when the type changes.
_ONE_TYPE = set().union(*FIELDS_BY_TYPE.values())
#: The separator between the two sides of a pair, one pair a line.
PAIR = " = "


def form_fields(kind: str) -> tuple[str, ...]:
    """The fields the form for ``kind`` shows, in the order they are written.

    >>> form_fields("order")
    ('id', 'section', 'type', 'prompt', 'items', 'hint', 'points')
    """
    return (*COMMON_FIELDS, *TYPE_FIELDS.get(kind, ()), *TAIL_FIELDS)


def to_form(fields: dict) -> dict[str, str]:
    """An exercise's fields as the form's text boxes (lists one item a line).

    >>> to_form({"type": "match", "pairs": [["APRF", "an archive"]]})["pairs"]
    'APRF = an archive'
    """
    kind = str(fields.get("type") or "choice")
    values: dict[str, str] = {}
    for name in form_fields(kind):
        value = fields.get(name)
        if value is None:
            values[name] = ""
        elif name == "pairs":
            values[name] = "\n".join(PAIR.join(str(x) for x in pair) if isinstance(pair, list)
                                     else str(pair) for pair in value)
        elif name == "keywords":
            values[name] = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        elif isinstance(value, list):
            values[name] = "\n".join(str(v) for v in value)
        elif name == "points":
            values[name] = f"{value:g}" if isinstance(value, (int, float)) else str(value)
        else:
            values[name] = str(value)
    values["type"] = kind
    return values


def _lines(text: str) -> list[str]:
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def _points(text: str):
    text = str(text).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text  # the check names it: points must be a number
    return int(number) if number.is_integer() else number


def from_form(values: dict[str, str]) -> tuple[dict, tuple[str, ...]]:
    """The form's text boxes as exercise fields, and the fields to drop (other types' fields).

    Empty boxes become ``None`` (the field goes). A pair line without " = " is kept whole, so
    that the check can name it.

    >>> fields, drop = from_form({"id": "x", "type": "order", "prompt": "Order them",
    ...                           "items": "first\\nsecond\\n"})
    >>> fields["items"], "answer" in drop
    (['first', 'second'], True)
    """
    kind = values.get("type") or "choice"
    fields: dict = {}
    for name in form_fields(kind):
        raw = values.get(name, "")
        if name == "pairs":
            fields[name] = [[side.strip() for side in line.split(PAIR.strip(), 1)]
                            if PAIR.strip() in line else line for line in _lines(raw)] or None
        elif name == "keywords":
            fields[name] = [w.strip() for w in str(raw).split(",") if w.strip()] or None
        elif name in LIST_FIELDS:
            fields[name] = _lines(raw) or None
        elif name == "points":
            fields[name] = _points(raw)
        else:
            text = str(raw).strip()
            fields[name] = text or None
    fields["type"] = kind
    return fields, tuple(sorted(_ONE_TYPE - FIELDS_BY_TYPE.get(kind, set())))


def blank_exercise(kind: str, number: int, section: str | None) -> dict:
    """The fields of a new exercise of ``kind``: an id to change, the section, an empty prompt.

    >>> blank_exercise("text", 3, "observe")["id"]
    'new-text-3'
    """
    return {"id": f"new-{kind}-{number}", "section": section or "", "type": kind,
            "prompt": ""}
