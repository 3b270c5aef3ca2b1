"""Start-up time and peak memory of the app against a bare PySide6 window, run side by side.

    python benchmarks/startup.py [--runs 15] [--check] [--frozen build/frozen/dist/mnhsc-desktop]

Runs alternate (app, bare, app, bare, …) so machine noise hits both alike; figures are medians.
Budget: at most 1.4x the bare window's time and at most 30 MiB more peak memory. Prints the
figures; with --check, exits 1 when over budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIME_BUDGET = 1.4
MEMORY_BUDGET_MIB = 30


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    parser.add_argument(
        "--frozen", type=Path, metavar="DIR", help="time the frozen build in DIR instead"
    )
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed app has its bytecode compiled (pip does it at install time); make sure the
    # warm-up run leaves .pyc files for an editable install too, instead of timing the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as data:
        installed = Path(sys.executable).parent / "mnhsc-desktop"  # what a user runs
        launcher = (
            [str(installed)] if installed.exists() else [sys.executable, "-m", "mnhsc_desktop"]
        )
        app = [*launcher, "--data-dir", data, "--quit-after-startup"]
        bare = [sys.executable, str(HERE / "bare_qt.py")]
        measure(app, env), measure(bare, env)  # warm the disk cache for both
        app_runs, bare_runs = [], []
        for _ in range(args.runs):
            app_runs.append(measure(app, env))
            bare_runs.append(measure(bare, env))
    app_time = statistics.median(t for t, _ in app_runs)
    bare_time = statistics.median(t for t, _ in bare_runs)
    app_mem = statistics.median(m for _, m in app_runs)
    bare_mem = statistics.median(m for _, m in bare_runs)
    ratio = app_time / bare_time
    extra = app_mem - bare_mem
    print(f"runs each:          {args.runs} (alternating), medians")
    print(f"bare Qt window:     {bare_time * 1000:6.0f} ms  {bare_mem:6.1f} MiB peak")
    label = "MNHSC Desktop (frozen):" if args.frozen else "MNHSC Desktop:"
    print(f"{label:<20}{app_time * 1000:6.0f} ms  {app_mem:6.1f} MiB peak")
    print(f"time ratio:         {ratio:6.2f}x   (budget {TIME_BUDGET}x)")
    print(f"extra memory:       {extra:+6.1f} MiB (budget +{MEMORY_BUDGET_MIB} MiB)")
    within = ratio <= TIME_BUDGET and extra <= MEMORY_BUDGET_MIB
    print("verdict:           ", "within budget" if within else "OVER BUDGET")
    return 0 if within or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
