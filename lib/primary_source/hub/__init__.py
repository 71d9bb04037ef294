"""The class on a JupyterHub: accounts, the authenticator, the hand-in store and its service."""

__all__: list[str] = []
