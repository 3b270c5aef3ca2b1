"""The content cache: used only for unchanged, valid files; never a source of errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mnhsc_desktop.core.content import content as content_module
from mnhsc_desktop.core.content.cache import CACHE_FILE
from mnhsc_desktop.core.content.content import CONTENT_FILES, load_content


@pytest.fixture
def yaml_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = content_module.load_yaml

    def counting(path: Path):
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(content_module, "load_yaml", counting)
    return reads


def test_second_load_of_unchanged_content_reads_no_yaml(
    content_copy: Path, tmp_path: Path, yaml_reads: list[str]
) -> None:
    first = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert yaml_reads == list(CONTENT_FILES)
    second = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert yaml_reads == list(CONTENT_FILES), "nothing read again"
    assert second.about == first.about and second.ok


def test_an_edited_file_is_read_again(
    content_copy: Path, tmp_path: Path, yaml_reads: list[str]
) -> None:
    load_content(content_copy, cache_dir=tmp_path / "cache")
    about = content_copy / "about.yaml"
    about.write_text(about.read_text(encoding="utf-8").replace("MNHSC", "MNHSC!"), encoding="utf-8")
    os.utime(about, ns=(1, 1))
    yaml_reads.clear()
    content = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert yaml_reads == ["about.yaml"]
    assert content.about.short_name == "MNHSC!"


def test_a_broken_edit_is_reported_even_though_a_good_copy_was_cached(
    content_copy: Path, tmp_path: Path
) -> None:
    load_content(content_copy, cache_dir=tmp_path / "cache")
    (content_copy / "about.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    content = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert content.about is None and not content.ok


def test_invalid_files_are_never_cached(content_copy: Path, tmp_path: Path, yaml_reads) -> None:
    (content_copy / "about.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    load_content(content_copy, cache_dir=tmp_path / "cache")
    load_content(content_copy, cache_dir=tmp_path / "cache")
    assert yaml_reads.count("about.yaml") == 2 and yaml_reads.count("calendar.yaml") == 1


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b"[]", b'{"app_version": "0.0.0", "files": {}}']
)
def test_a_damaged_or_old_cache_is_ignored(
    content_copy: Path, tmp_path: Path, garbage: bytes
) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CACHE_FILE).write_bytes(garbage)
    content = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert content.ok
    assert json.loads((tmp_path / "cache" / CACHE_FILE).read_bytes())["files"]


def test_tampered_cache_data_falls_back_to_the_file(content_copy: Path, tmp_path: Path) -> None:
    load_content(content_copy, cache_dir=tmp_path / "cache")
    cache_file = tmp_path / "cache" / CACHE_FILE
    stored = json.loads(cache_file.read_bytes())
    for entry in stored["files"].values():
        entry["data"]["title"] = 42
    cache_file.write_text(json.dumps(stored))
    content = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert content.ok and content.about.title.startswith("Maternal")


def test_an_unwritable_cache_folder_changes_nothing(content_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert load_content(content_copy, cache_dir=blocker / "cache").ok


def test_unchanged_valid_parts_are_built_only_when_used(content_copy: Path, tmp_path: Path) -> None:
    load_content(content_copy, cache_dir=tmp_path / "cache")
    content = load_content(content_copy, cache_dir=tmp_path / "cache")
    assert "calendar" not in vars(content), "not built at start-up"
    assert len(content.calendar.events) == 54
    assert "calendar" in vars(content)
