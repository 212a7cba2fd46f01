"""Traditional and variant characters in simplified-Chinese text, found with OpenCC.

OpenCC's ``t2s`` conversion (phrase-aware: 乾隆 and 著作 stay, 乾淨 becomes 干净)
decides which characters are not simplified. Left alone:

* pages that are mostly traditional (a 繁體 page, or a long traditional quotation
  paragraph): at least ``_TRADITIONAL_SHARE`` of a paragraph's Chinese characters
  convert, or the paragraph has ``_TRADITIONAL_RUN`` converting characters;
* titles in 《》 and quotations in 「」『』, which keep their original script;
* characters that the 通用规范汉字表 keeps as standard in some uses and that OpenCC
  still converts (surnames and names: 於, 乾, 蒐…): see ``_ALSO_STANDARD``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..finding import Finding
from ..rules import Rule
from ._report import finding

TRADITIONAL = Rule(
    id="variant.traditional",
    category="variant",
    severity="warning",
    title="简体文本中的繁体字、异体字",
    doc=(
        "用 OpenCC（t2s，按词组转换）找出简体中文网页中混入的繁体字和异体字，如“國務院”“関於”。"
        "原因：《国家通用语言文字法》要求面向社会的政府网站使用规范汉字。"
        "不报：以繁体为主的段落（整段繁体引文、繁體版页面）、书名号《》和直角引号「」『』内的文字、"
        "通用规范汉字表中在某些用法里保留的字（乾坤、著作、拚搏、二噁英等）。人名中的繁体字无法自动识别，请人工确认。"
    ),
    examples=("市人民政府關於做好防汛工作的通知",),
)
RULES: tuple[Rule, ...] = (TRADITIONAL,)

# A paragraph this traditional is a 繁體 text, not a simplified one with slips.
_TRADITIONAL_SHARE = 0.2
_TRADITIONAL_RUN = 8
# The share is judged only on paragraphs at least this long: in a short heading two
# slips are not a traditional text.
_MIN_SHARE_BASE = 20
# Characters that are standard in the 通用规范汉字表 (2013) in some uses yet that t2s
# converts in some contexts: 乾坤, 著作, 瞭望, 覆盖, 获益甚夥, 神祇, 甯 (surname), 拚搏,
# 二噁英, 白鱀豚, 昇 (names), 濛溪河 (place names).
_ALSO_STANDARD = frozenset("乾著瞭覆夥祇甯拚噁鱀昇濛")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_UNSAFE = re.compile("[\ud800-\udfff\x00]")
_PROTECTED = re.compile(r"《[^《》\n]{0,80}》|「[^「」\n]{0,200}」|『[^『』\n]{0,200}』")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """A character class of every CJK character t2s changes on its own."""
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = sorted(c for c, s in zip(chars, converted) if c != s and c not in _ALSO_STANDARD)
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]")


def _char_t2s(c: str) -> str:
    out = _converter().convert(c)
    return out if len(out) == 1 else c


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            yield start, len(text)
            return
        yield start, end
        start = end + 1


def _differs(original: str, converted: str, i: int) -> bool:
    a, b = original[i], converted[i]
    return a != b and a not in _ALSO_STANDARD and ord(b) <= 0xFFFF


def _diff_runs(original: str, converted: str) -> Iterator[tuple[int, int]]:
    """Runs of positions where two equal-length strings differ."""
    i, n = 0, len(original)
    while i < n:
        if _differs(original, converted, i):
            j = i + 1
            while j < n and _differs(original, converted, j):
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _check_paragraph(text: str, start: int, end: int) -> Iterator[Finding]:
    para = text[start:end]
    # OpenCC takes UTF-8 C strings: a lone surrogate cannot be encoded and NUL ends the
    # string. Both become U+FFFD, one character for one, so offsets stay put.
    safe = _UNSAFE.sub("\ufffd", para)
    converted = _converter().convert(safe)
    if len(converted) != len(safe):
        # t2s changed the length (rare phrase mappings): convert character by character.
        converted = "".join(_char_t2s(c) for c in safe)
    runs = list(_diff_runs(safe, converted))
    if not runs:
        return
    changed = sum(e - s for s, e in runs)
    han = len(_HAN.findall(para))
    if changed >= _TRADITIONAL_RUN or (han >= _MIN_SHARE_BASE and changed >= _TRADITIONAL_SHARE * han):
        return
    protected = [m.span() for m in _PROTECTED.finditer(para)]
    for s, e in runs:
        if any(ps <= s and e <= pe for ps, pe in protected):
            continue
        yield finding(
            TRADITIONAL, text, start + s, start + e,
            f"“{para[s:e]}”是繁体字或异体字，简体文本中应写作“{converted[s:e]}”。",
            (converted[s:e],),
        )


def check(text: str) -> Iterator[Finding]:
    """Traditional or variant characters in an otherwise simplified ``text``."""
    trigger = _trigger()
    if not trigger.search(text):
        return
    for start, end in _paragraphs(text):
        if trigger.search(text, start, end):
            yield from _check_paragraph(text, start, end)
