"""The instructor's commands: ``primary-source check | student-build | handouts | grade | ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import primary_source
from primary_source import paths
from primary_source.classroom import answer_files, grade_class, summarize, write_grades
from primary_source.exercises import ExerciseFormatError, load_with_problems, position_warnings
from primary_source.hub.accounts import add_accounts
from primary_source.hub.client import (
    HubClientError,
    download_handins,
    feedback_from_csv,
    send_feedback,
)
from primary_source.related import RelatedRecordsError, load_related
from primary_source.responses import FORMAT, ResponsesFileError
from primary_source.rhetoric import validate_key
from primary_source.student_build import STUDENT_COPY, student_build

__all__ = ["STUDENT_COPY", "main", "student_build"]


def _cmd_check(args: argparse.Namespace) -> int:
    try:  # the lesson settings first: they choose the record and the exercise folder
        paths.lesson_settings()
    except paths.LessonSettingsError as err:
        print(err)
        print("1 problem(s) found.", file=sys.stderr)
        return 1
    bank, problems = load_with_problems(args.paths or None)
    problems = [str(p) for p in problems]
    notes: list[str] = []
    if not args.paths:  # the shipped bank: its tag exercises rely on the rhetoric key too
        key_problems, key = validate_key()
        problems += [str(p) for p in key_problems]
        problems += _related_problems()
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
    for warning in position_warnings(bank):  # once the bank is valid: where answers stand
        print(warning)
    extra = "" if args.paths else " and the rhetoric key"
    print(f"{len(bank)} exercises in {len(bank.files)} files{extra}: all valid")
    return 0


def _related_problems() -> list[str]:
    """The related-record cards, when the data has them: [] or the one problem found."""
    if not paths.related_path().exists():
        return []
    try:
        load_related()
    except RelatedRecordsError as err:
        return [str(err)]
    return []


def _cmd_student_build(args: argparse.Namespace) -> int:
    left_out: list[str] = []
    try:
        out = student_build(args.out, force=args.force, left_out=left_out)
    except ExerciseFormatError as err:
        for p in err.problems:
            print(p, file=sys.stderr)
        print(f"student-build: {len(err.problems)} problem(s) found in the teacher's files; "
              "fix them (see `primary-source check`) and build again. Nothing was written.",
              file=sys.stderr)
        return 1
    except (FileExistsError, ValueError, OSError) as err:
        print(f"student-build: {err}", file=sys.stderr)
        return 2
    for line in left_out:
        print(f"student-build: {line}", file=sys.stderr)
    print(f"Student copy written to {out} (answers removed, exercises marked assessed).")
    return 0


def _with_hub(args: argparse.Namespace, command: str) -> list | None:
    """The answer files to read: the given paths, plus the hub's hand-ins (``--hub``)."""
    found = list(args.paths)
    if args.hub:
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


def _is_answers_file(path: Path) -> bool:
    """Whether ``path`` is an existing learner's answers file (judged by its content)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return FORMAT.encode() in head


def _class_report(command: str, paths_in: list[str]):
    """Grade the class, printing every file left out and every note; ``None`` if no files."""
    try:
        report = grade_class(paths_in)
    except ResponsesFileError as err:
        print(f"{command}: {err}", file=sys.stderr)
        return None
    for err in report.skipped:
        print(f"{command}: skipped {err}", file=sys.stderr)
    for note in report.notes:
        print(f"{command}: note: {note}", file=sys.stderr)
    return report


def _cmd_grade(args: argparse.Namespace) -> int:
    found = _with_hub(args, "grade")
    if found is None:
        return 1
    target = Path(args.output).resolve()
    try:
        inputs = {f.resolve() for f in answer_files(found)}
    except ResponsesFileError as err:
        print(f"grade: {err}", file=sys.stderr)
        return 1
    if target in inputs or target.is_dir() or _is_answers_file(target):
        print(f"grade: will not write the grades over {args.output}: it is an answers file or "
              "an input; choose another name with -o", file=sys.stderr)
        return 2
    report = _class_report("grade", found)
    if report is None:
        return 1
    table = report.table.copy()
    table["comment"] = ""  # for the teacher's comments, sent back by return-feedback
    out = write_grades(table, args.output)
    learners = table["learner"].nunique()
    print(f"Grades for {learners} learner(s) written to {out}")
    if report.skipped:
        print(f"grade: {len(report.skipped)} file(s) skipped; fix or remove them and grade "
              "again", file=sys.stderr)
        return 1
    return 0


def _cmd_summarize(args: argparse.Namespace) -> int:
    found = _with_hub(args, "summarize")
    if found is None:
        return 1
    report = _class_report("summarize", found)
    if report is None:
        return 1
    written = summarize(found, args.output, report=report)
    print(f"Class summary written to {written['summary']} with {len(written['charts'])} "
          f"chart(s) and the table {written['table']}")
    if report.skipped:
        print(f"summarize: {len(report.skipped)} file(s) skipped", file=sys.stderr)
        return 1
    return 0


def _cmd_handouts(args: argparse.Namespace) -> int:
    # lazy: the handouts load pandas and jinja2 (~300 ms at import, measured); `primary-source
    # check` and the other commands need neither
    from primary_source.handouts import write_handouts

    try:
        written = write_handouts(args.out, pdf=False if args.no_pdf else None, paper=args.paper)
    except ExerciseFormatError as err:
        print(f"handouts: {err}", file=sys.stderr)
        return 1
    except RuntimeError as err:
        print(f"handouts: {err}", file=sys.stderr)
        return 1
    pdfs = sum(p.suffix == ".pdf" for p in written)
    extra = f" and {pdfs} PDFs ({args.paper})" if pdfs else " (no Chromium here: no PDFs)"
    print(f"{len(written) - pdfs} handouts and keys written to {args.out}{extra}")
    return 0


def _cmd_return_feedback(args: argparse.Namespace) -> int:
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


def _class_options(p: argparse.ArgumentParser, output: str, output_help: str) -> None:
    """What grade and summarize read (answer files or folders, or the hub's hand-ins) and write."""
    p.add_argument("paths", nargs="*", metavar="PATH", help="answer files or folders")
    p.add_argument("-o", "--output", default=output, help=output_help)
    _hub_options(p)
    p.add_argument("--handins", default="build/handins", help="where the hub's hand-ins go")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="primary-source",
        description="Tools for teaching with the primary-source notebooks.")
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {primary_source.__version__}")
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

    p = sub.add_parser("handouts", help="print-ready handouts and teacher's keys per lesson",
                       description="Write <lesson>.html (student) and <lesson>-key.html (answers, "
                                   "model answers, rubrics) for every lesson, and PDFs of both "
                                   "where Chromium is installed.")
    p.add_argument("out", nargs="?", default="build/handouts", metavar="OUT",
                   help="the folder to write into (default: build/handouts)")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4", help="PDF paper size")
    p.add_argument("--no-pdf", action="store_true", help="HTML only, even with Chromium")
    p.set_defaults(func=_cmd_handouts)

    p = sub.add_parser("grade", help="turn learners' answer files into a gradebook CSV",
                       description="Read learners' answer files (or folders of them) and write "
                                   "a CSV: a row per learner and exercise, then a TOTAL row.")
    _class_options(p, output="grades.csv", output_help="the CSV to write")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("summarize", help="class table, a chart per exercise and a text summary",
                       description="Summarise a class: class.csv, one PNG chart per exercise "
                                   "and summary.md describing every chart in words.")
    _class_options(p, output="summary", output_help="the folder to write into")
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
