"""A national leader's name next to a title the person does not hold.

Facts come from ``dictionaries/leaders.tsv`` (name, title, from, to, source), a data file
to update after personnel changes. Only tight adjacency is checked: title then name
(国务院总理李强) or name then title (李强总理), optionally with 同志 after the name.
A title is judged at the date that applies: a date or year written shortly before it
(2019年，李克强总理…; a dateline), else the latest full date in the text (the 落款),
else — with no date at all — the title must merely have been held at some time.
原/前/时任/已故 before the pair mark it as historical and silence it.
"""

from __future__ import annotations

import csv
import datetime
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..finding import Finding
from ..lexicon import builtin_dictionary_dir
from ..rules import Rule
from ._report import finding
from .dates import iter_dates

LEADER_TITLE = Rule(
    id="phrasing.leader-title",
    category="phrasing",
    severity="error",
    title="领导人姓名与职务不符",
    doc=(
        "领导人姓名与紧邻的职务不符时报告，如“国务院总理习近平”，或在2025年的文稿中写“李克强总理”"
        "（2023年3月已卸任）。依据 dictionaries/leaders.tsv 中的任职起止日期，可随人事变动更新。"
        "判断日期依次取：同段前文或上一行日期行中的日期、年份，文中最晚的完整日期（落款）；全文没有日期时只检查是否担任过该职务。"
        "前面有“原”“前”“时任”“已故”的不报。原因：领导人职务错误属于严重政治性差错。"
    ),
    examples=("2025年3月5日，李克强总理在人民大会堂作政府工作报告。", "国务院总理习近平主持召开常务会议。"),
)
RULES: tuple[Rule, ...] = (LEADER_TITLE,)

# Written forms of a title -> the canonical title in leaders.tsv. Bare 主席 is accepted
# only after a name (before a name it is often 主席团常务主席); bare 副主席 is not used
# (the file does not list vice-chairs of the CPPCC or the CMC).
_AFTER_NAME = {
    "国务院总理": "国务院总理", "总理": "国务院总理",
    "国务院副总理": "国务院副总理", "国务院常务副总理": "国务院副总理", "常务副总理": "国务院副总理",
    "副总理": "国务院副总理",
    "国家主席": "中华人民共和国主席", "中华人民共和国主席": "中华人民共和国主席", "主席": "主席",
    "国家副主席": "中华人民共和国副主席", "中华人民共和国副主席": "中华人民共和国副主席",
    "全国人大常委会委员长": "全国人大常委会委员长", "委员长": "全国人大常委会委员长",
    "全国政协主席": "全国政协主席",
    "中央军委主席": "中华人民共和国中央军事委员会主席", "军委主席": "中华人民共和国中央军事委员会主席",
    "总书记": "中共中央总书记", "中共中央总书记": "中共中央总书记",
    "中央纪委书记": "中央纪委书记", "中纪委书记": "中央纪委书记",
}
_BEFORE_NAME = {k: v for k, v in _AFTER_NAME.items() if k != "主席"}
# Bare 主席 after a name: any chairmanship in the file.
_ANY_CHAIR = ("中华人民共和国主席", "中华人民共和国中央军事委员会主席", "全国政协主席")
_HISTORICAL = re.compile(r"(?:原|前|时任|已故|老)[\s]*$")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年|([〇○零一二三四五六七八九]{4})年")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
# The file covers every holder of its posts from the 2018 NPC on; before that it is
# incomplete (习近平 was 国家副主席 2008–2013), so earlier dates are not judged.
_COVERED_FROM = datetime.date(2018, 3, 1)
# A line this short just before a title may be its dateline (characters).
_DATELINE_CHARS = 60
_GRACE = 60


@dataclass(frozen=True, slots=True)
class Tenure:
    name: str
    title: str
    start: datetime.date | None
    end: datetime.date | None  # None: still in office


def _date(s: str) -> datetime.date | None:
    s = s.strip()
    return datetime.date.fromisoformat(s) if s else None


def load_leaders(path: str | Path | None = None) -> tuple[Tenure, ...]:
    """Tenures from a leaders TSV file (default: the shipped ``dictionaries/leaders.tsv``)."""
    path = Path(path) if path else builtin_dictionary_dir() / "leaders.tsv"
    out: list[Tenure] = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    for lineno, row in enumerate(csv.DictReader(rows, delimiter="\t"), start=2):
        try:
            start, end = _date(row["from_date"] or ""), _date(row["to_date"] or "")
            name = row["name"].strip()
            titles = row["title"]
        except (KeyError, ValueError, AttributeError) as e:
            raise ValueError(f"{path}: 第{lineno}行格式错误（需要 name/title/from_date/to_date 列，日期 YYYY-MM-DD）：{e}") from e
        for title in titles.split("、"):
            title = re.sub(r"[(（][^)）]*[)）]", "", title).strip()
            if title == "中央政治局常委" or not title:
                continue
            out.append(Tenure(name, title, start, end))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _default() -> tuple[tuple[Tenure, ...], re.Pattern[str], re.Pattern[str]]:
    tenures = load_leaders()
    names = sorted({t.name for t in tenures}, key=len, reverse=True)
    name_alt = "|".join(map(re.escape, names))
    before = "|".join(map(re.escape, sorted(_BEFORE_NAME, key=len, reverse=True)))
    after = "|".join(map(re.escape, sorted(_AFTER_NAME, key=len, reverse=True)))
    title_name = re.compile(rf"(?P<title>{before})[ \u3000]?(?P<name>{name_alt})")
    name_title = re.compile(rf"(?P<name>{name_alt})(?:同志)?(?P<title>{after})")
    return tenures, title_name, name_title


