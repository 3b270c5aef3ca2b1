"""Session packs: a session carried to another PC as one checked file, and every hostile
archive refused with its reason, nothing written outside the data folder, nothing overwritten."""

from __future__ import annotations

import contextlib
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mnhsc_desktop.core.culture.attachments import attach, attachments
from mnhsc_desktop.core.culture.pack_export import SUFFIX, left_behind, write_pack
from mnhsc_desktop.core.culture.pack_import import PACKS_FOLDER, install_pack, read_pack
from mnhsc_desktop.core.culture.plans import PlanItem, new_plan, plans, save_plan
from mnhsc_desktop.core.input_files import InputRefused
from mnhsc_desktop.core.store.store import Store


@pytest.fixture
def pack(tmp_path) -> Path:
    """A session with a film and a PDF attached to its first activity, packed."""
    store = Store.open(tmp_path / "here")
    films = tmp_path / "films"
    films.mkdir()
    (films / "huddle.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 400)
    (films / "notes.pdf").write_bytes(b"%PDF-1.4 the facilitator's notes")
    (films / "gone.pdf").write_bytes(b"%PDF-1.4 deleted later")
    for name in ("huddle.mp4", "notes.pdf", "gone.pdf"):
        attach(store, "safety-huddle", films / name)
    (films / "gone.pdf").unlink()
    plan = new_plan("Ward 5 huddle session")
    plan = plan.__class__(plan.id, plan.name, (PlanItem("activity", "Safety huddle", 20,
                                                        "safety-huddle"),
                                               PlanItem("free", "Break", 10)))  # fmt: skip
    save_plan(store, plan)
    assert "gone.pdf is not there any more" in left_behind(store, plan)[0]
    path = tmp_path / f"session{SUFFIX}"
    members = write_pack(path, store, plan, b"%PDF-1.4 handout")
    assert set(members) == {"files/safety-huddle/huddle.mp4", "files/safety-huddle/notes.pdf",
                            "handout.pdf", "plan.json", "manifest.json"}  # fmt: skip
    return path


def test_a_pack_carries_the_session_and_its_files_to_another_pc(pack, tmp_path) -> None:
    other = Store.open(tmp_path / "there")
    preview = read_pack(pack)
    assert preview.summary().startswith("The session “Ward 5 huddle session” with 2 item(s), "
                                        "2 attached file(s)")  # fmt: skip
    installed = install_pack(preview, other)
    [plan] = plans(other)
    assert plan.name == "Ward 5 huddle session" and plan.total_minutes == 30
    paths = attachments(other, "safety-huddle")
    assert [Path(p).name for p in paths] == ["huddle.mp4", "notes.pdf"]
    assert all(Path(p).is_relative_to((tmp_path / "there" / PACKS_FOLDER).resolve()) for p in paths)
    assert Path(paths[1]).read_bytes() == b"%PDF-1.4 the facilitator's notes"
    assert len(installed.written) == 2
    assert other.undo_last() is not None and plans(other) == []  # one undo takes it back


def test_taking_a_pack_in_twice_reuses_its_files_and_never_overwrites_another(
    pack, tmp_path
) -> None:
    other = Store.open(tmp_path / "there")
    install_pack(read_pack(pack), other)
    again = install_pack(read_pack(pack), other)
    assert again.written == [] and len(again.reused) == 2
    assert len(plans(other)) == 2  # the same plan id: kept beside, not replaced
    notes = Path(attachments(other, "safety-huddle")[1])
    notes.write_bytes(b"%PDF-1.4 changed here")  # a file of that name, different now
    third = install_pack(read_pack(pack), other)
    assert [p.name for p in third.renamed] == ["notes (2).pdf"]
    assert notes.read_bytes() == b"%PDF-1.4 changed here"


def rebuilt(pack: Path, out: Path, change) -> Path:
    """The pack's members, changed by `change(members)`, with a manifest that matches them
    (so only the check under test can refuse it)."""
    with zipfile.ZipFile(pack) as original:
        members = {i.filename: original.read(i) for i in original.infolist()}
    members.pop("manifest.json")
    extra = change(members)
    extra_infos = extra if isinstance(extra, dict) else {}
    sums = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    with zipfile.ZipFile(out, "w") as rewritten:
        for name, data in members.items():
            rewritten.writestr(extra_infos.get(name, name), data)
        rewritten.writestr("manifest.json", json.dumps(
            {"format": "mnhsc-session-pack", "version": 1, "sha256": sums}))  # fmt: skip
    return out


def link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16
    return info


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: m.update({"../../evil.pdf": b"%PDF"}), "climbs out"),
        (lambda m: m.update({"files/a/../../../evil.pdf": b"%PDF"}), "climbs out"),
        (lambda m: m.update({"/etc/evil.pdf": b"%PDF"}), "absolute"),
        (lambda m: m.update({"C:/Windows/evil.pdf": b"%PDF"}), "absolute"),
        (lambda m: m.update({"files\\a\\evil.pdf": b"%PDF"}), "absolute or Windows path"),
        (lambda m: m.update({"files/a/run.exe": b"MZ"}), "could be a program"),
        (lambda m: m.update({"files/a/report.pdf.bat": b"echo"}), "could be a program"),
        (
            lambda m: m.update({"files/a/report.pdf": b"MZ\x90\x00 a Windows program"}),
            "is a program",
        ),
        (lambda m: m.update({"files/a/clip.mp4": b"\x7fELF a Linux program"}), "is a program"),
        (lambda m: m.update({"files/a/con.pdf": b"%PDF"}), "not where"),
        (lambda m: m.update({"elsewhere.pdf": b"%PDF"}), "not where"),
        (
            lambda m: (
                m.update({"files/a/link.pdf": b"/etc/passwd"})
                or {"files/a/link.pdf": link("files/a/link.pdf")}
            ),
            "is a link",
        ),
        (lambda m: m.pop("plan.json"), "no plan.json"),
    ],
)
def test_hostile_packs_are_refused_with_their_reason(pack, tmp_path, change, reason) -> None:
    with pytest.raises(InputRefused, match=reason):
        read_pack(rebuilt(pack, tmp_path / "bad.mnhscpack", change))


