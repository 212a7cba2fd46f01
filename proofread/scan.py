"""Scanning site dumps at scale: pages in, findings with page positions out, in input order.

``scan_pages(pages, factory, jobs)`` checks each ``Page`` (decode, extract the text with its
source mapping, ``Proofreader.check``) and yields one ``PageResult`` per page, in input order,
whatever ``jobs`` is. With ``jobs > 1`` worker processes check batches of pages; at most a few
batches per worker are in flight, so memory stays bounded however large the dump. A page that
raises is reported as failed; a worker that dies (killed, out of memory, crashed parser) is
replaced, the batches it may have held are retried one at a time, and a page that kills a
worker on its own is reported as failed. The scan always goes on.
"""

from __future__ import annotations

import os
import re
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError
from .report.position import context_window
from .sources.page import HTML, Page, decode_html

BATCH_PAGES = 32
BATCH_BYTES = 2 << 20
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

Factory = Callable[[], Any]  # returns an object with .check(text) -> list[Finding]


@dataclass(slots=True)
class PageResult:
    """What one page gave: its findings as report records, or the error that stopped it."""

    url: str
    kind: str = HTML
    encoding: str = ""
    error: str | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    bytes: int = 0  # size of the page body as read
    chars: int = 0  # characters of extracted text
    cjk: int = 0  # Chinese characters among them
    pos: int = 0  # input bytes consumed up to this page (progress)


def check_page(proof: Any, page: Page) -> PageResult:
    """Check one page; never raises for bad input (the result carries the error)."""
    res = PageResult(page.url, page.kind, bytes=page.size, pos=page.pos)
    if page.error is not None or page.data is None:
        res.error = page.error or f"{page.url}: 空记录"
        return res
    try:
        if page.kind == HTML:
            _check_html(proof, page, res)
        else:
            _check_text(proof, page, res)
    except InputError as exc:
        res.error = str(exc)
        res.records = []
    except Exception as exc:  # noqa: BLE001 - a bug or a pathological page must not end a site scan: reported
        res.error = f"{page.url}: 检查时出错（{type(exc).__name__}: {exc}）\n{traceback.format_exc(limit=3)}"
        res.records = []
    return res


def _check_html(proof: Any, page: Page, res: PageResult) -> None:
    from .sources.html_text import extract

    data = page.data
    if isinstance(data, bytes):
        source, res.encoding = decode_html(data, page.url, page.charset)
    else:
        source, res.encoding = data, "utf-8"
    pt = extract(source)
    text = pt.text
    res.chars = len(text)
    res.cjk = _CJK.subn("", text)[1] if text else 0
    if not text:
        return
    for f in proof.check(text):
        s, e = pt.source_span(f.start, f.end)
        line, col = pt.line_col(s)
        end_line, end_col = pt.line_col(e)
        block = pt.block_at(f.start)
        ctx, ctx_at = context_window(text, f.start, f.end, block.start, block.end)
        res.records.append(_record(page.url, line, col, end_line, end_col, f, block.hidden, block.tag, ctx, ctx_at))


def _check_text(proof: Any, page: Page, res: PageResult) -> None:
    from .report.position import LineIndex
    from .sources.text import decode_bytes

    data = page.data
    if isinstance(data, bytes):
        dec = decode_bytes(data, page.url)
        text, res.encoding = dec.text, dec.encoding
    else:
        text, res.encoding = data, "utf-8"
    res.chars = len(text)
    res.cjk = _CJK.subn("", text)[1] if text else 0
    findings = proof.check(text) if text else []
    if not findings:
        return
    index = LineIndex(text)
    for f in findings:
        line, col = index.position(f.start)
        end_line, end_col = index.position(f.end)
        lo = max(text.rfind("\n", 0, f.start) + 1, 0)
        hi = text.find("\n", f.end)
        ctx, ctx_at = context_window(text, f.start, f.end, lo, len(text) if hi < 0 else hi)
        res.records.append(_record(page.url, line, col, end_line, end_col, f, False, "", ctx, ctx_at))


def _record(url, line, col, end_line, end_col, f, hidden, tag, ctx, ctx_at) -> dict[str, Any]:
    # "path" repeats the URL so consumers of the text-file JSONL (which has "path") read pages too.
    rec: dict[str, Any] = {"url": url, "path": url, "line": line, "column": col, "end_line": end_line,
                           "end_column": end_col}
    d = f.to_dict()
    del d["start"], d["end"]
    rec.update(d)
    rec["hidden"] = hidden
    rec["tag"] = tag
    rec["context"] = ctx.replace("\n", " ")
    rec["context_offset"] = ctx_at
    return rec


