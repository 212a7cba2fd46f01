"""Impossible calendar dates and weekdays that do not match their date.

Recognises Arabic-numeral dates (2023年2月29日, 2月30日, 2023-02-30, 2023.02.30) and Chinese-numeral
dates (二〇二〇年十一月十九日). A date without a year accepts 2月29日. Lunar dates
(农历二月三十) and dates after 干支 years are left alone. A weekday (星期三, 周三, 礼拜三)
right after a date, optionally in brackets, must be that date's weekday; a date without a
year takes it from the nearest dated mention (and is reported only when the weekday is
wrong in every year it may belong to).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..finding import Finding
from ..rules import Rule
from ._report import finding

DATE_INVALID = Rule(
    id="format.date-invalid",
    category="format",
    severity="error",
    title="不存在的日期",
    doc=(
        "查找日历上不存在的日期：月份大于12、日期超过当月天数（如“4月31日”“2月30日”），"
        "以及非闰年的2月29日（如“2023年2月29日”）；阿拉伯数字和汉字数字日期（二〇二三年二月二十九日）都检查。"
        "农历日期不检查。原因：日期错误是政府网站检查通报中常见的硬伤。"
    ),
    examples=("本次申报截止时间为2023年2月29日。",),
)
WEEKDAY_MISMATCH = Rule(
    id="format.weekday-mismatch",
    category="format",
    severity="error",
    title="星期与日期不符",
    doc=(
        "日期后面紧跟的星期（星期三、周三、礼拜三，可在括号内）与该日期的实际星期不一致时报告；"
        "没写年份的日期按文中前后最近的带年份日期和落款推定年份，所有可能的年份都不符才报。"
        "原因：会议通知中的日期和星期不符会让读者无所适从，须核对后改正其中之一。"
    ),
    examples=("会议定于2020年11月19日（星期三）上午9时召开。",),
)
RULES: tuple[Rule, ...] = (DATE_INVALID, WEEKDAY_MISMATCH)

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "一二三四五六七八九十"
_D = "0-9０-９"
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
# Dates are found from their 月: the month (and year) is matched backwards in a short
# window, the day forwards. Scanning for one character is far cheaper than a regex
# that may start anywhere.
_MONTH_ARABIC = re.compile(rf"(?:([{_D}]{{4}})\s*年\s*)?([{_D}]{{1,2}})\s*$")
_MONTH_CHINESE = re.compile(r"(?:([〇○零Ｏ一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3})$")
_DAY_ARABIC = re.compile(rf"\s*([{_D}]{{1,2}})\s*[日号]")
_DAY_CHINESE = re.compile(r"([一二三四五六七八九十]{1,3})[日号]")
_LOOKBACK = 14
_ISO_TRIGGER = re.compile(r"[0-9]{4}[-/.][0-9]")
# 2023-02-30, 2023/2/30, 2023.02.30; not part of a longer dotted or dashed number.
_ISO = re.compile(r"(?<![0-9.\-/])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[.\-/][0-9])")
_WEEKDAY = re.compile(r"\s*[，,]?\s*[（(]?\s*(星期|礼拜|周)([一二三四五六日天])")
_WEEKDAY_NAMES = "一二三四五六日"
_LUNAR_BEFORE = re.compile(r"(?:农历|阴历|夏历|旧历|正月|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年?)\s*$")
_NOT_MONTH_AFTER = re.compile(r"份?(?:[以之]?[上下内前后]|底|初|中旬|末)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written: offsets in the text and its fields (``None`` when absent)."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None


def chinese_number(s: str) -> int | None:
    """Value of a small Chinese numeral (一 … 三十一); ``None`` when malformed."""
    if not s or any(c not in _CN_NUM for c in s):
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _int(s: str | None) -> int | None:
    return int(s.translate(_TO_ASCII)) if s else None


def _at_month(text: str, i: int) -> DateMention | None:
    """The date whose 月 is at ``i``, if the characters around it make one."""
    lo = max(0, i - _LOOKBACK)
    m = _MONTH_ARABIC.search(text, lo, i)
    if m is not None:
        start = m.start()
        if start > 0 and text[start - 1] in "0123456789０１２３４５６７８９.．":
            return None
        day = _DAY_ARABIC.match(text, i + 1)
        return DateMention(
            start, day.end() if day else i + 1, _int(m.group(1)), _int(m.group(2)), _int(day.group(1)) if day else None
        )
    m = _MONTH_CHINESE.search(text, lo, i)
    if m is None:
        return None
    month = chinese_number(m.group(2))
    day_m = _DAY_CHINESE.match(text, i + 1)
    day = chinese_number(day_m.group(1)) if day_m else None
    if month is None or (day_m and day is None):
        return None
    year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1))) if m.group(1) else None
    return DateMention(m.start(), day_m.end() if day_m else i + 1, year, month, day)


def iter_dates(text: str) -> Iterator[DateMention]:
    """Every month(-day) mention in ``text``, Arabic, ISO and Chinese-numeral, by position."""
    found: list[DateMention] = []
    i = text.find("月")
    while i != -1:
        d = _at_month(text, i)
        if d is not None:
            found.append(d)
        i = text.find("月", i + 1)
    if _ISO_TRIGGER.search(text):
        for m in _ISO.finditer(text):
            found.append(DateMention(m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4))))
        found.sort(key=lambda d: d.start)
    yield from found


def _problem(d: DateMention) -> str | None:
    if not 1 <= d.month <= 12:
        return f"月份“{d.month}”不存在。"
    if d.day is None:
        return None
    if d.day < 1:
        return "日期不能为0。"
    if d.year is not None:
        last = calendar.monthrange(d.year, d.month)[1]
        if d.day > last:
            if d.month == 2 and d.day == 29:
                return f"{d.year}年不是闰年，2月只有28天。"
            return f"{d.year}年{d.month}月只有{last}天。"
        return None
    last = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[d.month - 1]
    if d.day > last:
        return f"{d.month}月只有{last}天。"
    return None


def _plausible(text: str, d: DateMention) -> bool:
    """False for things that look like dates but are not Gregorian calendar dates."""
    if _LUNAR_BEFORE.search(text, max(0, d.start - 8), d.start):
        return False
    # A bare "13月" is only a date when a year precedes it; "13个月" never matches.
    return d.day is not None or (d.year is not None and not _NOT_MONTH_AFTER.match(text, d.end))


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None


def _inferred_years(mentions: list[DateMention], d: DateMention) -> tuple[int, ...]:
    """Years a yearless date may belong to: those of the nearest dated mention before it,
    of the first one after it, and of the latest full date (a notice's 落款); each also
    plus one when the month is earlier than that mention's (a December notice about
    1月5日). The weekday is reported only when it is wrong in every one of them."""
    dated = [m for m in mentions if m.year]
    refs = [m for m in dated if m.end <= d.start][-1:] + [m for m in dated if m.start >= d.end][:1]
    full = [m for m in dated if m.day]
    if full:
        refs.append(max(full, key=lambda m: (m.year, m.month, m.day)))
    years: list[int] = []
    for ref in refs:
        for y in (ref.year, ref.year + 1) if d.month < ref.month else (ref.year,):
            if y not in years:
                years.append(y)
    return tuple(years)


def _weekday_finding(text: str, d: DateMention, mentions: list[DateMention]) -> Finding | None:
    if d.day is None:
        return None
    w = _WEEKDAY.match(text, d.end)
    if w is None:
        return None
    written = _WEEKDAY_NAMES.index("日" if w.group(2) == "天" else w.group(2))
    years = (d.year,) if d.year is not None else _inferred_years(mentions, d)
    actual = [_weekday_of(y, d.month, d.day) for y in years]
    if not actual or None in actual or written in actual:
        return None
    right = w.group(1) + _WEEKDAY_NAMES[actual[0]]
    year = years[0]
    shown = f"{year}年{d.month}月{d.day}日" if d.year is not None else f"{d.month}月{d.day}日（按{year}年）"
    return finding(
        WEEKDAY_MISMATCH, text, d.start, w.end(),
        f"{shown}是{right}，不是{w.group(1)}{w.group(2)}；请核对日期或星期。",
        (text[d.start:w.start(1)] + right,),
    )


def check(text: str) -> Iterator[Finding]:
    """Impossible dates and mismatched weekdays in ``text``."""
    mentions = list(iter_dates(text))
    for d in mentions:
        if not _plausible(text, d):
            continue
        problem = _problem(d)
        if problem is not None:
            yield finding(DATE_INVALID, text, d.start, d.end, f"日期“{text[d.start:d.end]}”不存在：{problem}")
            continue
        f = _weekday_finding(text, d, mentions)
        if f is not None:
            yield f
