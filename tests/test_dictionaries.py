"""The shipped dictionaries: every file loads, and every example/ok sentence behaves.

Each entry's ``example=`` sentences must produce a finding of that entry's rule on
that entry's term, and its ``ok=`` sentences must not, through the real
Proofreader with all shipped dictionaries loaded (so allow entries and
leftmost-longest competition between entries are part of the check). Rules that
are off by default are checked with the rule selected.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

import proofread
from proofread.lexicon import builtin_dictionary_dir, builtin_dictionary_files, read_dictionary
from proofread.text import fold

FILES = builtin_dictionary_files()
DIRS = {p.relative_to(builtin_dictionary_dir()).parts[0] for p in FILES}


def test_expected_categories_are_shipped():
    assert {"severe", "phrasing", "typo", "sensitive", "ad", "allow"} <= DIRS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(builtin_dictionary_dir()).as_posix())
def test_file_loads_and_entries_are_complete(path):
    lex = read_dictionary(path)  # raises DictionaryError naming every broken line
    assert lex.entries or lex.allow, f"{path} has no entries"
    for e in lex.entries:
        assert e.message or e.suggestions, f"{e.location}: {e.term} has neither message nor suggestion"
        assert e.source, f"{e.location}: {e.term} has no source"
        assert e.rule != "custom.deny", f"{e.location}: {e.term} has no rule id"
    for e in lex.allow:
        assert e.source, f"{e.location}: allow entry {e.term} has no source"


def _entries():
    for path in FILES:
        for e in read_dictionary(path).entries:
            if e.examples or e.counter_examples:
                yield e


ENTRIES = list(_entries())
DICT_RULES = {rid for path in FILES for rid in read_dictionary(path).rules}


def _dictionary_findings(text):
    return [f for f in proofread.Proofreader(spelling=False).check(text) if f.rule in DICT_RULES]


@pytest.fixture(scope="module")
def readers():
    cache: dict[str, proofread.Proofreader] = {}

    def get(rule: str, enabled: bool) -> proofread.Proofreader:
        key = "" if enabled else rule
        if key not in cache:
            cache[key] = proofread.Proofreader(select=[rule] if key else None, spelling=False)
        return cache[key]

    return get


def _hits(reader, sentence, entry):
    want = fold(entry.term)
    return [f for f in reader.check(sentence) if f.rule == entry.rule and fold(f.text).replace(" ", "") == want]


def test_there_are_many_tested_entries():
    assert len(ENTRIES) >= 150
    by_rule = defaultdict(int)
    for e in ENTRIES:
        by_rule[e.rule] += 1
    assert len(by_rule) >= 15


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.rule}:{e.term}")
def test_examples_fire_and_ok_sentences_do_not(entry, readers):
    reader = readers(entry.rule, entry.enabled)
    for sentence in entry.examples:
        assert _hits(reader, sentence, entry), f"{entry.location}: {entry.term!r} 未在例句中命中：{sentence}"
    for sentence in entry.counter_examples:
        hits = _hits(reader, sentence, entry)
        assert not hits, f"{entry.location}: {entry.term!r} 在反例中误报：{sentence}"


@pytest.mark.parametrize(
    "text,rule,suggestion",
    [
        ("中华人民共合国成立七十五周年", "typo.severe-name", "中华人民共和国"),
        ("坚持扫黑险恶常态化", "typo.severe-name", "扫黑除恶"),
        ("成立工作领导小姐", "typo.severe-name", "领导小组"),
        ("依据中华人民共物防疫法的规定", "typo.severe-name", "中华人民共和国"),
        ("国务员办公厅印发通知", "typo.severe-name", "国务院办公厅"),
        ("经国务员批准", "typo.severe-name", "国务院"),
        ("习进平总书记强调", "typo.severe-leader", "习近平"),
    ],
)
def test_generated_variants_catch_garbled_names(text, rule, suggestion):
    found = [f for f in proofread.Proofreader(spelling=False).check(text) if f.rule == rule]
    assert found and found[0].suggestions[0] == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "中华人民共和国国务院令",
        "习近平新时代中国特色社会主义思想",
        "原国家工商行政管理总局的职责",
        "坚决反对“台独”分裂活动",
        "全国人大常委会副委员长出席会议",
        "各级农业部门和环境保护部门要加强协作。",
        "成立扫黑除恶专项斗争领导小组",
        "我们要扛牢使命，勇于担当、笃定前行。",  # 牢使命 is not a dropped-记 牢记使命
    ],
)
def test_official_text_is_clean(text):
    assert _dictionary_findings(text) == []


def test_leader_variant_needs_a_title_nearby():
    reader = proofread.Proofreader(spelling=False)
    assert not [f for f in reader.check("村民李墙家的房子") if f.rule == "typo.severe-leader"]
    assert [f for f in reader.check("李墙总理主持召开国务院常务会议") if f.rule == "typo.severe-leader"]


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("热烈庆祝中華人民共合國成立", "中華人民共合國"),  # traditional characters fold
        ("热烈庆祝中华人民共 合国成立", "中华人民共 合国"),  # a space inside the word is noise
        ("热烈庆祝中华人民共\u200b合国成立", "中华人民共\u200b合国"),  # zero-width inside
        ("ＡＢ中华人民共合国", "中华人民共合国"),
    ],
)
def test_shipped_variants_survive_obfuscation_with_exact_spans(text, wrong):
    found = [f for f in _dictionary_findings(text) if f.rule == "typo.severe-name"]
    assert len(found) == 1
    f = found[0]
    assert text[f.start : f.end] == f.text == wrong
    assert f.suggestions[0] == "中华人民共和国"


def test_user_allow_list_suppresses_a_shipped_entry():
    text = "这家公司的老板是工人小偷的受害者"
    reader = proofread.Proofreader(spelling=False)
    assert [f for f in reader.check(text) if f.rule == "phrasing.legal"]
    allowed = proofread.Proofreader(spelling=False, allow=["工人小偷的受害者"])
    assert not [f for f in allowed.check(text) if f.rule == "phrasing.legal"]
