"""The class hub's deployment files agree with each other and with the package."""

from __future__ import annotations

import json

import yaml

from primary_source import paths

ROOT = paths.project_root()


def test_the_kubernetes_files_register_the_same_hand_in_service():
    config = yaml.safe_load((ROOT / "deploy/z2jh/config.yaml").read_text(encoding="utf-8"))
    objects = list(yaml.safe_load_all((ROOT / "deploy/z2jh/handin-service.yaml")
                                      .read_text(encoding="utf-8")))
    service = config["hub"]["services"]["handin"]
    secret = next(o for o in objects if o["kind"] == "Secret")
    assert service["apiToken"] == secret["stringData"]["token"]
    deployment = next(o for o in objects if o["kind"] == "Deployment")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["command"] == ["python", "-m", "primary_source.hub.service"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["JUPYTERHUB_SERVICE_PREFIX"] + "oauth_callback" == service["oauth_redirect_uri"]
    assert container["image"].split(":")[0] == config["singleuser"]["image"]["name"]
    assert config["singleuser"]["extraEnv"]["PRIMARY_SOURCE_HANDIN_URL"].startswith(
        service["url"] + env["JUPYTERHUB_SERVICE_PREFIX"])
    assert config["cull"]["enabled"] is True
    assert "access:services!service=handin" in config["hub"]["loadRoles"]["user"]["scopes"]


def test_the_proxy_comes_from_the_committed_npm_lock():
    package = json.loads((ROOT / "deploy/hub/package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "deploy/hub/package-lock.json").read_text(encoding="utf-8"))
    wanted = package["dependencies"]["configurable-http-proxy"]
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted
    assert "node_modules/" in (ROOT / ".gitignore").read_text(encoding="utf-8")
