"""The instructor's commands: ``primary-source check | student-build | grade | summarize | ...``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from primary_source import paths, yamlload
from primary_source.exercise_bank.loader import squash

__all__ = ["main", "student_build"]

#: What a student copy holds, relative to the project root.
STUDENT_COPY = ["notebooks", "data", "lib", "pyproject.toml", "requirements.txt", "README.md"]
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints",
                               "*.lock", ".pytest_cache")


def _cmd_check(args: argparse.Namespace) -> int:
    try:  # the lesson settings first: they choose the record and the exercise folder
        paths.lesson_settings()
    except paths.LessonSettingsError as err:
        print(err)
        print("1 problem(s) found.", file=sys.stderr)
        return 1
    from primary_source.exercises import load_with_problems

    bank, problems = load_with_problems(args.paths or None)
    problems = [str(p) for p in problems]
    notes = []
    if not args.paths:  # the shipped bank: its tag exercises rely on the rhetoric key too
        from primary_source.rhetoric import validate_key

        key_problems, key = validate_key()
        problems += [str(p) for p in key_problems]
        if key is not None and not key.fits_document:
            notes.append(f"Note: the lessons read {paths.document_id()!r} but the annotations "
                         f"in {paths.rhetoric_path().name} are for {key.document!r}; lesson 04 "
                         "shows the catalogue of devices without marked passages.")
    for p in problems:
        print(p)
    for note in notes:
        print(note)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    extra = "" if args.paths else " and the rhetoric key"
    print(f"{len(bank)} exercises in {len(bank.files)} files{extra}: all valid")
    return 0


def student_build(out: str | Path, force: bool = False) -> Path:
    """Copy the lessons into ``out`` for assessed use, with every answer stripped from the bank.

    The exercise files are marked ``assessed: true`` (widgets then say the teacher will give
    feedback); the invented class in ``data/examples/responses`` is left out, and so are the
    rhetoric key's annotations of the passages that a tag exercise asks about.
    """
    from primary_source.exercises import ExerciseFormatError, load_with_problems, strip_answers

    root = paths.project_root()
    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out} is not empty; choose a new folder or pass --force")
    if out == root or any(out == root / n or root / n in out.parents for n in STUDENT_COPY):
        raise ValueError(f"{out} would overwrite the lessons themselves; choose another folder")
    out.mkdir(parents=True, exist_ok=True)
    for name in STUDENT_COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, out / name, ignore=_SKIP, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, out / name)
    shutil.rmtree(out / "data" / "examples" / "responses", ignore_errors=True)

    tagged: set[str] = set()
    # the folder the lessons read (lesson.yaml may name another one than data/exercises/)
    chosen = paths.exercises_dir().resolve()
    data = paths.data_dir().resolve()
    relative = chosen.relative_to(data) if data in chosen.parents else Path("exercises")
    exercises_out = out / "data" / relative
    folders = {exercises_out, *(d for d in (out / "data").iterdir()
                                if d.is_dir() and d.name.startswith("exercises"))}
    files = sorted(f for folder in folders for f in [*folder.glob("*.yaml"), *folder.glob("*.yml")])
    for f in files:
        data = yamlload.safe_load(f.read_text(encoding="utf-8-sig"))
        for ex in (data or {}).get("exercises") or []:
            if isinstance(ex, dict) and ex.get("type") == "tag" and ex.get("quote"):
                tagged.add(squash(str(ex["quote"])))
        stripped = strip_answers(data)
        header = (f"# Student copy of {f.name}: answers removed for assessed use.\n"
                  "# Your teacher keeps the full version.\n")
        f.write_text(header + yaml.safe_dump(stripped, sort_keys=False, allow_unicode=True,
                                             width=100), encoding="utf-8")
    rhetoric = out / "data" / "rhetoric.yaml"
    if tagged and rhetoric.exists():
        data = yamlload.safe_load(rhetoric.read_text(encoding="utf-8-sig"))
        if isinstance(data, dict) and isinstance(data.get("annotations"), list):
            def asked(annotation) -> bool:
                quote = squash(str(annotation.get("quote", "")))
                return bool(quote) and any(t in quote or quote in t for t in tagged)

            data["annotations"] = [a for a in data["annotations"]
                                   if not (isinstance(a, dict) and asked(a))]
            rhetoric.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                               width=100), encoding="utf-8")
    if exercises_out.exists():  # the student bank must still load (tag quotes that are not in
        # the chosen record are left out by the lessons, so they do not count here)
        bank, problems = load_with_problems([exercises_out], skipped=[])
        if problems:
            raise ExerciseFormatError(problems)
    return out


def _cmd_student_build(args: argparse.Namespace) -> int:
    from primary_source.exercises import ExerciseFormatError

    try:
        out = student_build(args.out, force=args.force)
    except (FileExistsError, ValueError) as err:
        print(f"student-build: {err}", file=sys.stderr)
        if isinstance(err, ExerciseFormatError):
            return 1
        return 2
    print(f"Student copy written to {out} (answers removed, exercises marked assessed).")
    return 0


def _with_hub(args: argparse.Namespace, command: str) -> list | None:
    """The answer files to read: the given paths, plus the hub's hand-ins (``--hub``)."""
    found = list(args.paths)
    if args.hub:
        from primary_source.hub.client import HubClientError, download_handins

        folder = Path(args.handins)
        try:
            download_handins(args.hub, args.token or "", folder)
        except HubClientError as err:
            print(f"{command}: {err}", file=sys.stderr)
            return None
        found.append(folder)
    if not found:
        print(f"{command}: give answer files or folders, or --hub URL --token TOKEN",
              file=sys.stderr)
        return None
    return found


