"""IT's machine-wide settings: read, checked, and ranked below anything the user or command says."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.machine_config import load_machine_config
from mnhsc_desktop.core.store import paths
from tests.conftest import SHIPPED_CONTENT


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "config.ini"
    monkeypatch.setenv("MNHSC_CONFIG", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("USERNAME", "jmidwife")
    for name in ("MNHSC_DATA_DIR", "MNHSC_CONTENT_DIR"):
        monkeypatch.delenv(name, raising=False)

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_no_file_means_defaults(tmp_path: Path) -> None:
    machine = load_machine_config(tmp_path / "absent.ini")
    assert machine.path is None and machine.allow_external_links and machine.problems == ()


def test_settings_are_read_and_usernames_filled_in(config, tmp_path: Path) -> None:
    config(
        "[mnhsc-desktop]\n"
        f"content_dir = {tmp_path}/trust-content\n"
        f"default_data_dir = {tmp_path}/home/%USERNAME%/MNHSC\n"
        "allow_external_links = no\n"
        "organisation_name = Example NHS Foundation Trust\n"
    )
    machine = load_machine_config()
    assert machine.content_dir == tmp_path / "trust-content"
    assert machine.default_data_dir == tmp_path / "home" / "jmidwife" / "MNHSC"
    assert (
        not machine.allow_external_links
        and machine.organisation_name == "Example NHS Foundation Trust"
    )


def test_mistakes_are_reported_not_fatal(config) -> None:
    config("[mnhsc-desktop]\nallow_external_links = sometimes\ncolour = blue\n")
    problems = load_machine_config().problems
    assert any("allow_external_links should be true or false" in p for p in problems)
    assert any("unknown setting 'colour'" in p for p in problems)
    config("this is not an ini file")
    assert "could not be read" in load_machine_config().problems[0]


def test_precedence_command_line_environment_user_machine_default(
    config, tmp_path: Path, monkeypatch
) -> None:
    config(
        f"[mnhsc-desktop]\ndefault_data_dir = {tmp_path}/it-default\ncontent_dir = {tmp_path}/it-content\n"
    )
    assert paths.user_data_dir() == tmp_path / "it-default"
    assert paths.content_dir() == tmp_path / "it-content"
    from mnhsc_desktop.core.store.data_folder import POINTER_FILE, default_data_dir

    default_data_dir().mkdir(parents=True)
    (default_data_dir() / POINTER_FILE).write_text(f'{{"folder": "{tmp_path}/users-choice"}}')
    assert paths.user_data_dir() == tmp_path / "users-choice", (
        "the user's own choice beats IT's default"
    )
    monkeypatch.setenv("MNHSC_DATA_DIR", str(tmp_path / "env"))
    assert paths.user_data_dir() == tmp_path / "env"
    assert paths.user_data_dir(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.setenv("MNHSC_CONTENT_DIR", str(tmp_path / "env-content"))
    assert paths.content_dir() == tmp_path / "env-content"


def test_trust_content_lies_on_top_of_the_shipped(tmp_path: Path) -> None:
    trust = tmp_path / "trust"
    trust.mkdir()
    about = (SHIPPED_CONTENT / "about.yaml").read_text(encoding="utf-8")
    (trust / "about.yaml").write_text(
        about.replace("short_name: MNHSC", "short_name: Our Trust"), encoding="utf-8"
    )
    content = load_content(trust, base=SHIPPED_CONTENT)
    assert content.about.short_name == "Our Trust"
    assert content.calendar is not None and len(content.calendar.events) == 54, (
        "the rest from the shipped"
    )
    assert content.errors == ()


def test_a_broken_trust_file_falls_back_to_the_shipped_and_says_why(tmp_path: Path) -> None:
    trust = tmp_path / "trust"
    trust.mkdir()
    (trust / "calendar.yaml").write_text("schema_version: 1\nevents: [\n", encoding="utf-8")
    content = load_content(trust, base=SHIPPED_CONTENT)
    assert content.calendar is not None and len(content.calendar.events) == 54
    messages = [str(e) for e in content.errors]
    assert any("not valid YAML" in m for m in messages)
    assert any("the one that came with the app is used instead" in m for m in messages)
    gone = load_content(tmp_path / "unplugged-share", base=SHIPPED_CONTENT)
    assert gone.about is not None and "cannot be read" in str(gone.errors[0])


def test_the_organisation_is_named_on_the_pack() -> None:
    ladder = load_content(SHIPPED_CONTENT).ladder
    from mnhsc_desktop.core.ladder.ladder import Period
    from mnhsc_desktop.core.revalidation.pack import pack_document
    from mnhsc_desktop.core.revalidation.status import status_now
    from mnhsc_desktop.core.store.store import Store

    store = Store(Path("/nonexistent"))
    portfolio, status = status_now(store, ladder, (), Period.ending(dt.date(2027, 3, 31)))
    document = pack_document(store, portfolio, status, organisation="Example Trust")
    assert "at Example Trust with MNHSC Desktop" in document.html()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_as_the_settings_file_is_reported_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "config.ini"
    os.mkfifo(fifo)
    config = load_machine_config(fifo)  # opening a FIFO for reading used to wait for ever
    assert "not an ordinary file" in config.problems[0]
    if Path("/dev/zero").exists():
        config = load_machine_config(Path("/dev/zero"))  # used to read until memory ran out
        assert "not an ordinary file" in config.problems[0]
