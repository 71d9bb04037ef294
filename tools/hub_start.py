"""`make hub`: make sure the teacher has an account, print how to reach the class, run the hub."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from primary_source.hub.accounts import add_accounts, read_accounts
from primary_source.hub.links import class_link

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--teacher", default="teacher", help="the teacher's hub name")
    parser.add_argument("--repo", default=str(ROOT), help="the git repository of the lessons")
    args = parser.parse_args()
    state = Path(os.environ.get("PRIMARY_SOURCE_HUB_DIR", ROOT / "build" / "hub")).resolve()
    accounts = state / "accounts.txt"
    secret = state / "teacher-password.txt"
    if args.teacher not in read_accounts(accounts):
        password = add_accounts(accounts, [args.teacher], role="teacher")[args.teacher]
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(password + "\n")
    branch = subprocess.run(["git", "-C", args.repo, "rev-parse", "--abbrev-ref", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "main"
    url = f"http://127.0.0.1:{args.port}"
    print(f"""
Class hub:       {url}
Teacher login:   {args.teacher}  (password in {secret}; change it with
                 primary-source hub-accounts --teacher {args.teacher})
Add learners:    .venv/bin/primary-source hub-accounts ann bob ...   (prints their passwords)
Class link:      {class_link(url, args.repo, branch)}
Class view:      {url}/services/handin/   (teacher only)
Stop with Ctrl+C.
""", flush=True)
    env = dict(os.environ, PRIMARY_SOURCE_HUB_PORT=str(args.port))
    hub = Path(sys.executable).parent / "jupyterhub"
    os.execve(hub, [str(hub), "-f", str(ROOT / "deploy/hub/jupyterhub_config.py")], env)


if __name__ == "__main__":
    main()
