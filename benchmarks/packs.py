"""Session pack figures: export and import of a session with 200 MB of films, each against a
plain zipfile copy of the same files run beside it, and the memory each takes.

    python benchmarks/packs.py [--megabytes 200]

Budget (from the workshop kit issue): export and import each <= 1.5x a plain `zipfile` copy of
the same files (stored, as films are); memory flat (streamed, never read whole): the peak of
Python allocations stays a few MB whatever the films weigh. Rounds alternate ours and the baseline; medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

from measure import median_seconds

from mnhsc_desktop.core.culture.attachments import attach
from mnhsc_desktop.core.culture.pack_export import write_pack
from mnhsc_desktop.core.culture.pack_import import install_pack, read_pack, staging_for
from mnhsc_desktop.core.culture.plans import Plan, PlanItem, save_plan
from mnhsc_desktop.core.store.store import Store


def peak_mib(action) -> float:
    tracemalloc.start()
    action()
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024**2


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        films = root / "films"
        films.mkdir()
        store = Store.open(root / "here")
        each = args.megabytes // 4
        paths = []
        for n in range(4):
            path = films / f"film-{n}.mp4"
            with path.open("wb") as out:
                for _ in range(each):
                    out.write(os.urandom(1024**2))
            attach(store, "safety-huddle", path)
            paths.append(path)
        plan = Plan("p1", "Ward 5", (PlanItem("activity", "Safety huddle", 20, "safety-huddle"),))
        save_plan(store, plan)
        pack, plain = root / "session.mnhscpack", root / "plain.zip"

        def baseline_export() -> None:
            with zipfile.ZipFile(plain, "w", zipfile.ZIP_STORED) as out:
                for path in paths:
                    out.write(path, f"files/safety-huddle/{path.name}")

        counter = iter(range(1000))

        def baseline_import() -> None:  # the same pack, unpacked by zipfile with no checks
            with zipfile.ZipFile(pack) as reading:
                reading.extractall(root / f"plain-{next(counter)}")

        def ours_import() -> None:
            there = Store.open(root / f"there-{next(counter)}")
            install_pack(read_pack(pack, staging_for(there)), there)

        # Alternating, so the disk's write-back and the machine's noise hit both alike.
        write_pack(pack, store, plan, None)
        base_out, ours_out, base_in, ours_in = [], [], [], []

        def timed(action, into: list) -> None:
            os.sync()  # each starts with the disk's write-back of the one before finished
            into.append(median_seconds(action, 1))

        for _round in range(args.rounds):
            timed(baseline_export, base_out)
            timed(lambda: write_pack(pack, store, plan, None), ours_out)
        for _round in range(args.rounds):
            timed(baseline_import, base_in)
            timed(ours_import, ours_in)
        base_out, ours_out, base_in, ours_in = (statistics.median(t) for t in
                                                (base_out, ours_out, base_in, ours_in))  # fmt: skip
        memory_out = peak_mib(lambda: write_pack(pack, store, plan, None))
        memory_in = peak_mib(ours_import)
    print(
        f"{args.megabytes} MB of films in 4 files; medians of alternating rounds, beside a plain zipfile copy"
    )
    for name, ours, base, memory in (("export", ours_out, base_out, memory_out),
                                     ("import (check + take in)", ours_in, base_in, memory_in)):  # fmt: skip
        ratio = ours / base
        verdict = "within budget" if ratio <= 1.5 and memory < 32 else "OVER BUDGET"
        print(f"{name:<26}{ours * 1000:8.0f} ms  {ratio:4.2f}x zipfile ({base * 1000:.0f} ms)  "
              f"peak {memory:5.1f} MiB  {verdict}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
