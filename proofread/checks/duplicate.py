"""Accidentally doubled words: 的的, 我们我们, 工作工作.

Chinese reduplicates on purpose (谢谢, 常常, 天天, 高高兴兴, 研究研究, 一个一个), so a
doubled string is reported only when all of these hold:

* the local jieba segmentation (its dictionary of 349k words with frequencies) puts a
  word boundary before, between and after the two copies, so the repeat is not part of
  a longer word (不了了之, 的的确确, 人大代表代表人民) or of an AABB form (高高兴兴);
* a single doubled character is a function word that never reduplicates (的, 了, 是, 在…);
* a doubled word is a dictionary word, and not a noun followed by the same word used as
  a verb (本规定规定的职责, 经济组织组织开展);
* a doubled word is not of a kind that reduplicates: verbs that take the ABAB form
  (研究研究, 讨论讨论), state words (雪白雪白), degree words (非常非常), numeral-classifier
  phrases (一步一步) and interjections.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..finding import Finding
from ..rules import Rule
from ._report import finding

DUPLICATE = Rule(
    id="typo.duplicate",
    category="typo",
    severity="warning",
    title="字词重复",
    doc=(
        "查找误输入的重复字词，如“的的”“我们我们”“工作工作”。正常的重叠不报："
        "叠词（谢谢、常常、天天、人人、一一）、AABB式（高高兴兴、干干净净）、"
        "可以ABAB重叠的动词（研究研究、讨论讨论）、状态词（雪白雪白）、表程度的副词（非常非常）、"
        "数量短语（一步一步）。判断依据是 jieba 词典的分词边界和词性。"
    ),
    fixable=True,
    examples=("请各单位认真做好的的安全生产工作。", "我们我们要认真学习。"),
)
RULES: tuple[Rule, ...] = (DUPLICATE,)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# Function characters that have no reduplicated form in standard Chinese.
_NEVER_DOUBLED = "的了是在和与及将把被从向为于而并或其之所以按由该就也都还但却则因如若们我你他她它您这那"
_SINGLE = re.compile(f"([{_NEVER_DOUBLED}])\\1")
# Any doubled 2–4 characters; Chinese-only is checked afterwards (a character-class
# pattern scans several times slower than ``.``).
_MULTI = re.compile(r"(.{2,4})\1")
_ALL_HAN = re.compile(f"[{_HAN}]+")
# Two-character verbs that take the ABAB form ("try, do a bit of"): 研究研究.
_ABAB_VERBS = frozenset(
    ["研究", "讨论", "学习", "考虑", "商量", "休息", "了解", "锻炼", "活动", "准备", "收拾", "打扫", "整理", "检查", "介绍", "比较", "分析", "练习", "思考", "体验", "交流", "沟通", "放松", "表扬", "关心", "帮助", "照顾", "打听", "琢磨", "合计", "溜达", "总结", "反思", "尝试", "熟悉", "认识", "感受", "调查", "清理", "梳理", "安排", "布置", "修理", "检讨", "请教", "研讨", "交代", "开导", "提醒", "指点", "观察", "商议", "切磋", "合作", "调整", "操练", "走动", "散步", "体会", "批评", "教育", "参观", "打扮", "收听", "欣赏", "品尝", "温习", "复习", "预习", "核实", "核对", "翻阅", "评评", "议论", "动员", "鼓励", "宣传", "解释", "说明", "研判", "演练", "凉快", "暖和", "高兴", "乐和", "热闹", "轻松", "痛快", "舒服", "舒坦", "清醒", "明白", "干净"]
)
# jieba parts of speech that reduplicate freely: state words, numerals, classifiers,
# onomatopoeia, interjections, modal particles.
_REDUPLICATING_POS = frozenset({"z", "m", "mq", "q", "o", "e", "y"})
# Degree words doubled for emphasis in speeches (非常非常重要); other adverbs doubled
# (进一步进一步) are slips.
_EMPHATIC = frozenset(["非常", "特别", "真的", "很多", "许多", "好多", "好久", "多多"])
_WINDOW = 6
# Single characters that turn a preceding verb into a noun (保管物, 代表人, 申请者, 管理费).
_NOUN_SUFFIXES = frozenset("物人者费品权方员单书证")


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # its default handler prints dictionary loading to stderr
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


@functools.lru_cache(maxsize=1)
def _pos() -> dict[str, str]:
    """Part of speech of every word in jieba's dictionary (third column of dict.txt)."""
    path = _tokenizer().get_dict_file()
    out: dict[str, str] = {}
    with path:
        for line in path:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                out[parts[0]] = parts[2]
    return out


def _words(text: str, start: int, end: int) -> dict[int, str]:
    """jieba's segmentation of ``text[start:end]``: word by absolute start offset."""
    out = {}
    pos = start
    for word in _tokenizer().cut(text[start:end], HMM=False):
        out[pos] = word
        pos += len(word)
    out[pos] = ""
    return out


def _doubled_words(text: str, i: int, unit: int) -> tuple[bool, str, str]:
    """Whether both copies at ``i`` are whole words, and the words before and after them."""
    lo = max(0, i - _WINDOW)
    hi = min(len(text), i + 2 * unit + _WINDOW)
    words = _words(text, lo, hi)
    whole = i in words and i + unit in words and i + 2 * unit in words
    before = next((w for start, w in words.items() if start + len(w) == i and w), "")
    return whole, before, words.get(i + 2 * unit, "")


def _reduplicates(word: str) -> bool:
    if word in _ABAB_VERBS or word in _EMPHATIC:
        return True
    if len(word) == 2 and word[0] in "很好太真挺":
        return True  # 抓得很紧很紧: degree adverb + adjective, doubled for emphasis
    if word[0] == "一":
        return True  # 一步一步, 一个一个
    return _pos().get(word) in _REDUPLICATING_POS


def _noun_then_verb(word: str, before: str, after: str) -> bool:
    """本规定规定的职责, 专业组织组织开展, 布图设计设计专有权: two readings of one word."""
    pos = _pos()
    kind = pos.get(word)
    if after in _NOUN_SUFFIXES:
        return True  # 妥善保管 保管物: the second copy starts a noun the dictionary lacks
    if kind in ("n", "vn"):
        if after.startswith("的") or pos.get(after) == "v":
            return True
        # 布图设计 设计专有权: the copies end one compound noun and start the next.
        return pos.get(before, "").startswith("n") and pos.get(after, "").startswith("n")
    # A verb doubles as a noun only after a modifier: 专业组织 / 组织 开展.
    return kind == "v" and pos.get(before, "").startswith("n") and pos.get(after) in ("v", "n", "vn")


def _report(text: str, i: int, unit: int) -> Finding:
    word = text[i:i + unit]
    return finding(
        DUPLICATE, text, i, i + 2 * unit,
        f"“{word}”重复，疑为多输入了一遍。", (word,),
    )


def check(text: str) -> Iterator[Finding]:
    """Doubled function characters and doubled words in ``text``."""
    found: list[Finding] = []
    for m in _SINGLE.finditer(text):
        if _doubled_words(text, m.start(), 1)[0]:
            found.append(_report(text, m.start(), 1))
    for m in _MULTI.finditer(text):
        word = m.group(1)
        if not _ALL_HAN.fullmatch(word) or word not in _pos() or _reduplicates(word):
            continue
        whole, before, after = _doubled_words(text, m.start(), len(word))
        if whole and not _noun_then_verb(word, before, after):
            found.append(_report(text, m.start(), len(word)))
    found.sort(key=lambda f: f.start)
    yield from found
