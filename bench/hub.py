"""A hub of N members: cold fetch, warm fetch (every file 304), hub build, its size and memory.

Run on demand: ``python bench/hub.py`` (``--sizes 250 1000``, ``--runs 1``). Needs no network: every member is
served on 127.0.0.1 (its own port) by ``tests/member_sites.py`` (aiohttp, with ETag and Last-Modified as GitHub
Pages sends them).

The members' files are real: the sample school is built once by the engine, and each member gets a copy of its
``van-ban.json``, ``cau-lac-bo.json`` and ``atom.xml`` with its own name, address and document numbers; half of them
cite the hub's plan (4400/KH-SGDĐT), the others another number; a third have their clubs set inactive. A few are
not well: per 1,000, 4 slower than the fetch timeout, 4 answering 404, 4 with invalid XML, 4 with an
entity-expansion bomb, 4 with scripts and event handlers in their feed's HTML.

Printed per size: cold fetch (s), warm fetch (s), bytes received cold and warm, the warm fetch's answers, the
hub's build time (``mkdocs build --strict`` in a subprocess, wall time), the built site's size, and the build's peak
memory (the child's maximum resident set).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from member_sites import MemberServer, MemberSite  # noqa: E402

from bangtin.dates import VN_TZ  # noqa: E402
from bangtin.hub.fetch import fetch_members  # noqa: E402
from bangtin.hub.members import Member  # noqa: E402

SAMPLE_URL, SAMPLE_NAME = "https://mnhoasen.github.io/", "Trường Mầm non Hoa Sen"
TIMEOUT = 8.0
BOMB = ('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a0 "lol">'
        + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
        + ']><feed xmlns="http://www.w3.org/2005/Atom"><title>&a9;</title></feed>')
HOSTILE_ENTRY = ('<entry><title>Tin độc</title><link href="{url}doc/"/><published>2026-01-14T08:00:00+07:00</published>'
                 '<content type="html">&lt;p onmouseover="steal()"&gt;x&lt;script&gt;steal()&lt;/script&gt;'
                 '&lt;a href="javascript:steal()"&gt;y&lt;/a&gt;&lt;/p&gt;</content></entry></feed>')


def build_sample(work: Path) -> Path:
    """The sample school built once by the engine; its files are every member's template."""
    site = work / "sample"
    for name in ("hooks", "overrides", "docs", "plans", "news", "clubs", "cong-khai"):
        shutil.copytree(REPO / name, site / name)
    shutil.copy(REPO / "mkdocs.yml", site / "mkdocs.yml")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=site, check=True,
                   env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1768438800", "NO_MKDOCS_2_WARNING": "1"})
    return site / "site"


