"""A one-line progress display on stderr (pages, pages/s, MB/s, ETA) — only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import IO


class Progress:
    """Call with (pages, bytes_done, bytes_total); redraws at most 5 times a second."""

    def __init__(self, stream: IO[str] | None = None, min_interval: float = 0.2):
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0
        self.min_interval = min_interval
        self.drawn = False

    @staticmethod
    def wanted(stream: IO[str] | None = None) -> bool:
        s = stream or sys.stderr
        return bool(getattr(s, "isatty", lambda: False)())

    def __call__(self, pages: int, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < self.min_interval:
            return
        self.last = now
        el = max(now - self.start, 1e-6)
        rate = done / el
        line = f"\r已检查 {pages} 页  {pages / el:.0f} 页/秒  {rate / 1e6:.1f} MB/秒"
        if total and done <= total:
            eta = (total - done) / rate if rate > 0 else 0
            line += f"  {100 * done / total:5.1f}%  剩余约 {int(eta // 60)}:{int(eta % 60):02d}"
        self.stream.write(line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
