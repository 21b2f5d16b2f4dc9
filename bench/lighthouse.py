"""Lighthouse mobile scores of the sample school: the home page and an article.

Run on demand; a benchmark, not a test (the performance score moves by a few points between runs)::

    python bench/lighthouse.py                   # build the sample school, print the scores
    python bench/lighthouse.py --runs 3          # three runs per page, the median score
    python bench/lighthouse.py --page ke-hoach/2025/259-kh-mnhs/

Lighthouse is not a dependency of the project: the first run installs it with npm into
``bench/.lighthouse/`` (git-ignored). It drives Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``) with
its default mobile settings (Moto G Power, simulated slow 4G). The site is built from this repository's
sample school with ``site_url`` set to the local server's address, and served like GitHub Pages (gzip for
text, bench/page_weight.py's server), so that Lighthouse sees what a parent's phone would get.

Targets: performance ≥ 95; accessibility, best practices and SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from page_weight import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"
INSTALL_DIR = HERE / ".lighthouse"
CLI = INSTALL_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")
PAGES = ["", "tin-tuc/2025/12/be-vui-ngay-hoi-stem/"]


def install() -> Path:
    """Lighthouse in bench/.lighthouse/, installed by npm on first use."""
    if not CLI.is_file():
        INSTALL_DIR.mkdir(exist_ok=True)
        (INSTALL_DIR / ".gitignore").write_text("*\n", encoding="utf-8")
        print(f"Installing lighthouse {LIGHTHOUSE_VERSION} into {INSTALL_DIR.relative_to(REPO)}/ …", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(INSTALL_DIR), "--no-audit", "--no-fund", "--no-save",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, stdout=subprocess.DEVNULL)
    return CLI


def build_sample(root: Path, site_url: str) -> Path:
    """The repository's sample school, built with ``site_url`` pointing at the local server."""
    from sitebuild import copy_sample, run_mkdocs

    copy_sample(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", text, count=1), encoding="utf-8")
    cache = REPO / ".cache"
    if cache.is_dir():  # reuse the photos already encoded by a build in the repository
        shutil.copytree(cache, root / ".cache", dirs_exist_ok=True)
    build = run_mkdocs(root)
    if build.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{build.output}")
    return build.site


def run(cli: Path, url: str, out: Path) -> dict:
    """One Lighthouse run (mobile); returns the JSON report."""
    profile = tempfile.mkdtemp(prefix="lh-profile-")
    flags = " ".join([*CHROMIUM_ARGS, "--headless=new", "--disable-quic", f"--user-data-dir={profile}"])
    try:
        subprocess.run(
            ["node", str(cli), url, f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}",
             "--output=json", f"--output-path={out}", "--quiet"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", help="a page address in the site (repeatable); default: home and an article")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is printed")
    parser.add_argument("--keep", type=Path, help="a folder to keep the JSON reports in")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cli = install()

    below = []
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        root = Path(scratch) / "school"
        reports = args.keep or Path(scratch) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        with serve(root / "site") as server:
            build_sample(root, server.url)
            for path in args.page or PAGES:
                results = []
                for number in range(args.runs):
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{number + 1}.json"
                    results.append(run(cli, server.url + path, reports / name))
                scores = {c: statistics.median(round(100 * r["categories"][c]["score"]) for r in results)
                          for c in CATEGORIES}
                metrics = {m: statistics.median(r["audits"][m]["numericValue"] for r in results) for m in METRICS}
                weight = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in results)
                print(f"/{path}")
                print("  " + "  ".join(f"{c} {s:g}" for c, s in scores.items()))
                print(f"  FCP {metrics['first-contentful-paint'] / 1000:.1f} s · LCP "
                      f"{metrics['largest-contentful-paint'] / 1000:.1f} s · TBT {metrics['total-blocking-time']:.0f} ms"
                      f" · CLS {metrics['cumulative-layout-shift']:.3f} · Speed Index {metrics['speed-index'] / 1000:.1f} s"
                      f" · {weight / 1000:.0f} KB")
                for result in results[:1]:
                    for category in CATEGORIES:
                        for ref in result["categories"][category]["auditRefs"]:
                            audit = result["audits"][ref["id"]]
                            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                                print(f"    {category}: {ref['id']} ({audit['score']:.2f}) {audit['title']}")
                below += [f"/{path} {c} {s:g} < {TARGETS[c]}" for c, s in scores.items() if s < TARGETS[c]]
    if below:
        print("Below target: " + "; ".join(below))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
