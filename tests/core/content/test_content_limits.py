"""Hostile content folders (a trust's, or one tampered with): each is refused in words, quickly,
and the app starts on the shipped content. Each load runs in a child process under a memory cap
(resource.setrlimit), so a regression fails instead of swapping the machine."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, SHIPPED_CONTENT, run_python

resource = pytest.importorskip("resource")  # POSIX only
MEMORY_CAP = 1024 * 1024 * 1024  # 1 GiB of address space: Python with PyYAML needs ~100 MB


def load_capped(folder: Path, cache: Path) -> dict:
    """Load `folder` over the shipped content in a child process capped in memory and time."""
    code = textwrap.dedent(
        f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))
        from pathlib import Path
        from mnhsc_desktop.core.content.content import load_content
        content = load_content(Path({str(folder)!r}), Path({str(cache)!r}), base=Path({str(SHIPPED_CONTENT)!r}))
        print(json.dumps({{
            "errors": [str(e) for e in content.errors],
            "calendar": content.calendar is not None and len(content.calendar.events),
            "ladder": content.ladder is not None,
            "culture": content.culture is not None,
        }}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = run_python(code, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    folder = tmp_path / "trust"
    shutil.copytree(SHIPPED_CONTENT, folder)
    return folder


BILLION_LAUGHS = (
    "schema_version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(9)
    )
)


def test_an_alias_bomb_is_refused_quickly_and_shipped_content_used(trust: Path, tmp_path) -> None:
    (trust / "ladder.yaml").write_text(BILLION_LAUGHS)
    result = load_capped(trust, tmp_path / "cache")
    assert result["ladder"], "the shipped ladder is used instead"
    assert any("ladder.yaml, line" in e and "aliases" in e for e in result["errors"]), result
    cache = tmp_path / "cache" / "content-cache.json"
    assert cache.stat().st_size < 1_000_000


def test_a_few_aliases_to_a_huge_text_are_refused(trust: Path, tmp_path) -> None:
    big = "x" * 3_000_000
    text = f"schema_version: 1\nnote: &n '{big}'\nmore: [{', '.join(['*n'] * 20)}]\n"
    (trust / "culture.yaml").write_text(text)
    result = load_capped(trust, tmp_path / "cache")
    assert result["culture"]
    assert any("culture.yaml" in e and "million characters" in e for e in result["errors"])


def test_a_900_deep_list_is_refused(trust: Path, tmp_path) -> None:
    (trust / "about.yaml").write_text("schema_version: 1\ntitle: " + "[" * 900 + "]" * 900 + "\n")
    result = load_capped(trust, tmp_path / "cache")
    assert any("about.yaml, line" in e and "levels deep" in e for e in result["errors"]), result


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_or_out_of_the_folder_is_not_read(trust: Path, tmp_path) -> None:
    (trust / "ladder.yaml").unlink()
    (trust / "ladder.yaml").symlink_to("/dev/zero")
    outside = tmp_path / "secret.yaml"
    outside.write_text("schema_version: 1\npassword: hunter2\n")
    (trust / "culture.yaml").unlink()
    (trust / "culture.yaml").symlink_to(outside)
    result = load_capped(trust, tmp_path / "cache")
    assert result["ladder"] and result["culture"]
    assert any("ladder.yaml" in e and "outside the content folder" in e for e in result["errors"])
    assert not any("hunter2" in e for e in result["errors"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_hang(trust: Path, tmp_path) -> None:
    (trust / "calendar.yaml").unlink()
    os.mkfifo(trust / "calendar.yaml")
    result = load_capped(trust, tmp_path / "cache")
    assert result["calendar"] > 0
    assert any("calendar.yaml" in e and "not an ordinary file" in e for e in result["errors"])


def test_content_check_does_not_echo_control_characters(trust: Path) -> None:
    (trust / "about.yaml").write_text('schema_version: "\\e[31mFAKE\\nLINE"\n"\\e[2J": 1\n')
    code = (
        "import sys\nfrom mnhsc_desktop.cli.main import main\n"
        f"sys.exit(main(['content', 'check', {str(trust)!r}]))\n"
    )
    result = run_python(code, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "FAKE\nLINE" not in result.stdout + result.stderr
    assert "\\x1b[31mFAKE\\nLINE" in result.stderr  # shown, escaped


def test_shipped_content_is_well_within_the_limits() -> None:
    from mnhsc_desktop.core.content.schema import load_yaml

    for path in SHIPPED_CONTENT.glob("*.yaml"):
        load_yaml(path)
    assert sys.getrecursionlimit() >= 1000
