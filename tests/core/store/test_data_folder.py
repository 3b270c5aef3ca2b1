"""Keeping data in a chosen folder: moved safely, followed at start, and a network outage is survivable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mnhsc_desktop.core.store import paths
from mnhsc_desktop.core.store.data_folder import (
    LOCAL_COPY,
    POINTER_FILE,
    MoveRefused,
    chosen_data_dir,
    default_data_dir,
    local_copy_for,
    move_data,
)
from mnhsc_desktop.core.store.store import STORE_FILE, Store


@pytest.fixture
def standard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("MNHSC_DATA_DIR", raising=False)
    folder = default_data_dir()
    assert folder == tmp_path / "xdg" / "MNHSC Desktop"
    return folder


def test_move_copies_checks_points_and_keeps_the_old_file(standard: Path, tmp_path: Path) -> None:
    store = Store.open(standard)
    store.set("profile", "name", "Jane Midwife")
    store.save()
    network = tmp_path / "home-drive" / "mnhsc"
    result = move_data(store, network)
    assert json.loads((network / STORE_FILE).read_text())["profile"]["name"] == "Jane Midwife"
    assert chosen_data_dir() == network.resolve()
    assert paths.user_data_dir() == network.resolve()
    assert not (standard / STORE_FILE).exists() and list(standard.glob("state.moved-away-*.json"))
    assert "now lives in" in result.message
    store.set("profile", "name", "Jane M.")
    store.save()
    assert json.loads((network / STORE_FILE).read_text())["profile"]["name"] == "Jane M."
    assert json.loads((standard / LOCAL_COPY).read_text())["profile"]["name"] == "Jane M.", (
        "a copy stays on this PC"
    )


def test_a_folder_that_already_holds_data_is_refused(standard: Path, tmp_path: Path) -> None:
    store = Store.open(standard)
    other = tmp_path / "other"
    other.mkdir()
    (other / STORE_FILE).write_text("{}")
    with pytest.raises(MoveRefused, match="already holds MNHSC Desktop data"):
        move_data(store, other)
    assert chosen_data_dir() is None


def test_moving_back_to_the_standard_folder_clears_the_choice(
    standard: Path, tmp_path: Path
) -> None:
    store = Store.open(standard)
    move_data(store, tmp_path / "net")
    move_data(store, standard)
    assert chosen_data_dir() is None and paths.user_data_dir() == standard
    assert local_copy_for(standard) is None


def jane_on_a_network_folder(standard: Path, tmp_path: Path) -> Path:
    """Data moved to a chosen folder and saved there (with its safety copy on the PC)."""
    network = tmp_path / "net"
    store = Store.open(standard)
    move_data(store, network)
    store.set("profile", "name", "Jane Midwife")
    store.save()
    return network


def test_an_unreachable_folder_opens_the_local_copy_read_only(
    standard: Path, tmp_path: Path
) -> None:
    network = jane_on_a_network_folder(standard, tmp_path)
    network.rename(tmp_path / "net-unplugged")  # the drive goes away
    again = Store.open(network, local_copy_for(network))
    assert again.read_only and again.get("profile", "name") == "Jane Midwife"
    assert (
        "cannot be reached" in again.notices[0].message and "read-only" in again.notices[0].message
    )
    again.set("profile", "name", "changed")
    assert again.save() is False


def test_an_unreachable_folder_without_a_copy_starts_empty_and_says_so(
    standard: Path, tmp_path: Path
) -> None:
    standard.mkdir(parents=True)
    (standard / POINTER_FILE).write_text(json.dumps({"folder": str(tmp_path / "gone")}))
    store = Store.open(tmp_path / "gone", local_copy_for(tmp_path / "gone"))
    assert store.read_only and "no copy of it on this PC" in store.notices[0].message


def test_a_chosen_folder_found_empty_opens_the_copy_and_never_overwrites_it(
    standard: Path, tmp_path: Path
) -> None:
    network = jane_on_a_network_folder(standard, tmp_path)
    copy = local_copy_for(network)
    kept = copy.read_bytes()
    (network / STORE_FILE).unlink()  # the share was replaced by an empty one
    again = Store.open(network, copy)
    assert again.read_only and again.get("profile", "name") == "Jane Midwife"
    assert "holds no saved data" in again.notices[0].message
    again.set("profile", "name", "changed")
    assert again.save() is False
    assert copy.read_bytes() == kept and not (network / STORE_FILE).exists()
