"""The content folder: shipped content is valid; broken folders are reported, never fatal."""

from __future__ import annotations

from pathlib import Path

from mnhsc_desktop.core.content.content import CONTENT_FILES, load_content
from mnhsc_desktop.core.store.paths import shipped_content_dir
from tests.conftest import SHIPPED_CONTENT


def test_shipped_content_is_valid_and_found_from_the_package() -> None:
    assert shipped_content_dir().resolve() == SHIPPED_CONTENT.resolve()
    content = load_content(shipped_content_dir())
    assert content.errors == ()
    assert content.about is not None
    assert content.about.summary.startswith("The Maternal and Neonatal Health Safety Collaborative")


def test_every_shipped_file_declares_its_schema_version() -> None:
    for name in CONTENT_FILES:
        assert (SHIPPED_CONTENT / name).read_text(encoding="utf-8").count("schema_version: 1") == 1


def test_missing_and_unknown_files_are_reported(content_copy: Path) -> None:
    (content_copy / "about.yaml").unlink()
    (content_copy / "extra.yaml").write_text("a: 1\n", encoding="utf-8")
    messages = [str(e) for e in load_content(content_copy).errors]
    assert "about.yaml: is missing from the content folder" in messages
    assert any(m.startswith("extra.yaml: is not a content file") for m in messages)


def test_a_broken_file_costs_only_its_own_part(content_copy: Path) -> None:
    about = content_copy / "about.yaml"
    about.write_text(about.read_text(encoding="utf-8").replace("short_name:", "shortname:"))
    content = load_content(content_copy)
    assert content.about is None
    assert {e.field for e in content.errors} == {"shortname", "short_name"}


def test_newer_schema_is_named_as_such(content_copy: Path) -> None:
    about = content_copy / "about.yaml"
    about.write_text(
        about.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 7")
    )
    (error,) = load_content(content_copy).errors
    assert "newer version of MNHSC Desktop (schema 7" in str(error)
    assert error.line == 4


def test_older_or_wrong_schema_version_is_an_error(content_copy: Path) -> None:
    about = content_copy / "about.yaml"
    about.write_text(
        about.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 0")
    )
    (error,) = load_content(content_copy).errors
    assert str(error) == "about.yaml, line 4, field 'schema_version': should be 1 (got 0)"


def test_a_folder_that_is_not_there(tmp_path: Path) -> None:
    (error,) = load_content(tmp_path / "nowhere").errors
    assert "is not a folder that can be read" in str(error)
