"""The class's accounts file: one line per account, created by the teacher, passwords hashed."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from primary_source.atomicfile import atomic_write

__all__ = ["Account", "AccountsFileError", "hash_password", "check_password", "read_accounts",
           "add_accounts", "NAME_RE"]

#: What a hub user name may be (JupyterHub lower-cases names; keep them simple for folders).
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
_ROLES = ("teacher", "learner")
_ITERATIONS = 120_000


class AccountsFileError(ValueError):
    """A line of the accounts file that cannot be read, naming the file, the line and the field.

    >>> print(AccountsFileError("unknown role 'boss'", "accounts.txt", 3, "role"))
    accounts.txt, line 3 (role): unknown role 'boss'
    """

    def __init__(self, message: str, path: str | Path, line: int, field: str):
        self.message, self.path, self.line, self.field = message, str(path), line, field
        super().__init__(f"{path}, line {line} ({field}): {message}")


@dataclass(frozen=True)
class Account:
    """One account: the hub user name, ``teacher`` or ``learner``, and the password hash."""

    name: str
    role: str
    password_hash: str

    @property
    def admin(self) -> bool:
        """Teachers are the hub's administrators."""
        return self.role == "teacher"


def hash_password(password: str, salt: str | None = None) -> str:
    """A salted PBKDF2-SHA256 hash of a password, as one text field.

    >>> hash_password("class", salt="00ff").startswith("pbkdf2_sha256$120000$00ff$")
    True
    """
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt),
                                 _ITERATIONS)
    return f"pbkdf2_sha256${_ITERATIONS}${salt}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by ``hash_password`` (constant-time compare).

    >>> check_password("class", hash_password("class")), check_password("clas", hash_password("class"))
    (True, False)
    """
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        mine = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt),
                                   int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(mine.hex(), digest)


def read_accounts(path: str | Path) -> dict[str, Account]:
    """The accounts in a file of ``name role hash`` lines (``#`` starts a comment).

    A bad line raises ``AccountsFileError`` with the file, line and field; a missing file
    means no accounts.
    """
    path = Path(path)
    if not path.exists():
        return {}
    accounts: dict[str, Account] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 3:
            raise AccountsFileError("expected three fields: name role password-hash",
                                    path, number, "line")
        name, role, digest = fields
        if not NAME_RE.match(name):
            raise AccountsFileError(f"{name!r} is not a user name (lower-case letters, digits, "
                                    ". _ -)", path, number, "name")
        if role not in _ROLES:
            raise AccountsFileError(f"unknown role {role!r} (teacher or learner)", path, number,
                                    "role")
        if not digest.startswith("pbkdf2_sha256$"):
            raise AccountsFileError("not a hash made by primary-source hub-accounts", path,
                                    number, "password-hash")
        accounts[name] = Account(name, role, digest)
    return accounts


def add_accounts(path: str | Path, names: list[str], role: str = "learner",
                 passwords: dict[str, str] | None = None) -> dict[str, str]:
    """Add (or reset) accounts; return ``{name: password}`` for the teacher to hand out once.

    Passwords are generated unless given; only their hashes are written (file mode 600).
    """
    if role not in _ROLES:
        raise ValueError(f"role must be teacher or learner, not {role!r}")
    path = Path(path)
    accounts = read_accounts(path)
    given = passwords or {}
    new: dict[str, str] = {}
    for name in names:
        name = name.strip().lower()
        if not NAME_RE.match(name):
            raise ValueError(f"{name!r} is not a user name (lower-case letters, digits, . _ -)")
        new[name] = given.get(name) or secrets.token_urlsafe(9)
        accounts[name] = Account(name, role, hash_password(new[name]))
    text = "# name role password-hash (written by primary-source hub-accounts)\n" + "".join(
        f"{a.name} {a.role} {a.password_hash}\n" for a in accounts.values())
    atomic_write(path, text, mode=0o600)
    return new
