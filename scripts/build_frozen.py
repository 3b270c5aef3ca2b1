"""Build the one-folder frozen app, show where the megabytes go, and hold it to its size budget.

    python scripts/build_frozen.py [--archive]

Writes build/frozen/dist/mnhsc-desktop/ (and, with --archive on Linux, a .tar.gz beside it).
Exits 1 when the Linux folder is over 110 MiB (1 MiB = 1,048,576 bytes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "frozen"
BUDGET_MIB = 110


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--archive", action="store_true", help="also pack the folder as a .tar.gz (Linux)"
    )
    args = parser.parse_args()
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(OUT / "dist"), "--workpath", str(OUT / "work"), str(ROOT / "build_installer.spec"),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    app = OUT / "dist" / "mnhsc-desktop"
    files = sorted(
        (
            (p.stat().st_size, p.relative_to(app))
            for p in app.rglob("*")
            if p.is_file() and not p.is_symlink()
        ),
        reverse=True,
    )
    print("\nLargest files in the build:")
    for size, path in files[:20]:
        print(f"  {size / 1048576:7.2f} MiB  {path}")
    total = folder_size(app) / 1048576
    print(f"\nTotal: {total:.1f} MiB in {len(files)} files (budget {BUDGET_MIB} MiB on Linux)")
    if args.archive and sys.platform.startswith("linux"):
        sys.path.insert(0, str(ROOT))
        from mnhsc_desktop import __version__

        archive = OUT / "dist" / f"mnhsc-desktop-{__version__}-linux-{os.uname().machine}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(app, arcname="mnhsc-desktop")
        print(f"Archive: {archive} ({archive.stat().st_size / 1048576:.1f} MiB)")
    if sys.platform.startswith("linux") and total > BUDGET_MIB:
        print(f"OVER BUDGET by {total - BUDGET_MIB:.1f} MiB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
