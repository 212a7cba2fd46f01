"""Streaming readers for site dumps: HTML files and folders, WARC(.gz), JSONL(.gz), plain text.

``open_dump(paths, ...)`` returns a ``Dump``: iterate it for ``Page`` objects, one at a time,
in a deterministic order (folders are walked sorted). Nothing reads more than one page ahead,
so memory stays bounded however large the dump. A record that cannot be read becomes a
``Page`` with ``error`` set: the scan reports it and goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .page import HTML, TEXT, Page, looks_like_html

FORMATS = ("auto", "text", "html", "warc", "jsonl")
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_SNIFF_BYTES = 4096


def input_format(path: str) -> str:
    """The format of one named input judged by its name: warc, jsonl, or html/text (sniffed later)."""
    low = path.lower()
    if low.endswith((".warc", ".warc.gz", ".arc.gz", ".warc.wet.gz")):
        return "warc"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    return "auto"


@dataclass
class JsonlFields:
    """Field names in JSONL records; the first present name of each kind is used."""

    url: Sequence[str] = ("url", "uri", "link", "id")
    html: Sequence[str] = ("html", "raw_html", "content_html", "body")
    text: Sequence[str] = ("text", "content")


@dataclass
class Dump:
    paths: Sequence[str]
    fmt: str = "auto"
    fields: JsonlFields = field(default_factory=JsonlFields)
    skipped: int = 0  # files or records that are not pages (images, CSS, non-HTML WARC records)
    total_bytes: int = 0

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise ValueError(f"unknown input format {self.fmt!r}")
        total = 0
        for p in self.paths:
            if p == "-":
                continue
            path = Path(p)
            if path.is_file():
                total += path.stat().st_size
        self.total_bytes = total  # folders are added while they are walked

    def _skip(self) -> None:
        self.skipped += 1

    def __iter__(self) -> Iterator[Page]:
        done = 0
        for raw in self.paths:
            for page in self._one(raw, done):
                done = max(done, page.pos)
                yield page

    def _one(self, raw: str, base: int) -> Iterator[Page]:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from self._blob("<stdin>", data, base, self.fmt)
            return
        p = Path(raw)
        if p.is_dir():
            yield from self._folder(p, base)
            return
        if not p.exists():
            yield Page(raw, None, error=f"{raw}: 文件不存在", pos=base)
            return
        fmt = self.fmt if self.fmt != "auto" else input_format(raw)
        if fmt == "warc":
            yield from read_warc(p, base, self._skip)
        elif fmt == "jsonl":
            yield from read_jsonl(p, self.fields, base)
        else:
            try:
                data = p.read_bytes()
            except OSError as exc:
                yield Page(raw, None, error=f"{raw}: 无法读取：{exc.strerror or exc}", pos=base)
                return
            yield from self._blob(raw, data, base + len(data), fmt)

    def _blob(self, name: str, data: bytes, pos: int, fmt: str) -> Iterator[Page]:
        if fmt == "auto":
            fmt = HTML if looks_like_html(data[:_SNIFF_BYTES]) else TEXT
        yield Page(name, data, kind=HTML if fmt == "html" else TEXT, pos=pos)

    def _folder(self, root: Path, base: int) -> Iterator[Page]:
        files = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            files.extend(os.path.join(dirpath, f) for f in sorted(filenames))
        sizes = []
        for f in files:
            try:
                sizes.append(os.path.getsize(f))
            except OSError:
                sizes.append(0)
        self.total_bytes += sum(sizes)
        pos = base
        for f, size in zip(files, sizes):
            pos += size
            yield from self._folder_file(f, pos)

    def _folder_file(self, f: str, pos: int) -> Iterator[Page]:
        fmt = self.fmt
        if fmt == "auto" and input_format(f) != "auto":
            fmt = input_format(f)
        if fmt == "warc":
            yield from read_warc(Path(f), pos, self._skip)
            return
        if fmt == "jsonl":
            yield from read_jsonl(Path(f), self.fields, pos)
            return
        try:
            with open(f, "rb") as fh:
                head = fh.read(_SNIFF_BYTES)
                is_html = looks_like_html(head)
                wanted = (fmt in ("auto", "html") and is_html) or (
                    fmt in ("auto", "text") and not is_html and Path(f).suffix.lower() in TEXT_SUFFIXES
                ) or (fmt == "text" and not is_html)
                if not wanted:
                    self.skipped += 1
                    return
                data = head + fh.read()
        except OSError as exc:
            yield Page(f, None, error=f"{f}: 无法读取：{exc.strerror or exc}", pos=pos)
            return
        yield Page(f, data, kind=HTML if is_html and fmt != "text" else TEXT, pos=pos)


def open_dump(paths: Sequence[str], fmt: str = "auto", fields: JsonlFields | None = None) -> Dump:
    return Dump(list(paths) or ["-"], fmt, fields or JsonlFields())


# --- WARC ---------------------------------------------------------------------------------------


def _content_type(headers) -> tuple[str, str | None]:
    ctype = headers.get_header("Content-Type") if headers is not None else None
    if not ctype:
        return "", None
    parts = [x.strip() for x in ctype.split(";")]
    charset = None
    for x in parts[1:]:
        if x.lower().startswith("charset="):
            charset = x.split("=", 1)[1].strip().strip("\"'")
    return parts[0].lower(), charset


def read_warc(path: Path, base: int = 0, on_skip: Callable[[], None] | None = None) -> Iterator[Page]:
    """HTML pages from the response (and resource) records of a WARC or WARC.gz file.

    Records that are not HTML (images, CSS, request/metadata records) and responses that are
    not 2xx are skipped. A truncated or corrupt archive yields the pages before the damage and
    then one error page naming the file (warcio itself stops silently at a cut gzip member).
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the `with fh` below
        size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        yield Page(str(path), None, error=f"{path}: 无法读取：{exc.strerror or exc}", pos=base)
        return
    n = 0
    end = 0  # where the last complete record ends in the file
    gz = False

    def damaged(detail: str) -> Page:
        return Page(f"{path}#record{n + 1}", None, pos=base + size,
                    error=f"{path}: WARC 文件在第 {n} 条记录之后损坏或被截断（{detail}），之后的记录无法读取")

    with fh:
        it = ArchiveIterator(fh)
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - warcio raises plain exceptions for broken archives
                yield damaged(f"{type(exc).__name__}: {exc}")
                return
            if n == 0 and record.format == "arc" and not str(path).lower().endswith((".arc", ".arc.gz")):
                yield Page(str(path), None, pos=base + size, error=f"{path}: 不是 WARC 文件（缺少 WARC/1.x 记录头）")
                return
            n += 1
            gz = gz or bool(it.reader.decompressor)
            page = _warc_page(path, record, n)
            data = None
            if page is not None:
                try:
                    data = record.content_stream().read()
                except Exception as exc:  # noqa: BLE001 - truncated gzip member, bad chunked encoding, ...
                    yield damaged(f"{type(exc).__name__}: {exc}")
                    return
            try:
                it.read_to_end(record)
            except Exception as exc:  # noqa: BLE001 - as above: reported, and the file ends here
                yield damaged(f"{type(exc).__name__}: {exc}")
                return
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield damaged("记录内容比 Content-Length 短")
                return
            end = it.get_record_offset() + it.get_record_length()
            if page is not None:
                url, charset = page
                if data is not None and (charset is not None or looks_like_html(data[:_SNIFF_BYTES])):
                    yield Page(url, data, kind=HTML, charset=charset or None, pos=base + end)
                    continue
            if on_skip is not None and record.rec_type in ("response", "resource"):
                on_skip()
    if gz and end < size:
        yield damaged(f"文件末尾 {size - end} 字节不是完整的 gzip 记录")


