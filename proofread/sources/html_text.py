"""Visible text of an HTML page, with every character mapped back to the HTML source.

Why a tokenizer of our own: selectolax/lexbor (1.0) exposes neither source offsets nor the raw
text of a node (``raw_value`` raises NotImplementedError on lexbor) and lxml gives only an
element's start line, so neither can tell where a character of the text sits in the source.
This module walks the source with a few compiled regular expressions that follow the HTML5
tokenizer for the cases that decide what text is visible: comments, bogus comments, raw text
elements (script, style, …), RCDATA (title, textarea), attribute quoting and character
references; a light open-element stack applies the implied end tags of p/li/td/tr/option so
hidden-element tracking survives sloppy CMS markup. The tests compare the extracted text with
selectolax's on realistic pages.

The result is one string (``PageText.text``) made of *blocks* (title, heading, paragraph, table
cell, list item, image alt text …) joined by ``"\\n"``: the matcher never matches across a
newline, so no finding spans two blocks. Inside a block, source line breaks and tabs become
spaces (same length, so the mapping stays exact) because a browser renders them as spaces.
Text inside hidden elements (inline style ``display:none``, ``visibility:hidden``, zero size,
off-screen positioning, the ``hidden`` attribute, or a class/id hidden by a ``<style>`` rule on
the page) is kept in blocks of its own flagged ``hidden``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

# --- tokenizer patterns -----------------------------------------------------------------------

# What may follow "<" to start markup; anything else leaves "<" as text.
_TOKEN = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\t\n\f\r />]*)|([!?/]))")
# Attributes after the tag name, spec-shaped and free of ambiguous splits so a failing match
# cannot backtrack exponentially: each attribute starts after whitespace or "/".
_ATTR = re.compile(
    r"""([^\t\n\f\r />=][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?"""
)
# Cheap pre-filter on a tag's raw attributes: only a tag that matches is parsed and judged.
_HIDE_HINT = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|(?:width|height|font-size|opacity)\s*:\s*0(?![.\d])"
    r"|:\s*-\s*(?:[5-9]\d{2}|\d{4,})|clip\s*:\s*rect|hidden",
    re.IGNORECASE,
)
_NON_WS = re.compile(r"[^ \t\n\f\r]")
_FAST = re.compile(
    r"[ \t\n\f\r]*([^<]*)"
    r"<(/?)([A-Za-z][^\t\n\f\r />]*)"
    r"""((?:[\t\n\f\r /]+[^\t\n\f\r />=][^\t\n\f\r />=]*(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?)*)"""
    r"[\t\n\f\r /]*>"
)
_COMMENT_END = re.compile(r"--!?>")
_CHARREF = re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_WS = " \t\n\r\f"
_TO_SPACE = str.maketrans("\n\t\f\r", "    ")

RAWTEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"})
RCDATA = frozenset({"title", "textarea"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr", "basefont", "bgsound", "frame", "keygen"}
)
# Contents never rendered as text.
SKIP = frozenset({"template"})
# Tags that do not start a new block of text; every other tag (known or not) does.
INLINE = frozenset(
    {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
     "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp",
     "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "blink"}
)
_P_CLOSERS = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
     "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
     "ul", "li", "dd", "dt", "listing", "plaintext", "xmp"}
)
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
                    "button"})
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = frozenset({"html", "table", "template"})
_IMPLIES_END = _P_CLOSERS | {"li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option"}
_TABLE_CONTEXT = frozenset({"table", "template", "html"})
_BODY_CONTEXT = _TABLE_CONTEXT | {"tbody", "thead", "tfoot"}
_ROW_CONTEXT = _TABLE_CONTEXT | {"tr"}
_SPECIAL = RAWTEXT | RCDATA | SKIP | {"img", "plaintext"}
_END_RE_CACHE: dict[str, re.Pattern[str]] = {}

# --- hidden elements --------------------------------------------------------------------------

_HIDDEN_STYLE = re.compile(
    r"display:none|visibility:(?:hidden|collapse)"
    r"|(?<![-\w])(?:width|height|max-width|max-height|font-size):0(?![.\d])"
    r"|(?<![-\w])opacity:0(?![.\d])"
    r"|(?<![-\w])(?:left|top|right|bottom|margin-left|margin-top|text-indent):-(?:[5-9]\d{2}|\d{4,})(?![\d])"
    r"|clip:rect\(0"
)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^[a-z0-9]*([.#])([-\w]+)$", re.IGNORECASE)


def style_is_hidden(style: str) -> bool:
    """True when an inline style hides the element (case and whitespace ignored)."""
    return _HIDDEN_STYLE.search("".join(style.lower().split())) is not None


def _end_tag_re(name: str) -> re.Pattern[str]:
    pat = _END_RE_CACHE.get(name)
    if pat is None:
        pat = _END_RE_CACHE[name] = re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE)
    return pat


def _parse_attrs(s: str) -> dict[str, tuple[str, int]]:
    """Attribute name → (raw value, value offset in ``s``); the first occurrence wins (spec)."""
    out: dict[str, tuple[str, int]] = {}
    for m in _ATTR.finditer(s):
        name = m.group(1).lower()
        if name in out:
            continue
        for g in (2, 3, 4):
            if m.group(g) is not None:
                out[name] = (m.group(g), m.start(g))
                break
        else:
            out[name] = ("", m.end())
    return out


# --- result -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    start: int  # offsets into PageText.text
    end: int
    hidden: bool
    tag: str  # innermost start tag before the block's first text ("img" for alt text)


@dataclass(slots=True)
class PageText:
    """Extracted text of one page and the way back to the (line-break-normalised) source.

    ``source`` is the decoded page with CRLF and lone CR turned into LF, so line numbers match
    what an editor shows for the original file and columns (1-based, in characters) too.
    """

    text: str
    source: str
    blocks: list[Block]
    # One piece per literal run or character reference: text offset, source offset, and the
    # source length of a reference (-1 for a literal run, where text and source advance together).
    _t: list[int] = field(repr=False)
    _s: list[int] = field(repr=False)
    _n: list[int] = field(repr=False)
    _lines: list[int] | None = field(default=None, repr=False)
    _block_starts: list[int] | None = field(default=None, repr=False)

    def source_offset(self, i: int) -> int:
        """Source offset of text character ``i`` (block separators map to the next character)."""
        k = bisect_right(self._t, i) - 1
        if k < 0:
            return 0
        t0, s0, n = self._t[k], self._s[k], self._n[k]
        return s0 + (i - t0) if n < 0 else s0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[start, end)`` covering text ``[start, end)``; entities count whole."""
        s = self.source_offset(start)
        if end <= start:
            return s, s
        last = end - 1
        k = bisect_right(self._t, last) - 1
        t0, s0, n = self._t[k], self._s[k], self._n[k]
        e = s0 + (last - t0) + 1 if n < 0 else s0 + n
        return s, e

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        if self._lines is None:
            src = self.source
            lines = [0]
            i = src.find("\n")
            while i >= 0:
                lines.append(i + 1)
                i = src.find("\n", i + 1)
            self._lines = lines
        line = bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def block_at(self, i: int) -> Block:
        if self._block_starts is None:
            self._block_starts = [b.start for b in self.blocks]
        return self.blocks[max(0, bisect_right(self._block_starts, i) - 1)]


# --- extraction -------------------------------------------------------------------------------


class _Builder:
    """Accumulates text runs into blocks and pieces."""

    __slots__ = (
        "block_hidden",
        "block_start",
        "block_tag",
        "blocks",
        "length",
        "n",
        "open",
        "parts",
        "pending_space",
        "s",
        "t",
    )

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.t: list[int] = []
        self.s: list[int] = []
        self.n: list[int] = []
        self.open = False
        self.block_start = 0
        self.block_hidden = False
        self.block_tag = ""
        self.pending_space = False

    def close(self) -> None:
        if self.open:
            self.blocks.append(Block(self.block_start, self.length, self.block_hidden, self.block_tag))
            self.open = False
        self.pending_space = False

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def add(self, src: str, a: int, b: int, hidden: bool, tag: str) -> None:
        """Add source ``[a, b)`` as text: character references decoded, whitespace kept."""
        if self.open and hidden != self.block_hidden:
            self.close()
        if not self.open:
            while a < b and src[a] in _WS:
                a += 1
            if a >= b:
                return
            if self.blocks or self.length:
                self._emit("\n")
            self.open = True
            self.block_start = self.length
            self.block_hidden = hidden
            self.block_tag = tag
        elif self.pending_space:
            self._emit(" ")
        self.pending_space = False
        if src.find("&", a, b) < 0:
            self._literal(src, a, b)
            return
        pos = a
        for m in _CHARREF.finditer(src, a, b):
            raw = m.group()
            rep = unescape(raw)
            if rep == raw:
                continue
            if m.start() > pos:
                self._literal(src, pos, m.start())
            # A legacy reference without ";" decodes a prefix (&notit; → ¬it;): keep the rest literal.
            keep = 0
            while keep < len(rep) - 1 and keep < len(raw) - 1 and rep[-1 - keep] == raw[-1 - keep]:
                keep += 1
            ref_len = len(raw) - keep
            self.t.append(self.length)
            self.s.append(m.start())
            self.n.append(ref_len)
            self._emit(rep[: len(rep) - keep].translate(_TO_SPACE))
            if keep:
                self._literal(src, m.start() + ref_len, m.end())
            pos = m.end()
        if pos < b:
            self._literal(src, pos, b)

    def _literal(self, src: str, a: int, b: int) -> None:
        seg = src[a:b]
        # A browser renders a line break or tab inside text as a space; same length keeps the map exact.
        if "\n" in seg:
            seg = seg.replace("\n", " ")
        if "\t" in seg or "\f" in seg:
            seg = seg.translate(_TO_SPACE)
        self.t.append(self.length)
        self.s.append(a)
        self.n.append(-1)
        self.parts.append(seg)
        self.length += len(seg)

    def whitespace(self) -> None:
        if self.open:
            self.pending_space = True


def normalise_newlines(source: str) -> str:
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    return source


def extract(source: str) -> PageText:
    """Extract the visible (and hidden-but-present) text of ``source`` with its source mapping."""
    # A BOM is not text and no editor counts it as a column: dropped, so a page decoded from
    # bytes (BOM removed by the decoder) and the same page given as a str get the same positions.
    src = normalise_newlines(source).removeprefix("\ufeff")
    return _Extractor(src).run()


class _Extractor:
    """One pass over the source. Outside hidden or inert regions no element stack is kept (the
    common case, and the fast one); inside them a local stack finds where the region ends."""

    def __init__(self, src: str):
        self.src = src
        self.out = _Builder()
        # Open elements inside a hidden or skipped region: (tag, hidden, skipped); empty outside.
        self.region: list[tuple[str, bool, bool]] = []
        self.names: list[str] = []  # the tags of ``region``
        self.counts: dict[str, int] = {}  # how many of each tag are open in ``region`` (no linear scans)
        self.hidden = False
        self.skipped = False
        self.hidden_classes: set[str] = set()
        self.hidden_ids: set[str] = set()
        # Finds a tag whose attributes may name a hidden class or id (then checked exactly).
        self.class_re: re.Pattern[str] | None = None
        self.last_tag = ""

    def text(self, a: int, b: int) -> None:
        if self.skipped:
            return
        m = _NON_WS.search(self.src, a, b)
        if m is None:
            self.out.whitespace()
            return
        self.out.add(self.src, a, b, self.hidden, self.last_tag)

    def run(self) -> PageText:
        src = self.src
        n = len(src)
        out = self.out
        fast = _FAST.match
        inline_hidden = _inline_hidden
        special = _SPECIAL
        pos = text_start = 0
        region = self.region  # the same list for the whole page: cleared, never replaced
        class_re = None  # refreshed after every _start_tag (a <style> may define hidden classes)
        inline = INLINE
        void = VOID
        while True:
            m = fast(src, pos)
            if m is None:
                lt = src.find("<", pos)
                if lt < 0:
                    break
                pos, text_start = self._slow(lt, text_start)
                class_re = self.class_re
                continue
            text, slash, name, attr_text = m.groups()
            if text:
                if not self.skipped:
                    out.add(src, text_start if out.open or text_start < pos else m.start(1), m.end(1),
                            self.hidden, self.last_tag)
            elif text_start < pos:
                self.text(text_start, m.end(1))
            elif out.open and m.start(1) != pos:
                out.pending_space = True
            pos = text_start = m.end()
            if not name.islower():
                name = name.lower()
            if out.open and name not in inline:
                out.close()
            if slash:
                if region:
                    self._end_in_region(name)
                continue
            if (
                region
                or name in special
                or (attr_text and (inline_hidden(attr_text) or (class_re and class_re.search(attr_text))))
            ):
                pos = text_start = self._start_tag(name, m.end(4), attr_text, pos)
                class_re = self.class_re
            elif name not in void:
                self.last_tag = name
        if text_start < n:
            self.text(text_start, n)
        out.close()
        return PageText("".join(out.parts), src, out.blocks, out.t, out.s, out.n)

    def _slow(self, lt: int, text_start: int) -> tuple[int, int]:
        """Markup the fast pattern does not take: comments, doctype, malformed tags, a stray "<"."""
        src = self.src
        n = len(src)
        m = _TOKEN.match(src, lt)
        if m is None:
            return lt + 1, text_start  # "<" that starts no markup is text
        if m.group(1):  # comment
            if src.startswith(">", lt + 4):
                end = lt + 5
            elif src.startswith("->", lt + 4):
                end = lt + 6
            else:
                c = _COMMENT_END.search(src, lt + 4)
                end = c.end() if c else n
        elif m.group(4):  # <!doctype>, <?pi>, </ bogus>
            if src.startswith("</>", lt):
                end = lt + 3
            else:
                gt = src.find(">", lt)
                end = gt + 1 if gt >= 0 else n
        else:  # a tag whose attributes the fast pattern could not parse
            gt = src.find(">", m.end())
            if text_start < lt:
                self.text(text_start, lt)
            if gt < 0:  # EOF inside a tag: the tag and the rest are dropped (HTML5)
                return n, n
            name = m.group(3).lower()
            if name not in INLINE:
                self.out.close()
            if m.group(2):
                if self.region:
                    self._end_in_region(name)
                return gt + 1, gt + 1
            end = self._start_tag(name, gt, src[m.end() : gt], gt + 1)
            return end, end
        if text_start < lt:
            self.text(text_start, lt)
        return end, end

    def _start_tag(self, name: str, attrs_end: int, attr_text: str, end: int) -> int:
        """Handle a start tag; returns where scanning resumes (after raw text for script etc.)."""
        if name not in VOID:  # a void element holds no text: the text after it belongs to its parent
            self.last_tag = name
        region = self.region
        if region:
            self._implied_ends(name)
        self_hidden = False
        attrs = None
        if attr_text and not self.hidden:
            if _inline_hidden(attr_text):
                self_hidden = True
            elif self.class_re and self.class_re.search(attr_text):
                attrs = _parse_attrs(attr_text)
                self_hidden = _attrs_hide(attrs, self.hidden_classes, self.hidden_ids)
        el_hidden = self.hidden or self_hidden
        if name == "img":
            if not self.skipped and "alt" in attr_text.lower():
                attrs = attrs if attrs is not None else _parse_attrs(attr_text)
                alt = attrs.get("alt")
                if alt and alt[0].strip():
                    a = attrs_end - len(attr_text) + alt[1]
                    self.out.close()
                    self.out.add(self.src, a, a + len(alt[0]), el_hidden, "img")
                    self.out.close()
            return end
        if name in VOID:
            return end
        if name in RAWTEXT or name in RCDATA or name == "plaintext":
            return self._raw(name, end, el_hidden)
        if region or self_hidden or name in SKIP:
            region.append((name, el_hidden, self.skipped or name in SKIP))
            self.names.append(name)
            self.counts[name] = self.counts.get(name, 0) + 1
            self.hidden, self.skipped = el_hidden, self.skipped or name in SKIP
        return end

    def _raw(self, name: str, end: int, hidden: bool) -> int:
        src = self.src
        n = len(src)
        if name == "plaintext":
            close_at = close_end = n
        else:
            e = _end_tag_re(name).search(src, end)
            close_at = e.start() if e else n
            if e:
                gt = src.find(">", e.end())
                close_end = gt + 1 if gt >= 0 else n
            else:
                close_end = n
        if self.skipped:
            return close_end
        if name == "style":
            if _collect_hidden_selectors(src[end:close_at], self.hidden_classes, self.hidden_ids):
                names = sorted(self.hidden_classes | self.hidden_ids, key=len, reverse=True)
                self.class_re = re.compile("|".join(map(re.escape, names)))
        elif name in RCDATA or name == "plaintext":
            self.out.close()
            h0 = self.hidden
            self.hidden = hidden
            self.text(end, close_at)
            self.hidden = h0
            self.out.close()
        return close_end

    def _pop_to(self, names, scope: frozenset[str]) -> bool:
        region = self.region
        open_names = self.names
        for k in range(len(region) - 1, -1, -1):
            name = open_names[k]
            if name in names:
                counts = self.counts
                for gone in open_names[k:]:
                    counts[gone] -= 1
                del region[k:]
                del open_names[k:]
                self.hidden, self.skipped = (region[-1][1], region[-1][2]) if region else (False, False)
                return True
            if name in scope:
                return False
        return False

    def _implied_ends(self, name: str) -> None:
        if name not in _IMPLIES_END:
            return
        names = self.counts
        if name in _P_CLOSERS and names.get("p"):
            self._pop_to(("p",), _SCOPE)
        if name == "li":
            if names.get("li"):
                self._pop_to(("li",), _LIST_SCOPE)
        elif name in ("dt", "dd"):
            if names.get("dt") or names.get("dd"):
                self._pop_to(("dt", "dd"), _SCOPE)
        elif name in ("td", "th"):
            if names.get("td") or names.get("th") or names.get("tr"):
                self._pop_until(_ROW_CONTEXT)  # the open cell (and whatever is unclosed in it) ends
        elif name in ("tr", "tbody", "thead", "tfoot"):
            if names.get("tr") or names.get("td") or names.get("th") or names.get(name):
                self._pop_until(_BODY_CONTEXT if name == "tr" else _TABLE_CONTEXT)
        elif name == "option" and self.region and self.region[-1][0] == "option":
            self._pop_to(("option",), frozenset())

    def _pop_until(self, stop: frozenset[str]) -> None:
        """Pop open elements until one in ``stop`` is on top (or the region is empty)."""
        region, names, counts = self.region, self.names, self.counts
        while names and names[-1] not in stop:
            counts[names.pop()] -= 1
            region.pop()
        self.hidden, self.skipped = (region[-1][1], region[-1][2]) if region else (False, False)

    def _end_in_region(self, name: str) -> None:
        if self.names[-1] == name:  # the usual case: the innermost element closes
            self.region.pop()
            self.counts[self.names.pop()] -= 1
            region = self.region
            self.hidden, self.skipped = (region[-1][1], region[-1][2]) if region else (False, False)
            return
        if self.counts.get(name) and self._pop_to((name,), frozenset()):
            return
        # An end tag for an element opened before the region closes the region too (the
        # browser closes the unclosed hidden element); stray inline end tags are ignored.
        if name not in INLINE:
            self.region.clear()
            self.names.clear()
            self.counts.clear()
            self.hidden = self.skipped = False


@lru_cache(maxsize=1 << 16)
def _inline_hidden(attr_text: str) -> bool:
    """Whether a tag's raw attributes hide it by themselves (``style`` or ``hidden``).

    Sites repeat the same attribute strings on every page, so the answer is memoised."""
    if not _HIDE_HINT.search(attr_text):
        return False
    attrs = _parse_attrs(attr_text)
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and style_is_hidden(style[0]))


def _attrs_hide(attrs: dict[str, tuple[str, int]], classes: set[str], ids: set[str]) -> bool:
    if classes and "class" in attrs and not classes.isdisjoint(attrs["class"][0].split()):
        return True
    return bool(ids) and "id" in attrs and attrs["id"][0].strip() in ids


def _collect_hidden_selectors(css: str, classes: set[str], ids: set[str]) -> bool:
    """Record ``.class`` / ``#id`` selectors whose rule hides the element; True if any was new."""
    before = len(classes) + len(ids)
    for m in _CSS_RULE.finditer(css):
        if not style_is_hidden(m.group(2)):
            continue
        for sel in m.group(1).split(","):
            s = _SIMPLE_SELECTOR.match(sel.strip())
            if s:
                (classes if s.group(1) == "." else ids).add(s.group(2))
    return len(classes) + len(ids) > before
