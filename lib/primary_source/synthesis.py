"""The closing synthesis: a historical question, evidence cards, claim-evidence-reasoning, corroboration."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ANSWER_ID",
    "NOTEBOOK",
    "KINDS",
    "KIND_HEADINGS",
    "KIND_LABELS",
    "ALL_PARTS_PRESENT",
    "QUESTIONS",
    "DEFAULT_QUESTION",
    "CORROBORATION",
    "LIMITS",
    "RUBRIC",
    "TIMELINE_WINDOW",
    "WRITTEN_FOR",
    "Question",
    "Evidence",
    "Argument",
    "Criterion",
    "question_by_id",
    "evidence_cards",
    "evidence_table",
    "document_evidence",
    "provenance_evidence",
    "timeline_evidence",
    "build_argument",
    "argument_from_answer",
    "argument_problems",
    "argument_html",
    "corroboration_table",
    "limits_table",
    "rubric_table",
    "rubric_html",
]

#: The learner answer under which the claim-evidence-reasoning argument is saved.
ANSWER_ID = "05-cer-argument"
#: The lesson that saves it.
NOTEBOOK = "05_synthesis"

#: The three places evidence comes from, in the order they are shown.
KINDS = ("document", "provenance", "timeline")
#: Short names of the kinds, for menus and filters.
KIND_LABELS = {"document": "the document", "provenance": "its provenance",
               "timeline": "the timeline"}
#: Headings of the kinds in the argument preview and the portfolio.
KIND_HEADINGS = {"document": "From the document", "provenance": "From its provenance",
                 "timeline": "From the timeline"}

#: What the check says when an argument has every part it needs.
ALL_PARTS_PRESENT = (
    "Your argument has all its parts: a claim, evidence of more than one kind, and reasoning "
    "that uses the evidence. Now read it as a doubter would: which piece of evidence is the "
    "weakest, and what would you need to make your claim stronger?"
)

_TELEGRAM_RECORD = "Wilson Center Digital Archive, record 110696"


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class Question:
    """A historical question the document can help answer, with advice on how to start."""

    id: str
    text: str
    think: str
    helpful: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The question as shown in a menu."""
        return self.text


#: The questions a learner may argue about; the first is the default.
QUESTIONS: tuple[Question, ...] = (
    Question(
        id="moscow-direct",
        text="How far did Moscow direct North Korea's war in the summer of 1950?",
        think=(
            "\"How far\" asks for a judgement of degree, somewhere between \"not at all\" and "
            "\"completely\". Decide where the evidence puts Moscow, and what kind of direction "
            "it was: orders, advice, supplies, encouragement or permission."
        ),
        helpful=(
            "point 3 of the telegram, where advice on the air force is given and aircraft are "
            "offered",
            "the instruction to pass the message on by word of mouth and unsigned",
            "Shtykov's report of how Kim Il Sung received the message",
            "what Moscow had decided before the war began, and what it asked of China after "
            "Inchon",
        ),
    ),
    Question(
        id="hidden-role",
        text="Why did Moscow keep its part in North Korea's war hidden, and how well did it "
             "succeed?",
        think=(
            "Look for every choice that hides the author: the pseudonym, the spoken message, "
            "the missing signature, the ambassador in between. Then follow the telegram's "
            "journey: when, and how, did the world learn who wrote it?"
        ),
        helpful=(
            "the instruction to the ambassador and the signature \"Feng Xi\"",
            "the people in the record and the names they used",
            "the archival events: memoirs in 1970, archives opening from 1991, the documents "
            "released in 1994",
        ),
    ),
    Question(
        id="kim-morale",
        text="What worried Moscow about North Korea's war at the end of August 1950?",
        think=(
            "A message of encouragement tells you what its writer feared. Ask what point 2 is "
            "answering, and set it beside what was happening at the front in August 1950."
        ),
        helpful=(
            "point 2 of the telegram: \"should not be embarrassed\", \"not alone\"",
            "the battles at the Pusan Perimeter and the Naktong",
            "Shtykov's report that some members of the Political Council were in low spirits",
        ),
    ),
)

#: The question the lesson starts with.
DEFAULT_QUESTION = QUESTIONS[0]