def _warc_page(path: Path, record, n: int) -> tuple[str, str | None] | None:
    """(url, charset) for a record that may hold an HTML page; charset "" when declared HTML
    without a charset, None when the type is unknown and the body must be sniffed."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record{n}"
    http = record.http_headers
    if record.rec_type == "response" and http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype, charset = _content_type(http)
    else:
        ctype, charset = _content_type(record.rec_headers)
    if not ctype or ctype in ("text/plain", "application/octet-stream"):
        return url, None
    if "html" not in ctype:
        return None
    return url, charset or ""


# --- JSONL --------------------------------------------------------------------------------------


def _first(obj: dict, names: Sequence[str]):
    for k in names:
        v = obj.get(k)
        if v is not None:
            return k, v
    return None, None


def read_jsonl(path: Path, fields: JsonlFields, base: int = 0) -> Iterator[Page]:
    """One page per JSON line: a URL field and an HTML (or plain text) field."""
    opener = gzip.open if str(path).lower().endswith(".gz") else open
    try:
        raw = opener(path, "rb")
    except OSError as exc:
        yield Page(str(path), None, error=f"{path}: 无法读取：{exc.strerror or exc}", pos=base)
        return
    counted = getattr(raw, "fileobj", None) or raw
    with raw:
        lineno = 0
        while True:
            try:
                line = raw.readline()
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield Page(f"{path}:{lineno + 1}", None, pos=base,
                           error=f"{path}: 第 {lineno + 1} 行之后的数据损坏或被截断（{exc}）")
                return
            if not line:
                return
            lineno += 1
            pos = base + _tell(counted)
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Page(where, None, pos=pos, error=f"{where}: 不是合法的 JSON（{exc}），已跳过该行")
                continue
            if not isinstance(obj, dict):
                yield Page(where, None, pos=pos, error=f"{where}: 该行不是 JSON 对象，已跳过")
                continue
            _, url = _first(obj, fields.url)
            url = str(url) if url is not None else where
            _, html = _first(obj, fields.html)
            if isinstance(html, str):
                yield Page(url, html, kind=HTML, pos=pos, nbytes=len(line))
                continue
            _, text = _first(obj, fields.text)
            if isinstance(text, str):
                # A "text"/"content" field that holds a whole HTML page is checked as HTML.
                kind = HTML if looks_like_html(text[:_SNIFF_BYTES].encode("utf-8", "replace")) else TEXT
                yield Page(url, text, kind=kind, pos=pos, nbytes=len(line))
                continue
            names = "/".join([*fields.html, *fields.text])
            yield Page(url, None, pos=pos, error=f"{where}: 没有字符串字段 {names}，已跳过该行")


def _tell(fh: io.IOBase) -> int:
    try:
        return fh.tell()
    except (OSError, ValueError):
        return 0
