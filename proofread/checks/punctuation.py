"""Punctuation per GB/T 15834-2011: paired marks, half-width marks in Chinese, doubled marks.

Paired marks are matched with a stack; one left open may close up to three lines on
(titles wrapped over lines). A quotation that runs over several paragraphs opens each
paragraph and closes only the last (GB/T 15834 §4.5.3.4), so an opener left open is fine
when the next paragraph starts with the same mark. Half-width
marks are reported only next to Chinese characters, so English sentences, numbers (3.14,
1,000), times (10:30), URLs and `code` are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..finding import Finding
from ..rules import Rule
from ._regions import Regions, skipped_regions
from ._report import finding

UNPAIRED = Rule(
    id="punctuation.unpaired",
    category="punctuation",
    severity="warning",
    title="成对标点不配对",
    doc=(
        "在同一段内检查引号“”‘’、书名号《》〈〉、括号（）【】等成对标点：缺后半、缺前半或交错嵌套时报告。"
        "跨段引文每段开头用前引号、只在最后一段末尾用后引号（GB/T 15834-2011 4.5.3.4），不算错。"
        "原因：漏掉后引号或后书名号是网页校对中最常见的标点错误。示例：《关于做好安全生产工作的通知 要求……"
    ),
    examples=("《关于做好2024年安全生产工作的通知 已印发各地。",),
)
HALF_WIDTH = Rule(
    id="punctuation.half-width",
    category="punctuation",
    severity="warning",
    title="中文中使用了半角标点",
    doc=(
        "中文句子里的逗号、分号、冒号、问号、叹号、括号、引号和句末点号应使用全角形式（GB/T 15834-2011）；"
        "半角双引号\"\"括住中文时报告为“”。"
        "只报告紧挨汉字的半角标点；英文句子、数字（3.14、1,000）、时间（10:30）、网址和代码不报。"
        "示例：“各单位要高度重视,认真落实”中的“,”应为“，”。"
    ),
    fixable=True,
    examples=("各单位要高度重视,认真落实。",),
)
DOUBLED = Rule(
    id="punctuation.doubled",
    category="punctuation",
    severity="warning",
    title="标点重复",
    doc=(
        "相邻的两个点号（。。 ，， 、、 ；； ：： 或 ，。 等混用）只应保留一个；问号叹号后不再加句号。"
        "原因：多打的标点多为录入错误。叹号、问号连用（！！ ？！）表达强烈语气，不报。"
    ),
    fixable=True,
    examples=("请各单位认真组织学习。。",),
)
NESTED_TITLE = Rule(
    id="punctuation.nested-title",
    category="punctuation",
    severity="warning",
    title="书名号或引号嵌套不规范",
    doc=(
        "书名号内再用书名号时，里面一层应改用单书名号〈〉；双引号内再用双引号时，里面一层应改用单引号‘’"
        "（GB/T 15834-2011 4.5.3.2、4.15.3.2）。示例：《关于贯彻《中华人民共和国安全生产法》的意见》"
        "应写作《关于贯彻〈中华人民共和国安全生产法〉的意见》。"
    ),
    examples=("印发《关于贯彻落实《中华人民共和国安全生产法》的实施意见》。",),
)
RULES: tuple[Rule, ...] = (UNPAIRED, HALF_WIDTH, DOUBLED, NESTED_TITLE)

_CLOSE_OF = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】", "「": "」", "『": "』"}
# Which openers a closer may close: full-width and ASCII brackets close each other
# (the width mismatch is reported by the half-width rule, not as unpaired).
_OPENERS_OF = {"”": "“", "’": "‘", "》": "《", "〉": "〈", "）": "（(", ")": "（(", "】": "【", "」": "「", "』": "『"}
_PAIRED = re.compile(r"[“”‘’《》〈〉（）()【】「」『』]")
_PAIR_TRIGGER = re.compile(r"[“”‘’《》〈〉（）【】「」『』]")
# Openers a multi-paragraph quotation may leave open at a paragraph end.
_CARRY_OVER = "“‘「『"
_ASCII_LETTER = re.compile(r"[A-Za-z]")

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")
# Half-width mark with a Chinese character (or closing full-width mark) on one side.
_HALF = re.compile(r"[,;:?!.]")
_OPEN_AFTER = "“‘《（【"
_CLOSE_BEFORE = "”’》）】"
# ASCII brackets around Chinese text, or touching it on either side.
_HALF_PARENS = re.compile(r"\(([^()\n]{0,80})\)")
_HALF_TRIGGER = re.compile(r"[,;:?!.()\"]")
# ASCII double quotes around Chinese text: 开展"双随机"检查.
_HALF_QUOTES = re.compile(r'"([^"\n]{1,80})"')
_STYLE_MIN = 3
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）", '"': "“"}
_DOUBLED = re.compile(r"[，。、；：]{2,}|[？！][。，、；]|《《|》》")
_DECORATION = re.compile(r"》{2,}[^《》\n]{0,40}《{2,}")


# A paired mark left open at a line end may still be closed a few lines on: titles and
# bracketed headers are often wrapped over lines in pages.
_PENDING_LINES = 3


@dataclass(slots=True)
class _Open:
    mark: str
    pos: int
    # Nested-mark findings held back until this opener is itself closed properly.
    nested: list[Finding] = field(default_factory=list)


def _next_paragraph_opens_with(text: str, end: int, opener: str) -> bool:
    nxt = text[end:end + 400].lstrip("\r\n \t\u3000")
    return nxt.startswith(opener)


def _is_apostrophe(text: str, i: int) -> bool:
    """China’s, don’t, and the year abbreviation in 中国’99昆明世界园艺博览会."""
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if text[i + 1:i + 3].isdigit() and not text[i + 3:i + 4].isdigit():
        return True
    return bool(_ASCII_LETTER.match(prev)) and (not nxt or bool(_ASCII_LETTER.match(nxt)) or nxt in " ,.")


def _decorations(text: str) -> Regions:
    """》》 … 《《 used as arrows in page furniture (》》点击图片进入专题《《)."""
    if "》》" not in text:
        return Regions([])
    return Regions([m.span() for m in _DECORATION.finditer(text)])


def _unclosed(text: str, stack: list[_Open]) -> Iterator[Finding]:
    # Two “ left open: the second was most likely typed for ”, which closes the first.
    quotes = [o.pos for o in stack if o.mark == "“"]
    for o in stack:
        if o.mark == "(":
            continue
        if o.mark == "“" and len(quotes) > 1:
            if o.pos != quotes[0]:
                yield finding(UNPAIRED, text, o.pos, o.pos + 1, "前引号“重复出现，疑为后引号”。", ("”",))
        else:
            yield finding(UNPAIRED, text, o.pos, o.pos + 1, f"“{o.mark}”没有配对的“{_CLOSE_OF[o.mark]}”。")


_NOT_MARK = re.compile(r"[^“”‘’《》〈〉（）()【】「」『』\n]+")
_SIMPLE_PAIRS = ("“”", "‘’", "《》", "〈〉", "（）", "()", "【】", "「」", "『』")
_SAME_KIND_INSIDE = re.compile(r"《[^》\n]*《|“[^”\n]*“")


def _all_paired(text: str) -> bool:
    """True when every paired mark closes on its own line and no 《 or “ sits inside
    another: then _pairs has nothing to report. Cheap string work, no Python loop per mark."""
    marks = _NOT_MARK.sub("", text)
    while True:
        before = len(marks)
        for pair in _SIMPLE_PAIRS:
            marks = marks.replace(pair, "")
        if len(marks) == before:
            break
    return not marks.strip("\n") and not _SAME_KIND_INSIDE.search(text)


def _pairs(text: str, skip: Regions) -> Iterator[Finding]:
    # The shortcut reads the whole text; marks inside skipped regions (code, URLs) change
    # the pairing, so it only applies when there are none.
    if skip or not _all_paired(text):
        yield from _match_pairs(text, skip)


def _match_pairs(text: str, skip: Regions) -> Iterator[Finding]:
    stack: list[_Open] = []
    line_end = text.find("\n")
    for m in _PAIRED.finditer(text):
        c, i = m.group(), m.start()
        if line_end != -1 and i > line_end:
            if stack:
                stack, expired = _after_line_ends(text, stack, line_end, i)
                yield from _unclosed(text, expired)
            line_end = text.find("\n", i)
        if skip and skip.overlaps(i, i + 1):
            continue
        if c in "《》" and i and text[i - 1] == c:
            continue  # 《《 typed for 《: counted once here, reported by the doubled rule
        if c in _CLOSE_OF:
            stack.append(_Open(c, i))
            continue
        openers = _OPENERS_OF[c]
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].mark in openers), None)
        if depth is None:
            if c == ")" or (c == "’" and _is_apostrophe(text, i)):
                continue
            if stack and (stack[-1].mark, c) in (("“", "’"), ("‘", "”")):
                o = stack.pop()
                right = _CLOSE_OF[o.mark]
                yield finding(UNPAIRED, text, i, i + 1, f"“{o.mark}”应与“{right}”配对，“{c}”疑为“{right}”。", (right,))
                continue
            yield finding(UNPAIRED, text, i, i + 1, f"“{c}”前面缺少与之配对的“{_OPENERS_OF[c][0]}”。")
            continue
        yield from _unclosed(text, stack[depth + 1:])
        o = stack[depth]
        del stack[depth:]
        yield from o.nested
        if o.mark in "《“":
            # Nested directly in the same mark (not 《〈《》〉》, where the third level
            # rightly goes back to 《》).
            family = "《〈" if o.mark == "《" else "“‘"
            outer = next((s for s in reversed(stack) if s.mark in family), None)
            if outer is not None and outer.mark == o.mark:
                inner = "〈〉" if o.mark == "《" else "‘’"
                outer.nested.append(finding(
                    NESTED_TITLE, text, o.pos, i + 1,
                    f"{o.mark}{_CLOSE_OF[o.mark]}内再套用时，里面一层应改用{inner}。",
                    (inner[0] + text[o.pos + 1:i] + inner[1],),
                ))
    if stack and line_end != -1:
        stack, expired = _after_line_ends(text, stack, line_end, len(text))
        yield from _unclosed(text, expired)
    yield from _unclosed(text, stack)


def _after_line_ends(text: str, stack: list[_Open], line_end: int, upto: int) -> tuple[list[_Open], list[_Open]]:
    """Openers still pending at ``upto`` after the line ends from ``line_end`` on, and those
    that expired: a quotation reopened by the next paragraph is dropped (the new opener
    continues it), and an opener left open over ``_PENDING_LINES`` line ends expires."""
    keep, expired = [], []
    crossings = []
    end = line_end
    while end != -1 and end < upto:
        crossings.append(end)
        end = text.find("\n", end + 1)
    for o in stack:
        carried = False
        for end in crossings:
            if end > o.pos and o.mark in _CARRY_OVER and _next_paragraph_opens_with(text, end, o.mark):
                carried = True
                break
        if carried:
            continue
        if text.count("\n", o.pos, upto) > _PENDING_LINES:
            expired.append(o)
        else:
            keep.append(o)
    return keep, expired


def _half_width(text: str, skip: Regions) -> Iterator[Finding]:
    found: list[Finding] = []
    for m in _HALF.finditer(text):
        i, c = m.start(), m.group()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if not _half_width_in_chinese(c, prev, nxt, text, i):
            continue
        if skip and skip.overlaps(i, i + 1):
            continue
        found.append(_half(text, i))
    if "(" in text:
        for m in _HALF_PARENS.finditer(text):
            s, e = m.start(), m.end() - 1
            if skip and skip.overlaps(s, e + 1):
                continue
            before = text[s - 1] if s else ""
            after = text[e + 1] if e + 1 < len(text) else ""
            if _HAN_RE.search(m.group(1)) or _HAN_RE.match(before) or _HAN_RE.match(after):
                found.append(_half(text, s))
                found.append(_half(text, e))
    if '"' in text:
        for m in _HALF_QUOTES.finditer(text):
            s, e = m.start(), m.end() - 1
            if (skip and skip.overlaps(s, e + 1)) or not _HAN_RE.search(m.group(1)):
                continue
            found.append(_half(text, s, "“"))
            found.append(_half(text, e, "”"))
    yield from _inconsistent_only(text, found)


def _inconsistent_only(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Drop a mark whose half-width form is the page's own style rather than a slip.

    A page that writes a mark half-width at least ``_STYLE_MIN`` times and at least a
    quarter as often as full-width was converted or typed that way throughout; one
    finding per character would bury everything else. Mixed pages keep their findings.
    """
    counts: dict[str, int] = {}
    for f in found:
        counts[f.text] = counts.get(f.text, 0) + 1
    styled = {
        c for c, n in counts.items()
        if n >= _STYLE_MIN and n * 4 >= text.count(_FULL[c]) + (text.count("”") if c == '"' else 0)
    }
    if "(" in styled or ")" in styled:
        styled |= {"(", ")"}
    for f in found:
        if f.text not in styled:
            yield f


