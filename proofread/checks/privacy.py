"""Personal data published in the clear: resident ID numbers, mobile numbers, bank cards.

Candidates are validated, not just pattern-matched: an ID number needs a real province
code, a real birth date and (18 digits) the GB 11643 check digit; a mobile number needs a
mainland prefix; a bank card needs the Luhn check. Masked forms (138****1234) never match
because the mask breaks the digit run. Digit runs embedded in longer runs, in URLs, in
document numbers (〔2024〕…号) or followed by a unit (元, 万元, 吨…) are left alone.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from ..finding import Finding
from ..rules import Rule
from ._regions import skipped_regions
from ._report import finding

ID_CARD = Rule(
    id="privacy.id-card",
    category="privacy",
    severity="error",
    title="公开了居民身份证号码",
    doc=(
        "查找未经遮盖的18位或15位居民身份证号码。18位号码须地区码（省级）有效、出生日期真实、"
        "GB 11643 校验码正确才报（前面有“身份证”等字样时校验码不符也报）；15位旧号码须地区码和出生日期有效，且前面有“身份证”等字样。"
        "原因：政府网站公开公民身份证号属于个人信息泄露，通报中常见。"
        "遮盖后的号码（如 110105********1234）不报。"
    ),
    examples=("申请人张某，身份证号11010519491231002X，现予公示。",),
)
MOBILE = Rule(
    id="privacy.mobile",
    category="privacy",
    severity="error",
    title="公开了手机号码",
    doc=(
        "查找未经遮盖的中国大陆手机号码（11位，13x–19x 号段，可带 +86 和空格、连字符分隔）。"
        "原因：公示名单、通报中公开个人手机号属于个人信息泄露。"
        "遮盖后的号码（138****1234）、座机号码、更长数字串中的片段、文号和金额不报。"
    ),
    examples=("联系人：王某，联系电话：13812345678。",),
)
BANK_CARD = Rule(
    id="privacy.bank-card",
    category="privacy",
    severity="error",
    title="公开了银行卡号",
    doc=(
        "查找未经遮盖、通过 Luhn 校验的16–19位银行卡号（可每4位空格分隔）。以62开头的银联卡号直接报；"
        "其他号段须前面有“卡号”“账号”“银行”等字样；未通过 Luhn 校验的只在62开头且前面有“卡号”“银行卡”“账号”等字样时报。原因：公开个人银行卡号属于个人信息泄露。"
    ),
    examples=("补贴发放至本人银行卡，卡号6222021234567890128。",),
)
RULES: tuple[Rule, ...] = (ID_CARD, MOBILE, BANK_CARD)

_DIGITS = "0-9０-９"
_TO_ASCII = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789xX")
# Fast path: nothing here unless the text holds at least 11 digits in a row (allowing
# the single separators used in mobile and card numbers).
_TRIGGER = re.compile(rf"[{_DIGITS}](?:[ \-]?[{_DIGITS}]){{10}}")
# A run of digits with optional single spaces/hyphens between groups, bounded by
# anything that is not a digit, letter, or number-ish punctuation.
_RUN = re.compile(
    rf"(?<![{_DIGITS}A-Za-zＡ-Ｚａ-ｚ_\-./\\=#&%])"
    rf"(?:[+＋]?86[ \-]?)?"
    rf"[{_DIGITS}](?:[ \-]?[{_DIGITS}])*[xXｘＸ]?"
    rf"(?![{_DIGITS}A-Za-zＡ-Ｚａ-ｚ_/\\=#&%*＊]|[.．][{_DIGITS}])"
)
# GB/T 2260 province-level codes (first two digits of an ID number).
_PROVINCES = frozenset(
    ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83", "91"]
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Mainland mobile prefixes (MIIT numbering plan, incl. data-only 14x and virtual 16x/17x).
_MOBILE_PREFIXES = frozenset(
    [f"13{d}" for d in range(10)]
    + ["145", "146", "147", "148", "149"]
    + [f"15{d}" for d in (0, 1, 2, 3, 5, 6, 7, 8, 9)]
    + ["162", "165", "166", "167"]
    + [f"17{d}" for d in range(9)]
    + [f"18{d}" for d in range(10)]
    + [f"19{d}" for d in (0, 1, 2, 3, 5, 6, 7, 8, 9)]
)
# A number followed by one of these is an amount, a count or a document number.
_UNIT_AFTER = re.compile(r"\s*(?:元|万|亿|千|百|美元|港元|欧元|吨|千克|公斤|克|米|千米|公里|平方|立方|亩|人|户|个|件|次|台|辆|股|份|号|期|条|项|笔|kg|km|m2)")
_DOCNO_BEFORE = re.compile(r"(?:第|〔|\[|［|【|（|\(|No\.?|NO\.?|编号|文号|批号|案号|序号|代码|信用代码|税号|识别号)\s*$")
_ID_CONTEXT = re.compile(r"身份证|公民身份号码|证件号|身份号码|证号")
_CARD_CONTEXT = re.compile(r"卡号|账号|帐号|银行|银联|储蓄卡|借记卡|信用卡|开户|收款")
_PERSONAL_CARD_CONTEXT = re.compile(r"卡号|银行卡|储蓄卡|借记卡|信用卡|社保卡|账号|帐号|账户")


def _valid_birth(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= datetime.date.today().year:
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def id_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of an ID number."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def is_id18(digits: str, *, check_digit: bool = True) -> bool:
    """A valid 18-digit resident ID: province code, birth date and (optionally) check digit."""
    if len(digits) != 18 or not digits[:17].isdigit() or digits[:2] not in _PROVINCES:
        return False
    if not _valid_birth(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])):
        return False
    return not check_digit or id_check_digit(digits[:17]) == digits[17].upper()


def is_id15(digits: str) -> bool:
    if len(digits) != 15 or not digits.isdigit() or digits[:2] not in _PROVINCES:
        return False
    return _valid_birth(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _context_before(text: str, start: int, width: int = 20) -> str:
    return text[max(0, start - width) : start]


_MOBILE_GROUPS = re.compile(r"(?:[+＋]?86[ \-]?)?\d{3}[ \-]?\d{4}[ \-]?\d{4}")
_CARD_GROUPS = re.compile(r"\d{4}(?:[ \-]\d{4}){3}(?:[ \-]\d{1,3})?|\d{6}[ \-]\d{10,13}")


def _id_card(text: str, start: int, end: int, digits: str, grouped: bool) -> Finding | None:
    if grouped:
        return None
    if len(digits) == 18 and is_id18(digits):
        return finding(ID_CARD, text, start, end, "公开了完整的居民身份证号码，应遮盖（如只保留前6位和后4位）。")
    # Labelled as an ID number, with a real region and birth date: a mistyped check
    # digit does not make it any less personal.
    if len(digits) == 18 and is_id18(digits, check_digit=False) and _ID_CONTEXT.search(_context_before(text, start)):
        return finding(ID_CARD, text, start, end, "公开了居民身份证号码（校验码不符，可能录入有误），应遮盖。")
    if len(digits) == 15 and is_id15(digits) and _ID_CONTEXT.search(_context_before(text, start)):
        return finding(ID_CARD, text, start, end, "公开了完整的15位居民身份证号码，应遮盖。")
    return None


def _mobile(text: str, start: int, end: int, digits: str, ascii_raw: str) -> Finding | None:
    national = digits[2:] if len(digits) == 13 and ascii_raw.lstrip("+").startswith("86") else digits
    if len(national) != 11 or national[:3] not in _MOBILE_PREFIXES or not national.isdigit():
        return None
    if not _MOBILE_GROUPS.fullmatch(ascii_raw):
        return None  # grouped unlike a phone number: a serial or a code
    return finding(MOBILE, text, start, end, "公开了完整的手机号码，应遮盖中间4位（如138****1234）。")


def _bank_card(text: str, start: int, end: int, digits: str, ascii_raw: str, grouped: bool) -> Finding | None:
    if not (16 <= len(digits) <= 19 and digits.isdigit()):
        return None
    before = _context_before(text, start, 30)
    if luhn_ok(digits):
        if not (digits.startswith("62") or _CARD_CONTEXT.search(before)):
            return None
    elif not (digits.startswith("62") and _PERSONAL_CARD_CONTEXT.search(before)):
        # A UnionPay number called a personal card is one even with a mistyped digit;
        # other numbers failing Luhn are account or serial numbers.
        return None
    if grouped and not _CARD_GROUPS.fullmatch(ascii_raw):
        return None
    return finding(BANK_CARD, text, start, end, "公开了完整的银行卡号，应遮盖（只保留后4位）。")


def _classify(text: str, start: int, end: int) -> Finding | None:
    if _DOCNO_BEFORE.search(_context_before(text, start)) or _UNIT_AFTER.match(text, end):
        return None
    ascii_raw = text[start:end].translate(_TO_ASCII).replace("＋", "+")
    digits = re.sub(r"[ \-+]", "", ascii_raw)
    grouped = any(c in ascii_raw for c in " -")
    return (
        _id_card(text, start, end, digits, grouped)
        or _mobile(text, start, end, digits, ascii_raw)
        or _bank_card(text, start, end, digits, ascii_raw, grouped)
    )


def check(text: str) -> Iterator[Finding]:
    """Unmasked ID, mobile and bank-card numbers in ``text``."""
    if not _TRIGGER.search(text):
        return
    skip = skipped_regions(text)
    for m in _RUN.finditer(text):
        start, end = m.span()
        # A trailing separator is not part of the number.
        while end > start and text[end - 1] in " -":
            end -= 1
        if end - start < 11 or (skip and skip.overlaps(start, end)):
            continue
        f = _classify(text, start, end)
        if f is not None:
            yield f