def question_by_id(question_id: str | None) -> Question:
    """A question by its id (the default question for an unknown or empty id).

    >>> question_by_id("kim-morale").id
    'kim-morale'
    >>> question_by_id("no-such-question") is DEFAULT_QUESTION
    True
    """
    for question in QUESTIONS:
        if question.id == question_id:
            return question
    return DEFAULT_QUESTION


# --------------------------------------------------------------------------- evidence cards


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence a learner can use: where it comes from, what it says, its source.

    ``kind`` is ``document`` (a sentence of the telegram), ``provenance`` (a fact about its
    people, journey or related records) or ``timeline`` (a dated event); ``source`` is the
    citation to give with it; ``note`` adds a caution (a contested date) or a reading.
    """

    id: str
    kind: str
    title: str
    text: str
    source: str
    where: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """A one-line label for a menu: the kind, the title and the start of the text."""
        head = {"document": "Document", "provenance": "Provenance",
                "timeline": "Timeline"}.get(self.kind, self.kind.title())
        label = f"{head} · {self.title}"
        return label if len(label) <= 110 else label[:107].rstrip() + "\u2026"


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _slug(text: str, n: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-")
    return slug[:n].rstrip("-") or "item"


def _load_meta(meta: Any = None) -> Any:
    """The curated metadata, or ``None`` when the document has none (or it cannot be read)."""
    if meta is not None:
        return meta
    from primary_source.metadata import MetadataError, load_metadata

    try:
        return load_metadata()
    except (FileNotFoundError, MetadataError, OSError, ValueError):
        return None


def _document_citation(doc: Any, meta: Any, where: str) -> str:
    date = f"{doc.date.day} {doc.date.strftime('%B')} {doc.date.year}" if doc.date else ""
    record = meta.get("record") if meta is not None else None
    archive = (f"Wilson Center Digital Archive, record {record}" if record
               else (doc.url or "").strip())
    parts = [f"\u201c{doc.title}\u201d", date, where]
    text = ", ".join(p for p in parts if p)
    return f"{text} ({archive})" if archive else text


def document_evidence(doc: Any = None, meta: Any = None) -> list[Evidence]:
    """The sentences of the document as evidence cards ``doc-s01``, ``doc-s02`` ...

    The numbering is the one the rhetoric lesson uses for tagging. When the annotated key fits
    the document, each card's ``note`` names the devices the key marks in that sentence.

    >>> document_evidence()[11].title.startswith("point 3")
    True
    """
    from primary_source.record import load_document
    from primary_source.rhetoric import RhetoricKeyError, annotations_by_unit, load_key, tag_units

    doc = doc if doc is not None else load_document()
    units = tag_units(doc)
    try:
        key = load_key(text=doc.body)
        marked = annotations_by_unit(key, units)
    except (RhetoricKeyError, OSError, ValueError):
        marked = {}
    cards = []
    for unit in units:
        where = "the instruction to the ambassador" if unit.point is None else f"point {unit.point}"
        devices = sorted({a.device for a in marked.get(unit.id, [])})
        note = ("Devices our key marks here (lesson 04): " + ", ".join(devices) + "."
                if devices else "")
        short = unit.text if len(unit.text) <= 80 else unit.text[:77].rstrip() + "\u2026"
        cards.append(Evidence(
            id=f"doc-{unit.id}", kind="document", title=f"{where}: \u201c{short}\u201d",
            text=unit.text, source=_document_citation(doc, meta, where), where=where,
            note=note))
    return cards


def provenance_evidence(meta: Any = None) -> list[Evidence]:
    """Facts about the document's journey, its people and its related records, as cards.

    Ids are ``chain-<step>``, ``person-<id>`` and ``related-<id>`` after the metadata ids.
    With no metadata file (another document) the list is empty.
    """
    from primary_source.metadata import date_label

    meta = _load_meta(meta)
    if meta is None:
        return []
    cards: list[Evidence] = []

    def when(item: dict) -> str:
        try:
            return date_label(item["date"], item.get("precision", "day"), item.get("date_latest"))
        except (KeyError, ValueError, TypeError):
            return ""

    for step in meta.chain():
        date = when(step)
        actor = meta.actor_name(step.get("actor", ""))
        text = f"{step['step']} ({date}; {actor}; {step.get('means', '')}). {step['description']}"
        cards.append(Evidence(
            id=f"chain-{step['id']}", kind="provenance", title=f"Journey: {step['step']} ({date})",
            text=" ".join(text.split()), source=meta.cite(step.get("source", "")),
            where="the document's journey", note=" ".join(str(step.get("note") or "").split())))
    for person in meta.people():
        text = f"{person['name']} ({person['role']}): {person['description']}"
        cards.append(Evidence(
            id=f"person-{person['id']}", kind="provenance",
            title=f"Person: {person['name']}, {person['role']}", text=" ".join(text.split()),
            source=meta.cite(person.get("source", "")), where="the people in the record",
            note=" ".join(str(person.get("note") or "").split())))
    for record in meta.related():
        date = when(record)
        reference = str(record.get("archive_reference") or "").strip()
        text = f"{record['title']} ({date}). {record['summary']}"
        if reference and not reference.startswith("not "):
            text += f" Archive reference: {reference}."
        cards.append(Evidence(
            id=f"related-{record['id']}", kind="provenance",
            title=f"Related record: {record['title']} ({date})", text=" ".join(text.split()),
            source=meta.cite(record.get("source", "")), where="a related record",
            note=" ".join(str(record.get("note") or "").split())))
    return cards


#: The stretch of the timeline offered as evidence (plus every archival event).
TIMELINE_WINDOW = ("1949-01-01", "1951-07-31")


def timeline_evidence(events: Any = None, start: str = TIMELINE_WINDOW[0],
                      end: str = TIMELINE_WINDOW[1]) -> list[Evidence]:
    """Dated events from the timeline between ``start`` and ``end``, and every archival event.

    Ids are ``event-<date>-<title>`` so they stay the same when rows are added to the file.
    """
    import pandas as pd

    from primary_source.timeline import format_span, load_events

    events = events if events is not None else load_events()
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    cards: list[Evidence] = []
    seen: set[str] = set()
    for row in events.itertuples(index=False):
        inside = lo <= row.start <= hi
        if not inside and row.category != "archival":
            continue
        date = format_span(row.start, row.end, row.precision)
        stamp = {"year": "%Y", "month": "%Y-%m"}.get(row.precision, "%Y-%m-%d")
        base = f"event-{row.start.strftime(stamp)}-{_slug(row.title)}"
        card_id, n = base, 2
        while card_id in seen:
            card_id, n = f"{base}-{n}", n + 1
        seen.add(card_id)
        note = str(row.note or "").strip()
        cards.append(Evidence(
            id=card_id, kind="timeline", title=f"{date}: {row.title}",
            text=f"{date}: {row.title}. {row.description}", source=str(row.source),
            where=f"the timeline ({row.category})",
            note=f"Note on the date or the sources: {note}" if note else ""))
    return cards


def evidence_cards(doc: Any = None, meta: Any = None, events: Any = None) -> list[Evidence]:
    """Every evidence card, document first, then provenance, then timeline.

    If the document has no metadata file, the cards come from the document and the timeline
    only; nothing is raised.

    >>> cards = evidence_cards()
    >>> sorted({c.kind for c in cards})
    ['document', 'provenance', 'timeline']
    """
    meta = _load_meta(meta)
    return [*document_evidence(doc, meta), *provenance_evidence(meta), *timeline_evidence(events)]


def evidence_table(kind: str | None = None, cards: Sequence[Evidence] | None = None):
    """The evidence cards as a table (for reading, printing or a screen reader).

    Columns: ``id``, ``kind``, ``evidence`` (the full text), ``source``, ``note``. ``kind``
    keeps one kind only (``document``, ``provenance`` or ``timeline``).

    >>> evidence_table("document")["id"].iloc[0]
    'doc-s01'
    """
    import pandas as pd

    cards = list(cards) if cards is not None else evidence_cards()
    rows = [{"id": c.id, "kind": c.kind, "evidence": c.text, "source": c.source, "note": c.note}
            for c in cards if kind is None or c.kind == kind]
    return pd.DataFrame(rows, columns=["id", "kind", "evidence", "source", "note"])


# --------------------------------------------------------------------------- the argument


@dataclass(frozen=True)
class Argument:
    """A learner's claim, the evidence chosen for it, and the reasoning that links them.

    ``unknown`` keeps the ids of evidence that is no longer in the list (so nothing a learner
    chose is dropped in silence).
    """

    claim: str
    evidence: tuple[Evidence, ...]
    reasoning: str
    question: Question = DEFAULT_QUESTION
    unknown: tuple[str, ...] = field(default_factory=tuple)

    @property
    def evidence_ids(self) -> list[str]:
        """The chosen evidence ids, known ones first, in the order chosen."""
        return [e.id for e in self.evidence] + list(self.unknown)

    def kinds(self) -> list[str]:
        """The kinds of evidence used, in the order of :data:`KINDS`."""
        used = {e.kind for e in self.evidence}
        return [k for k in KINDS if k in used]

    def as_answer(self) -> dict[str, Any]:
        """The argument as a JSON-able answer for ``responses.save_answer``."""
        return {"question": self.question.id, "question_text": self.question.text,
                "claim": self.claim, "evidence": self.evidence_ids,
                "reasoning": self.reasoning}


def build_argument(claim: str, evidence_ids: Iterable[str], reasoning: str,
                   question: Question | str | None = None,
                   cards: Sequence[Evidence] | None = None) -> Argument:
    """Put a claim, chosen evidence (by id) and reasoning together.

    ``question`` is a :class:`Question` or a question id (the default question otherwise).
    Ids not among ``cards`` are kept in ``Argument.unknown``; repeated ids count once.

    >>> arg = build_argument("Moscow advised.", ["doc-s12", "chain-reported"], "Point 3 ...")
    >>> arg.kinds()
    ['document', 'provenance']
    """
    cards = list(cards) if cards is not None else evidence_cards()
    by_id = {c.id: c for c in cards}
    chosen: list[Evidence] = []
    unknown: list[str] = []
    for raw in evidence_ids or ():
        ev_id = str(raw)
        if ev_id in by_id:
            if by_id[ev_id] not in chosen:
                chosen.append(by_id[ev_id])
        elif ev_id not in unknown:
            unknown.append(ev_id)
    if not isinstance(question, Question):
        question = question_by_id(question)
    return Argument(claim=str(claim or ""), evidence=tuple(chosen),
                    reasoning=str(reasoning or ""), question=question, unknown=tuple(unknown))


def argument_from_answer(answer: Any, cards: Sequence[Evidence] | None = None) -> Argument:
    """A saved answer (see :meth:`Argument.as_answer`) as an :class:`Argument`.

    Anything that is not a saved argument gives an empty argument, never an error.

    >>> argument_from_answer({"claim": "A claim", "evidence": []}, cards=[]).claim
    'A claim'
    """
    if not isinstance(answer, dict):
        answer = {}
    ids = answer.get("evidence")
    ids = [str(i) for i in ids] if isinstance(ids, list) else []
    text = lambda key: answer.get(key) if isinstance(answer.get(key), str) else ""  # noqa: E731
    return build_argument(text("claim"), ids, text("reasoning"), answer.get("question"), cards)


_GENERIC = frozenset(
    """telegram document evidence source sources shows show shown because therefore think
    thought believe claim reason reasoning point points also would could which there their
    about this that these those from with into what when where while were have been being
    much many more most very really just like""".split()
)
_NUMBERED = re.compile(r"\b(?:e|evidence|card|piece|source)\s*(?:no\.?\s*)?#?\d{1,2}\b", re.I)


def _content_words(text: str) -> set[str]:
    from primary_source.text import DEFAULT_STOPWORDS

    words = set(re.findall(r"[^\W\d_]{4,}", str(text).casefold()))
    return {w for w in words if w not in DEFAULT_STOPWORDS and w not in _GENERIC}


def _refers_to_evidence(argument: Argument) -> bool:
    reasoning = argument.reasoning
    if _NUMBERED.search(reasoning):
        return True
    if any(e.id.casefold() in reasoning.casefold() for e in argument.evidence):
        return True
    mine = _content_words(reasoning) - _content_words(argument.question.text)
    for ev in argument.evidence:
        if mine & _content_words(f"{ev.title} {ev.text}"):
            return True
    return False


def argument_problems(argument: Argument) -> list[str]:
    """Gentle feedback on what the argument still needs, in plain words (never a grade).

    An empty list means every part is there (show :data:`ALL_PARTS_PRESENT`).

    >>> argument_problems(build_argument("", [], "", cards=[]))[0]
    'Write your claim first: one or two sentences that answer the question in your own words.'
    """
    problems: list[str] = []
    if not argument.claim.strip():
        problems.append("Write your claim first: one or two sentences that answer the question "
                        "in your own words.")
    n = len(argument.evidence)
    if n == 0:
        problems.append("Choose some evidence: at least two pieces that support your claim.")
    elif n == 1:
        problems.append("You have chosen one piece of evidence. Add at least one more: a claim "
                        "that rests on a single piece is easy to knock down.")
    if n >= 1 and len(argument.kinds()) == 1:
        only = argument.kinds()[0]
        others = " or ".join(KIND_LABELS[k] for k in KINDS if k != only)
        problems.append(f"All your evidence comes from {KIND_LABELS[only]}. Try adding a piece "
                        f"from {others}: evidence of different kinds makes a claim stronger.")
    if argument.unknown:
        problems.append(f"{len(argument.unknown)} piece(s) of evidence you chose before are no "
                        "longer in the list, so they are left out. Choose again if you need them.")
    if not argument.reasoning.strip():
        problems.append("Write your reasoning: explain how each piece of evidence supports your "
                        "claim.")
    elif argument.evidence and not _refers_to_evidence(argument):
        problems.append("Your reasoning does not seem to mention your evidence yet. Quote a few "
                        "of its words, or refer to it by number (E1, E2 ...), and say how it "
                        "supports the claim.")
    return problems


def _paragraphs(text: str) -> str:
    blocks = [b for b in re.split(r"\n\s*\n", str(text).strip()) if b.strip()]
    return "".join(f'<p dir="auto" style="white-space:pre-wrap">{_e(b)}</p>' for b in blocks)


def argument_html(argument: Argument, heading_level: int = 3) -> str:
    """The argument as one readable block of HTML: question, claim, evidence by kind, reasoning.

    Every piece of learner text and data is escaped. Evidence is numbered E1, E2 ... in the
    order shown, grouped under "From the document", "From its provenance", "From the timeline",
    each with its citation.
    """
    h = f"h{max(1, min(6, heading_level))}"
    h2 = f"h{max(1, min(6, heading_level + 1))}"
    parts = ['<div class="ps-cer-argument">',
             f"<{h}>Question</{h}>", f'<p dir="auto"><em>{_e(argument.question.text)}</em></p>',
             f"<{h}>Claim</{h}>"]
    parts.append(_paragraphs(argument.claim) if argument.claim.strip()
                 else "<p><em>No claim written yet.</em></p>")
    parts.append(f"<{h}>Evidence</{h}>")
    if not argument.evidence:
        parts.append("<p><em>No evidence chosen yet.</em></p>")
    number = 0
    for kind in KINDS:
        group = [e for e in argument.evidence if e.kind == kind]
        if not group:
            continue
        parts.append(f"<{h2}>{_e(KIND_HEADINGS[kind])}</{h2}><ol class=\"ps-cer-evidence\" "
                     f"start=\"{number + 1}\">")
        for ev in group:
            number += 1
            body = (f"<blockquote dir=\"auto\" style=\"margin:0.2em 0 0.2em 1em\">"
                    f"\u201c{_e(ev.text)}\u201d</blockquote>" if kind == "document"
                    else f'<span dir="auto">{_e(ev.text)}</span>')
            where = f" ({_e(ev.where)})" if kind == "document" and ev.where else ""
            parts.append(f"<li><strong>E{number}</strong>{where}: {body}"
                         f"<br><small>Source: <cite>{_e(ev.source)}</cite></small></li>")
        parts.append("</ol>")
    if argument.unknown:
        parts.append(f"<p><small>Left out, no longer in the list: "
                     f"{_e(', '.join(argument.unknown))}</small></p>")
    parts.append(f"<{h}>Reasoning</{h}>")
    parts.append(_paragraphs(argument.reasoning) if argument.reasoning.strip()
                 else "<p><em>No reasoning written yet.</em></p>")
    parts.append("</div>")
    return "".join(parts)


# --------------------------------------------------------------------------- corroboration

#: For each related record of the metadata (by its id): what it would add to the telegram,
#: and what the telegram alone cannot tell us that this record speaks to. Our own words.
CORROBORATION: dict[str, dict[str, str]] = {
    "shtykov-reply-1950-08-31": {
        "would_add": (
            "Confirms that the message arrived and was delivered, and how: Shtykov told Kim, Kim "
            "wrote it down and read it to Pak Hon-yong. It also gives a reaction: Kim was "
            "pleased and wanted to read it to his party's Political Council because some of its "
            "members were in low spirits."
        ),
        "telegram_cannot_tell": (
            "Whether the message reached Kim at all, and how he took it. But this is still "
            "Shtykov's account, written for his superiors in Moscow: it tells us what the "
            "ambassador chose to report, not what Kim thought."
        ),
    },
    "stalin-1950-07-01": {
        "would_add": (
            "An earlier message on the same channel and under the same signature, a week into "
            "the war: Moscow asks about the Korean command's plans, insists that the attack "
            "must go on, and promises ammunition and equipment. "
            "Set beside the telegram of 28 August it shows a pattern of close attention over the "
            "whole summer, not a single piece of advice."
        ),
        "telegram_cannot_tell": (
            "Whether the advice of 28 August was unusual or part of a steady flow of questions, "
            "advice and supplies from Moscow."
        ),
    },
    "kim-thanks-1950-08-31": {
        "would_add": (
            "Kim Il Sung's own words, in a letter of thanks written at the instruction of his "
            "party's Political Council. The Foreign Ministry's covering note of 28 September "
            "also lists Korean requests sent with it, among them training for Korean pilots in "
            "the Soviet Union."
        ),
        "telegram_cannot_tell": (
            "How the Korean leaders answered in their own voice. A formal letter of thanks to a "
            "powerful ally is not a private diary, though: read it for what Kim wanted Stalin "
            "to hear."
        ),
    },
    "kim-pak-1950-09-29": {
        "would_add": (
            "A month later, after the Inchon landing, Kim and Pak describe their losses under "
            "American air and ground attack and ask Stalin for direct military help. It shows "
            "what the promised aid had, and had not, done by the end of September."
        ),
        "telegram_cannot_tell": (
            "What happened next: whether the confidence of 28 August was justified, and how "
            "dependent on Moscow the North Korean leaders felt when the war turned."
        ),
    },
    "stalin-mao-1950-10-01": {
        "would_add": (
            "Stalin's answer to the crisis: he asks the Chinese leaders to send troops as "
            "volunteers, rather than sending Soviet soldiers. It shows how far Moscow was "
            "willing to go itself, and where it stopped."
        ),
        "telegram_cannot_tell": (
            "The limits of Soviet help. The telegram says Korea \"has allies\" without naming "
            "them; this record shows which ally Stalin expected to do the fighting."
        ),
    },
}

#: What the telegram cannot tell us, and where a historian would look next. Our own words.
LIMITS: tuple[dict[str, str], ...] = (
    {
        "id": "kim-reaction",
        "question": "What did Kim Il Sung really think of the message?",
        "why": (
            "The telegram only travels one way. What we know of Kim's reaction comes from "
            "Shtykov's report, an ambassador writing to his own superiors, and from a formal "
            "letter of thanks."
        ),
        "where_to_look": "Shtykov's reply of 31 August 1950; Kim's letter of 31 August 1950.",
        "related": "shtykov-reply-1950-08-31, kim-thanks-1950-08-31",
        "source": "shtykov-1950-08-31",
    },
    {
        "id": "aircraft",
        "question": "Did the assault and fighter aircraft offered in point 3 ever come?",
        "why": (
            "The offer is conditional (\"if it is necessary\") and Moscow decides when it is. A "
            "promise is not a delivery: the telegram cannot show what was sent."
        ),
        "where_to_look": (
            "Soviet military records and studies of the air war: Soviet pilots flying MiG-15s "
            "in secret first fought over the Yalu on 1 November 1950 (Xiaoming Zhang, Red Wings "
            "over the Yalu, 2002)."
        ),
        "related": "kim-pak-1950-09-29",
        "source": "Xiaoming Zhang, Red Wings over the Yalu: China, the Soviet Union, and the "
                  "Air War in Korea (College Station: Texas A&M University Press, 2002).",
    },
    {
        "id": "advice-followed",
        "question": "Did Kim follow the advice to concentrate his air force at the front?",
        "why": (
            "The telegram gives advice; it cannot show what the Korean command did with it. The "
            "North Korean army's own records of the campaign are not open to researchers."
        ),
        "where_to_look": (
            "Military histories of the fighting at the Pusan Perimeter in September 1950, such "
            "as Roy E. Appleman, South to the Naktong, North to the Yalu (1961)."
        ),
        "related": "",
        "source": "Roy E. Appleman, South to the Naktong, North to the Yalu (June-November "
                  "1950), US Army Center of Military History, 1961.",
    },
    {
        "id": "moscow-debates",
        "question": "How was the message decided in Moscow, and who else had a say?",
        "why": (
            "The telegram shows a decision, not how it was reached. It speaks in the name of the "
            "Central Committee, but it does not record any discussion among the Soviet leaders "
            "or with the military."
        ),
        "where_to_look": (
            "Other Kremlin records of the same weeks and studies based on them: Shen Zhihua, "
            "Mao, Stalin and the Korean War (2012); the documents translated in the Cold War "
            "International History Project Bulletin 6-7 (1995/1996)."
        ),
        "related": "stalin-1950-07-01, stalin-mao-1950-10-01",
        "source": "shen-2012",
    },
    {
        "id": "translation",
        "question": "What exactly did the Russian text say?",
        "why": (
            "We read an English translation of a Russian original we have not seen, and we do "
            "not know who translated it. Words such as \"interventionists\" or \"embarrassed\" "
            "are the translator's choices; the editor's [brackets] were added later."
        ),
        "where_to_look": (
            "The Russian text in the Presidential Archive (APRF, fond 45, opis 1, delo 347) or "
            "the Foreign Ministry archive (AVPRF, fond 059a, opis 5a, delo 4); another "
            "translation, if one is published."
        ),
        "related": "",
        "source": "weathersby-1996",
    },
)


def corroboration_table(meta: Any = None):
    """What each related record would add to the telegram, and what the telegram alone cannot
    tell us, one row per record of the metadata's ``related:`` (by reference only).

    Columns: ``id``, ``date``, ``record``, ``reference``, ``would add``,
    ``the telegram alone cannot tell us``. Empty when the document has no metadata file.

    >>> corroboration_table()["id"].iloc[0]
    'shtykov-reply-1950-08-31'
    """
    import pandas as pd

    from primary_source.metadata import date_label

    columns = ["id", "date", "record", "reference", "would add",
               "the telegram alone cannot tell us"]
    meta = _load_meta(meta)
    if meta is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for rec in meta.related():
        ours = CORROBORATION.get(rec["id"], {})
        try:
            date = date_label(rec["date"], rec.get("precision", "day"))
        except (ValueError, TypeError):
            date = str(rec.get("date", ""))
        reference = str(rec.get("archive_reference") or "").strip()
        if rec.get("record"):
            reference = f"Wilson Center Digital Archive, record {rec['record']}; {reference}"
        rows.append({
            "id": rec["id"],
            "date": date,
            "record": " ".join(str(rec["title"]).split()),
            "reference": " ".join(reference.split()),
            "would add": ours.get("would_add") or " ".join(str(rec["summary"]).split()),
            "the telegram alone cannot tell us": ours.get(
                "telegram_cannot_tell",
                "Read it beside the telegram: what does it confirm, add or contradict?"),
        })
    return pd.DataFrame(rows, columns=columns)


#: The record that :data:`LIMITS` and :data:`CORROBORATION` were written for.
WRITTEN_FOR = "feng-xi-1950-08-28"


def limits_table(meta: Any = None, doc_id: str | None = None):
    """The questions the telegram cannot answer on its own, why, and where to look next.

    Columns: ``question``, ``why the telegram cannot tell us``, ``where to look``,
    ``related records`` (metadata ids), ``source`` (the full reference). The notes were written
    for the telegram (:data:`WRITTEN_FOR`): for another record the table is empty.
    """
    import pandas as pd

    from primary_source.paths import document_id

    columns = ["question", "why the telegram cannot tell us", "where to look",
               "related records", "source"]
    if (doc_id or document_id()) != WRITTEN_FOR:
        return pd.DataFrame(columns=columns)
    meta = _load_meta(meta)
    cite = meta.cite if meta is not None else (lambda s: s)
    known = {r["id"] for r in meta.related()} if meta is not None else set()
    rows = []
    for limit in LIMITS:
        related = [r.strip() for r in limit["related"].split(",") if r.strip()]
        rows.append({
            "question": limit["question"],
            "why the telegram cannot tell us": limit["why"],
            "where to look": limit["where_to_look"],
            "related records": ", ".join(r for r in related if r in known),
            "source": " ".join(cite(limit["source"]).split()),
        })
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- the rubric


@dataclass(frozen=True)
class Criterion:
    """One line of the assessment rubric, with what each level looks like."""

    name: str
    looks_for: str
    beginning: str
    developing: str
    secure: str


#: The rubric for the final argument: four criteria, three levels each (no marks, no grade).
RUBRIC: tuple[Criterion, ...] = (
    Criterion(
        name="Claim",
        looks_for="Answers the question asked, with a judgement of degree.",
        beginning="Describes the telegram but does not answer the question.",
        developing="Answers the question, but all or nothing (\"Moscow controlled everything\").",
        secure="Gives a clear, qualified answer (how far, in what ways, and where it stops).",
    ),
    Criterion(
        name="Evidence",
        looks_for="Relevant evidence of more than one kind, quoted or cited accurately.",
        beginning="No evidence, or evidence that does not bear on the claim.",
        developing="Relevant evidence of one kind, or cited without saying where it comes from.",
        secure="Two or more pieces from the document, its provenance and the timeline, each "
               "with its source.",
    ),
    Criterion(
        name="Reasoning",
        looks_for="Explains how each piece of evidence supports the claim.",
        beginning="Lists the evidence without explaining it.",
        developing="Explains some of the evidence, or assumes the telegram tells the whole story.",
        secure="Links every piece to the claim and weighs what the source is: a secret message, "
               "in translation, written to persuade.",
    ),
    Criterion(
        name="Limits and corroboration",
        looks_for="Knows what the telegram cannot tell us and which records would help.",
        beginning="Does not mention any limit of the evidence.",
        developing="Names a limit, without saying how it could be checked.",
        secure="Names what the telegram cannot show and which related record or study would "
               "corroborate or challenge the claim.",
    ),
)


def rubric_table():
    """The rubric as a table: a row per criterion, a column per level."""
    import pandas as pd

    return pd.DataFrame(
        [{"criterion": c.name, "looks for": c.looks_for, "beginning": c.beginning,
          "developing": c.developing, "secure": c.secure} for c in RUBRIC],
        columns=["criterion", "looks for", "beginning", "developing", "secure"])


def rubric_html() -> str:
    """The rubric as an accessible HTML table (caption, column and row headers)."""
    head = "".join(f'<th scope="col">{_e(h)}</th>'
                   for h in ("Criterion", "Looks for", "Beginning", "Developing", "Secure"))
    rows = "".join(
        f'<tr><th scope="row">{_e(c.name)}</th><td>{_e(c.looks_for)}</td>'
        f"<td>{_e(c.beginning)}</td><td>{_e(c.developing)}</td><td>{_e(c.secure)}</td></tr>"
        for c in RUBRIC)
    return (f'<table class="ps-cer-rubric"><caption>How an argument is assessed</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
