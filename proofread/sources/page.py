"""One page of a site dump, content sniffing, and HTML encoding detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

HTML = "html"
TEXT = "text"


@dataclass(slots=True)
class Page:
    """A page (or text document) read from a dump; decoding happens later, in a worker.

    ``data`` is the raw body as bytes, or a ``str`` when the container already held text
    (a JSONL field). ``charset`` is the HTTP header's charset, when there was one.
    ``error`` is set instead of ``data`` for a record that could not be read; the scan
    reports it and goes on. ``pos`` counts the input bytes consumed so far (progress).
    """

    url: str
    data: bytes | str | None
    kind: str = HTML
    charset: str | None = None
    error: str | None = None
    pos: int = 0
    nbytes: int | None = None  # size of the record as read, when ``data`` is a str

    @property
    def size(self) -> int:
        """Bytes of the page as stored (the UTF-8 length for text taken from JSON)."""
        d = self.data
        if d is None:
            return 0
        if isinstance(d, bytes):
            return len(d)
        if self.nbytes is None:
            self.nbytes = len(d.encode("utf-8", "surrogatepass"))
        return self.nbytes


# --- sniffing -----------------------------------------------------------------------------------

# WHATWG MIME sniffing: the HTML signatures, after leading whitespace, followed by space or ">".
_HTML_SNIFF = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--|<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style"
    rb"|title|b|body|br|p|meta|link|center|span|ul|form)(?=[\s>/]))",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|head|title|meta|div|p|table)[\s>]", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file look like an HTML document (extension not trusted)."""
    for bom in (codecs.BOM_UTF8,):
        head = head.removeprefix(bom)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return False
    if b"\x00" in head[:512]:
        return False
    if _HTML_SNIFF.match(head):
        return True
    # Pages that start with a server-side banner or stray text still carry HTML early on.
    return _HTML_ANYWHERE.search(head[:4096]) is not None


# --- encodings ----------------------------------------------------------------------------------

# WHATWG label aliases that matter on Chinese sites: GB2312/GBK are decoded as GB18030 (a
# superset, and what browsers do), Latin-1 as windows-1252, Big5 with the HKSCS extensions.
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "iso-ir-58": "gb18030", "euc-cn": "gb18030",
    "hz-gb-2312": "hz", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "unicode": "utf-16", "utf8": "utf-8",
}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


def canonical_encoding(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset declared by ``<meta charset>`` or ``http-equiv`` in the first 4 KiB."""
    m = _META_CHARSET.search(data, 0, 4096)
    return m.group(1).decode("ascii", "replace") if m else None


_WEAK = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes, name: str, http_charset: str | None = None) -> tuple[str, str]:
    """Decode a page: BOM, then the HTTP charset, then ``<meta charset>``, then detection.

    A declared charset that does not decode the bytes cleanly is not trusted (Chinese sites
    often declare UTF-8 and serve GBK); UTF-8 and GB18030 are tried, then charset-normalizer.
    Raises InputError naming the page when nothing decodes it.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    tried: list[str] = []
    for label in (http_charset, meta_charset(data)):
        enc = canonical_encoding(label)
        if enc in _WEAK:
            # Servers and CMSs default to Latin-1; bytes that are valid UTF-8 are UTF-8.
            enc = "utf-8" if _valid_utf8(data) else enc
        if enc and enc not in tried:
            tried.append(enc)
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                continue
    for enc in ("utf-8", "gb18030"):
        if enc in tried:
            continue
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()  # also finds UTF-16/32 without a BOM
    if best is not None:
        return str(best), best.encoding
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: 含 NUL 字节，不是 HTML 或文本页面，已跳过")
    enc = tried[0] if tried else "gb18030"
    return data.decode(enc, "replace"), enc + "+replace"
