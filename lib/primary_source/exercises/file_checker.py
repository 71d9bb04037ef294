"""Check one exercise file: its top level and each exercise's common fields."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from primary_source import yamlload
from primary_source.exercises.loader import NodeReader, did_you_mean, node_kind, node_line
from primary_source.exercises.model import MODEL_ANSWER_AFTER_WORDS, TYPES, Exercise, Problem
from primary_source.exercises.sources import Lazy
from primary_source.exercises.type_checks import TypeChecks

__all__ = ["FIELDS_BY_TYPE", "FileChecker"]

_COMMON = {"id", "section", "type", "prompt", "hint", "points"}
#: The fields that belong to one exercise type (besides the common ones).
FIELDS_BY_TYPE = {
    "choice": {"options", "answer", "feedback"},
    "multi": {"options", "answers", "feedback"},
    "text": {"model_answer", "rubric", "keywords", "model_answer_after_words", "show_model_answer"},
    "order": {"items"},
    "match": {"pairs", "left", "right"},
    "tag": {"quote", "device"},
}
_TOP_LEVEL = {"title", "exercises", "assessed", "description", "model_answer_after_words"}


class FileChecker(TypeChecks, NodeReader):
    """Collects the problems of one exercise file while turning its nodes into exercises."""

    def __init__(self, path: Path, shown: str, quote_texts: Lazy, catalogue: Lazy,
                 skip_missing_quotes: bool = False):
        super().__init__(shown)
        self.path = path
        #: Tag exercises left out because their quote is not in the document (lessons only).
        self.skip_missing_quotes = skip_missing_quotes
        self.skipped: list[tuple[Problem, str | None]] = []  # (why, the exercise's section)
        self._skip_this = False
        self.quote_texts = quote_texts
        self.catalogue = catalogue
        self.loader: Any = None
        self.ids: list[tuple[str, int]] = []
        #: The file's own ``model_answer_after_words`` (its free-text exercises' default).
        self.words_default = MODEL_ANSWER_AFTER_WORDS

    # -- the file
    def check(self) -> tuple[list[Exercise], str]:
        try:
            raw = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problem(1, "file", "no such file")
            return [], ""
        except UnicodeDecodeError as err:
            self.problem(1, "file", f"is not UTF-8 text ({err.reason})")
            return [], ""
        except OSError as err:
            self.problem(1, "file", f"cannot be read ({err.strerror})")
            return [], ""
        self.loader = yamlload.safe_loader()(raw)
        try:
            root = self.loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            what = " ".join(str(s) for s in (err.context, err.problem) if s)
            self.problem(yamlload.error_line(err), "yaml", f"YAML syntax error: {what}")
            return [], ""
        except yaml.YAMLError as err:
            self.problem(1, "yaml", f"YAML syntax error: {err}")
            return [], ""
        finally:
            self.loader.dispose()
        self._check_duplicate_keys(root)
        if root is None:
            self.problem(1, "exercises", "the file is empty; it needs an 'exercises:' list")
            return [], ""
        if not isinstance(root, yaml.MappingNode):
            self.problem(root, "exercises",
                         f"the top level must be a mapping with an 'exercises:' list, "
                         f"not a {node_kind(root)}")
            return [], ""
        top = self.mapping_quiet(root)
        for key, (key_node, _v) in top.items():
            if key not in _TOP_LEVEL:
                self.unknown(key_node, key, _TOP_LEVEL, "at the top level")
        title = ""
        if "title" in top:
            title = self.text(top["title"][1], "title") or ""
        assessed = False
        if "assessed" in top:
            node = top["assessed"][1]
            value = node.value.lower() if isinstance(node, yaml.ScalarNode) else None
            if value in ("true", "yes", "on"):
                assessed = True
            elif value not in ("false", "no", "off"):
                self.problem(node, "assessed", "must be true or false")
        if "model_answer_after_words" in top:
            words = self.word_count(top["model_answer_after_words"][1], "")
            if words is not None:
                self.words_default = words
        if "exercises" not in top:
            self.problem(root, "exercises", "missing: the file needs an 'exercises:' list")
            return [], title
        ex_node = top["exercises"][1]
        if not isinstance(ex_node, yaml.SequenceNode):
            self.problem(ex_node, "exercises",
                         f"must be a list of exercises, not a {node_kind(ex_node)}")
            return [], title
        exercises = []
        for i, node in enumerate(ex_node.value):
            ex = self.exercise(node, i, assessed)
            if ex is not None:
                exercises.append(ex)
        return exercises, title

    def exercise(self, node: yaml.Node, index: int, assessed: bool) -> Exercise | None:
        label = f"exercises[{index}]"
        self._skip_this = False
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, label, f"each exercise must be a mapping, not a {node_kind(node)}")
            return None
        fields = self.mapping_quiet(node)
        before = len(self.problems)

        ex_id = None
        if "id" not in fields:
            self.problem(node, "id", f"missing: {label} needs an id")
        else:
            ex_id = self.text(fields["id"][1], "id")
            if ex_id is not None:
                self.ids.append((ex_id, node_line(node)))
        who = f" (exercise {ex_id})" if ex_id else f" ({label})"

        ex_type = None
        if "type" not in fields:
            self.problem(node, "type", f"missing{who}: one of {', '.join(TYPES)}")
        else:
            ex_type = self.text(fields["type"][1], "type")
            if ex_type is not None and ex_type not in TYPES:
                self.problem(fields["type"][1], "type",
                             f"unknown type {ex_type!r}{who}; use one of {', '.join(TYPES)}"
                             f"{did_you_mean(ex_type, TYPES)}")
                ex_type = None

        prompt = None
        if "prompt" not in fields:
            self.problem(node, "prompt", f"missing{who}: the question the learner reads")
        else:
            prompt = self.text(fields["prompt"][1], "prompt")

        allowed = _COMMON | (FIELDS_BY_TYPE[ex_type] if ex_type else set().union(*FIELDS_BY_TYPE.values()))
        for key, (key_node, _v) in fields.items():
            if key not in allowed:
                kind = f"for a {ex_type} exercise" if ex_type else "in an exercise"
                self.unknown(key_node, key, allowed, kind)

        section = None
        if "section" in fields:
            section = self.text(fields["section"][1], "section")
        hint = None
        if "hint" in fields:
            hint = self.text(fields["hint"][1], "hint")
        points = 1.0
        if "points" in fields:
            pnode = fields["points"][1]
            value = self._construct(pnode)
            if (isinstance(value, bool) or not isinstance(value, (int, float))
                    or not math.isfinite(value) or not value > 0):
                self.problem(pnode, "points", f"must be a finite positive number{who}, not "
                             f"{pnode.value!r}" if isinstance(pnode, yaml.ScalarNode) else
                             f"must be a finite positive number{who}")
            else:
                points = float(value)

        ex = Exercise(id=ex_id or "", type=ex_type or "", prompt=prompt or "",
                      notebook=self.path.stem, section=section, file=self.shown,
                      line=node_line(node), hint=hint, points=points, assessed=assessed)
        if ex_type:
            getattr(self, f"_check_{ex_type}")(ex, node, fields, who, assessed)
        if len(self.problems) > before or not (ex_id and ex_type and prompt):
            return None
        return None if self._skip_this else ex
