"""Widgets for the rhetoric lesson: tag sentences against the key, browse devices, read marked."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from primary_source import responses
from primary_source.exercises import ASSESSED_FEEDBACK, ExerciseFormatError, is_assessed, lesson_exercises
from primary_source.notices import needs_rhetoric, notice_html
from primary_source.presentation import PRESENTATION_NOTICE, presenting
from primary_source.rhetoric import (
    NO_DEVICE,
    POINT_LABELS,
    RhetoricKey,
    TagUnit,
    annotated_html,
    annotations_by_unit,
    compare,
    device_html,
    load_key,
    mark_html,
    tag_units,
    withheld_annotations,
)
from primary_source.ui.notes import warning_html

__all__ = ["ALL_DEVICES", "TAG_PREFIX", "annotated_text", "device_catalogue", "tagging_exercise"]

#: The first choice of the annotated-text filter.
ALL_DEVICES = "all devices"
#: Saved tags are learner answers with ids ``rhetoric-tag-s01``, ``rhetoric-tag-s02`` ...
TAG_PREFIX = "rhetoric-tag-"
_NOTEBOOK = "04_rhetoric"
_NO_SENTENCE = "\u2014 choose a sentence \u2014"
_RESULT_WORDS = {
    "match": "Match",
    "different device": "Different device",
    "not in the key": "Not in the key",
}


def _saved_tags(answers: dict, units: list[TagUnit]) -> dict[str, str]:
    """The devices a learner tagged, by sentence id, from their saved ``answers``."""
    ids = {u.id for u in units}
    tags = {}
    for ex_id, entry in answers.items():
        uid = ex_id[len(TAG_PREFIX):] if ex_id.startswith(TAG_PREFIX) else None
        answer = (entry or {}).get("answer")
        if uid in ids and isinstance(answer, str):
            tags[uid] = answer
    return tags


def _withheld(key: RhetoricKey, learner: str | None = None) -> list:
    """The key's passages that a tagging question of the lesson asks about, not yet answered."""
    try:
        asked = [e for e in lesson_exercises(_NOTEBOOK)[0] if e.type == "tag" and e.quote]
    except (ExerciseFormatError, FileNotFoundError):
        return []
    learner = learner or responses.current_learner()
    saved = responses.read_answers(learner).answers
    units = tag_units(key.text)
    tagged = _saved_tags(saved, units)
    return withheld_annotations(key, [e.quote for e in asked],
                                [e.quote for e in asked if e.id in saved],
                                [(u.start, u.end) for u in units if u.id in tagged])


def _comparison_html(key: RhetoricKey, unit: TagUnit, device: str, result: str,
                     annotations: list) -> str:
    word = _RESULT_WORDS[result]
    if result == "match":
        lead = f"the key also tags this sentence as <em>{escape(device)}</em>."
    elif result == "different device":
        lead = f"you chose <em>{escape(device)}</em>; the key reads this sentence differently."
    else:
        lead = (f"you chose <em>{escape(device)}</em>; the key has no annotation in this "
                "sentence, so there is nothing to compare with. Your tag is kept.")
    html = [f'<div class="ps-rhetoric-panel" role="status"><p><strong>{word}</strong>: {lead}</p>']
    if annotations:
        html.append("<p>The key for this sentence:</p><ul>")
        for a in annotations:
            html.append(f"<li><p>{mark_html(key, a)}</p><p><strong>{escape(a.device)}</strong>: "
                        f"{escape(a.explanation)}</p></li>")
        html.append("</ul>")
    html.append("</div>")
    return "".join(html)


