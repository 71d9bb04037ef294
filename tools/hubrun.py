"""Drive a class hub from a script (tests/hub and tools/hub_bench.py): start it, add learners,
start their servers, hand out the lessons by link, run code in a learner's own kernel, stop it.

Everything binds 127.0.0.1; every process started is stopped by its process id.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote, urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from primary_source.hub.accounts import add_accounts

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "hub" / "jupyterhub_config.py"
AsyncHTTPClient.configure(None, max_clients=64)


def free_port_block() -> int:
    """A port P such that P, P+1, P+81 and P+91 are free on loopback."""
    for _ in range(50):
        base = 20000 + secrets.randbelow(30000)
        ok = True
        for p in (base, base + 1, base + 81, base + 91):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
        if ok:
            return base
    raise RuntimeError("no free ports on loopback")


class Hub:
    """A JupyterHub run from deploy/hub/jupyterhub_config.py with its state in ``state``."""

    def __init__(self, state: Path, teacher: str = "teacher", learners: tuple[str, ...] = ()):
        self.state = Path(state)
        self.port = free_port_block()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(32)
        self.teacher = teacher
        self.learners = list(learners)
        self.passwords: dict[str, str] = {}
        self.proc: subprocess.Popen | None = None
        self.server_pids: dict[str, int] = {}
        self.log = self.state / "hub.log"

    # ------------------------------------------------------------ life
    def start(self, timeout: float = 90) -> None:
        """Start the hub and wait for it and its service; on failure stop what was started."""
        try:
            self._start(timeout)
        except BaseException:
            self.stop()
            raise

    def _start(self, timeout: float) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        self.passwords.update(add_accounts(self.state / "accounts.txt", [self.teacher],
                                           role="teacher"))
        if self.learners:
            self.passwords.update(add_accounts(self.state / "accounts.txt", self.learners))
        env = dict(os.environ, PRIMARY_SOURCE_HUB_DIR=str(self.state),
                   PRIMARY_SOURCE_HUB_PORT=str(self.port),
                   PRIMARY_SOURCE_HUB_ADMIN_TOKEN=self.token)
        env.pop("PRIMARY_SOURCE_RESPONSES", None)
        hub = Path(sys.executable).parent / "jupyterhub"
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([str(hub), "-f", str(CONFIG)], cwd=self.state, env=env,
                                         stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub stopped at once; see {self.log}:\n{self.tail()}")
            try:
                if self._ready():
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer in {timeout} s:\n{self.tail()}")

    def _ready(self) -> bool:
        """The service answers through the proxy (and refuses a request without a token).

        Plain urllib, no event loop: a caller may already run one (Playwright's sync API).
        """
        try:
            urllib.request.urlopen(self.url + "/services/handin/api/mine", timeout=5)
        except urllib.error.HTTPError as err:
            return err.code == 403
        return False

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the hub (which stops servers, the service and the proxy), then make sure."""
        pids = dict(self.server_pids)
        for name in ("handin.pid", "proxy.pid"):
            try:
                pids[name] = int((self.state / name).read_text().strip())
            except (OSError, ValueError):
                pass
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        for pid in pids.values():  # each was started in a session of its own
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(pid, sig)
                except (ProcessLookupError, PermissionError):
                    break
                time.sleep(0.5)

    # ------------------------------------------------------------ REST
    async def api(self, method: str, path: str, body=None, token: str | None = None,
                  raw: bool = False, timeout: float = 60, headers: dict | None = None):
        hdrs = {"Authorization": f"token {token or self.token}"} if token != "" else {}
        hdrs.update(headers or {})
        req = HTTPRequest(self.url + path, method=method, headers=hdrs,
                          body=None if method in ("GET", "DELETE") else
                          json.dumps(body if body is not None else {}),
                          request_timeout=timeout, follow_redirects=False)
        resp = await AsyncHTTPClient().fetch(req, raise_error=not raw)
        if raw:
            return resp
        return json.loads(resp.body) if resp.body else None

    async def add_user(self, name: str) -> str:
        """Create the user (if new) and a token of theirs; return the token."""
        try:
            await self.api("POST", f"/hub/api/users/{name}")
        except Exception as err:  # noqa: BLE001 - 409: already there
            if getattr(err, "code", None) != 409:
                raise
        made = await self.api("POST", f"/hub/api/users/{name}/tokens",
                              {"note": "script", "expires_in": 7200})
        return made["token"]

    async def start_server(self, name: str, timeout: float = 180) -> float:
        """Start a learner's server; return the seconds until it is ready."""
        t0 = time.monotonic()
        resp = await self.api("POST", f"/hub/api/users/{name}/server", raw=True)
        if resp.code not in (201, 202, 400):
            raise RuntimeError(f"starting {name}'s server: HTTP {resp.code} {resp.body[:200]}")
        while time.monotonic() - t0 < timeout:
            model = await self.api("GET", f"/hub/api/users/{name}")
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                pid = (server.get("state") or {}).get("pid")
                if pid:
                    self.server_pids[name] = int(pid)
                return time.monotonic() - t0
            await asyncio.sleep(0.3)
        raise RuntimeError(f"{name}'s server was not ready in {timeout} s")

    # ------------------------------------------------------------ in a learner's server
    async def pull(self, name: str, token: str, repo: str, branch: str,
                   target: str = "primary-source") -> None:
        """What the class link does: nbgitpuller copies the lessons into the learner's home."""
        query = urlencode({"repo": repo, "branch": branch, "targetpath": target})
        resp = await self.api("GET", f"/user/{name}/git-pull/api?{query}", token=token,
                              timeout=300, raw=True)
        text = resp.body.decode(errors="replace")
        if resp.code != 200 or '"phase": "finished"' not in text.replace('"phase":"', '"phase": "'):
            raise RuntimeError(f"nbgitpuller for {name}: HTTP {resp.code}: {text[-500:]}")

    async def kernel(self, name: str, token: str, path: str = "") -> Kernel:
        model = await self.api("POST", f"/user/{name}/api/kernels",
                               {"name": "python3", "path": path}, token=token)
        ws_url = (self.url.replace("http", "ws", 1) +
                  f"/user/{name}/api/kernels/{model['id']}/channels?session_id={uuid.uuid4()}")
        conn = await websocket_connect(HTTPRequest(ws_url, headers={
            "Authorization": f"token {token}"}), max_message_size=64 * 1024 * 1024)
        return Kernel(self, name, token, model["id"], conn)


class Kernel:
    """A kernel in a learner's own server, spoken to over its websocket."""

    def __init__(self, hub: Hub, name: str, token: str, kernel_id: str, conn):
        self.hub, self.name, self.token, self.id, self.conn = hub, name, token, kernel_id, conn
        self.session = uuid.uuid4().hex

    async def run(self, code: str, timeout: float = 300) -> str:
        """Run ``code``; return its printed output; raise with the traceback on an error."""
        msg_id = uuid.uuid4().hex
        await self.conn.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        out: list[str] = []
        error = None
        reply, idle = None, False
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: code did not finish in {timeout} s: {code[:80]}")
            raw = await asyncio.wait_for(self.conn.read_message(), left)
            if raw is None:
                raise RuntimeError(f"{self.name}: the kernel's connection closed")
            if isinstance(raw, bytes):
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                error = "\n".join(msg["content"]["traceback"])
            elif kind == "execute_reply":
                reply = msg["content"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            if reply is not None and idle:  # output (iopub) may come after the reply (shell)
                if reply["status"] != "ok":
                    raise RuntimeError(f"{self.name}: {error or reply}")
                return "".join(out)

    async def run_notebook(self, path: Path) -> None:
        """Run every code cell of a notebook, in order, as Run All does."""
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                await self.run("".join(cell["source"]))

    async def close(self) -> None:
        self.conn.close()
        await self.hub.api("DELETE", f"/user/{self.name}/api/kernels/{self.id}",
                           token=self.token, raw=True)


#: Code run in a learner's kernel after a lesson: answer its exercises through the widgets.
ANSWER_CODE = """
from primary_source.ui.exercises import exercise_section as _section
def _pick(ex, wrong):
    t = ex.type
    if t == "choice":
        return next(o for o in ex.options if o != ex.answer) if wrong else ex.answer
    if t == "multi":
        return [ex.options[0]] if wrong else list(ex.answers)
    if t == "text":
        return "The date, the cipher and the signature tell me who wrote it."
    if t == "order":
        return list(reversed(ex.items)) if wrong else list(ex.items)
    if t == "match":
        return dict(ex.pairs)
    return getattr(ex, "device", None)
_given = 0
for _sec in {sections!r}:
    for _box in _section({notebook!r}, _sec).exercises:
        if _box.set_answer(_pick(_box.exercise, {wrong!r})):
            _box.submit.click()
            _given += 1
print("given", _given)
"""


def answer_code(notebook: str, sections: list[str], wrong: bool) -> str:
    """The code that answers a lesson's exercises in the learner's kernel."""
    return ANSWER_CODE.format(notebook=notebook, sections=sections, wrong=wrong)


def git_branch(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--abbrev-ref", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


__all__ = ["Hub", "Kernel", "answer_code", "free_port_block", "git_branch", "quote"]
