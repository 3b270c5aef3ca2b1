"""Offline is a feature: start-up, every tab and saving make no network connection at all."""

from __future__ import annotations

import socket
import sys

import pytest

_attempts: list[str] = []
_watching = False
_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"}


def _audit(event: str, args: tuple) -> None:
    if _watching and event in _NETWORK_EVENTS:
        _attempts.append(f"{event} {args!r}")
        raise ConnectionRefusedError(f"network use during an offline test: {event}")


sys.addaudithook(_audit)  # audit hooks cannot be removed; they act only while _watching is set


@pytest.fixture
def network_forbidden():
    global _watching
    _attempts.clear()
    _watching = True
    try:
        yield _attempts
    finally:
        _watching = False


def test_the_watch_catches_a_connection(network_forbidden) -> None:
    """The detector works (so the next test can fail)."""
    with pytest.raises(ConnectionRefusedError), socket.socket() as probe:
        probe.connect(("192.0.2.1", 9))  # never sent: the hook refuses before any packet
    assert len(network_forbidden) == 1


def test_start_up_every_tab_and_save_make_no_connection(
    network_forbidden, make_window, qtbot
) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    window.show_about_collaborative()
    window.about_page.copy_buttons[0].click()
    window.close()
    assert network_forbidden == []
