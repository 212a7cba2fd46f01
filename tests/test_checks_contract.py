"""Every registered check module honours the contract in proofread/checks/__init__.py."""

import re

import pytest
from checks_helpers import text_from
from hypothesis import given, settings

from proofread.checks import CHECK_MODULES, load_check_modules
from proofread.finding import CATEGORIES, SEVERITIES

MODULES = load_check_modules()
RULES = [(m, r) for m in MODULES for r in m.RULES]


def test_all_families_registered():
    names = {n.rsplit(".", 1)[1] for n in CHECK_MODULES}
    assert {"privacy", "dates", "numbering", "punctuation", "duplicate", "variant", "leaders"} <= names


def test_rule_ids_unique_and_documented():
    ids = [r.id for _, r in RULES]
    assert len(ids) == len(set(ids))
    for _, r in RULES:
        assert re.fullmatch(r"[a-z]+\.[a-z0-9-]+", r.id), r.id
        assert r.category in CATEGORIES and r.id.startswith(r.category + ".")
        assert r.severity in SEVERITIES
        assert re.search(r"[\u4e00-\u9fff]", r.title) and len(r.doc) > 40
        assert r.examples, r.id


@pytest.mark.parametrize(("module", "rule"), RULES, ids=[r.id for _, r in RULES])
def test_rule_examples_fire(module, rule):
    for example in rule.examples:
        hits = [f for f in module.check(example) if f.rule == rule.id]
        assert hits, (rule.id, example)
        for f in hits:
            assert example[f.start:f.end] == f.text
            assert f.category == rule.category and f.severity == rule.severity
            assert re.search(r"[\u4e00-\u9fff]", f.message)


def test_select_and_ignore_reach_the_checks(bare):
    text = "联系电话13812345678，2023年2月29日召开。。"
    assert {f.rule for f in bare(select=["privacy"], ignore=()).check(text)} == {"privacy.mobile"}
    rules = {f.rule for f in bare(ignore=["privacy", "punctuation"]).check(text)}
    assert "privacy.mobile" not in rules and "format.date-invalid" in rules


CLEAN = [
    "关于做好2025年春节期间安全生产工作的通知",
    "各区人民政府，市政府各委、办、局：",
    "为深入贯彻落实党中央、国务院关于安全生产的决策部署，切实做好春节期间安全生产工作，现将有关事项通知如下。",
    "一、提高思想认识",
    "各地区、各部门要坚持人民至上、生命至上，把安全生产摆在更加突出的位置。",
    "二、加强隐患排查",
    "（一）强化重点行业领域监管。对危险化学品、燃气、消防等领域开展“拉网式”排查。",
    "（二）加强值班值守。严格执行领导带班和24小时值班制度，值班电话：010-12345678。",
    "三、做好应急准备",
    "1.完善应急预案。2.充实救援力量，确保一旦发生险情能够迅速处置。",
    "国务院总理李强主持召开国务院常务会议，研究部署相关工作。",
    "详情请登录 https://www.example.gov.cn/zwgk/2025-01/20/content_123456.htm 查看。",
    "北京市人民政府办公厅",
    "2025年1月20日（星期一）",
]


def test_clean_notice_is_silent():
    text = "\r\n".join(CLEAN)
    assert [(f.rule, f.text) for m in MODULES for f in m.check(text)] == []


@settings(max_examples=300, deadline=None)
@given(text_from(["13812345678", "2023年2月29日", "（星期三）", "\n一、", "\n三、", "的的", "關於", "李克强总理", "《", "。。", ","]))
def test_every_module_spans_are_exact(text):
    for module in MODULES:
        for f in module.check(text):
            assert 0 <= f.start < f.end <= len(text)
            assert text[f.start:f.end] == f.text
