"""A classroom authenticator for JupyterHub: only the accounts the teacher created sign in."""

from __future__ import annotations

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from primary_source.hub.accounts import check_password, read_accounts

__all__ = ["ClassroomAuthenticator"]


class ClassroomAuthenticator(Authenticator):
    """Signs in the accounts of the teacher's accounts file; teachers are administrators.

    The file is read at every sign-in, so accounts the teacher adds with
    ``primary-source hub-accounts`` work at once, without restarting the hub.
    """

    accounts_file = Unicode("build/hub/accounts.txt", config=True,
                            help="The file written by `primary-source hub-accounts`.")

    async def authenticate(self, handler, data):
        """The user model for a right name and password, else ``None``."""
        name = str(data.get("username", "")).strip().lower()
        account = read_accounts(self.accounts_file).get(name)
        if account is None or not check_password(str(data.get("password", "")),
                                                 account.password_hash):
            self.log.warning("Failed sign-in for %r", name)
            return None
        return {"name": account.name, "admin": account.admin}