def _half_width_in_chinese(c: str, prev: str, nxt: str, text: str, i: int) -> bool:
    """Whether the ASCII mark ``c`` at ``i`` sits in Chinese text (not in a number, a
    time, an English sentence or a placeholder for an unencodable character)."""
    prev_han = bool(prev) and _HAN_RE.match(prev) is not None
    if c == ".":
        # Only a sentence end: after a Chinese character, before one or the line end.
        if not prev_han:
            return False
        line_end = text.find("\n", i, i + 200)
        rest = text[i + 1:line_end if line_end != -1 else i + 200].strip(" \t\r")
        return not rest or _HAN_RE.match(rest[0]) is not None
    if c in ",:" and prev.isdigit() and nxt.isdigit():
        return False  # 1,000 and 10:30
    if c in "?!" and not prev_han:
        return False  # "、?水灌区": a ? standing in for a character the page could not encode
    if prev_han or (prev and prev in _CLOSE_BEFORE):
        return True
    return bool(nxt) and (_HAN_RE.match(nxt) is not None or nxt in _OPEN_AFTER)


def _half(text: str, i: int, full: str | None = None) -> Finding:
    c = text[i]
    full = full or _FULL[c]
    return finding(HALF_WIDTH, text, i, i + 1, f"中文中应使用全角标点“{full}”，而不是半角“{c}”。", (full,))


