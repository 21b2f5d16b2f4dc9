"""Where a build's time goes: ``mkdocs build`` of a school folder under a profiler, run on demand.

    python bench/profile_build.py bench/out/n500/school            # cProfile on CPU time: top functions
    python bench/profile_build.py bench/out/n500/school --pyinstrument   # pyinstrument's call tree (wall clock)

cProfile counts CPU time (``time.process_time``), so other work on a busy machine does not show up as ours;
pyinstrument (``pip install pyinstrument``, not a project dependency) samples the wall clock and reads better.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

EPOCH = "1768438800"


def _build(root: Path) -> None:
    from mkdocs.__main__ import cli

    os.chdir(root)
    try:
        cli.main(["build", "--quiet"], standalone_mode=False)
    except SystemExit:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--pyinstrument", action="store_true")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--filter", default="", help="only functions whose file matches (e.g. bangtin)")
    args = parser.parse_args()
    os.environ.update({"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    root = args.root.resolve()
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
        _build(root)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    _build(root)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs() if not args.filter else pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(args.filter or "", args.top)
    stats.sort_stats("tottime").print_stats(args.filter or "", args.top)
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
