"""``bangtin fetch``: every member's files into the hub's cache, concurrently, politely and within bounds.

At most :data:`CONNECTIONS` connections in all and :data:`PER_HOST` to one host; each request is conditional
(ETag, Last-Modified), so an unchanged member costs one 304 a file; a request gives up after ``timeout`` seconds,
:data:`MAX_BYTES`, or :data:`MAX_REDIRECTS` redirects, and follows only http and https. A file that fails keeps its
last good copy; the failure is recorded for the hub's pages and never stops the fetch or the build.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiohttp

from .cache import SOURCES, FileState, Source, copy_path, failed, load_state, succeeded, write_copy, write_state
from .members import Member
from .untrusted import UntrustedDataError

CONNECTIONS = 32
PER_HOST = 2
MEMBERS_IN_FLIGHT = 64
TIMEOUT = 8.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "Bangtin-hub/1"


@dataclass(frozen=True)
class Outcome:
    """What one file's fetch did: "new" (a new copy), "unchanged" (304), or "failed" with the reason."""

    member: Member
    source: Source
    result: str
    received: int = 0
    error: str | None = None


class _TooBig(Exception):
    pass


def fetch_members(root: Path, members: list[Member], now: datetime, timeout: float = TIMEOUT) -> list[Outcome]:
    """Fetch every member into ``root``'s cache; return each file's outcome, in the members' order."""
    return asyncio.run(_fetch_all(root, members, now, timeout))


async def _fetch_all(root: Path, members: list[Member], now: datetime, timeout: float) -> list[Outcome]:
    connector = aiohttp.TCPConnector(limit=CONNECTIONS, limit_per_host=PER_HOST, ttl_dns_cache=600)
    client_timeout = aiohttp.ClientTimeout(total=timeout, sock_connect=min(timeout, 10))
    gate = asyncio.Semaphore(MEMBERS_IN_FLIGHT)  # bounds memory: a member's files are held until they are written
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout, headers=headers,
                                     auto_decompress=True, trust_env=False) as session:
        async def one(member: Member) -> list[Outcome]:
            async with gate:
                return await _fetch_member(session, root, member, now, timeout)

        results = await asyncio.gather(*(one(member) for member in members))
    return [outcome for outcomes in results for outcome in outcomes]


async def _fetch_member(session: aiohttp.ClientSession, root: Path, member: Member, now: datetime,
                        timeout: float) -> list[Outcome]:
    state = load_state(root, member)
    outcomes = await asyncio.gather(*(_fetch_source(session, root, member, source, state.of(source), timeout)
                                      for source in SOURCES))
    for source, (outcome, changes) in zip(SOURCES, outcomes):
        previous = state.of(source)
        state.files[source.name] = (failed(previous, now, outcome.error) if outcome.error
                                    else succeeded(previous, now, **changes))
    write_state(root, member, state)
    return [outcome for outcome, _ in outcomes]


async def _fetch_source(session: aiohttp.ClientSession, root: Path, member: Member, source: Source,
                        state: FileState, timeout: float) -> tuple[Outcome, dict]:
    has_copy = copy_path(root, member, source).is_file()
    addresses = [member.site_url + path for path in source.paths]
    if state.address in addresses:  # the address that answered last time first (rss.xml for an RSS-only member)
        addresses.remove(state.address)
        addresses.insert(0, state.address)
    error = "không rõ lỗi"
    for address in addresses:
        conditional = {}
        if has_copy and state.address == address:
            conditional = {"If-None-Match": state.etag} if state.etag else {}
            conditional |= {"If-Modified-Since": state.last_modified} if state.last_modified else {}
        try:
            async with session.get(address, headers=conditional, max_redirects=MAX_REDIRECTS) as response:
                if response.status == 304 and conditional:
                    return Outcome(member, source, "unchanged"), {}
                if response.status == 404:
                    error = f"không có tệp {' hay '.join(addresses)} (lỗi 404)"
                    continue
                if response.status != 200:
                    error = f"máy chủ trả lỗi {response.status} cho {address}"
                    break
                data = await _read_capped(response)
                source.read(data, member.site_url)  # refuse what does not read, keeping the last good copy
                write_copy(root, member, source, data)
                changes = {"address": address, "etag": response.headers.get("ETag"),
                           "last_modified": response.headers.get("Last-Modified")}
                return Outcome(member, source, "new", len(data)), changes
        except _TooBig:
            error = f"tệp {address} quá lớn (trên {MAX_BYTES // (1024 * 1024)} MB)"
        except UntrustedDataError as problem:
            error = f"dữ liệu không hợp lệ ở {address}: {problem}"
        except asyncio.TimeoutError:
            error = f"quá {timeout:g} giây không nhận xong {address}"
        except aiohttp.TooManyRedirects:
            error = f"{address} chuyển hướng quá {MAX_REDIRECTS} lần"
        except (aiohttp.ClientError, OSError, ValueError) as problem:
            error = f"không kết nối được {address} ({type(problem).__name__})"
        break
    return Outcome(member, source, "failed", error=error), {}


async def _read_capped(response: aiohttp.ClientResponse) -> bytes:
    if (response.content_length or 0) > MAX_BYTES:
        raise _TooBig
    chunks, size = [], 0
    async for chunk in response.content.iter_chunked(65536):
        size += len(chunk)
        if size > MAX_BYTES:
            raise _TooBig
        chunks.append(chunk)
    return b"".join(chunks)