def _doubled(text: str, skip: Regions) -> Iterator[Finding]:
    for m in _DOUBLED.finditer(text):
        s = m.group()
        if skip and skip.overlaps(m.start(), m.end()):
            continue
        if len(set(s)) == 1:
            fix = "……" if s[0] == "。" and len(s) >= 3 else s[0]
            yield finding(DOUBLED, text, m.start(), m.end(), f"标点“{s}”重复，应只保留一个。", (fix,))
        elif s[0] in "？！":
            yield finding(DOUBLED, text, m.start(), m.end(), f"“{s[0]}”后不应再加“{s[1:]}”。", (s[0],))
        else:
            yield finding(DOUBLED, text, m.start(), m.end(), f"标点“{s}”连用，应只保留一个。", fixable=False)


def check(text: str) -> Iterator[Finding]:
    """Paired-mark, half-width, doubled and nesting problems in ``text``."""
    skip = skipped_regions(text)
    decorations = _decorations(text)
    if decorations:
        skip = Regions(sorted([*zip(skip.starts, skip.ends), *zip(decorations.starts, decorations.ends)]))
    if _PAIR_TRIGGER.search(text):
        yield from _pairs(text, skip)
    if _HALF_TRIGGER.search(text) and _HAN_RE.search(text):
        yield from sorted(_half_width(text, skip), key=lambda f: f.start)
    yield from _doubled(text, skip)
