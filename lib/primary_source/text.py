"""Close reading helpers: words, sentences, word counts, keyword in context, names and voices."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_STOPWORDS",
    "NAME_VARIANTS",
    "GROUPS",
    "VOICE_MARKERS",
    "Token",
    "tokens",
    "words",
    "sentences",
    "frequencies",
    "kwic",
    "canonical_person",
    "person_mentions",
    "paragraph_units",
    "voices",
    "sentence_kinds",
    "classify_sentence",
    "point_figures",
    "strip_editorial",
    "word_use_figure",
]

# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

#: Apostrophes and hyphens that may join the parts of one word ("People's", "set-backs").
_APOSTROPHES = "'\u2019\u02bc"
_JOINERS = "'\u2019\u02bc\\-\u2010\u2011/"  # inside a character class

#: Abbreviations whose full stop belongs to the word and never ends a sentence.
_ABBREVIATIONS = frozenset(
    """no nos mr mrs ms dr st gen col lt capt maj sgt adm prof rev vol vols p pp cf fig ed eds
    op ch vs approx dept jan feb mar apr jun jul aug sep sept oct nov dec tel ser""".split()
)
#: Abbreviations that keep their full stop only before a number ("No. 75021", "p. 45").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p", "pp"})
#: Abbreviations whose full stop belongs to the word but may also end a sentence.
_FINAL_ABBREVIATIONS = frozenset({"etc", "al"})

_WORD_CORE = rf"[^\W_](?:[^\W_]|[{_JOINERS}](?=[^\W_])|\([^\W_]{{1,3}}\))*"
_DOTTED = r"(?:[^\W\d_]\.){2,}"  # U.S.  U.S.S.R.  e.g.  i.e.
_TOKEN_RE = re.compile(rf"{_DOTTED}|{_WORD_CORE}\.?")


@dataclass(frozen=True)
class Token:
    """One word of a text: as written, with its character offsets."""

    text: str
    start: int
    end: int


def _keeps_stop(word: str, text: str, end: int) -> bool:
    """Whether the full stop after ``word`` is part of the word (an abbreviation or initial)."""
    bare = word.casefold()
    if bare in _NUMBER_ABBREVIATIONS:
        return text[end:].lstrip()[:1].isdigit()
    if bare in _ABBREVIATIONS or bare in _FINAL_ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and word.isupper()  # an initial: "J. V. Stalin"


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (see :func:`words` for what counts as a word).

    >>> [(t.text, t.start) for t in tokens("No. 483/sh")]
    [('No.', 0), ('483/sh', 4)]
    """
    result = []
    for match in _TOKEN_RE.finditer(text):
        word, start, end = match.group(0), match.start(), match.end()
        if word.endswith(".") and not re.fullmatch(_DOTTED, word):
            bare = word[:-1]
            if not _keeps_stop(bare, text, end):
                word, end = bare, end - 1
        result.append(Token(word, start, end))
    return result


def words(text: str) -> list[str]:
    """The words of ``text``, in order, as written.

    A word is a run of letters and digits. Apostrophes, hyphens and slashes inside a word keep it
    whole ("People's", "set-backs", "483/sh"), as does a short bracketed part ("VKP(b)").
    Abbreviations keep their full stop ("No.", "U.S.", "etc."). Dashes between words
    ("form—give") and all other punctuation separate words. Curly apostrophes are kept as written;
    :func:`frequencies` and :func:`kwic` treat them as straight ones.

    >>> words("The CC VKP(b) salutes the People's Army; set-backs—No. 483/sh.")
    ['The', 'CC', 'VKP(b)', 'salutes', 'the', "People's", 'Army', 'set-backs', 'No.', '483/sh']
    """
    return [t.text for t in tokens(text)]


def _fold(word: str) -> str:
    """A word folded for comparison: case-folded, curly apostrophes made straight."""
    for mark in _APOSTROPHES[1:]:
        word = word.replace(mark, "'")
    return word.casefold()


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

_MARKER_RE = re.compile(r"^[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?\d{1,3}[.)][ \t]+", re.MULTILINE)
_END_RE = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s|$)")
_OPENERS = "\"'\u2018\u201c([-\u2013\u2014"


