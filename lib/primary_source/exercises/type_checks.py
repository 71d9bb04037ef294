"""The fields of each exercise type, checked on a ``FileChecker`` (a mixin of its methods)."""

from __future__ import annotations

import yaml

from primary_source.exercises.loader import did_you_mean, node_line, shorten
from primary_source.exercises.model import Problem, same_key

__all__ = ["TypeChecks"]


class TypeChecks:
    """The per-type checks: ``_check_<type>(ex, node, fields, who, assessed)`` fill ``ex``."""

    def _options(self, ex, ex_node, fields, who) -> list[str] | None:
        node = self._required(ex_node, fields, "options", who)
        if node is None:
            return None
        options = self.text_list(node, "options", minimum=2, unique=True)
        if options is not None:
            ex.options = options
        return options

    def _feedback(self, ex, fields, options, who) -> None:
        if "feedback" not in fields:
            return
        node = fields["feedback"][1]
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "feedback", f"must be a mapping from option to text{who}")
            return
        for key_node, value_node in node.value:
            key = self.text(key_node, "feedback")
            value = self.text(value_node, "feedback")
            if key is None or value is None:
                continue
            self._one_of_options(key_node, "feedback", key, options, who)
            ex.feedback[key] = value

    def _one_of_options(self, node, fieldname, value, options, who) -> None:
        """Report ``value`` unless it is one of ``options`` (not checked when those are broken)."""
        if options is not None and value not in options:
            self.problem(node, fieldname, f"{value!r} is not one of the options"
                         f"{who}{did_you_mean(value, options)}")

    def _answer_node(self, ex_node, fields, name, who, assessed) -> yaml.Node | None:
        """The node of the answer field ``name``: required, except in an assessed bank."""
        if assessed and name not in fields:
            return None
        return self._required(ex_node, fields, name, who)

    def _options_and_answer(self, ex, ex_node, fields, who, assessed, name) -> tuple:
        """The options (their feedback checked) and the node of the answer field ``name``."""
        options = self._options(ex, ex_node, fields, who)
        self._feedback(ex, fields, options, who)
        return options, self._answer_node(ex_node, fields, name, who, assessed)

    def _check_choice(self, ex, ex_node, fields, who, assessed) -> None:
        options, node = self._options_and_answer(ex, ex_node, fields, who, assessed, "answer")
        if node is None:
            return
        answer = self.text(node, "answer")
        if answer is not None:
            self._one_of_options(node, "answer", answer, options, who)
        ex.answer = answer

    def _check_multi(self, ex, ex_node, fields, who, assessed) -> None:
        options, node = self._options_and_answer(ex, ex_node, fields, who, assessed, "answers")
        if node is None:
            return
        answers = self.text_list(node, "answers", minimum=1, unique=True)
        if answers is None:
            return
        for item_node, answer in zip(node.value, answers, strict=True):
            self._one_of_options(item_node, "answers", answer, options, who)
        ex.answers = answers

    def _check_text(self, ex, ex_node, fields, who, assessed) -> None:
        if "model_answer" in fields:
            ex.model_answer = self.text(fields["model_answer"][1], "model_answer")
        elif not assessed:
            self.problem(ex_node, "model_answer", f"missing{who}: learners compare with it")
        for name in ("rubric", "keywords"):
            if name in fields:
                value = self.text_list(fields[name][1], name, minimum=1)
                if value is not None:
                    setattr(ex, name, value)
        ex.model_answer_after_words = self.words_default
        if "model_answer_after_words" in fields:
            words = self.word_count(fields["model_answer_after_words"][1], who)
            if words is not None:
                ex.model_answer_after_words = words
        if "show_model_answer" in fields:
            node = fields["show_model_answer"][1]
            value = node.value.lower() if isinstance(node, yaml.ScalarNode) else None
            if value in ("true", "yes", "on", "false", "no", "off"):
                ex.show_model_answer = value in ("true", "yes", "on")
            else:
                self.problem(node, "show_model_answer", f"must be true or false{who}")

    def word_count(self, node, who) -> int | None:
        """A ``model_answer_after_words`` value: a whole number of words, 0 or more."""
        value = self._construct(node)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(node, "model_answer_after_words",
                         f"must be a whole number of words (0 or more){who}")
            return None
        return value

    def _check_order(self, ex, ex_node, fields, who, assessed) -> None:
        node = self._required(ex_node, fields, "items", who)
        if node is not None:
            items = self.text_list(node, "items", minimum=2, unique=True)
            if items is not None:
                ex.items = items

    def _check_match(self, ex, ex_node, fields, who, assessed) -> None:
        if assessed and "pairs" not in fields:
            for name in ("left", "right"):
                node = self._required(ex_node, fields, name, who)
                if node is not None:
                    value = self.text_list(node, name, minimum=2 if name == "left" else 1,
                                           unique=name == "left")
                    if value is not None:
                        setattr(ex, name, value)
            return
        for name in ("left", "right"):
            if name in fields:
                self.problem(fields[name][0], name,
                             f"only a student build uses {name!r}; write 'pairs' instead{who}")
        node = self._required(ex_node, fields, "pairs", who)
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "pairs", f"must be a list of [left, right] pairs{who}")
            return
        pairs = []
        for i, pair_node in enumerate(node.value):
            if not isinstance(pair_node, yaml.SequenceNode) or len(pair_node.value) != 2:
                self.problem(pair_node, "pairs", f"pairs[{i}] must be a list of two items, "
                             f"[left, right]{who}")
                continue
            a = self.text(pair_node.value[0], f"pairs[{i}]")
            b = self.text(pair_node.value[1], f"pairs[{i}]")
            if a is not None and b is not None:
                pairs.append((a, b, pair_node))
        if len(node.value) < 2:
            self.problem(node, "pairs", f"needs at least 2 pairs, found {len(node.value)}{who}")
        # a right-hand item may serve several left items (sorting into "before" / "after"),
        # but each left item is matched once
        seen: set[str] = set()
        for pair in pairs:
            if same_key(pair[0]) in seen:
                self.problem(pair[2], "pairs",
                             f"{pair[0]!r} appears more than once on the left{who}")
            seen.add(same_key(pair[0]))
        ex.pairs = [(a, b) for a, b, _n in pairs]
        ex.left = [a for a, _b in ex.pairs]
        ex.right = [b for _a, b in ex.pairs]

    def _check_tag(self, ex, ex_node, fields, who, assessed) -> None:
        node = self._required(ex_node, fields, "quote", who)
        if node is not None:
            quote = self.text(node, "quote")
            if quote is not None:
                texts, error = self.quote_texts.get()
                if error:
                    self.problem(node, "quote", f"cannot check the quote{who}: {error}")
                elif not any(same_key(quote) in same_key(t) for t in texts):
                    message = (f"{shorten(quote)!r} is not found in the document text{who}; "
                               "copy the words exactly")
                    if self.skip_missing_quotes:
                        self.skipped.append((Problem(self.shown, node_line(node), "quote", message),
                                             ex.section))
                        self._skip_this = True
                    else:
                        self.problem(node, "quote", message)
                ex.quote = quote
        devices, error = self.catalogue.get()
        if error:
            self.problem(ex_node, "device", f"{error}{who}; tag exercises need it")
        node = self._answer_node(ex_node, fields, "device", who, assessed)
        if node is None:
            return
        device = self.text(node, "device")
        if device is not None and not error:
            names = [d.name for d in devices]
            if device.casefold() not in {n.casefold() for n in names}:
                self.problem(node, "device", f"{device!r} is not in the rhetoric catalogue"
                             f"{who}{did_you_mean(device, names)}")
        ex.device = device