def _canonical(written: str) -> tuple[str, ...]:
    c = _AFTER_NAME[written]
    return _ANY_CHAIR if c == "主席" else (c,)


def _held(tenures, name: str, titles: tuple[str, ...], lo: datetime.date | None, hi: datetime.date | None) -> bool:
    """Whether ``name`` held one of ``titles`` at some time in [lo, hi] (any time if None)."""
    for t in tenures:
        if t.name != name or t.title not in titles:
            continue
        if lo is None:
            return True
        if (t.start is None or t.start <= hi) and (t.end is None or t.end > lo):
            return True
    return False


def _holders(tenures, titles: tuple[str, ...], day: datetime.date) -> list[str]:
    return [t.name for t in tenures if t.title in titles
            and (t.start is not None and t.start <= day) and (t.end is None or t.end > day)]


def _full_dates(text: str) -> list[tuple[int, datetime.date]]:
    out = []
    for d in iter_dates(text):
        if d.year and d.day and 1949 <= d.year <= 2100:
            try:
                out.append((d.end, datetime.date(d.year, d.month, d.day)))
            except ValueError:
                continue
    return out


def _dateline_start(text: str, pos: int) -> int:
    """Where dates that date the text at ``pos`` may start: its own paragraph, or the line
    before when that is a short dateline (2022年3月5日在第十三届全国人民代表大会第五次会议上)."""
    para = text.rfind("\n", 0, pos) + 1
    if para == 0:
        return 0
    prev = text.rfind("\n", 0, para - 1) + 1
    return prev if para - prev <= _DATELINE_CHARS else para


def _when(text: str, pos: int, dates: list[tuple[int, datetime.date]]) -> tuple[datetime.date, datetime.date, str] | None:
    """The period a title at ``pos`` is judged at, as (first day, last day, description).

    The nearest date or year written before it in its paragraph (2019年，…), or in a short
    dateline just above, wins;
    otherwise the latest full date in the text (the 落款). A text reports events a
    little older than its own date (决议 adopted after the report it approves), so a
    date taken from the 落款 is widened by ``_GRACE`` days back.
    """
    lo_pos = _dateline_start(text, pos)
    near = [(end, day) for end, day in dates if lo_pos <= end <= pos]
    year = None
    for m in _YEAR.finditer(text, text.rfind("\n", 0, pos) + 1, pos):
        if not near or m.end() > near[-1][0]:
            year = int(m.group(1)) if m.group(1) else int("".join(_CN_DIGIT[c] for c in m.group(2)))
    if year is not None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年"
    if near:
        day = near[-1][1]
    elif dates:
        day = max(d for _, d in dates)
    else:
        return None
    return day - datetime.timedelta(days=_GRACE), day, f"{day.year}年{day.month}月{day.day}日"


def check(text: str) -> Iterator[Finding]:
    """Leader names next to a title they did not hold at the text's date."""
    tenures, title_name, name_title = _default()
    matches = list(title_name.finditer(text)) + list(name_title.finditer(text))
    if not matches:
        return
    dates = _full_dates(text)
    seen: set[tuple[int, int]] = set()
    for m in sorted(matches, key=lambda m: m.start()):
        if m.span() in seen or _HISTORICAL.search(text, max(0, m.start() - 4), m.start()):
            continue
        seen.add(m.span())
        name, written = m.group("name"), m.group("title")
        titles = _canonical(written)
        period = _when(text, m.start(), dates)
        lo, hi, when = period if period else (None, None, "")
        if lo is not None and hi < _COVERED_FROM:
            continue
        if _held(tenures, name, titles, lo, hi):
            continue
        if lo is not None and _held(tenures, name, titles, None, None):
            msg = f"{when}时{name}已不担任{written}，请核对职务（如加“原”“时任”）。"
        else:
            msg = f"{name}未担任{written}，姓名与职务不符。"
        holders = _holders(tenures, titles, hi or datetime.date.today())
        if holders and len(holders) == 1:
            msg += f"（{when or '现'}任{written}：{holders[0]}）"
        yield finding(LEADER_TITLE, text, m.start(), m.end(), msg)
