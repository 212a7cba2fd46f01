"""Gaps, repeats and reversals in heading numbers within one document.

Headings are numbers at the start of a line: 一、 （一） 1. 1、 （1） ① and 第一条 /
第一章 / 第一节. Each style is a level; a heading of a higher level resets the levels
below it (（一） starts again under each 一、, items start again under each 第X条).
Articles (第X条) run on across chapters, as in laws. A list may always start again at 1 (or
drop back to 2), so pages holding several documents, or several lists, do not raise alarms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..finding import Finding
from ..rules import Rule
from ._report import finding

NUMBERING = Rule(
    id="format.numbering",
    category="format",
    severity="warning",
    title="序号不连续或重复",
    doc=(
        "检查同一文档中行首序号是否连续：一、二、三、，（一）（二）（三），1. 2. 3.，（1）（2），①②，"
        "第一条 第二条，第一章 第二章，以及行文中的“一是……二是……”“第一，……第二，……”。跳号（一、二、四、）、重号（二、二、）和倒序报告；"
        "上一级序号出现后下一级重新从1开始（每个“一、”下的（一）重新编号，每条之下的（一）重新编号），"
        "“第X条”跨章连续编号。任何一级重新从1开始都不报。原因：公文层次序号错乱是检查通报中的常见格式问题。"
    ),
    examples=("一、总体要求\n二、主要任务\n四、保障措施",),
)
RULES: tuple[Rule, ...] = (NUMBERING,)

_CN = "零〇一二三四五六七八九十百千两"
_CN_VAL = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
# Order matters: the first alternative that matches names the style.
_HEADING = re.compile(
    r"^[ \t\u3000]*(?:"
    rf"(?P<part>第(?P<part_n>[{_CN}]+)编)(?:[ \t\u3000\r]|$)"
    rf"|(?P<chapter>第(?P<chapter_n>[{_CN}]+)章)(?:[ \t\u3000\r]|$)"
    rf"|(?P<section>第(?P<section_n>[{_CN}]+)节)(?:[ \t\u3000\r]|$)"
    rf"|(?P<article>第(?P<article_n>[{_CN}]+|[0-9０-９]+)条)(?:[ \t\u3000\r]|$)"
    rf"|(?P<cn>(?P<cn_n>[{_CN}]{{1,4}})、)"
    rf"|(?P<cnparen>[（(](?P<cnparen_n>[{_CN}]{{1,4}})[）)])"
    r"|(?P<arabic>(?P<arabic_n>[0-9０-９]{1,3})(?:[.．](?![0-9０-９])|、))(?![0-9０-９])"
    r"|(?P<arparen>[（(](?P<arparen_n>[0-9０-９]{1,3})[）)])"
    rf"|(?P<circled>(?P<circled_n>[{_CIRCLED}]))"
    r")",
    re.MULTILINE,
)
_STYLES = ("part", "chapter", "section", "article", "cn", "cnparen", "arabic", "arparen", "circled")
# A heading of the key's style resets the counters of these styles.
_RESETS = {
    "part": ("chapter", "section", "article", "cn", "cnparen", "arabic", "arparen", "circled"),
    "chapter": ("section", "cn", "cnparen", "arabic", "arparen", "circled"),
    "section": ("cn", "cnparen", "arabic", "arparen", "circled"),
    "article": ("cn", "cnparen", "arabic", "arparen", "circled"),
    "cn": ("cnparen", "arabic", "arparen", "circled"),
    "cnparen": ("arabic", "arparen", "circled"),
    "arabic": ("arparen", "circled"),
    "arparen": ("circled",),
    "circled": (),
}
# Inline enumerations in running text: 一是……二是……, 第一，……第二，…… Found from the
# numeral (a rare-character scan), the boundary before it is checked in Python.
_INLINE = re.compile(rf"(?P<shi>(?P<shi_n>[{_CN}]{{1,3}})是)|(?P<di>第(?P<di_n>[{_CN}]{{1,3}})，)")
_INLINE_TRIGGER = re.compile(rf"[{_CN}]是|[{_CN}]，")
_INLINE_BOUNDARY = "，。；：、！？ \t\n\r\u3000（(“"
_TRIGGER = re.compile(rf"^[ \t\u3000]*(?:第|[{_CN}]{{1,4}}、|[（(]|[0-9０-９]{{1,3}}[.．、]|[{_CIRCLED}])", re.MULTILINE)


def chinese_integer(s: str) -> int | None:
    """Value of a Chinese numeral up to 9999 (十二, 一百零五, 二十); ``None`` if malformed."""
    total, digit = 0, None
    units = {"十": 10, "百": 100, "千": 1000}
    last_unit = 10_000
    for c in s:
        if c in _CN_VAL:
            if digit is not None and digit != 0 and _CN_VAL[c] != 0:
                return None  # 二三: two digits in a row
            digit = _CN_VAL[c]
        elif c in units:
            u = units[c]
            if u >= last_unit:
                return None
            total += (1 if digit is None else digit) * u
            digit, last_unit = None, u
        else:
            return None
    return total + (digit or 0)


def _value(style: str, raw: str) -> int | None:
    if style == "circled":
        return _CIRCLED.index(raw) + 1
    if raw[0] in "0123456789０１２３４５６７８９":
        return int(raw.translate(_TO_ASCII))
    return chinese_integer(raw)


def _render(style: str, marker: str, old: str, n: int) -> str:
    """``marker`` with its number ``old`` replaced by ``n`` in the same numeral style."""
    if style == "circled":
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else marker
    if old[0] in "0123456789０１２３４５６７８９":
        return marker.replace(old, str(n), 1)
    return marker.replace(old, _to_chinese(n), 1)


def _to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n >= 1000:
        return str(n)
    rest = n % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else ("一" + _to_chinese(rest) if rest < 20 else _to_chinese(rest)))
    return digits[n // 100] + "百" + tail


def check(text: str) -> Iterator[Finding]:
    """Numbering problems among line-initial headings and inline enumerations of ``text``."""
    if _TRIGGER.search(text):
        yield from _headings(text)
    yield from _inline(text)


def _headings(text: str) -> Iterator[Finding]:
    last: dict[str, tuple[int, str, int]] = {}
    for t in _TRIGGER.finditer(text):
        m = _HEADING.match(text, t.start())
        if m is None:
            continue
        style = m.lastgroup if m.lastgroup in _STYLES else next(s for s in _STYLES if m.group(s) is not None)
        raw = m.group(style + "_n")
        n = _value(style, raw)
        if n is None or n == 0:
            continue
        for lower in _RESETS[style]:
            last.pop(lower, None)
        if style == "article" and n == 1:
            # 第一条 again: a new law or regulation begins, with its own chapters.
            for upper in ("part", "chapter", "section"):
                last.pop(upper, None)
        f = _compare(text, m, style, raw, n, last.get(style))
        last[style] = (n, m.group(style), m.end())
        if f is not None:
            yield f


def _inline(text: str) -> Iterator[Finding]:
    last: dict[str, tuple[int, str, int]] = {}
    for t in _INLINE_TRIGGER.finditer(text):
        # Back up over the numeral (and 第) to where the item would start.
        start = t.start()
        while start > 0 and text[start - 1] in _CN:
            start -= 1
        if start > 0 and text[start - 1] == "第":
            start -= 1
        m = _INLINE.match(text, start)
        if m is None or m.end() != t.end() or (start > 0 and text[start - 1] not in _INLINE_BOUNDARY):
            continue
        style = "shi" if m.group("shi") else "di"
        raw = m.group(style + "_n")
        n = chinese_integer(raw)
        if n is None or n == 0:
            continue
        f = _compare(text, m, style, raw, n, last.get(style))
        last[style] = (n, m.group(style), m.end())
        if f is not None:
            yield f


def _compare(
    text: str, m: re.Match[str], style: str, raw: str, n: int, prev: tuple[int, str, int] | None
) -> Finding | None:
    """A finding when item ``n`` does not follow ``prev`` in its sequence."""
    # A list may start again at any point; a drop back to 2 is a restart whose
    # first item is not a heading line (or was cut from the page).
    if prev is None or n == 1 or (n == 2 and prev[0] > 2):
        return None
    p, prev_marker, prev_end = prev
    if n == p + 1:
        return None
    marker = m.group(style)
    start, end = m.span(style)
    expected = _render(style, marker, raw, p + 1)
    if n > p and expected in text[prev_end:start]:
        return None  # the missing item is there, only not at a line start (37．… 38．… on one line)
    if n == p:
        kind, msg = "repeat", f"序号“{marker}”与上一个序号重复，应为“{expected}”。"
    elif n > p:
        kind, msg = "gap", f"序号“{marker}”不连续：上一个是“{prev_marker}”，缺少“{expected}”。"
    else:
        kind, msg = "order", f"序号“{marker}”顺序颠倒：上一个是“{prev_marker}”。"
    return finding(NUMBERING, text, start, end, msg, (expected,), extra=(("kind", kind),))