def _blocks(text: str) -> list[str]:
    """Paragraph blocks: split at blank lines and before numbered markers such as ``- 2.``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text):
        parts = re.split(r"\n(?=[ \t]*(?:[-\u2013\u2014\u2022*][ \t]*)?\d{1,3}[.)][ \t]+)", block)
        blocks.extend(p for p in parts if p.strip())
    return blocks


def _strip_marker(block: str) -> tuple[int | None, str]:
    match = _MARKER_RE.match(block)
    if not match:
        return None, block.strip()
    number = int(re.search(r"\d+", match.group(0)).group(0))
    return number, block[match.end():].strip()


def _ends_sentence(text: str, match: re.Match) -> bool:
    """Whether the punctuation ``match`` in ``text`` closes a sentence."""
    before = text[: match.start()]
    word = re.split(r"\s", before)[-1].lstrip(_OPENERS) + match.group(0)
    word = word.rstrip("\"'\u2019\u201d)]")
    if word.endswith(".") and not word.endswith(".."):
        bare = word[:-1]
        if bare.casefold() in _NUMBER_ABBREVIATIONS:
            if text[match.end():].lstrip()[:1].isdigit():
                return False  # "No. 75021", "Copy No. 1"
        elif bare.casefold() in _ABBREVIATIONS:
            return False  # "No. 75021", "Dr. Smith"
        if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", bare):
            return False  # "U.S.", "e.g.": too often inside a sentence to trust
        if len(bare) == 1 and bare.isalpha():
            return False  # an initial ("J. V. Stalin") or a list letter
    following = text[match.end():].lstrip()
    if not following:
        return True
    following = following.lstrip(_OPENERS)
    return bool(following) and not following[0].islower()


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing punctuation, whitespace tidied.

    A blank line always ends a sentence (headings and signatures stand alone), and a numbered
    marker such as ``- 1.`` or ``2)`` at the start of a line is dropped. A full stop does not end
    a sentence after "No.", "Dr.", "U.S.", "e.g." or an initial, nor when the next word starts
    with a small letter (so "tanks, guns, etc. and" stays one sentence).

    >>> sentences("- 1. Telegram No. 75021 to the U.S. office. It went. Copy No. 1")
    ['Telegram No. 75021 to the U.S. office.', 'It went.', 'Copy No. 1']
    """
    result = []
    for block in _blocks(text):
        _, block = _strip_marker(block)
        block = re.sub(r"\s+", " ", block).strip()
        start = 0
        for match in _END_RE.finditer(block):
            if _ends_sentence(block, match):
                piece = block[start: match.end()].strip()
                if piece:
                    result.append(piece)
                start = match.end()
        rest = block[start:].strip()
        if rest:
            result.append(rest)
    return result


# --------------------------------------------------------------------------------------------
# Word counts
# --------------------------------------------------------------------------------------------