def _tags_table_html(table) -> str:
    mine = table[table["your tag"] != ""]
    if mine.empty:
        return "<p><em>You have not tagged any sentence yet.</em></p>"
    head = "".join(f'<th scope="col" style="text-align:left">{escape(c)}</th>'
                   for c in ("Sentence", "Your tag", "The key", "Result"))
    rows = []
    for _, r in mine.iterrows():
        rows.append(
            f'<tr><td>{escape(r["sentence_id"])}: {escape(r["sentence"])}</td>'
            f'<td>{escape(r["your tag"])}</td><td>{escape(r["the key"] or "(none)")}</td>'
            f'<td>{escape(_RESULT_WORDS.get(r["result"], r["result"]))}</td></tr>'
        )
    return ('<table class="ps-rhetoric-tags"><caption>All my tags</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _notice(key: RhetoricKey, what: str) -> list[w.HTML]:
    """A note above a rhetoric widget when the key's annotations are for another record."""
    if key.fits_document:
        return []
    return [w.HTML(notice_html(f"{needs_rhetoric(key.document)} {what}"))]


def _agreement_text(table) -> str:
    matched, tagged = table.attrs["matched"], table.attrs["tagged"]
    noun = "sentence" if tagged == 1 else "sentences"
    return f"Agreement with the key: {matched} of {tagged} tagged {noun}"


def _assessed_table_html(tags: dict[str, str], units: list[TagUnit]) -> str:
    rows = "".join(f"<tr><td>{escape(u.id)}: {escape(u.text)}</td><td>{escape(tags[u.id])}</td>"
                   "</tr>" for u in units if u.id in tags)
    if not rows:
        return "<p><em>You have not tagged any sentence yet.</em></p>"
    return ('<table class="ps-rhetoric-tags"><caption>All my tags</caption><thead><tr>'
            '<th scope="col" style="text-align:left">Sentence</th>'
            '<th scope="col" style="text-align:left">Your tag</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def tagging_exercise(key: RhetoricKey | None = None, learner: str | None = None,
                     save: bool = True, assessed: bool | None = None) -> w.VBox:
    """Tag the telegram's sentences with devices, then compare each tag with the key.

    Controls: a "Sentence" menu, a "Device" menu (the catalogue), a "Compare with the key"
    button, and "Show all my tags". The panel below shows the key's device and explanation for
    the chosen sentence; a line keeps the running agreement
    (``Agreement with the key: 3 of 5 tagged sentences``). Tags are saved as the learner's
    answers (``rhetoric-tag-s01`` ...) through ``primary_source.responses`` when ``save`` is
    true and that module is installed; otherwise they are kept in memory.

    The returned box carries its parts as attributes for scripts and tests: ``sentence``,
    ``device``, ``compare_button``, ``panel``, ``agreement``, ``show_tags``, ``tags_table``,
    ``tags`` (the dict of unit id to device).

    In an assessed copy (``assessed``; by default when lesson 04's exercise file says so) the
    tags are saved but never compared: the learner reads that the teacher will give feedback.
    """
    if assessed is None:
        assessed = is_assessed(_NOTEBOOK)
    key = key if key is not None else load_key()
    units = tag_units(key.text)
    by_id = {u.id: u for u in units}
    in_key = annotations_by_unit(key, units)
    if save and learner is None:
        learner = responses.current_learner()
    loaded = responses.read_answers(learner) if save else responses.Loaded()
    tags: dict[str, str] = _saved_tags(loaded.answers, units)

    # The placeholders have the value "" (not None, which a Dropdown reads as "no selection").
    sentence = w.Dropdown(options=[(_NO_SENTENCE, "")] + [(u.label, u.id) for u in units],
                          value="", description="Sentence", layout=w.Layout(width="46em"))
    device = w.Dropdown(options=[(NO_DEVICE, "")] + [(n, n) for n in key.device_names],
                        value="", description="Device", layout=w.Layout(width="26em"))
    compare_button = w.Button(description="Save my tag" if assessed else "Compare with the key",
                              button_style="primary",
                              tooltip="Save my tag for this sentence" + ("" if assessed else
                                                                         " and show the key"),
                              layout=w.Layout(width="auto"))
    show_tags = w.Button(description="Show all my tags", tooltip="List every sentence I tagged",
                         layout=w.Layout(width="auto"))
    quoted = w.HTML()
    panel = w.HTML()
    agreement = w.HTML()
    tags_table = w.HTML()
    status = w.HTML(warning_html(loaded.notices) if loaded.notices else "")  # file moved aside
    for widget, name in ((quoted, "ps-rhetoric-sentence"), (panel, "ps-rhetoric-key"),
                         (agreement, "ps-rhetoric-agreement"), (tags_table, "ps-rhetoric-table"),
                         (status, "ps-rhetoric-status")):
        widget.add_class(name)

    def table():
        return compare(tags, key, units)

    def refresh_agreement(current=None):
        if assessed:
            if tags_table.value:
                tags_table.value = _assessed_table_html(tags, units)
            return
        current = current if current is not None else table()
        agreement.value = f"<p><strong>{escape(_agreement_text(current))}</strong></p>"
        if tags_table.value:
            tags_table.value = _tags_table_html(current)

    def show_comparison(uid: str) -> None:
        if assessed:
            panel.value = (f'<div class="ps-rhetoric-panel" role="status"><p>Your tag: '
                           f"<em>{escape(tags[uid])}</em>. {escape(ASSESSED_FEEDBACK)}</p></div>")
            return
        current = table()
        row = current[current["sentence_id"] == uid].iloc[0]
        panel.value = _comparison_html(key, by_id[uid], row["your tag"], row["result"],
                                       in_key[uid])
        refresh_agreement(current)

    def on_sentence(change) -> None:
        uid = change["new"]
        status.value = ""
        if not uid:
            quoted.value = ""
            panel.value = "<p><em>Choose a sentence, then a device.</em></p>"
            return
        unit = by_id[uid]
        where = "the instruction" if unit.point is None else POINT_LABELS.get(unit.point)
        quoted.value = (f'<blockquote style="margin:0.5em 0 0.5em 1em">{escape(unit.text)}'
                        f"</blockquote><p><small>Sentence {escape(uid)}, in "
                        f"{escape(str(where))}.</small></p>")
        device.value = tags.get(uid) if tags.get(uid) in key.device_names else ""
        if uid in tags:
            show_comparison(uid)
        else:
            panel.value = ("<p><em>Which device does this sentence use? Choose one, then "
                           f"press {escape(compare_button.description)}.</em></p>")

    def on_compare(_=None) -> None:
        uid, chosen = sentence.value, device.value
        if not uid:
            panel.value = "<p><strong>Choose a sentence first.</strong></p>"
            return
        if not chosen:
            panel.value = "<p><strong>Choose a device first.</strong></p>"
            return
        tags[uid] = chosen
        show_comparison(uid)
        if save:
            row = table()
            result = row[row["sentence_id"] == uid].iloc[0]["result"]
            correct = None if result == "not in the key" or assessed else result == "match"
            try:
                saved = responses.save_answer(
                    TAG_PREFIX + uid, chosen,
                    {"correct": correct, "score": 1.0 if correct else 0.0,
                     "feedback": ASSESSED_FEEDBACK if assessed else _RESULT_WORDS[result]},
                    learner=learner, notebook=_NOTEBOOK)
                status.value = (f"<p><small>{escape(PRESENTATION_NOTICE)}</small></p>"
                                if presenting() else
                                (warning_html(saved.notices) if saved.notices else "")
                                + f"<p><small>Saved for {escape(str(learner))}.</small></p>")
            except (OSError, ValueError) as err:
                status.value = (f"<p><small>Your tag is kept for this session but could not be "
                                f"saved: {escape(str(err))}</small></p>")

    def on_show(_=None) -> None:
        tags_table.value = (_assessed_table_html(tags, units) if assessed
                            else _tags_table_html(table()))

    sentence.observe(on_sentence, names="value")
    compare_button.on_click(on_compare)
    show_tags.on_click(on_show)
    panel.value = "<p><em>Choose a sentence, then a device.</em></p>"
    refresh_agreement()

    box = w.VBox([*_notice(key, "There is no key to compare with: every tag will read \u201cnot "
                                "in the key\u201d. Your tags are still saved for discussion."),
                  sentence, quoted, w.HBox([device, compare_button]), panel, status, agreement,
                  show_tags, tags_table])
    box.add_class("ps-rhetoric-tagging")
    box.sentence, box.device, box.compare_button = sentence, device, compare_button
    box.panel, box.agreement, box.show_tags, box.tags_table = panel, agreement, show_tags, tags_table
    box.tags = tags
    return box


def device_catalogue(key: RhetoricKey | None = None, learner: str | None = None) -> w.VBox:
    """Browse the catalogue: a "Device" menu shows the definition, how to spot the device, and
    every passage of the key that uses it, highlighted in its context (but not the passages the
    lesson's tagging questions ask about, until the learner has answered them).

    The box carries ``device`` (the menu) and ``view`` (the HTML) as attributes.
    """
    key = key if key is not None else load_key()
    withheld = _withheld(key, learner)
    names = key.device_names
    device = w.Dropdown(options=names, value=names[0], description="Device",
                        layout=w.Layout(width="26em"))
    view = w.HTML()
    view.add_class("ps-rhetoric-catalogue")

    def show(_=None) -> None:
        view.value = device_html(key, device.value, withheld=withheld)

    device.observe(show, names="value")
    show()
    box = w.VBox([*_notice(key, "The definitions below still apply; no passages are marked."),
                  device, view])
    box.add_class("ps-rhetoric-device-catalogue")
    box.device, box.view = device, view
    return box


def annotated_text(key: RhetoricKey | None = None, learner: str | None = None) -> w.VBox:
    """The whole body of the document with the key's passages marked.

    Each passage is tinted and underlined in its device's colour and followed by the device's
    name as a superscript, so colour is never the only cue. A "Show" row of toggle buttons
    filters by device. The passages the lesson's tagging questions ask about are marked
    "[tag it first]" without their device until the learner has tagged them; the "Show the
    passages I have tagged" button (``refresh``) updates the marks. The box carries ``show``
    (the toggles), ``view``, ``caption`` and ``refresh``.
    """
    key = key if key is not None else load_key()
    used = [n for n in key.device_names if key.annotations_for(n)]
    show = w.ToggleButtons(options=[ALL_DEVICES, *used], value=ALL_DEVICES, description="Show",
                           tooltips=[f"Mark {o}" for o in [ALL_DEVICES, *used]],
                           style={"button_width": "auto"})
    refresh = w.Button(description="Show the passages I have tagged", icon="refresh",
                       tooltip="Label the passages you have tagged in section 6",
                       layout=w.Layout(width="auto"))
    caption = w.HTML()
    view = w.HTML()
    caption.add_class("ps-rhetoric-caption")
    view.add_class("ps-rhetoric-annotated")
    withheld: list = _withheld(key, learner)

    def draw(_=None) -> None:
        chosen = None if show.value == ALL_DEVICES else show.value
        view.value = annotated_html(key, chosen, withheld=withheld)
        n = len(key.annotations) if chosen is None else \
            len([a for a in key.annotations_for(chosen) if a not in withheld])
        what = "all devices" if chosen is None else chosen
        kept = (f" {len(withheld)} of them, marked \u201c[tag it first]\u201d, are the passages "
                "the tagging questions of section 6 ask about: their device is shown once you "
                "have tagged them there." if withheld else "")
        caption.value = (f"<p><em>Marked: {n} passage{'s' if n != 1 else ''} "
                         f"({escape(what)}).{escape(kept)}</em></p>")

    def update(_=None) -> None:
        withheld[:] = _withheld(key, learner)
        draw()

    show.observe(draw, names="value")
    refresh.on_click(update)
    draw()
    box = w.VBox([*_notice(key, "The text is shown without marks."), show, caption, view,
                  refresh])
    box.add_class("ps-rhetoric-marked-text")
    box.show, box.view, box.caption, box.refresh = show, view, caption, refresh
    return box
