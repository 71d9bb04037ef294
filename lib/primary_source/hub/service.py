"""The hand-in service: a JupyterHub service that receives answers and serves the teacher.

Run by the hub (``python -m primary_source.hub.service``, registered in
``deploy/hub/jupyterhub_config.py``). Every request is identified by the hub: a learner's
server sends its own hub token, the teacher's browser signs in through the hub (OAuth), so
nobody can send or read work under another name.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jinja2 import Environment, PackageLoader, select_autoescape
from tornado import web

from primary_source.exercises import load_with_problems
from primary_source.hub.store import HandinStore, StoreError

__all__ = ["make_app", "main", "teachers_from_env"]

_MAX_BODY = 2 * 1024 * 1024  # one learner's whole work is a few kilobytes


def teachers_from_env(value: str | None) -> set[str]:
    """The teachers' hub names from ``HANDIN_TEACHERS`` (comma or space separated).

    >>> sorted(teachers_from_env("teacher, ms-lee"))
    ['ms-lee', 'teacher']
    """
    return {n for n in (value or "").replace(",", " ").split() if n}


def _template(name: str):
    env = Environment(loader=PackageLoader("primary_source.hub", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    return env.get_template(name)


def make_app(store, teachers: set[str], prefix: str, bank=None):
    """The tornado application of the service (``prefix`` ends with ``/``)."""
    # lazy: jupyterhub is installed only where the class hub runs (requirements-hub.txt); a
    # lessons-only install still imports this module (its doctests, the package walk)
    from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated

    hub_auth = HubOAuth.instance()

    class Base(HubOAuthenticated, web.RequestHandler):
        """Who is calling, as the hub says; nothing else is trusted."""

        def initialize(self):
            self.hub_auth = hub_auth

        async def prepare(self):
            model = await self.hub_auth.get_user(self, sync=False)
            try:
                self.who = self.check_hub_user(model) if model else None
            except Exception:  # noqa: BLE001 - UserNotAllowed: known to the hub, no access
                self.who = None
            self._hub_auth_user_cache = self.who

        def fail(self, status: int, message: str) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"error": message}))

        def need_user(self) -> str | None:
            if not self.who or self.who.get("kind", "user") != "user":
                self.fail(403, "sign in through the class hub")
                return None
            return self.who["name"]

        def need_teacher(self) -> str | None:
            name = self.need_user()
            if name is not None and name not in teachers:
                self.fail(403, "only the teacher may see the class's work")
                return None
            return name

        def need_token(self) -> bool:
            """Changes come with a hub token in the header, never from a browser cookie alone."""
            if not getattr(self, "_token_authenticated", False):
                self.fail(403, "send your hub token in the Authorization header")
                return False
            return True

        def body(self) -> Any:
            if len(self.request.body) > _MAX_BODY:
                raise StoreError("the request is too large")
            try:
                return json.loads(self.request.body or b"null")
            except ValueError:
                raise StoreError("the request is not JSON") from None

        def reply(self, data: Any, status: int = 200) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "application/json")
            self.set_header("Cache-Control", "no-store")
            self.finish(json.dumps(data, ensure_ascii=False))

        def write_error(self, status_code, **kwargs):
            self.reply({"error": self._reason}, status_code)

        def store_from_learner(self, keep, done: dict) -> None:
            """A learner's POST: ``keep(user, body)`` stores it; 201 with ``done``, or 400."""
            user = self.need_user()
            if user is None or not self.need_token():
                return
            try:
                keep(user, self.body())
            except StoreError as err:
                return self.fail(400, str(err))
            self.reply({**done, "learner": user}, 201)

    def keep_answer(user: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise StoreError("send {\"exercise\": ..., \"entry\": {...}}")
        store.add_answer(user, data.get("exercise"), data.get("entry"))

    def keep_handin(user: str, data: Any) -> None:
        store.add_handin(user, (data or {}).get("answers") if isinstance(data, dict) else None)

    class Answer(Base):
        async def post(self):
            self.store_from_learner(keep_answer, {"stored": True})

    class Handin(Base):
        async def post(self):
            self.store_from_learner(keep_handin, {"handed_in": True})

    class Mine(Base):
        async def get(self):
            user = self.need_user()
            if user is not None:
                self.reply({"learner": user, "answers": store.answers(user),
                            "feedback": store.feedback(user)})

    class Feedback(Base):
        async def get(self):
            user = self.need_user()
            if user is not None:
                self.reply({"learner": user, "feedback": store.feedback(user)})

        async def post(self):
            if self.need_teacher() is None or not self.need_token():
                return
            try:
                data = self.body()
                if not isinstance(data, dict):
                    raise StoreError("send {learner: {exercise: comment}}")
                for learner, comments in data.items():
                    if not isinstance(comments, dict):
                        raise StoreError(f"comments for {learner!r} are not an object")
                    store.set_feedback(learner, comments)
            except StoreError as err:
                return self.fail(400, str(err))
            self.reply({"learners": len(data)}, 201)

    class Handins(Base):
        async def get(self):
            if self.need_teacher() is not None:
                self.reply({u: store.answers_file(u) for u in store.users()})

    class ClassData(Base):
        async def get(self):
            if self.need_teacher() is not None:
                names = self.get_argument("names", "") == "1"
                self.reply({"learners": len(store.users()),
                            "handed_in": store.handed_in_count(),
                            "exercises": store.class_view(bank, names=names)})

    class ClassView(Base):
        @web.authenticated
        async def get(self):
            if self.need_teacher() is None:
                return
            names = self.get_argument("names", "") == "1"
            self.set_header("Content-Security-Policy", "default-src 'self'; "
                            "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'")
            self.finish(_template("classview.html").render(
                data_url=f"{prefix}api/class" + ("?names=1" if names else ""),
                xsrf=self.xsrf_token.decode("ascii") if isinstance(self.xsrf_token, bytes)
                else self.xsrf_token,
                names=names, toggle_url=prefix + ("" if names else "?names=1")))

    routes = [
        (prefix + "oauth_callback", HubOAuthCallbackHandler),
        (prefix + "api/answer", Answer),
        (prefix + "api/handin", Handin),
        (prefix + "api/mine", Mine),
        (prefix + "api/feedback", Feedback),
        (prefix + "api/handins", Handins),
        (prefix + "api/class", ClassData),
        (prefix + r"?", ClassView),
    ]
    return web.Application(routes, cookie_secret=os.urandom(32), login_url=hub_auth.login_url)


def main() -> None:
    """Serve on the address the hub gives (``JUPYTERHUB_SERVICE_URL``)."""
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/handin/")
    store = HandinStore(Path(os.environ.get("HANDIN_STORE", "build/hub/handins")))
    try:
        bank = load_with_problems(None)[0]
    except Exception:  # noqa: BLE001 - the class view works without prompts
        bank = None
    app = make_app(store, teachers_from_env(os.environ.get("HANDIN_TEACHERS")), prefix, bank)

    pid_file = os.environ.get("HANDIN_PID_FILE")
    if pid_file:  # so a script that started the hub can stop this process by its id
        Path(pid_file).write_text(str(os.getpid()), encoding="utf-8")

    async def serve() -> None:
        app.listen(url.port or 80, url.hostname or "127.0.0.1")
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):  # the hub stops its services with these
            asyncio.get_running_loop().add_signal_handler(sig, stop.set)
        await stop.wait()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
