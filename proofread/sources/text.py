"""Reading text files and stdin with encoding detection.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 with BOM, or
GB18030/GBK. We try the strict decoders in that order, then charset-normalizer, and refuse
binary data with an error that names the file.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode ``data`` read from ``name``; raises InputError for binary or undecodable data."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", name), "utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: 看起来是二进制文件（含 NUL 字节），不是文本，已跳过")
    for enc in ("utf-8", "gb18030"):
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: 无法识别文件编码（既不是 UTF-8 也不是 GB18030），已跳过")
    return Decoded(str(best), best.encoding)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: 按 {encoding} 解码失败（第 {exc.start} 字节）：{exc.reason}") from exc


def read_text_file(path: str | os.PathLike) -> Decoded:
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{p}: 是目录") from exc
    except OSError as exc:
        raise InputError(f"{p}: 无法读取：{exc.strerror or exc}") from exc
    return decode_bytes(data, str(p))


def expand_paths(paths: Iterable[str | os.PathLike], suffixes: frozenset[str] = TEXT_SUFFIXES) -> Iterator[Path]:
    """Files named directly, and the matching files inside named folders (sorted, recursive)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        else:
            yield p
