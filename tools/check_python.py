"""Stop `make` early, with a plain message, when Python is too old for the lessons.

Written to run on any Python 3, so that even an old interpreter can explain itself.
"""
import sys

MINIMUM = (3, 10)


def problem(version_info, executable="python3"):
    """The message to show for this interpreter, or None when it is new enough."""
    if tuple(version_info[:2]) >= MINIMUM:
        return None
    return (
        "This project needs Python {0}.{1} or newer, but {2} is Python {3}.{4}.\n"  # noqa: UP030, UP032 - runs on any old Python to say it is too old
        "Install a newer Python (from python.org or your package manager) and run again,\n"
        "for example:  make lab PYTHON=python3.11".format(
            MINIMUM[0], MINIMUM[1], executable, version_info[0], version_info[1])
    )


if __name__ == "__main__":
    message = problem(sys.version_info, sys.argv[1] if len(sys.argv) > 1 else sys.executable)
    if message:
        sys.stderr.write("\n" + message + "\n\n")
        sys.exit(1)
