"""A project carried to another PC as one file: read back exactly, and refused with a reason
when damaged, edited, newer, or not a project at all."""

from __future__ import annotations

import json

import pytest

from mnhsc_desktop.core.input_files import InputRefused
from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.qi import share
from mnhsc_desktop.core.store.store import Store


@pytest.fixture
def shared_file(tmp_path):
    store = Store.open(tmp_path / "here")
    key = qp.add_project(store, "Discharge before 11")
    value = qp.project(store, key)
    measure = qp.empty_measure("On time") | {"data": [["2026-01-05", 42.0], ["2026-01-12", 45.5]]}
    qp.save_project(store, key, value | {"measures": [measure], "team": ["Ward manager"]})
    path = tmp_path / f"project{share.SUFFIX}"
    path.write_bytes(share.shared_bytes(key, qp.project(store, key)))
    return path, key, qp.project(store, key)


def test_a_shared_project_reads_back_exactly_on_another_pc(shared_file, tmp_path) -> None:
    path, key, value = shared_file
    other = Store.open(tmp_path / "there")
    shared = share.read_shared(path)
    assert "1 measure(s) with 2 value(s)" in shared.summary()
    assert share.take_in(other, shared, replace=False) == key
    assert qp.project(other, key)["measures"] == value["measures"]


def test_taking_it_in_twice_keeps_both_unless_told_to_replace(shared_file, tmp_path) -> None:
    path, key, _value = shared_file
    other = Store.open(tmp_path / "there")
    share.take_in(other, share.read_shared(path), replace=False)
    second = share.take_in(other, share.read_shared(path), replace=False)
    assert second != key and len(qp.projects(other)) == 2
    assert share.take_in(other, share.read_shared(path), replace=True) == key
    assert len(qp.projects(other)) == 2


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["project"].update(title="Edited by hand"), "checksum does not match"),
        (lambda d: d.update(version=99), "newer version"),
        (lambda d: d.update(format="something else"), "not a shared QI project"),
        (lambda d: d.update(key="../../etc"), "parts are missing"),
    ],
)
def test_a_changed_or_foreign_file_is_refused_with_its_reason(shared_file, change, reason) -> None:
    path, _key, _value = shared_file
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    with pytest.raises(InputRefused, match=reason):
        share.read_shared(path)


def test_a_project_the_store_would_refuse_is_refused_even_with_a_good_checksum(shared_file) -> None:
    path, key, value = shared_file
    value["measures"][0]["data"] = [["2026-01-12", 1.0], ["2026-01-05", 2.0]]  # out of order
    path.write_bytes(share.shared_bytes(key, value))
    with pytest.raises(InputRefused, match="cannot be used"):
        share.read_shared(path)


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", b"{not json", b"[1, 2]"])
def test_files_that_are_not_projects_are_refused(tmp_path, content) -> None:
    path = tmp_path / "bad.mnhscqi"
    path.write_bytes(content)
    with pytest.raises(InputRefused):
        share.read_shared(path)
