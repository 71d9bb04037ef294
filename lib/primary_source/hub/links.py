"""The class link: an nbgitpuller address that copies the lessons into a learner's home."""

from __future__ import annotations

from urllib.parse import urlencode

__all__ = ["class_link", "TARGET_FOLDER", "FIRST_LESSON"]

#: The folder the lessons are copied into, in each learner's home.
TARGET_FOLDER = "primary-source"
#: The lesson the link opens.
FIRST_LESSON = "notebooks/00_start_here.ipynb"


def class_link(hub_url: str, repo: str, branch: str = "main", lesson: str = FIRST_LESSON,
               target: str = TARGET_FOLDER) -> str:
    """The link a teacher hands out: sign in, copy (or update) the lessons, open ``lesson``.

    >>> class_link("http://127.0.0.1:8000", "https://github.com/example/lessons")
    'http://127.0.0.1:8000/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample%2Flessons&branch=main&targetpath=primary-source&urlpath=lab%2Ftree%2Fprimary-source%2Fnotebooks%2F00_start_here.ipynb'
    """
    query = urlencode({"repo": repo, "branch": branch, "targetpath": target,
                       "urlpath": f"lab/tree/{target}/{lesson}"})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"