def _cmd_grade(args: argparse.Namespace) -> int:
    from primary_source.responses import ResponsesFileError, grade, write_grades

    found = _with_hub(args, "grade")
    if found is None:
        return 1
    try:
        table = grade(found)
    except ResponsesFileError as err:
        print(f"grade: {err}", file=sys.stderr)
        return 1
    table["comment"] = ""  # for the teacher's comments, sent back by return-feedback
    out = write_grades(table, args.output)
    learners = table["learner"].nunique()
    print(f"Grades for {learners} learner(s) written to {out}")
    return 0


def _cmd_summarize(args: argparse.Namespace) -> int:
    from primary_source.responses import ResponsesFileError, summarize

    found = _with_hub(args, "summarize")
    if found is None:
        return 1
    try:
        written = summarize(found, args.output)
    except ResponsesFileError as err:
        print(f"summarize: {err}", file=sys.stderr)
        return 1
    print(f"Class summary written to {written['summary']} with {len(written['charts'])} "
          f"chart(s) and the table {written['table']}")
    return 0


def _cmd_return_feedback(args: argparse.Namespace) -> int:
    from primary_source.hub.client import HubClientError, feedback_from_csv, send_feedback

    try:
        comments = feedback_from_csv(args.grades)
        sent = send_feedback(args.hub, args.token, comments) if comments else 0
    except (OSError, ValueError, HubClientError) as err:
        print(f"return-feedback: {err}", file=sys.stderr)
        return 1
    print(f"Feedback sent to {sent} learner(s); they see it under each exercise and in "
          "their portfolio.")
    return 0


def _cmd_hub_accounts(args: argparse.Namespace) -> int:
    from primary_source.hub.accounts import add_accounts

    try:
        made = add_accounts(args.file, args.names, "teacher" if args.teacher else "learner")
    except ValueError as err:
        print(f"hub-accounts: {err}", file=sys.stderr)
        return 2
    print(f"Accounts in {args.file}; hand each password out once (only its hash is kept):")
    for name, password in made.items():
        print(f"{name}\t{password}")
    return 0


def _hub_options(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument("--hub", required=required, metavar="URL",
                   help="the class hub (e.g. http://127.0.0.1:8000): read its hand-ins")
    p.add_argument("--token", required=required, help="a teacher's token (hub Token page)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="primary-source",
        description="Tools for teaching with the primary-source notebooks.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="validate the exercise bank; name file, line and field",
                       description="Validate the exercise bank (or the given files and "
                                   "folders) and print every problem as file:line: field: "
                                   "message.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="exercise files or folders (default: data/exercises)")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("student-build", help="copy the lessons without the answers",
                       description="Write a copy of the lessons for assessed use: the exercise "
                                   "files lose their answers, model answers and feedback.")
    p.add_argument("out", metavar="OUT", help="an empty folder for the student copy")
    p.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    p.set_defaults(func=_cmd_student_build)

    p = sub.add_parser("grade", help="turn learners' answer files into a gradebook CSV",
                       description="Read learners' answer files (or folders of them) and write "
                                   "a CSV: a row per learner and exercise, then a TOTAL row.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="answer files or folders")
    p.add_argument("-o", "--output", default="grades.csv", help="the CSV to write")
    _hub_options(p)
    p.add_argument("--handins", default="build/handins", help="where the hub's hand-ins go")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("summarize", help="class table, a chart per exercise and a text summary",
                       description="Summarise a class: class.csv, one PNG chart per exercise "
                                   "and summary.md describing every chart in words.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="answer files or folders")
    p.add_argument("-o", "--output", default="summary", help="the folder to write into")
    _hub_options(p)
    p.add_argument("--handins", default="build/handins", help="where the hub's hand-ins go")
    p.set_defaults(func=_cmd_summarize)

    p = sub.add_parser("return-feedback", help="send the comments of a grades CSV to learners",
                       description="Send the comment column of a grades CSV to each learner "
                                   "through the class hub's hand-in service.")
    p.add_argument("grades", metavar="CSV", help="the grades CSV with a comment column")
    _hub_options(p, required=True)
    p.set_defaults(func=_cmd_return_feedback)

    p = sub.add_parser("hub-accounts", help="add class hub accounts and print their passwords",
                       description="Add (or reset) accounts of the class hub; print each new "
                                   "password once. Only hashes are stored.")
    p.add_argument("names", nargs="+", metavar="NAME", help="user names (lower-case)")
    p.add_argument("--teacher", action="store_true", help="teacher accounts (hub admins)")
    p.add_argument("--file", default="build/hub/accounts.txt", help="the accounts file")
    p.set_defaults(func=_cmd_hub_accounts)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; return the exit status (0 fine, 1 problems found, 2 usage error)."""
    args = _parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
