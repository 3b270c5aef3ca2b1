#!/bin/sh
# Install MNHSC Desktop into .venv (and, on Debian/Ubuntu as root, the system libraries Qt needs).
#   scripts/install.sh          the app
#   scripts/install.sh --test   the app in editable mode, plus the test tools
# Safe to run again: it only installs what is missing.
set -eu
cd "$(dirname "$0")/.."

# Shared libraries the Qt wheels load (offscreen and X11/xcb), and venv support for Python.
LIBS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
libfreetype.so.6:libfreetype6 libxkbcommon.so.0:libxkbcommon0 libdbus-1.so.3:libdbus-1-3
libglib-2.0.so.0:libglib2.0-0 libxkbcommon-x11.so.0:libxkbcommon-x11-0
libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1 libX11-xcb.so.1:libx11-xcb1"
missing=""
for pair in $LIBS; do
  ldconfig -p 2>/dev/null | grep -q "${pair%%:*}" || missing="$missing ${pair#*:}"
done
if ! command -v python3 >/dev/null; then
  missing="$missing python3 python3-venv"
elif ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Please install these system packages first:$missing" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q .
fi
