"""Which passages of the key stay unlabelled until the learner has tagged them."""

from __future__ import annotations

from collections.abc import Iterable

from primary_source.rhetoric.locating import locate
from primary_source.rhetoric.model import Annotation, RhetoricKey
from primary_source.rhetoric.sentences import tag_units

__all__ = ["withheld_annotations"]


def withheld_annotations(key: RhetoricKey, asked: Iterable[str],
                         tagged: Iterable[str] = (),
                         tagged_spans: Iterable[tuple[int, int]] = ()) -> list[Annotation]:
    """The key's annotations whose label would give away a tagging question not yet answered.

    ``asked`` holds the quotes the tagging exercises ask about, ``tagged`` the quotes of those
    the learner has answered, ``tagged_spans`` the ``(start, end)`` offsets of sentences the
    learner has tagged (in the tagging widget). An annotation is withheld when it lies in the
    sentence of an asked quote that is not answered (a neighbour's label would give the answer
    away), unless that sentence was tagged.

    >>> from primary_source.rhetoric import load_key
    >>> key = load_key()
    >>> [a.device for a in withheld_annotations(key, ["Korea is not alone now"])]
    ['solidarity and promise of help', 'solidarity and promise of help']
    >>> withheld_annotations(key, ["Korea is not alone now"], tagged=["Korea is not alone now"])
    []
    """
    done = {q.strip().casefold() for q in tagged}
    spans = [span for quote in asked if quote.strip().casefold() not in done
             for span in locate(quote, key.text, tolerant=True)]
    sentences = [(u.start, u.end) for u in tag_units(key.text)]
    spans = [(min([s, *[a for a, b in sentences if a < e and b > s]]),
              max([e, *[b for a, b in sentences if a < e and b > s]])) for s, e in spans]
    open_spans = list(tagged_spans)
    out = []
    for a in key.annotations:
        if any(a.start < e and a.end > s for s, e in spans) and \
                not any(s <= a.start and a.end <= e for s, e in open_spans):
            out.append(a)
    return sorted(out, key=lambda a: a.start)