#: Common English function words left out of word counts by default. Edit freely: pass
#: ``DEFAULT_STOPWORDS | {"comrade"}`` to add words, or your own set to replace the list.
DEFAULT_STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most much my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up upon very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves may might must shall us been one""".split()
)


def frequencies(text: str, stopwords: Any = DEFAULT_STOPWORDS, top: int | None = None):
    """How often each word occurs, most frequent first.

    Parameters
    ----------
    text : str
        Any text.
    stopwords : set of str or None
        Words to leave out, compared case-folded. The default is :data:`DEFAULT_STOPWORDS`;
        a set you pass replaces it; ``None`` keeps every word.
    top : int, optional
        Keep only the ``top`` most frequent words.

    Returns
    -------
    pandas.DataFrame
        Columns ``word`` (case-folded), ``count`` and ``share`` (the count divided by the number
        of words in the whole text, stop words included, so a share does not change when the
        stop-word list does). Numbers and registry codes without letters are not counted.

    >>> frequencies("Korea, Korea and the war", top=1).to_dict("records")
    [{'word': 'korea', 'count': 2, 'share': 0.4}]
    """
    import pandas as pd

    folded = [_fold(w) for w in words(text) if any(ch.isalpha() for ch in w)]
    stop = {_fold(s) for s in stopwords} if stopwords is not None else set()
    kept = [w for w in folded if w not in stop and w.rstrip(".") not in stop]
    counts = Counter(kept)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if top is not None:
        rows = rows[: max(int(top), 0)]
    total = len(folded)
    table = pd.DataFrame(rows, columns=["word", "count"])
    table["count"] = table["count"].astype(int)
    table["share"] = (table["count"] / total).round(4) if total else 0.0
    return table


# --------------------------------------------------------------------------------------------
# Paragraphs of a document or of a plain text
# --------------------------------------------------------------------------------------------

_BRACKET_RE = re.compile(r"[ \t]*\[[^\[\]\n]*\]")


def strip_editorial(text: str) -> str:
    """``text`` without the translator's ``[bracketed]`` insertions, spacing tidied.

    >>> strip_editorial("Feng Xi [Stalin] wrote.")
    'Feng Xi wrote.'
    """
    text = _BRACKET_RE.sub("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"[ \t]+([,.;:!?)])", r"\1", text).strip()


_PART_LABELS = (
    ("office", "Heading"),
    ("number", "Telegram number and address"),
    ("instruction", "Instruction to the ambassador"),
    ("signature", "Signature"),
    ("footer", "Registry line"),
)


def paragraph_units(source: Any, editorial: bool = True) -> list[dict]:
    """The paragraphs of a ``Document`` or of a plain text, each with a number and a label.

    Parameters
    ----------
    source : Document or str
        A document (its ``paragraphs`` are used) or any text (split at blank lines and numbered
        markers such as ``- 1.``).
    editorial : bool
        Keep the translator's ``[bracketed]`` insertions (default) or leave them out.

    Returns
    -------
    list of dict
        ``{"index", "number", "label", "text"}``; ``number`` is ``None`` outside numbered points.
        Labels are "Point N" for numbered points; for a telegram, the other parts are named
        (heading, instruction, signature, registry line), otherwise "Paragraph N".

    >>> [u["label"] for u in paragraph_units("Opening words.\\n\\n- 1. First point.")]
    ['Paragraph 1', 'Point 1']
    """
    names: dict[str, str] = {}
    if isinstance(source, str):
        pairs = [_strip_marker(block) for block in _blocks(source)]
    else:
        pairs = [(p.number, p.text) for p in source.paragraphs]
        try:
            from primary_source.telegram import parse_telegram

            telegram = parse_telegram(source)
            for attr, label in _PART_LABELS:
                value = getattr(telegram, attr)
                if attr == "number" and value:
                    value = next((t for n, t in pairs if n is None and value in t), None)
                elif attr == "signature" and value:
                    value = next((t for n, t in pairs if n is None and t.startswith(value)), None)
                if value:
                    names.setdefault(value.strip(), label)
        except Exception:  # a record that is not a telegram keeps plain labels
            names = {}
    units = []
    for index, (number, text) in enumerate(pairs):
        if number is not None:
            label = f"Point {number}"
        else:
            label = names.get(text.strip(), f"Paragraph {index + 1}")
        units.append({
            "index": index,
            "number": number,
            "label": label,
            "text": text if editorial else strip_editorial(text),
        })
    return units


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

try:  # the project's shared list of people and spellings
    from primary_source.names import VARIANTS as _SHARED_VARIANTS
    from primary_source.names import canonical as _shared_canonical
except ImportError:  # pragma: no cover - only when names.py is missing
    _SHARED_VARIANTS = None
    _shared_canonical = None

#: Canonical person -> the spellings that name them (shared with :mod:`primary_source.names`).
NAME_VARIANTS: dict[str, tuple[str, ...]] = dict(_SHARED_VARIANTS or {
    "Kim Il Sung": ("Kim Il Sung", "Kim II Sung", "Kim Il-sung", "Kim Ir Sen"),
    "Stalin": ("Stalin", "Feng Xi", "Fyn Si", "Filippov"),
    "Terentii Shtykov": ("Terentii Shtykov", "Shtykov"),
})


def canonical_person(name: str) -> str | None:
    """The one person a spelling names, or ``None`` if it is not a known person.

    >>> canonical_person("Kim II Sung"), canonical_person("Feng Xi"), canonical_person("Korea")
    ('Kim Il Sung', 'Stalin', None)
    """
    cleaned = re.sub(r"\s+", " ", re.sub(r"^comrade\s+", "", name.strip(), flags=re.I))
    if _shared_canonical is not None:
        return _shared_canonical(cleaned)
    for person, spellings in NAME_VARIANTS.items():
        if cleaned.casefold() in {s.casefold() for s in spellings}:
            return person
    return None


def _phrase_pattern(phrases) -> re.Pattern:
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
                    for p in ordered)
    return re.compile(rf"(?<![\w'\u2019])(?:{body})(?!\w)", re.IGNORECASE)


def _mentions(text: str) -> list[tuple[str, str, int, int]]:
    pattern = _phrase_pattern(s for spellings in NAME_VARIANTS.values() for s in spellings)
    found = []
    for match in pattern.finditer(text):
        person = canonical_person(match.group(0))
        if person:
            found.append((person, match.group(0), match.start(), match.end()))
    return found


def person_mentions(doc: Any, editorial: bool = False):
    """Who is named, with every spelling of one person counted together.

    "Kim II Sung", "Kim Il Sung" and "Comrade Kim II Sung" are all Kim Il Sung; "Feng Xi" and
    "Stalin" are both Stalin.

    Parameters
    ----------
    doc : Document or str
    editorial : bool
        Count names inside the translator's ``[brackets]`` too (default: no, only the telegram's
        own words, so the editor's "[Stalin]" after the signature "Feng Xi" is not a mention).

    Returns
    -------
    pandas.DataFrame
        One row per person, most mentioned first: ``person``, ``mentions``, ``spellings``
        (each spelling used and how often, e.g. ``"Kim II Sung ×6"``) and ``paragraphs``
        (the labels of the paragraphs that name them).

    >>> table = person_mentions("Feng Xi greets Kim II Sung. Stalin.")
    >>> table[["person", "mentions"]].values.tolist()
    [['Stalin', 2], ['Kim Il Sung', 1]]
    """
    import pandas as pd

    tally: dict[str, Counter] = {}
    where: dict[str, list[str]] = {}
    order: list[str] = []
    for unit in paragraph_units(doc, editorial=editorial):
        for person, spelling, _, _ in _mentions(unit["text"]):
            if person not in tally:
                tally[person], where[person] = Counter(), []
                order.append(person)
            tally[person][spelling] += 1
            if unit["label"] not in where[person]:
                where[person].append(unit["label"])
    rows = [{
        "person": person,
        "mentions": sum(tally[person].values()),
        "spellings": ", ".join(f"{s} ×{n}" for s, n in tally[person].most_common()),
        "paragraphs": ", ".join(where[person]),
    } for person in order]
    table = pd.DataFrame(rows, columns=["person", "mentions", "spellings", "paragraphs"])
    return table.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Keyword in context
# --------------------------------------------------------------------------------------------

def _keyword_forms(keyword: str, variants: bool) -> list[list[str]]:
    forms = [keyword]
    if variants:
        person = canonical_person(keyword)
        if person:
            forms += list(NAME_VARIANTS.get(person, ()))
    result = []
    for form in forms:
        folded = [_fold(w) for w in words(form)]
        if folded and folded not in result:
            result.append(folded)
    return sorted(result, key=len, reverse=True)


def _chunk_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _chunk_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def kwic(text_or_doc: Any, keyword: str, window: int = 5, variants: bool = False,
         editorial: bool = True):
    """Keyword in context: every occurrence of a word or phrase with the words around it.

    Parameters
    ----------
    text_or_doc : Document or str
    keyword : str
        A word or a phrase ("Korean people"); matched case-insensitively, as whole words.
    window : int
        How many words to show on each side.
    variants : bool
        Also find the other spellings of a person ("Kim Il Sung" finds "Kim II Sung";
        "Stalin" finds "Feng Xi").
    editorial : bool
        Search the translator's ``[bracketed]`` insertions too (default, the text as published).

    Returns
    -------
    pandas.DataFrame
        Columns ``left``, ``keyword`` (as written in the text), ``right`` and ``paragraph``
        (the number of the numbered point, or ``None`` outside the points), plus ``label``
        (e.g. "Point 2" or "Instruction to the ambassador").

    >>> table = kwic("We saw Korea. Then Korea again.", "korea", window=2)
    >>> table[["left", "keyword"]].values.tolist()
    [['We saw', 'Korea'], ['Korea. Then', 'Korea']]
    """
    import pandas as pd

    forms = _keyword_forms(keyword or "", variants)
    window = max(int(window), 0)
    rows = []
    for unit in paragraph_units(text_or_doc, editorial=editorial):
        text = unit["text"]
        toks = tokens(text)
        folded = [_fold(t.text) for t in toks]
        i = 0
        while i < len(toks):
            hit = next((f for f in forms if folded[i: i + len(f)] == f), None)
            if hit is None:
                i += 1
                continue
            j = i + len(hit)
            lo, hi = max(0, i - window), min(len(toks), j + window)
            # widen each side to whole chunks between spaces, so "[Stalin]" keeps its brackets
            left_from = _chunk_start(text, toks[lo].start) if window and i > lo else toks[i].start
            right_to = _chunk_end(text, toks[hi - 1].end) if window and hi > j else toks[j - 1].end
            if right_to == toks[j - 1].end:
                right_to = _chunk_end(text, right_to)
            left = text[left_from: toks[i].start]
            right = text[toks[j - 1].end: right_to]
            rows.append({
                "left": re.sub(r"\s+", " ", left).strip(),
                "keyword": text[toks[i].start: toks[j - 1].end],
                "right": re.sub(r"\s+", " ", right).strip(),
                "paragraph": unit["number"],
                "label": unit["label"],
            })
            i = j
    table = pd.DataFrame(rows, columns=["left", "keyword", "right", "paragraph", "label"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table


# --------------------------------------------------------------------------------------------
# Voices, sentence kinds and the figures of each point
# --------------------------------------------------------------------------------------------

#: Who speaks and who is spoken to or about: column label -> phrases that mark it.
VOICE_MARKERS: dict[str, tuple[str, ...]] = {
    "I/me/my": ("I", "me", "my", "mine"),
    "we/our/us": ("we", "our", "us", "ours"),
    "you/your": ("you", "your", "yours"),
    "Comrade …": ("Comrade", "comrades"),
    "the Russians": ("the Russians", "Russians"),
    "the Korean people": ("the Korean people", "Korean people"),
    "CC VKP(b)": ("CC VKP(b)", "Central Committee"),
}

#: Groups and bodies a text names: label -> phrases (longest phrase wins where they overlap).
GROUPS: dict[str, tuple[str, ...]] = {
    "CC VKP(b)": ("CC VKP(b)", "VKP(b)", "Central Committee"),
    "the Korean people": ("Korean people",),
    "Korean comrades": ("Korean comrades",),
    "Korean People's Army": ("Korean People's Army", "People's Army", "Peoples Army"),
    "Korean air force": ("Korean air force", "air force"),
    "the Russians": ("Russians",),
    "the Americans": ("Americans",),
    "interventionists": ("interventionists",),
    "imperialists": ("imperialists",),
    "enslaved peoples": ("enslaved peoples",),
    "allies": ("allies",),
    "the enemy": ("enemy",),
    "Germany": ("Germany",),
}

_IMPERATIVES = frozenset(
    """advise transmit tell give inform report send pass hand deliver ensure do don't let take
    make keep concentrate explain communicate instruct propose suggest please telegraph confirm
    reply answer convey remember consider bear note read show avoid stop begin continue arrange
    prepare see""".split()
)
_OBLIGATION = (
    "should not", "must not", "should", "must", "ought to", "it is necessary", "is necessary",
    "it is essential", "it is important", "it is desirable", "it is advisable", "need to",
    "needs to", "have to", "has to",
)
_CONDITIONAL_OPENERS = ("if", "unless", "in case", "provided that", "should")


def classify_sentence(sentence: str) -> tuple[str, str]:
    """The kind of a sentence, ``directive``, ``conditional`` or ``declarative``, and why.

    >>> classify_sentence("Advise Comrade Kim not to scatter the air force.")
    ('directive', 'begins with the imperative "Advise"')
    >>> classify_sentence("If it is necessary, we can throw in aircraft.")
    ('conditional', 'begins with "If": an offer or order that holds only on a condition')
    """
    toks = [t.text for t in tokens(sentence)]
    lowered = [_fold(t) for t in toks]
    plain = " ".join(lowered)
    if sentence.rstrip().endswith("?"):
        return "declarative", "a question: no instruction, no condition"
    for opener in _CONDITIONAL_OPENERS:
        n = len(opener.split())
        if lowered[:n] == opener.split() and not (opener == "should" and len(lowered) < 3):
            first = toks[0]
            main = re.split(r"[,\u2014\u2013]|\bthen\b", sentence, maxsplit=1)
            extra = ""
            if len(main) > 1:
                after = [_fold(w) for w in words(main[1])]
                if after and after[0] in _IMPERATIVES:
                    extra = f'; the main clause is the order "{words(main[1])[0]}"'
            return ("conditional",
                    f'begins with "{first}": an offer or order that holds only on a condition'
                    + extra)
    if lowered:
        first = 1 if (lowered[0].endswith("ly") and len(lowered) > 1) else 0
        if lowered[first] in _IMPERATIVES:
            verb = " ".join(toks[: first + 1])
            return "directive", f'begins with the imperative "{verb}"'
    for cue in _OBLIGATION:
        if re.search(rf"(?<![\w']){re.escape(cue)}(?![\w'])", plain):
            return "directive", f'says what must or must not be done ("{cue}")'
    return "declarative", "a statement (or a heading): no imperative, no duty, no condition"


def sentence_kinds(doc: Any, editorial: bool = False):
    """Every sentence with its kind (directive, conditional, declarative) and the reason.

    Parameters
    ----------
    doc : Document or str
    editorial : bool
        Keep the translator's ``[brackets]`` in the sentences (default: leave them out).

    Returns
    -------
    pandas.DataFrame
        Columns ``paragraph`` (number of the point or ``None``), ``label``, ``sentence``,
        ``kind`` and ``reason``.

    >>> sentence_kinds("- 1. Tell him. It rains.")["kind"].tolist()
    ['directive', 'declarative']
    """
    import pandas as pd

    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        for sentence in sentences(unit["text"]):
            kind, reason = classify_sentence(sentence)
            rows.append({"paragraph": unit["number"], "label": unit["label"],
                         "sentence": sentence, "kind": kind, "reason": reason})
    table = pd.DataFrame(rows, columns=["paragraph", "label", "sentence", "kind", "reason"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table


def _count_phrases(text: str, phrases) -> int:
    """How often any of ``phrases`` occurs (case-insensitive; "US" in capitals is not "us")."""
    if not phrases:
        return 0
    return sum(1 for m in _phrase_pattern(phrases).finditer(text) if m.group(0) != "US")


def _groups_named(text: str, groups: dict[str, tuple[str, ...]]) -> list[str]:
    lookup = {_fold(re.sub(r"\s+", " ", p)): label for label, ps in groups.items() for p in ps}
    pattern = _phrase_pattern(lookup)
    found = []
    for match in pattern.finditer(text):
        label = lookup.get(_fold(re.sub(r"\s+", " ", match.group(0))))
        if label and label not in found:
            found.append(label)
    return found


def voices(doc: Any, markers: dict[str, tuple[str, ...]] | None = None,
           editorial: bool = False):
    """Per paragraph: who speaks, who is addressed, and the words that show it.

    Parameters
    ----------
    doc : Document or str
    markers : dict, optional
        Column label -> phrases to count; defaults to :data:`VOICE_MARKERS` (I/me/my, we/our/us,
        you/your, Comrade …, the Russians, the Korean people, CC VKP(b)).
    editorial : bool
        Count inside the translator's ``[brackets]`` too (default: no).

    Returns
    -------
    pandas.DataFrame
        ``paragraph``, ``label``, ``speaker``, ``addressed`` (plain-language readings of the
        markers), then one count column per marker. "I" is matched only as a capital.

    >>> row = voices("- 1. We can help. Tell Comrade Kim.").iloc[0]
    >>> row["speaker"]
    '"we": a collective voice'
    >>> row["addressed"]
    'the reader of the telegram, told what to do; Comrade Kim, spoken of'

    """
    import pandas as pd

    markers = dict(VOICE_MARKERS if markers is None else markers)
    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        text = unit["text"]
        counts = {}
        for label, phrases in markers.items():
            sensitive = [p for p in phrases if p == "I"]
            others = [p for p in phrases if p != "I"]
            counts[label] = (_count_phrases(text, others)
                             + (len(re.findall(r"(?<![\w'])I(?![\w'])", text)) if sensitive else 0))
        speaker = []
        if counts.get("I/me/my"):
            speaker.append('"I": the signer')
        if counts.get("we/our/us"):
            speaker.append('"we": a collective voice')
        if re.match(r"^(?:The\s+)?CC\s+VKP\(b\)", text) or re.search(
                r"[.!?]\s+(?:The\s+)?CC\s+VKP\(b\)\s", text):
            speaker.append("CC VKP(b), speaking of itself in the third person")
        addressed = []
        if counts.get("you/your"):
            addressed.append('"you"')
        kinds = [classify_sentence(s) for s in sentences(text)]
        if any(kind == "directive" and reason.startswith("begins with the imperative")
               for kind, reason in kinds) or any("main clause is the order" in reason
                                                 for _, reason in kinds):
            addressed.append("the reader of the telegram, told what to do")
        comrades = re.findall(r"\b[Cc]omrade\s+((?:[A-Z][\w-]*\s?){1,3})", text)
        for name in comrades:
            name = name.strip()
            who = canonical_person(name) or name
            phrase = f"Comrade {name.split()[0]}" if who == name else f"Comrade {who.split()[0]}"
            entry = f"{phrase}, spoken of"
            if entry not in addressed:
                addressed.append(entry)
        rows.append({"paragraph": unit["number"], "label": unit["label"],
                     "speaker": "; ".join(speaker) or "not marked",
                     "addressed": "; ".join(addressed) or "not marked", **counts})
    columns = ["paragraph", "label", "speaker", "addressed", *markers]
    table = pd.DataFrame(rows, columns=columns)
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table


def point_figures(doc: Any, groups: dict[str, tuple[str, ...]] | None = None,
                  editorial: bool = False):
    """Figures for each numbered point: words, sentences, directives, conditionals, who is named.

    Parameters
    ----------
    doc : Document or str
    groups : dict, optional
        Label -> phrases for the groups and bodies to look for; defaults to :data:`GROUPS`.
    editorial : bool
        Count the translator's ``[bracketed]`` words too (default: no, only the telegram's own).

    Returns
    -------
    pandas.DataFrame
        One row per numbered point: ``point``, ``words``, ``sentences``, ``directives``,
        ``conditionals``, ``people`` (canonical names) and ``groups`` (labels), comma-separated.
        A text without numbered points gives an empty table with these columns.

    >>> table = point_figures("- 1. Tell Kim II Sung. If needed, we help.")
    >>> table[["words", "directives", "conditionals", "people"]].to_dict("records")
    [{'words': 8, 'directives': 1, 'conditionals': 1, 'people': 'Kim Il Sung'}]
    """
    import pandas as pd

    groups = GROUPS if groups is None else groups
    rows = []
    for unit in paragraph_units(doc, editorial=editorial):
        if unit["number"] is None:
            continue
        text = unit["text"]
        kinds = [classify_sentence(s)[0] for s in sentences(text)]
        people = []
        for person, _, _, _ in _mentions(text):
            if person not in people:
                people.append(person)
        rows.append({
            "point": unit["number"],
            "words": len(words(text)),
            "sentences": len(kinds),
            "directives": kinds.count("directive"),
            "conditionals": kinds.count("conditional"),
            "people": ", ".join(people),
            "groups": ", ".join(_groups_named(text, groups)),
        })
    columns = ["point", "words", "sentences", "directives", "conditionals", "people", "groups"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------------------------
# Chart
# --------------------------------------------------------------------------------------------

def word_use_figure(table, title: str | None = None):
    """A horizontal bar chart of a :func:`frequencies` table, most frequent at the top.

    Returns a ``matplotlib.figure.Figure`` (not attached to pyplot, so nothing is shown twice).
    The table itself is the text alternative: show it next to the chart.
    """
    from matplotlib.figure import Figure

    from primary_source.palette import OKABE_ITO

    n = len(table)
    fig = Figure(figsize=(6.4, max(2.0, 0.32 * n + 1.0)), layout="constrained")
    ax = fig.add_subplot()
    labels = list(table["word"])[::-1]
    counts = list(table["count"])[::-1]
    ax.barh(labels, counts, color=OKABE_ITO["blue"])
    for y, value in enumerate(counts):
        ax.text(value, y, f" {value}", va="center", fontsize=9)
    ax.set_xlabel("times used")
    ax.set_xlim(0, (max(counts) if counts else 1) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or f"The {n} most used words", fontsize=11)
    if not n:
        ax.text(0.5, 0.5, "no words to show", transform=ax.transAxes, ha="center")
    return fig
