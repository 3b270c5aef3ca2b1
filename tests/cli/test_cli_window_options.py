"""The window's options, read without building a parser, mean exactly what argparse makes of them."""

from __future__ import annotations

import pytest

from mnhsc_desktop.cli.main import build_parser, window_options

SAME_AS_ARGPARSE = [
    [],
    ["--quit-after-startup"],
    ["--data-dir", "/tmp/a b"],
    ["--data-dir=/tmp/x", "--content-dir", "c"],
    ["--content-dir=", "--quit-after-startup"],
    ["--data-dir", "one", "--data-dir", "two"],  # the last one wins, as in argparse
]
LEFT_TO_ARGPARSE = [
    ["--help"],
    ["--version"],
    ["--data", "x"],  # argparse accepts abbreviations; they are its to read
    ["--data-dir"],
    ["--data-dir", "-x"],
    ["calendar", "export", "out.ics"],
    ["--data-dir", "d", "record", "export", "r.pdf"],
    ["stray"],
]


@pytest.mark.parametrize("words", SAME_AS_ARGPARSE)
def test_read_as_argparse_would(words):
    fast = window_options(words)
    assert fast is not None
    assert vars(fast) == vars(build_parser(with_commands=False).parse_args(words))


@pytest.mark.parametrize("words", LEFT_TO_ARGPARSE)
def test_anything_else_is_left_to_argparse(words):
    assert window_options(words) is None


def test_opening_the_window_builds_no_parser(monkeypatch):
    import mnhsc_desktop.cli.main as cli

    def no_parser(*_args, **_kwargs):
        raise AssertionError("a parser was built")

    seen = []
    monkeypatch.setattr(cli, "build_parser", no_parser)
    monkeypatch.setattr(cli, "_dispatch", lambda args: seen.append(args) or 0)
    assert cli.main(["--data-dir", "x", "--quit-after-startup"]) == 0
    assert seen[0].data_dir == "x" and seen[0].command is None
