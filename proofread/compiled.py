"""Compiled dictionary files, cached on disk keyed by content hash.

Parsing and normalising tens of thousands of entries costs about a second; start-up must
not. Each dictionary file is compiled once into plain tuples (entries, matcher keys, rule
docs) and stored with ``marshal`` under the user's cache folder; the name of the cache file
is the SHA-256 of everything that affects the result: the format version, the package
version, the fold table, the file's path, its defaults and its bytes. A changed file gets
a new hash, so a stale cache is never read. ``PROOFREAD_CACHE_DIR`` moves the cache;
``PROOFREAD_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import DictionaryError
from .lexicon import Entry, RuleInfo, merge_rules, parse_bytes, read_bytes
from .text import normalise_term

FORMAT = 1
Key = tuple[str, tuple[int, ...]]


@dataclass(slots=True)
class CompiledFile:
    entries: list[Entry] = field(default_factory=list)
    allow: list[Entry] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    entry_keys: list[Key] = field(default_factory=list)  # parallel to entries
    allow_keys: list[Key] = field(default_factory=list)  # parallel to allow


def cache_dir() -> Path | None:
    if os.environ.get("PROOFREAD_NO_CACHE") == "1":
        return None
    env = os.environ.get("PROOFREAD_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "proofread"


@lru_cache(maxsize=1)
def _salt() -> bytes:
    from importlib import resources

    from . import __version__

    fold = resources.files("proofread").joinpath("data/t2s_chars.txt").read_bytes()
    return f"{FORMAT}\0{__version__}\0".encode() + hashlib.sha256(fold).digest()


def file_digest(p: Path, data: bytes, defaults: dict | None) -> str:
    """SHA-256 of everything that decides what a dictionary file compiles to."""
    h = hashlib.sha256(_salt())
    h.update(repr((str(p), sorted((defaults or {}).items()))).encode())
    h.update(data)
    return h.hexdigest()


def compile_file(path: str | os.PathLike, defaults: dict | None = None) -> CompiledFile:
    """The compiled form of one dictionary file, from the cache when it is current."""
    p = Path(path)
    data = read_bytes(p)
    name = f"{file_digest(p, data, defaults)}.marshal"
    raw = read_blob(name)
    if raw is not None:
        cached = _from_raw(raw)
        if cached is not None:
            return cached
    compiled = _build(p, data, defaults)
    write_blob(name, _to_raw(compiled))
    return compiled


def digest_files(paths, defaults: dict | None = None) -> list[str]:
    """Content digests of dictionary files, in order (reads each file; cheap next to parsing)."""
    return [file_digest(Path(p), read_bytes(Path(p)), defaults) for p in paths]


def _build(p: Path, data: bytes, defaults: dict | None) -> CompiledFile:
    lex = parse_bytes(data, p, defaults)
    return CompiledFile(
        entries=lex.entries,
        allow=lex.allow,
        rules=lex.rules,
        entry_keys=[normalise_term(e.term) for e in lex.entries],
        allow_keys=[normalise_term(e.term) for e in lex.allow],
    )


def _from_raw(raw) -> CompiledFile | None:
    try:
        fmt, entries, allow, rules, entry_keys, allow_keys = raw
        if fmt != FORMAT:
            return None
        make = Entry._make
        return CompiledFile(
            entries=[make(e) for e in entries],
            allow=[make(e) for e in allow],
            rules={r[0]: RuleInfo(*r) for r in rules},
            entry_keys=entry_keys,
            allow_keys=allow_keys,
        )
    except (ValueError, TypeError):
        return None


def _to_raw(c: CompiledFile):
    return (
        FORMAT,
        [tuple(e) for e in c.entries],
        [tuple(e) for e in c.allow],
        [astuple(r) for r in c.rules.values()],
        c.entry_keys,
        c.allow_keys,
    )


def read_blob(name: str):
    """A cached value written by ``write_blob``, or None when absent, disabled or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return marshal.loads((folder / name).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError):
        # A corrupt or foreign cache file is rebuilt, never trusted.
        return None


def write_blob(name: str, value) -> None:
    """Store ``value`` (plain data) atomically; failures only cost speed next time."""
    folder = cache_dir()
    if folder is None:
        return
    payload = marshal.dumps(value)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, folder / name)
        _prune(folder)
    except OSError:
        # The cache is an optimisation: a read-only home or a full disk only costs speed.
        return


KEEP = 64  # cached blobs kept; stale ones (old dictionary versions) go first


def _prune(folder: Path) -> None:
    """Keep the cache from growing without bound as dictionaries and settings change."""
    blobs = sorted(folder.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in blobs[KEEP:]:
        old.unlink(missing_ok=True)


def compile_files(paths, defaults: dict | None = None) -> CompiledFile:
    """All files merged, collecting every broken line of every file before raising."""
    out = CompiledFile()
    problems: list[str] = []
    for p in paths:
        try:
            c = compile_file(p, defaults)
        except DictionaryError as exc:
            problems.extend(exc.problems)
            continue
        out.entries.extend(c.entries)
        out.allow.extend(c.allow)
        out.entry_keys.extend(c.entry_keys)
        out.allow_keys.extend(c.allow_keys)
        merge_rules(out.rules, c.rules)
    if problems:
        raise DictionaryError(problems)
    return out