def test_a_changed_file_a_bomb_and_a_broken_manifest_are_refused(pack, tmp_path) -> None:
    with zipfile.ZipFile(pack) as original:
        members = {i.filename: original.read(i) for i in original.infolist()}
    tampered = tmp_path / "tampered.mnhscpack"
    with zipfile.ZipFile(tampered, "w") as out:
        for name, data in members.items():
            out.writestr(
                name, data.replace(b"notes", b"NOTES") if name.endswith("notes.pdf") else data
            )
    with pytest.raises(InputRefused, match="checksum does not match"):
        read_pack(tampered)
    bomb = rebuilt(pack, tmp_path / "bomb.mnhscpack", lambda m: None)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("files/a/zeros.pdf", b"\0" * (50 * 1024**2))
    with pytest.raises(InputRefused, match="zip bomb"):
        read_pack(bomb)
    (tmp_path / "not.mnhscpack").write_bytes(b"not a zip at all")
    with pytest.raises(InputRefused, match="not a zip"):
        read_pack(tmp_path / "not.mnhscpack")


NAMES = st.lists(st.sampled_from(["..", ".", "files", "a", "b.pdf", "", "/", "\\", "C:", "con",
                                  "x.exe", "~", "%2e%2e", " ", "ü.mp4"]),
                 min_size=1, max_size=6).map("/".join).filter(bool)  # fmt: skip


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NAMES)
def test_no_member_name_writes_outside_the_data_folder(pack, tmp_path_factory, name) -> None:
    work = tmp_path_factory.mktemp("fuzz")
    bad = rebuilt(pack, work / "fuzz.mnhscpack", lambda m: m.update({name: b"%PDF-1.4"}))
    store = Store.open(work / "data")
    with contextlib.suppress(InputRefused):  # refused is fine; written outside is not
        install_pack(read_pack(bad), store)
    outside = [p for p in work.rglob("*") if p.is_file() and not p.is_relative_to(work / "data")
               and p.name != "fuzz.mnhscpack"]  # fmt: skip
    assert outside == []
    for written in (work / "data").rglob("*"):
        assert written.resolve().is_relative_to((work / "data").resolve())


def test_files_are_checked_into_the_data_folder_once_and_a_no_leaves_nothing(
    pack, tmp_path
) -> None:
    from mnhsc_desktop.core.culture.pack_import import staging_for

    other = Store.open(tmp_path / "there")
    preview = read_pack(pack, staging_for(other))
    staged = list(preview.staged.values())
    assert len(staged) == 2 and all(p.exists() for p in staged)
    preview.discard()  # the user said no
    assert not any((tmp_path / "there" / PACKS_FOLDER).rglob("*.mp4"))
    preview = read_pack(pack, staging_for(other))
    install_pack(preview, other)
    assert not list((tmp_path / "there" / PACKS_FOLDER).glob(".incoming-*"))
    assert Path(attachments(other, "safety-huddle")[0]).exists()


def test_a_pack_damaged_on_the_stick_is_refused_and_leaves_no_copies(pack, tmp_path) -> None:
    from mnhsc_desktop.core.culture.pack_import import staging_for

    data = bytearray(pack.read_bytes())
    start = data.find(bytes(range(256)))
    data[start + 5000 : start + 5010] = b"XXXXXXXXXX"  # a film's bytes changed in place
    damaged = tmp_path / "damaged.mnhscpack"
    damaged.write_bytes(bytes(data))
    other = Store.open(tmp_path / "there")
    with pytest.raises(InputRefused, match=r"damaged|checksum"):
        read_pack(damaged, staging_for(other))
    assert not list((tmp_path / "there" / PACKS_FOLDER).glob(".incoming-*"))
