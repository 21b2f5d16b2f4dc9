"""Build benchmark: our ``mkdocs build`` against (a) Material's floor and (b) Material blog + mkdocs-rss-plugin.

Run on demand, not in the test suite::

    python bench/run.py                      # N = 100, 500, 2000; 3 runs each; prints the table
    python bench/run.py --sizes 2000 --runs 5
    python bench/run.py --photos             # with photos: adds the second-build column
    python bench/run.py --table              # print the table of the results already in bench/out/
    python bench/run.py --instructions --sizes 100 500   # instruction counts (valgrind), ours and (a): no noise

For each N it writes a synthetic school (bench/synth.py) and the same articles, plans and clubs as two comparison
sites, then times ``python -m mkdocs build`` of each in a child process, the variants taking turns (ours, ours again
with its .cache kept, floor, blog; then the next run): median wall time, median CPU time (user + system of the
child, which other work on the machine disturbs less), peak memory of the child (``wait4``'s ``ru_maxrss``), and the
size of the built site, which each build writes into a RAM folder (``--disk``: into the school's ``site/``). The
ratios are the median of each run's ratio to the other build's run beside it. Results are kept in
``bench/out/results.json`` (one entry per variant and N), so that sizes can be run one at a time.

Comparison (b) needs mkdocs-rss-plugin, whose pins (GitPython<3.2, mkdocs==1.6.1) are not the project's: it is
installed at run time into ``bench/.venv`` (git-ignored), never into the project's environment.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

OUT = HERE / "out"
VENV = HERE / ".venv"
# The comparison's own pins: the same MkDocs and Material as the project, and the RSS plugin's latest release.
BLOG_REQUIREMENTS = ["mkdocs==1.6.1", "mkdocs-material==9.8.1", "mkdocs-rss-plugin==1.19.0"]
EPOCH = "1768438800"  # 2026-01-15 08:00 +07:00: every synthetic article is published
# Every timed or counted build: a fixed "now", and no end-of-life banners in the logs.
BUILD_ENV = {"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BUDGET_FLOOR = 1.15  # our build may take at most 1.15× the floor (a)
VARIANTS = ("ours", "floor", "blog")
RAM = Path("/dev/shm")  # where the timed builds write their sites (site_dir), unless --disk
LABELS = {"ours": "Bảng tin", "rebuild": "Bảng tin, rebuild", "floor": "(a) Material floor", "blog": "(b) blog + rss"}
ROWS = ("ours", "rebuild", "floor", "blog")  # "rebuild": ours again with the .cache of the build before it kept


def blog_python() -> Path:
    """The interpreter of bench/.venv, created and filled on first use."""
    python = VENV / "bin" / "python"
    marker = VENV / "requirements.txt"
    wanted = "\n".join(BLOG_REQUIREMENTS) + "\n"
    if python.exists() and marker.exists() and marker.read_text() == wanted:
        return python
    print(f"Installing {', '.join(BLOG_REQUIREMENTS)} into {VENV.relative_to(REPO)} …", flush=True)
    venv.create(VENV, with_pip=True, clear=True)
    constraints = ["-c", str(REPO / "constraints.txt")] if (REPO / "constraints.txt").exists() else []
    subprocess.run([str(python), "-m", "pip", "install", "-q", *constraints, *BLOG_REQUIREMENTS], check=True)
    marker.write_text(wanted)
    return python


def site_dir(root: Path, disk: bool = False) -> Path:
    """Where a timed build writes its site: a RAM folder, or with ``disk`` the school's own ``site/``.

    On a disk, the kernel's work to create a site's files depends on what was written and deleted there in the last
    minute (ext4 without a journal skips recently freed inodes one by one), so the same build took 0.2 or 0.45 s of
    system time depending on which builds ran before it in that folder. In RAM every build meets the same conditions.
    """
    if disk or not RAM.is_dir():
        return root / "site"
    return RAM / "bangtin-bench" / root.parent.name / root.name


def measure(python: Path, root: Path, cold: bool = True, disk: bool = False) -> dict:
    """One clean ``mkdocs build`` of ``root`` in a child process (``cold``: without the photo cache either)."""
    site = site_dir(root, disk)
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    env = {**os.environ, **BUILD_ENV}
    log = root.parent / f"{root.name}.log"
    os.sync()  # the build before this one (and the removal above) finish writing before this one is timed
    with open(log, "w", encoding="utf-8") as output:
        start = time.perf_counter()
        child = subprocess.Popen([str(python), "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=root, env=env,
                                 stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"build of {root} failed; see {log}")
    text = log.read_text(encoding="utf-8")
    files = [p for p in site.rglob("*") if p.is_file()]
    result = {
        "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "system": usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024, "disk": site == root / "site",
        "site_mb": sum(p.stat().st_size for p in files) / 1e6, "files": len(files),
        "warnings": text.count("WARNING"), "webp": any(p.suffix == ".webp" for p in files),
    }
    if not result["disk"]:
        shutil.rmtree(site)  # RAM is not left holding the site
    return result


_PHOTO_LOG = re.compile(r"Ảnh: (\d+) ảnh mới được xử lý, (\d+) ảnh lấy lại")


def _snapshot(root: Path) -> dict[str, int]:
    """mtime of every file of a school outside its built site (photo caches live there)."""
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*")
            if p.is_file() and "site" not in p.relative_to(root).parts[:1]}


def second_build(python: Path, root: Path, disk: bool = False) -> dict:
    """A rebuild with the photos unchanged: how long it takes and how many cached files it (re)wrote."""
    before = _snapshot(root)
    result = measure(python, root, cold=False, disk=disk)
    after = _snapshot(root)
    result["rewritten"] = sum(1 for path, mtime in after.items() if before.get(path) != mtime)
    result["wired"] = result.pop("webp")
    if match := _PHOTO_LOG.search((root.parent / f"{root.name}.log").read_text(encoding="utf-8")):
        result["processed"], result["reused"] = int(match[1]), int(match[2])
    return result


def write_sites(n: int, photos: bool, variants: tuple[str, ...],
                photo_size: tuple[int, int] = (1600, 1067)) -> tuple[dict[str, Path], dict[str, Path]]:
    """The synthetic school and its comparison sites, and the interpreter that builds each."""
    base = OUT / f"n{n}{'-photos' if photos else ''}"
    print(f"N = {n}: writing the synthetic school{' with photos' if photos else ''} …", flush=True)
    school = synth.make_school(base / "school", n, photos, photo_size=photo_size)
    roots = {"ours": school.root}
    if "floor" in variants:
        roots["floor"] = synth.make_floor(school, base / "floor")
    if "blog" in variants:
        roots["blog"] = synth.make_blog(school, base / "blog")
    pythons = {"ours": Path(sys.executable), "floor": Path(sys.executable)}
    # Bytecode for our package, as a regular install has it (pip compiles MkDocs and Material when it installs
    # them; an editable install of ours only when Python may write bytecode, which PYTHONDONTWRITEBYTECODE stops).
    compileall.compile_dir(REPO / "bangtin", quiet=1)
    if "blog" in variants:
        pythons["blog"] = blog_python()
    return roots, pythons


def run_size(n: int, runs: int, photos: bool, variants: tuple[str, ...],
             photo_size: tuple[int, int] = (1600, 1067), disk: bool = False) -> dict[str, dict]:
    roots, pythons = write_sites(n, photos, variants, photo_size)
    # In turns (ours, rebuild, floor, blog; then the next run), so that a slow spell of a shared machine hits all.
    # A rebuild of ours follows each build of ours without photos: the same, with .cache (compiled templates) kept,
    # as every later build has it on a school's computer and in the Pages workflow, which restores it.
    turns = [t for v in variants for t in ((v, "rebuild") if v == "ours" and not photos else (v,))]
    samples: dict[str, list[dict]] = {turn: [] for turn in turns}
    for run in range(runs):
        for turn in turns:
            variant = "ours" if turn == "rebuild" else turn
            samples[turn].append(measure(pythons[variant], roots[variant], cold=turn != "rebuild", disk=disk))
            last = samples[turn][-1]
            print(f"  {LABELS[turn]:<20} run {run + 1}/{runs}: {last['wall']:.1f} s wall, {last['cpu']:.1f} s CPU "
                  f"({last['user']:.1f} user + {last['system']:.1f} system), {last['rss_mb']:.0f} MB", flush=True)
    results: dict[str, dict] = {}
    for variant, runs_of in samples.items():
        results[variant] = {
            "n": n, "photos": photos, "runs": runs,
            "wall": statistics.median(s["wall"] for s in runs_of),
            "cpu": statistics.median(s["cpu"] for s in runs_of),
            "user": statistics.median(s["user"] for s in runs_of),
            "system": statistics.median(s["system"] for s in runs_of),
            "rss_mb": max(s["rss_mb"] for s in runs_of), "disk": any(s["disk"] for s in runs_of),
            "site_mb": runs_of[-1]["site_mb"], "files": runs_of[-1]["files"], "warnings": runs_of[-1]["warnings"],
        }
        for other in ("floor", "blog"):  # the ratio of each run to the run of the other build beside it
            if variant in ("ours", "rebuild") and other in samples:
                results[variant][f"ratio_{other}"] = statistics.median(
                    mine["cpu"] / theirs["cpu"] for mine, theirs in zip(runs_of, samples[other]))
        if variant == "ours" and photos:
            results[variant]["second"] = second_build(pythons[variant], roots[variant], disk)
    return results


def count_instructions(python: Path, root: Path, cold: bool = True) -> int:
    """The instructions of one clean build, counted by valgrind's cachegrind: the same count on every run, however
    busy the machine (but no system time: what the kernel does to write the files is not in it)."""
    shutil.rmtree(root / "site", ignore_errors=True)
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    env = {**os.environ, **BUILD_ENV, "PYTHONHASHSEED": "0"}  # the same count for the same code (random: ±0.2%)
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               str(python), "-m", "mkdocs", "build", "--quiet"]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or not counted:
        raise SystemExit(f"build of {root} under valgrind failed:\n{done.stderr[-2000:]}")
    return int(counted[1].replace(",", ""))


def instructions(sizes: list[int]) -> str:
    """Instruction counts of our first build, our rebuild and the floor (a), and the ratios, as a Markdown table."""
    lines = ["| N | Bảng tin, G instructions | rebuild | (a) Material floor | ours/(a) | rebuild/(a) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n in sizes:
        roots, pythons = write_sites(n, False, ("ours", "floor"))
        first = count_instructions(pythons["ours"], roots["ours"])
        rebuild = count_instructions(pythons["ours"], roots["ours"], cold=False)
        floor = count_instructions(pythons["floor"], roots["floor"])
        lines.append(f"| {n} | {first / 1e9:.2f} | {rebuild / 1e9:.2f} | {floor / 1e9:.2f} | "
                     f"{first / floor:.2f} | {rebuild / floor:.2f} |")
        print(lines[-1], flush=True)
    return "\n".join(lines)


def load_results() -> dict[str, dict]:
    path = OUT / "results.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_results(new: dict[str, dict]) -> None:
    results = load_results()
    results.update(new)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")


def table(results: dict[str, dict]) -> str:
    """The results as a Markdown table, with the budget verdicts."""
    keys = sorted({(r["n"], r["photos"]) for r in results.values()})
    lines = [
        "| N | photos | build | wall s (median) | CPU s (median) | user + system s | peak MB | site MB | files | "
        "ours/(a) CPU | ours/(b) CPU | 2nd build, photos unchanged |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for n, photos in keys:
        tag = f"{n}{'-photos' if photos else ''}"
        for variant in ROWS:
            r = results.get(f"{variant}/{tag}")
            if r is None:
                continue
            floor_ratio = blog_ratio = second = ""
            if variant in ("ours", "rebuild"):
                if photos:
                    floor_ratio = "n/a: (a) copies photos as they are"
                elif (floor := results.get(f"floor/{tag}")):
                    ratio = r.get("ratio_floor") or r["cpu"] / floor["cpu"]
                    floor_ratio = f"{ratio:.2f} {'✅' if ratio <= BUDGET_FLOOR else '❌'}"
                if (blog := results.get(f"blog/{tag}")):
                    ratio = r.get("ratio_blog") or r["cpu"] / blog["cpu"]
                    blog_ratio = f"{ratio:.2f} {'✅' if ratio < 1 else '❌'}"
                if photos and (s := r.get("second")):
                    if not s["wired"]:
                        second = "not measured: photos are not wired into the build yet"
                    elif "processed" in s:
                        second = (f"{s['processed']} reprocessed, {s['reused']} from cache; "
                                  f"{s['rewritten']} files rewritten; {s['cpu']:.1f} s CPU")
                    else:
                        second = f"{s['rewritten']} files rewritten; {s['cpu']:.1f} s CPU"
                elif not photos and variant == "ours":
                    second = "(run with --photos)"
            split = f"{r['user']:.2f} + {r['system']:.2f}" if "user" in r else ""
            lines.append(
                f"| {n} | {'yes' if photos else 'no'} | {LABELS[variant]} | {r['wall']:.1f} | {r['cpu']:.1f} | {split} | "
                f"{r['rss_mb']:.0f} | {r['site_mb']:.1f} | {r['files']} | {floor_ratio} | {blog_ratio} | {second} |"
            )
    on_disk = sorted({(r["n"], r["photos"]) for r in results.values() if r.get("disk", True)})  # older results too
    where = ", ".join(f"N = {n}{' with photos' if photos else ''}" for n, photos in on_disk)
    lines.append("")
    lines.append("Built sites written into a RAM folder" + (f", but on disk for {where}." if on_disk else "."))
    lines.append("")
    lines.append(_growth(results))
    return "\n".join(lines)


def _growth(results: dict[str, dict]) -> str:
    """Linearity: CPU time and site size per article between consecutive sizes (1.00 = perfectly linear)."""
    rows = []
    for variant in ROWS:
        for photos in (False, True):
            points = sorted((r["n"], r) for k, r in results.items()
                            if k.startswith(variant + "/") and r["photos"] == photos)
            for (n1, r1), (n2, r2) in zip(points, points[1:]):
                rows.append(
                    f"| {LABELS[variant]} | {'yes' if photos else 'no'} | {n1} → {n2} | "
                    f"{(r2['cpu'] / n2) / (r1['cpu'] / n1):.2f} | {(r2['site_mb'] / n2) / (r1['site_mb'] / n1):.2f} |"
                )
    if not rows:
        return ""
    return "\n".join([
        "Growth (per-article cost at the larger N ÷ at the smaller N; ≈1 or below is linear, fixed costs make it < 1):",
        "",
        "| build | photos | N | CPU per article | site size per article |",
        "| --- | --- | --- | ---: | ---: |",
        *rows,
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", action="store_true", help="3 photos per article (cover + 2 in the body)")
    parser.add_argument("--photo-size", type=int, nargs=2, default=[1600, 1067], metavar=("W", "H"))
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--disk", action="store_true",
                        help="write each built site into the school's folder on disk, not into a RAM folder")
    parser.add_argument("--table", action="store_true", help="only print the table of bench/out/results.json")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind (Debian's valgrind) instead of timing; ours and (a)")
    args = parser.parse_args()
    if args.instructions:
        print(instructions(args.sizes))
        return
    if not args.table:
        for n in args.sizes:
            results = run_size(n, args.runs, args.photos, tuple(args.variants), tuple(args.photo_size), args.disk)
            save_results({f"{variant}/{n}{'-photos' if args.photos else ''}": r for variant, r in results.items()})
    print()
    print(table(load_results()))


if __name__ == "__main__":
    main()
