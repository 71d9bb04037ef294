"""Hand-in pieces that need no hub: the button off a hub, the store, accounts, feedback CSV."""

from __future__ import annotations

import json

import pytest

from primary_source import handin
from primary_source.hub.accounts import AccountsFileError, add_accounts, read_accounts
from primary_source.hub.client import feedback_from_csv
from primary_source.hub.store import HandinStore, StoreError
from primary_source.responses import save_answer
from primary_source.ui.learner import download_my_work, hand_in_button


@pytest.fixture
def off_hub(monkeypatch, answers):
    for key in ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_SERVICE_PREFIX", "PRIMARY_SOURCE_HANDIN_URL"):
        monkeypatch.delenv(key, raising=False)
    return answers


def test_off_a_hub_the_button_says_handing_in_needs_a_class_hub(off_hub):
    box = hand_in_button()
    box.button.click()
    assert "Handing in needs a class hub" in box.output.value


def test_the_download_box_carries_the_hand_in_button(off_hub):
    box = download_my_work()
    assert box.hand_in.button.description == "Hand in my work"


def test_off_a_hub_saving_queues_nothing(off_hub):
    save_answer("start-kind-of-document", "A ciphered telegram")
    assert not handin.queue_dir().exists()


def test_on_a_hub_that_cannot_be_reached_the_answer_is_saved_and_queued(answers, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "learner-token")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/ann/")
    monkeypatch.setenv("PRIMARY_SOURCE_HANDIN_URL", "http://127.0.0.1:9/services/handin/")
    save_answer("start-kind-of-document", "A ciphered telegram")
    save_answer("start-who-hears-it", "Kim Il Sung")
    queued = [json.loads(p.read_text()) for p in sorted(handin.queue_dir().glob("[0-9]*.json"))]
    assert [q["exercise"] for q in queued] == ["start-kind-of-document", "start-who-hears-it"]
    result = handin.hand_in()
    assert not result.ok and "saved and will be handed in" in result.message
    assert result.queued == 3


def test_the_store_keeps_every_version_and_refuses_bad_names(tmp_path):
    store = HandinStore(tmp_path)
    store.add_answer("ann", "ex-1", {"answer": "A", "correct": False})
    store.add_answer("ann", "ex-1", {"answer": "B", "correct": True})
    assert [v["answer"] for v in store.versions("ann", "ex-1")] == ["A", "B"]
    with pytest.raises(StoreError):
        store.add_answer("../bob", "ex-1", {"answer": "A"})
    with pytest.raises(StoreError):
        store.add_answer("ann", "../../x", {"answer": "A"})
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_class_view_hides_names_unless_asked(tmp_path):
    store = HandinStore(tmp_path)
    for user, answer, correct in (("ann", "B", True), ("bob", "C", False), ("cy", "C", False)):
        store.add_answer(user, "ex-1", {"answer": answer, "correct": correct})
    row = store.class_view()[0]
    assert (row["answered"], row["correct"]) == (3, 1)
    assert row["wrong"] == [{"answer": "C", "count": 2, "names": []}]
    assert store.class_view(names=True)[0]["wrong"][0]["names"] == ["bob", "cy"]


def test_a_bad_accounts_line_names_the_file_line_and_field(tmp_path):
    path = tmp_path / "accounts.txt"
    add_accounts(path, ["ann"])
    path.write_text(path.read_text() + "bob boss pbkdf2_sha256$1$00$00\n")
    with pytest.raises(AccountsFileError) as err:
        read_accounts(path)
    assert str(err.value).endswith("line 3 (role): unknown role 'boss' (teacher or learner)")


def test_accounts_keep_only_password_hashes(tmp_path):
    path = tmp_path / "accounts.txt"
    made = add_accounts(path, ["ann"])
    assert made["ann"] not in path.read_text()
    assert read_accounts(path)["ann"].role == "learner"


def test_feedback_is_read_from_the_comment_column(tmp_path):
    path = tmp_path / "grades.csv"
    path.write_text("learner,exercise,comment\nann,ex-1,Well argued.\nann,TOTAL,x\nbob,ex-1,\n",
                    encoding="utf-8")
    assert feedback_from_csv(path) == {"ann": {"ex-1": "Well argued."}}
    (tmp_path / "bad.csv").write_text("learner,exercise\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        feedback_from_csv(tmp_path / "bad.csv")


def test_a_hub_without_the_hand_in_service_keeps_answers_local_and_says_so(answers, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "learner-token")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/ann/")
    monkeypatch.delenv("PRIMARY_SOURCE_HANDIN_URL", raising=False)
    save_answer("start-kind-of-document", "A ciphered telegram")
    assert not handin.queue_dir().exists()
    assert "no hand-in service" in handin.hand_in().message