# --- workers ------------------------------------------------------------------------------------

_worker_proof: Any = None


def _init_worker(factory: Factory) -> None:
    global _worker_proof
    _worker_proof = factory()


def _run_batch(batch: list[Page]) -> list[PageResult]:
    return [check_page(_worker_proof, p) for p in batch]


def _batches(pages: Iterable[Page]) -> Iterator[list[Page]]:
    batch: list[Page] = []
    size = 0
    for p in pages:
        batch.append(p)
        size += p.size
        if len(batch) >= BATCH_PAGES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@dataclass
class ScanStats:
    crashes: int = 0  # worker processes that died during the scan
    messages: list[str] = field(default_factory=list)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def scan_pages(
    pages: Iterable[Page], factory: Factory, jobs: int | None = None, stats: ScanStats | None = None,
    start_method: str | None = None,
) -> Iterator[PageResult]:
    """Check every page; results come in input order. ``factory`` builds the proofreader
    (once in this process for ``jobs == 1``, once per worker otherwise; it must be picklable
    when workers are spawned — ``start_method`` picks the multiprocessing start method)."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    stats = stats if stats is not None else ScanStats()
    if jobs == 1:
        proof = factory()
        for p in pages:
            yield check_page(proof, p)
        return
    yield from _Parallel(factory, jobs, stats, start_method).run(pages)


# Checked once in the parent before forking so that lazily loaded data (dictionaries, rule-check
# tables) is already in memory and shared copy-on-write by every worker.
_WARM_UP = "2024年1月1日，第一条 中华人民共和国国务院发布《通知》：“依法行政”（试行）。"


class _Parallel:
    def __init__(self, factory: Factory, jobs: int, stats: ScanStats, start_method: str | None = None):
        import multiprocessing

        self.factory = factory
        self.jobs = jobs
        self.stats = stats
        self.context = multiprocessing.get_context(start_method)
        self.fork = self.context.get_start_method() == "fork"
        if self.fork:
            global _worker_proof
            _worker_proof = factory()
            _worker_proof.check(_WARM_UP)
        self.ex = self._executor()

    def _executor(self) -> ProcessPoolExecutor:
        if self.fork:  # workers inherit the proofreader built above
            return ProcessPoolExecutor(self.jobs, mp_context=self.context)
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init_worker,
                                   initargs=(self.factory,))

    def _restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = self._executor()

    def run(self, pages: Iterable[Page]) -> Iterator[PageResult]:
        batches = _batches(pages)
        window: deque = deque()
        limit = self.jobs * 3
        try:
            for batch in batches:
                window.append((batch, self.ex.submit(_run_batch, batch)))
                if len(window) >= limit:
                    break
            while window:
                batch, fut = window[0]
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    self._crashed()
                    pending = [b for b, _ in window]
                    window.clear()
                    for b in pending:
                        yield from self._isolate(b)
                    for batch in batches:  # refill after recovery
                        window.append((batch, self.ex.submit(_run_batch, batch)))
                        if len(window) >= limit:
                            break
                    continue
                window.popleft()
                yield from results
                for batch in batches:
                    window.append((batch, self.ex.submit(_run_batch, batch)))
                    break
        finally:
            self.ex.shutdown(wait=True, cancel_futures=True)
            if self.fork:
                global _worker_proof
                _worker_proof = None

    def _crashed(self) -> None:
        self.stats.crashes += 1
        self.stats.messages.append("工作进程意外退出，已重启；正在逐批重试未完成的页面")
        self._restart()

    def _isolate(self, batch: list[Page]) -> Iterator[PageResult]:
        """Run ``batch`` alone; if a worker dies again, narrow it down to the page that kills it."""
        try:
            yield from self.ex.submit(_run_batch, batch).result()
            return
        except BrokenProcessPool:
            self._crashed()
        if len(batch) > 1:
            for p in batch:
                yield from self._isolate([p])
            return
        p = batch[0]
        res = PageResult(p.url, p.kind, bytes=p.size, pos=p.pos)
        res.error = f"{p.url}: 检查该页面时工作进程崩溃（被终止或内存不足），已跳过该页面"
        yield res


# --- driving a whole scan -----------------------------------------------------------------------


def scan_dump(dump, factory: Factory, writer, jobs: int | None = None, progress=None):
    """Scan every page of ``dump`` into ``writer`` (a report writer); returns the Summary.

    ``progress``, when given, is called as ``progress(pages, bytes_done, bytes_total)``.
    """
    from .report.pages import Summary

    summary = Summary()
    stats = ScanStats()
    for res in scan_pages(dump, factory, jobs, stats):
        summary.add(res)
        writer.write(res)
        if progress is not None:
            progress(summary.pages, res.pos, dump.total_bytes)
    summary.skipped = dump.skipped
    for msg in stats.messages:
        summary.errors.append(("(worker)", msg))
    writer.close(summary)
    return summary


def wants_page_scan(paths: list[str] | None, input_format: str, output_format: str, jobs: int | None) -> bool:
    """True when ``proofread check`` should scan pages rather than plain text files."""
    from pathlib import Path

    from .sources.dump import input_format as format_of
    from .sources.page import looks_like_html

    if output_format in ("csv", "html") or jobs is not None or input_format in ("html", "warc", "jsonl"):
        return True
    if input_format == "text":
        return False
    for raw in paths or ("-",):
        if raw == "-":
            if _stdin_looks_like_html():
                return True
            continue
        p = Path(raw)
        if format_of(raw) != "auto" or (p.is_dir() and _folder_has_pages(p)):
            return True
        if p.is_file():
            try:
                with open(p, "rb") as fh:
                    if looks_like_html(fh.read(4096)):
                        return True
            except OSError:
                continue
    return False


def _folder_has_pages(root) -> bool:
    """True when a folder holds an HTML page or a dump; a folder of .txt/.md files stays text."""
    import os

    from .sources.dump import TEXT_SUFFIXES
    from .sources.dump import input_format as format_of
    from .sources.page import looks_like_html

    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if format_of(name) != "auto":
                return True
            if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                continue
            try:
                with open(os.path.join(dirpath, name), "rb") as fh:
                    if looks_like_html(fh.read(4096)):
                        return True
            except OSError:
                continue
    return False


class _ErrorsAndThreshold:
    """Wraps a report writer: page errors go to stderr as they happen, and it notes whether any
    finding reaches the ``--fail-on`` level (for the exit code)."""

    def __init__(self, writer, fail_on: str, clear_line: bool = False):
        self.writer = writer
        self.fail_on = fail_on
        self.clear_line = clear_line  # a progress line is on screen: erase it before a message
        self.hit = False

    def write(self, res: PageResult) -> None:
        import sys

        from .finding import at_least

        if res.error is not None:
            sys.stderr.write(("\r\x1b[K" if self.clear_line else "") + f"proofread: {res.error}\n")
        if not self.hit and self.fail_on != "never":
            self.hit = any(at_least(r["severity"], self.fail_on) for r in res.records)
        self.writer.write(res)

    def close(self, summary) -> None:
        self.writer.close(summary)


def _stdin_looks_like_html() -> bool:
    """Peek (without consuming) at piped stdin: `curl … | proofread check` gets the HTML scan."""
    import sys

    from .sources.page import looks_like_html

    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None or sys.stdin.isatty() or not hasattr(stdin, "peek"):
        return False
    try:
        return looks_like_html(stdin.peek(4096)[:4096])
    except (OSError, ValueError):
        return False


def run(
    paths: list[str] | None, factory: Factory, *, input_format: str = "auto", output_format: str = "jsonl",
    jobs: int | None = None, fields=None, out=None, colour: bool = False, fail_on: str = "error",
) -> int:
    """The ``proofread check`` page scan: report to ``out``, summary and errors to stderr.

    Returns the exit code: 0 clean, 1 findings at or above ``fail_on``, 2 pages that failed.
    """
    import sys

    from .progress import Progress
    from .report.pages import make_writer
    from .sources.dump import open_dump

    out = out or sys.stdout
    dump = open_dump(paths or ["-"], input_format, fields)
    progress = Progress() if Progress.wanted() else None
    gate = _ErrorsAndThreshold(make_writer(output_format, out, colour), fail_on, clear_line=progress is not None)
    summary = scan_dump(dump, factory, gate, jobs, progress)
    if progress:
        progress.finish()
    for url, msg in summary.errors:
        if url == "(worker)":
            sys.stderr.write(f"proofread: {msg}\n")
    sys.stderr.write(summary.line() + "\n")
    if summary.failed:
        return 2
    return 1 if gate.hit else 0
