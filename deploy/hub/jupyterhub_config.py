# A JupyterHub for one class on this machine: `make hub` (see docs/DEPLOY.md).
#
# Learners sign in with the accounts the teacher creates (`primary-source hub-accounts`),
# each gets a Jupyter server of their own with a home folder under build/hub/homes/, the
# lessons arrive by an nbgitpuller link, and every saved answer also goes to the hand-in
# service (primary_source.hub.service), which the hub itself authenticates.
# Loopback only unless PRIMARY_SOURCE_HUB_IP says otherwise. The local spawner gives no
# isolation between learners' processes: for a class you do not trust with one machine's
# files, use deploy/z2jh (one container per learner).
import os
import sys
from pathlib import Path

from primary_source.hub.accounts import read_accounts

c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file

ROOT = Path(__file__).resolve().parents[2]
STATE = Path(os.environ.get("PRIMARY_SOURCE_HUB_DIR", ROOT / "build" / "hub")).resolve()
PORT = int(os.environ.get("PRIMARY_SOURCE_HUB_PORT", "8000"))
IP = os.environ.get("PRIMARY_SOURCE_HUB_IP", "127.0.0.1")
SERVICE_PORT = int(os.environ.get("PRIMARY_SOURCE_HANDIN_PORT", str(PORT + 91)))
ACCOUNTS = STATE / "accounts.txt"
BIN = Path(sys.executable).parent
STATE.mkdir(parents=True, exist_ok=True)

# -- the hub and its proxy (configurable-http-proxy from deploy/hub/node_modules, `npm ci`)
c.JupyterHub.ip = IP
c.JupyterHub.port = PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PORT + 81
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 1}"
c.ConfigurableHTTPProxy.command = [str(ROOT / "deploy/hub/node_modules/.bin/configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# -- accounts the teacher creates; teachers are the hub's administrators
c.JupyterHub.authenticator_class = "primary_source.hub.auth.ClassroomAuthenticator"
c.ClassroomAuthenticator.accounts_file = str(ACCOUNTS)
TEACHERS = {a.name for a in read_accounts(ACCOUNTS).values() if a.admin}
c.Authenticator.admin_users = TEACHERS
c.Authenticator.allow_all = True  # only accounts in the file can sign in at all

# -- one server and one home folder per learner, with the lessons' Python
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "homes" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    # each learner's answers in their own home, not in the shared installation
    "PRIMARY_SOURCE_RESPONSES": lambda spawner: os.path.join(spawner.home_dir, "responses"),
    "PRIMARY_SOURCE_HANDIN_URL": f"http://127.0.0.1:{SERVICE_PORT}/services/handin/",
}
# the server's token (JUPYTERHUB_API_TOKEN, also in its kernels) may talk to the service
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                 "access:services!service=handin"]

# -- the hand-in service, started and stopped by the hub
c.JupyterHub.services = [{
    "name": "handin",
    "url": f"http://127.0.0.1:{SERVICE_PORT}",
    "command": [sys.executable, "-m", "primary_source.hub.service"],
    "environment": {"HANDIN_STORE": str(STATE / "handins"),
                    "HANDIN_TEACHERS": " ".join(sorted(TEACHERS)),
                    "HANDIN_PID_FILE": str(STATE / "handin.pid")},
    "oauth_no_confirm": True,
    "display": True,
}]
c.JupyterHub.load_roles = [
    {"name": "user", "scopes": ["self", "access:services!service=handin"]},
]

# -- a service token for scripts (tests, `make hub-bench`): only when one is given
ADMIN_TOKEN = os.environ.get("PRIMARY_SOURCE_HUB_ADMIN_TOKEN")
if ADMIN_TOKEN:
    c.JupyterHub.services.append({"name": "class-admin", "api_token": ADMIN_TOKEN})
    c.JupyterHub.load_roles.append({
        "name": "class-admin", "services": ["class-admin"],
        "scopes": ["admin:users", "admin:servers", "admin:server_state", "tokens", "access:servers",
                   "access:services"]})
