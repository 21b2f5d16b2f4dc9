"""The editor's packages on a computer without npm: fetched from a registry (here one on 127.0.0.1), each checked
against package-lock.json before it is unpacked."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import io
import json
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bangtin.admin.vendor import MODULES_CACHE, VendorError, find_modules


def tarball(name: str, version: str) -> bytes:
    """A package as npm publishes it: a gzipped tar with everything under ``package/``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in {"package.json": json.dumps({"name": name, "version": version}),
                           "dist/index.js": f"/* {name} */\n"}.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


PACKAGES = {"@sveltia/cms": "0.221.1", "immutable": "5.1.9"}


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """A registry serving ``files`` (address path → bytes) on 127.0.0.1, set as npm's registry."""
    files: dict[str, bytes] = {}
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            requested.append(self.path)
            data = files.get(self.path)
            self.send_response(200 if data is not None else 404)
            self.end_headers()
            self.wfile.write(data or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("npm_config_registry", f"http://127.0.0.1:{server.server_address[1]}/")
    files["requested"] = requested  # type: ignore[assignment]
    yield files
    server.shutdown()


def school(root: Path, tarballs: dict[str, bytes]) -> Path:
    (root / "package.json").write_text(json.dumps({"dependencies": PACKAGES}), encoding="utf-8")
    lock = {"packages": {f"node_modules/{name}": {"version": PACKAGES[name], "integrity": integrity(data)}
                         for name, data in tarballs.items()}}
    (root / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    return root


def test_packages_are_fetched_checked_and_kept(tmp_path: Path, registry: dict) -> None:
    tarballs = {name: tarball(name, version) for name, version in PACKAGES.items()}
    registry["/@sveltia/cms/-/cms-0.221.1.tgz"] = tarballs["@sveltia/cms"]
    registry["/immutable/-/immutable-5.1.9.tgz"] = tarballs["immutable"]
    root = school(tmp_path, tarballs)
    modules = find_modules(root)
    assert modules == root / MODULES_CACHE
    assert (modules / "@sveltia" / "cms" / "dist" / "index.js").read_text() == "/* @sveltia/cms */\n"
    assert json.loads((modules / "immutable" / "package.json").read_text())["version"] == "5.1.9"
    assert len(registry["requested"]) == 2
    assert find_modules(root) == modules and len(registry["requested"]) == 2  # kept: no second download


def test_a_tarball_that_does_not_match_the_lock_is_refused(tmp_path: Path, registry: dict) -> None:
    tarballs = {name: tarball(name, version) for name, version in PACKAGES.items()}
    root = school(tmp_path, tarballs)
    registry["/@sveltia/cms/-/cms-0.221.1.tgz"] = tarball("@sveltia/cms", "0.221.1") + b"tampered"
    with pytest.raises(VendorError, match="không khớp mã kiểm tra"):
        find_modules(root)
    assert not (root / MODULES_CACHE / "@sveltia" / "cms").exists()


def test_an_unreachable_registry_says_what_to_do(tmp_path: Path, registry: dict) -> None:
    root = school(tmp_path, {name: tarball(name, version) for name, version in PACKAGES.items()})
    with pytest.raises(VendorError, match="kiểm tra kết nối mạng, hoặc chạy npm ci"):
        find_modules(root)  # the registry answers 404