def write_members(work: Path, n: int) -> list[MemberSite]:
    """The member sites: a few slower than the timeout, a few missing (their files come once ports are known)."""
    sites = [MemberSite(work / f"m{i:04d}") for i in range(n)]
    sick = max(1, n // 250)  # 4 of each trouble per 1,000
    for i, site in enumerate(sites):
        if i < sick:
            site.delay = TIMEOUT * 2
        elif i < 2 * sick:
            site.folder = None
    return sites


def fill_members(sites: list[MemberSite], template: Path) -> list[Member]:
    """Now that the ports are known: each member's files, its own name and address in them."""
    texts = {name: (template / name).read_text(encoding="utf-8") for name in ("van-ban.json", "cau-lac-bo.json", "atom.xml")}
    sick = max(1, len(sites) // 250)
    members = []
    for i, site in enumerate(sites):
        name = f"Trường Mầm non Số {i + 1}"
        members.append(Member(name, site.url, f"MN{i + 1}", ["mầm non", "tiểu học", "THCS", "THPT"][i % 4]))
        if site.folder is None:
            continue
        site.folder.mkdir(parents=True, exist_ok=True)
        for file, text in texts.items():
            text = text.replace(SAMPLE_URL, site.url).replace(SAMPLE_NAME, name).replace("MNHS", f"MN{i + 1}")
            if i % 2:
                text = text.replace("4400/KH-SGDĐT", "4401/KH-SGDĐT")
            if file == "cau-lac-bo.json" and i % 3 == 0:
                text = text.replace('"status": "active"', '"status": "inactive"')
            if file == "atom.xml" and 2 * sick <= i < 3 * sick:
                text = text[: len(text) // 2]  # cut off: invalid XML
            if file == "atom.xml" and 3 * sick <= i < 4 * sick:
                text = BOMB
            if file == "atom.xml" and 4 * sick <= i < 5 * sick:
                text = text.replace("</feed>", HOSTILE_ENTRY.format(url=site.url))
            (site.folder / file).write_text(text, encoding="utf-8")
    return members


def hub_site(work: Path, members: list[Member]) -> Path:
    root = work / "hub"
    shutil.copytree(REPO / "examples" / "hub", root)
    for name in ("hooks", "overrides"):
        shutil.copytree(REPO / name, root / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../overrides", "overrides").replace("../../hooks/", "hooks/")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    rows = [{"name": m.name, "short": m.short, "site_url": m.site_url, "level": m.level} for m in members]
    (root / "truong.yml").write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def build(root: Path) -> tuple[float, int]:
    """Wall seconds and the child's peak resident memory (bytes) of ``mkdocs build --strict``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, check=True,
                   env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1768438800", "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) * 1024


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def answers(sites: list[MemberSite]) -> Counter:
    """Every answer the member sites have sent so far, by status."""
    return sum((site.statuses for site in sites), Counter())


def run(n: int, template: Path, work: Path) -> dict:
    sites = write_members(work, n)
    with MemberServer(sites):
        members = fill_members(sites, template)
        root = hub_site(work, members)
        now = datetime(2026, 1, 15, 8, tzinfo=VN_TZ)
        started = time.perf_counter()
        cold = fetch_members(root, members, now, timeout=TIMEOUT)
        cold_s = time.perf_counter() - started
        before = answers(sites)
        started = time.perf_counter()
        warm = fetch_members(root, members, now, timeout=TIMEOUT)
        warm_s = time.perf_counter() - started
        after = answers(sites)
    build_s, memory = build(root)
    return {
        "members": n, "cold_s": cold_s, "warm_s": warm_s,
        "cold_bytes": sum(o.received for o in cold), "warm_bytes": sum(o.received for o in warm),
        "warm_answers": dict(sorted((after - before).items())),
        "failed": sum(o.result == "failed" for o in warm), "build_s": build_s,
        "site_bytes": size_of(root / "site"), "build_memory": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        template = build_sample(work)
        rows = []
        for n in args.sizes:
            folder = work / f"n{n}"
            folder.mkdir()
            rows.append(run(n, template, folder))
            shutil.rmtree(folder)
    print(f"{'members':>8} {'cold fetch':>11} {'warm fetch':>11} {'cold bytes':>11} {'warm bytes':>11} "
          f"{'build':>8} {'site':>9} {'build RSS':>10}  warm answers (failed files)")
    for r in rows:
        print(f"{r['members']:>8} {r['cold_s']:>10.1f}s {r['warm_s']:>10.1f}s {r['cold_bytes'] / 1e6:>9.1f}MB "
              f"{r['warm_bytes'] / 1e6:>9.2f}MB {r['build_s']:>7.1f}s {r['site_bytes'] / 1e6:>7.1f}MB "
              f"{r['build_memory'] / 1e6:>8.0f}MB  {r['warm_answers']} ({r['failed']})")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        scale = b["members"] / a["members"]
        print(f"×{scale:g} members: cold fetch ×{b['cold_s'] / a['cold_s']:.2f}, build ×{b['build_s'] / a['build_s']:.2f}, "
              f"site ×{b['site_bytes'] / a['site_bytes']:.2f}, build memory ×{b['build_memory'] / a['build_memory']:.2f}")


if __name__ == "__main__":
    main()
