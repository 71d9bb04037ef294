"""The exercise editor's logic: round-trip YAML, the form per type, checks and saving."""

from primary_source.authoring.bankfile import BankFile, EditorError, plain, to_yaml
from primary_source.authoring.forms import (
    LIST_FIELDS,
    TYPE_FIELDS,
    blank_exercise,
    form_fields,
    from_form,
    to_form,
)
from primary_source.authoring.saving import backup, check_text, save_text

__all__ = [
    "BankFile", "EditorError", "plain", "to_yaml",
    "TYPE_FIELDS", "LIST_FIELDS", "form_fields", "to_form", "from_form", "blank_exercise",
    "check_text", "save_text", "backup",
]
