"""Check the artifacts `make release` built: a wheel and an sdist that carry the lessons.

Usage: python tools/check_release.py DIST. Every file of data/ and notebooks/ that git tracks
must be in the sdist (which the wheel is built from) and in the wheel under
primary_source/_project/, and both must carry the version of pyproject.toml. Prints what it
checked, or every missing file, and exits 1 when something is missing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ("data", "notebooks")


def lesson_files(root: Path = ROOT) -> list[str]:
    """The files of data/ and notebooks/ under version control, relative to the checkout."""
    out = subprocess.run(["git", "ls-files", *BUNDLED], cwd=root, capture_output=True,
                         text=True, check=True).stdout
    return sorted(line for line in out.splitlines() if line)


def package_files(root: Path = ROOT) -> list[str]:
    """The files of the package that are not Python (templates), as paths inside the wheel."""
    out = subprocess.run(["git", "ls-files", "lib/primary_source"], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    return sorted(line[len("lib/"):] for line in out.splitlines()
                  if line and not line.endswith(".py"))


def pyproject_version(root: Path = ROOT) -> str:
    """The one version number, ``version = "..."`` of pyproject.toml's [project] table."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)


def problems(dist: Path, root: Path = ROOT) -> tuple[list[str], str]:
    """What is missing from the wheel and sdist in ``dist``, and a line saying what was found."""
    version = pyproject_version(root)
    wheels = sorted(dist.glob(f"primary_source-{version}-*.whl"))
    sdists = sorted(dist.glob(f"primary_source-{version}.tar.gz"))
    found = []
    if len(wheels) != 1:
        found.append(f"expected one wheel primary_source-{version}-*.whl in {dist}")
    if len(sdists) != 1:
        found.append(f"expected one sdist primary_source-{version}.tar.gz in {dist}")
    if found:
        return found, ""
    wanted = lesson_files(root)
    with zipfile.ZipFile(wheels[0]) as wheel:
        in_wheel = set(wheel.namelist())
    with tarfile.open(sdists[0]) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for name in wanted:
        if f"primary_source/_project/{name}" not in in_wheel:
            found.append(f"{wheels[0].name}: missing primary_source/_project/{name}")
        if name not in in_sdist:
            found.append(f"{sdists[0].name}: missing {name}")
    for name in package_files(root):  # the templates the package reads (not Python)
        if name not in in_wheel:
            found.append(f"{wheels[0].name}: missing {name}")
    for name in ("CITATION.cff", "CHANGELOG.md", "setup.py", "MANIFEST.in"):
        if name not in in_sdist:
            found.append(f"{sdists[0].name}: missing {name}")
    notebooks = sum(name.endswith(".ipynb") for name in wanted)
    summary = (f"{wheels[0].name} and {sdists[0].name}: {len(wanted)} lesson files inside "
               f"({notebooks} notebooks)")
    return found, summary


def main(argv: list[str]) -> int:
    dist = Path(argv[1] if len(argv) > 1 else ROOT / "dist")
    missing, summary = problems(dist)
    for line in missing:
        print(line, file=sys.stderr)
    if missing:
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
