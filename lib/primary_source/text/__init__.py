"""Close reading helpers: words, sentences, word counts, keyword in context, names and voices."""

from __future__ import annotations

from primary_source.text.concordance import (
    kwic,
)
from primary_source.text.counting import (
    DEFAULT_STOPWORDS,
    frequencies,
    word_use_figure,
)
from primary_source.text.kinds import (
    classify_sentence,
    sentence_kinds,
)
from primary_source.text.lexing import (
    Token,
    tokens,
    words,
)
from primary_source.text.paragraphs import (
    paragraph_units,
    strip_editorial,
)
from primary_source.text.people import (
    NAME_VARIANTS,
    canonical_person,
    person_mentions,
)
from primary_source.text.points import (
    GROUPS,
    point_figures,
)
from primary_source.text.segmenting import (
    sentences,
)
from primary_source.text.speakers import (
    VOICE_MARKERS,
    voices,
)
from primary_source.text.wordchart import (
    word_use_svg,
)

__all__ = [
    "DEFAULT_STOPWORDS",
    "GROUPS",
    "NAME_VARIANTS",
    "Token",
    "VOICE_MARKERS",
    "canonical_person",
    "classify_sentence",
    "frequencies",
    "kwic",
    "paragraph_units",
    "person_mentions",
    "point_figures",
    "sentence_kinds",
    "sentences",
    "strip_editorial",
    "tokens",
    "voices",
    "word_use_figure",
    "word_use_svg",
    "words",
]
