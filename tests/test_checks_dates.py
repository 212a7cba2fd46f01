from checks_helpers import found, spans_property

from proofread.checks import dates
from proofread.checks.dates import chinese_number


def test_chinese_numbers():
    assert [chinese_number(s) for s in ("一", "十", "十一", "二十", "二十九", "三十一")] == [1, 10, 11, 20, 29, 31]
    assert chinese_number("十十") is None and chinese_number("二三") is None


def test_impossible_dates():
    text = "报名时间为2023年2月29日至4月31日，逾期不再受理。2024年13月起执行。"
    assert found(dates, text) == [
        ("format.date-invalid", "2023年2月29日"),
        ("format.date-invalid", "4月31日"),
        ("format.date-invalid", "2024年13月"),
    ]


def test_chinese_numeral_and_iso_dates():
    assert found(dates, "二〇二三年二月二十九日") == [("format.date-invalid", "二〇二三年二月二十九日")]
    assert found(dates, "发布日期：2023-02-30") == [("format.date-invalid", "2023-02-30")]
    assert found(dates, "二月三十日") == [("format.date-invalid", "二月三十日")]


def test_leap_years_and_yearless_feb_29():
    assert found(dates, "2024年2月29日、2000年2月29日、每年2月29日") == []
    assert found(dates, "1900年2月29日") == [("format.date-invalid", "1900年2月29日")]


def test_weekday_mismatch():
    text = "会议定于2020年11月19日（星期三）上午9时召开，2020年11月20日（星期五）结束。"
    assert found(dates, text) == [("format.weekday-mismatch", "2020年11月19日（星期三")]
    f = next(iter(dates.check(text)))
    assert f.suggestions == ("2020年11月19日（星期四",)


def test_weekday_forms():
    assert found(dates, "二〇二〇年十一月十九日（周三）") == [("format.weekday-mismatch", "二〇二〇年十一月十九日（周三")]
    assert found(dates, "2025年12月31日 礼拜三") == []
    assert found(dates, "2025年12月28日(星期天)") == []
    assert found(dates, "2025年12月28日（周六）") == [("format.weekday-mismatch", "2025年12月28日（周六")]


def test_not_dates():
    text = "农历二月三十，正月十五元宵节，共13个月，1至12月累计，第13月度报告，12月份以来，3.13月均值"
    assert found(dates, text) == []


def test_clean_text():
    text = "2024年1月1日起施行。\r\n自2025年3月5日至3月11日召开，会期7天。二〇二五年一月一日（星期三）。"
    assert found(dates, text) == []


test_spans_are_exact = spans_property(dates, ["2023年", "2月", "29日", "30日", "二〇二〇年", "十一月", "十九日", "（星期三）", "周日", "13月", "-", "2024"], 300)


def test_weekday_of_a_yearless_date_uses_the_document_year():
    notice = "定于11月19日（星期三）在市政府召开。\n市应急管理局\n2020年11月10日"
    assert found(dates, notice) == [("format.weekday-mismatch", "11月19日（星期三")]
    # A December notice about 1月5日 may mean the next year: 2021-01-05 was a Tuesday.
    assert found(dates, "定于1月5日（星期二）召开。\n2020年12月28日") == []


def test_weekday_after_a_comma():
    assert found(dates, "2020年11月19日，星期三，召开会议") == [("format.weekday-mismatch", "2020年11月19日，星期三")]


def test_dotted_dates():
    assert found(dates, "发布时间：2023.02.29") == [("format.date-invalid", "2023.02.29")]
    assert found(dates, "版本2023.1.2.5，2019.12.31发布，地址192.168.1.1") == []


def test_yearless_weekday_is_judged_against_every_plausible_year():
    # 2024-03-15 was a Friday, 2025-03-15 a Saturday: the 落款 year makes it right.
    text = "2024年2月29日，相关部门发布通知。\n3月15日（星期六）为国际消费者权益日。\n2025年3月10日"
    assert found(dates, text) == []
