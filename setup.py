"""Packaging hook: the wheel carries a copy of data/ and notebooks/ inside the package.

Everything else is in pyproject.toml. In a checkout (and the editable install `-e .` the
lessons use) the package reads data/ and notebooks/ where they are; a wheel has no
checkout, so the build copies both folders to primary_source/_project/, where
primary_source.paths looks when there is no checkout around the package.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: The folders of the checkout that the installed package needs, and where they go.
BUNDLED = ("data", "notebooks")
BUNDLE = Path("primary_source") / "_project"
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.lock")


class BuildWithLessons(build_py):
    """build_py, then the lesson data and notebooks copied into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # `-e .` reads the checkout itself
            return
        here = Path(__file__).resolve().parent
        for name in BUNDLED:
            source = here / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; the wheel needs it")
            target = Path(self.build_lib) / BUNDLE / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithLessons})
