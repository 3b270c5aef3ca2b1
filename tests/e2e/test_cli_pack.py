"""`mnhsc-desktop culture pack export|import`: a session carried to another PC from the command
line, a dry run that changes nothing, and a hostile pack refused with exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mnhsc_desktop.core.culture.attachments import attach, attachments
from mnhsc_desktop.core.culture.plans import Plan, PlanItem, plans, save_plan
from mnhsc_desktop.core.store.store import Store


def test_a_pack_goes_from_one_data_folder_to_another(run_app, tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    store = Store.open(here)
    film = tmp_path / "huddle.mp4"
    film.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"film" * 10_000)
    attach(store, "safety-huddle", film)
    save_plan(store, Plan("p1", "Ward 5 huddle", (PlanItem("activity", "Safety huddle", 20,
                                                           "safety-huddle"),)))  # fmt: skip
    assert store.save()
    pack = tmp_path / "ward5.mnhscpack"
    made = run_app("--data-dir", str(here), "culture", "pack", "export", "ward 5 huddle", str(pack))
    assert made.returncode == 0, made.stderr
    assert "with its handout and 1 attached file(s)" in made.stdout
    with zipfile.ZipFile(pack) as members:
        assert members.read("handout.pdf").startswith(b"%PDF")
    dry = run_app("--data-dir", str(there), "culture", "pack", "import", str(pack), "--dry-run")
    assert dry.returncode == 0 and "Every file's checksum matches" in dry.stdout
    assert plans(Store.open(there)) == []
    taken = run_app("--data-dir", str(there), "culture", "pack", "import", str(pack))
    assert taken.returncode == 0, taken.stderr
    other = Store.open(there)
    assert [p.name for p in plans(other)] == ["Ward 5 huddle"]
    [copied] = attachments(other, "safety-huddle")
    assert Path(copied).read_bytes() == film.read_bytes()


def test_a_hostile_pack_exits_2_and_writes_nothing(run_app, tmp_path: Path) -> None:
    pack = tmp_path / "evil.mnhscpack"
    with zipfile.ZipFile(pack, "w") as members:
        members.writestr("../../outside.pdf", b"%PDF")
    result = run_app("--data-dir", str(tmp_path / "data"), "culture", "pack", "import", str(pack))
    assert result.returncode == 2 and "climbs out of the pack" in result.stderr
    assert not (tmp_path.parent / "outside.pdf").exists()
