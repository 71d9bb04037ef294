"""The rhetoric key's data: devices, annotations, tag units, the key and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from primary_source.problems import DataFileError, FileProblem

__all__ = ["NO_DEVICE", "POINT_LABELS", "Annotation", "Device", "KeyProblem", "RhetoricKey",
           "RhetoricKeyError", "TagUnit"]


#: The placeholder a learner sees before choosing a device.
NO_DEVICE = "\u2014 choose a device \u2014"

#: Column labels for the parts of the telegram, used by :func:`devices_by_point`.
POINT_LABELS: dict[int | None, str] = {
    None: "instruction and signature",
    1: "point 1",
    2: "point 2",
    3: "point 3",
}



@dataclass(frozen=True)
class Device:
    """One rhetorical device of the catalogue (``devices:`` in ``data/rhetoric.yaml``).

    >>> Device("praise").definition
    ''
    """

    name: str
    definition: str = ""
    example_hint: str = ""
    line: int = 0


@dataclass(frozen=True)
class Annotation:
    """One passage of the key: the quote, its device, our explanation and where it is."""

    id: str
    quote: str
    device: str
    explanation: str
    point: int | None
    start: int
    end: int
    line: int = 0


@dataclass(frozen=True)
class TagUnit:
    """A sentence of the document that a learner can tag, with its offsets into the body."""

    id: str
    text: str
    start: int
    end: int
    point: int | None

    @property
    def label(self) -> str:
        """A short label for a menu: where the sentence is and how it begins."""
        where = POINT_LABELS.get(self.point, f"point {self.point}")
        where = "instruction" if self.point is None else where
        short = self.text if len(self.text) <= 70 else self.text[:67].rstrip() + "\u2026"
        return f"{self.id} ({where}): {short}"


@dataclass
class RhetoricKey:
    """The catalogue and the annotations, checked against the document text."""

    devices: list[Device]
    annotations: list[Annotation]
    text: str
    path: str | None = None
    source: str = ""
    #: The record the annotations were written for (the key's ``document:``), if it says.
    document: str = ""
    #: False when the lessons read another record: the annotations are then left out.
    fits_document: bool = True
    _by_name: dict[str, Device] = field(default_factory=dict, repr=False, init=False)

    def __post_init__(self) -> None:
        self._by_name = {d.name: d for d in self.devices}

    @property
    def device_names(self) -> list[str]:
        """The device names in catalogue order."""
        return [d.name for d in self.devices]

    def device(self, name: str) -> Device:
        """The catalogue entry called ``name`` (``KeyError`` if there is none)."""
        return self._by_name[name]

    def annotations_for(self, device: str) -> list[Annotation]:
        """The annotations of one device, in reading order."""
        return sorted((a for a in self.annotations if a.device == device), key=lambda a: a.start)

    def annotations_between(self, start: int, end: int) -> list[Annotation]:
        """The annotations whose quote lies (at least partly) inside ``text[start:end]``."""
        return sorted(
            (a for a in self.annotations if a.start < end and a.end > start),
            key=lambda a: a.start,
        )


@dataclass(frozen=True)
class KeyProblem(FileProblem):
    """One problem in the key file: where it is and what is wrong."""

    path: str
    line: int
    field: str
    message: str


class RhetoricKeyError(DataFileError):
    """The key file has problems; ``problems`` lists each with file, line and field.

    ``path``, ``line`` and ``field`` repeat the first problem, for convenience.

    >>> print(RhetoricKeyError([KeyProblem("rhetoric.yaml", 9, "device", "not in the catalogue")]))
    rhetoric.yaml:9: device: not in the catalogue
    """

    def __init__(self, problems: list[KeyProblem]):
        self.problems = list(problems)
        first = self.problems[0]
        super().__init__(first.path, first.line, first.field, first.message)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
