"""Public API: check, correct, Proofreader, Finding, config."""

import dataclasses
import threading

import pytest

import proofread
from proofread import Config, ConfigError, Finding, Proofreader
from proofread.config import find_config, load_config


def test_check_finds_severe_typo_with_exact_offsets():
    text = "热烈庆祝中华人民共合国成立七十五周年"
    fs = [f for f in proofread.check(text) if f.rule.startswith("typo.severe")]
    assert len(fs) == 1
    f = fs[0]
    assert text[f.start : f.end] == f.text == "中华人民共合国"
    assert f.suggestions[0] == "中华人民共和国"
    assert f.severity == "error" and f.category == "typo"
    assert f.message


def test_correct_applies_safe_fixes():
    assert "中华人民共和国" in proofread.correct("庆祝中华人民共合国成立")


def test_finding_is_immutable_and_serialisable():
    f = Finding(0, 2, "赌博", "sensitive", "custom.deny", "error", "敏感", ("x",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 1  # type: ignore[misc]
    assert f.to_dict() == {
        "start": 0, "end": 2, "text": "赌博", "category": "sensitive", "rule": "custom.deny",
        "severity": "error", "message": "敏感", "suggestions": ["x"], "fixable": False,
    }


def test_check_many_and_type_error(bare):
    p = bare(deny=["赌博"])
    assert [len(x) for x in p.check_many(["赌博", "无", "赌博赌博"])] == [1, 0, 2]
    with pytest.raises(TypeError):
        p.check(b"bytes")  # type: ignore[arg-type]


def test_threads_share_one_proofreader(bare):
    p = bare(deny=["赌博", "六合彩"])
    text = "网络赌博和六合彩" * 50
    expected = p.check(text)
    results = []

    def work():
        for _ in range(20):
            results.append(p.check(text) == expected)

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(results) and len(results) == 80


def test_config_file_and_unknown_key(tmp_path):
    d = tmp_path / "d.txt"
    d.write_text("赌博\n", encoding="utf-8")
    cfg = tmp_path / "proofread.toml"
    cfg.write_text('user_dicts = ["d.txt"]\nfail_on = "warning"\nbuiltin = false\nspelling = false\n', "utf-8")
    c = load_config(cfg)
    assert c.fail_on == "warning" and c.user_dicts == (str(d.resolve()),)
    assert [f.text for f in Proofreader(config=cfg).check("赌博")] == ["赌博"]
    cfg.write_text('selekt = ["typo"]\n', "utf-8")
    with pytest.raises(ConfigError, match="selekt") as exc:
        load_config(cfg)
    assert str(cfg) in str(exc.value)


def test_config_bad_values(tmp_path):
    cfg = tmp_path / "proofread.toml"
    for body, needle in [('fail_on = "fatal"', "fail_on"), ("select = 3", "select"), ("x = [", "格式")]:
        cfg.write_text(body, "utf-8")
        with pytest.raises(ConfigError, match=needle):
            load_config(cfg)


def test_find_config_in_pyproject_upwards(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.proofread]\nignore = ["ad"]\n', "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    found = find_config(sub)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).ignore == ("ad",)
    (tmp_path / "pyproject.toml").write_text('[tool.proofread]\nbogus = 1\n', "utf-8")
    with pytest.raises(ConfigError, match=r"\[tool.proofread\].*bogus"):
        load_config(found)


def test_explicit_arguments_override_config(tmp_path):
    c = Config(select=("typo",), builtin=False, spelling=False)
    p = Proofreader(deny=["赌博"], config=c, select=["sensitive"])
    assert [f.text for f in p.check("赌博")] == ["赌博"]
    assert Proofreader(deny=["赌博"], config=c).check("赌博") == []


def test_builtin_rules_have_titles():
    rules = Proofreader().rules()
    assert rules and all(r.title and r.category for r in rules)


def test_spelling_never_touches_shipped_official_names(monkeypatch):
    from proofread import spelling

    seen = {}
    real = spelling.SpellingCorrector.check

    def spy(self, text, **kw):
        seen["protected"] = list(kw.get("protected", ()))
        return real(self, text, **kw)

    monkeypatch.setattr(spelling.SpellingCorrector, "check", spy)
    text = "国务院总理李强出席中华人民共和国成立纪念活动"
    Proofreader().check(text)
    spans = {text[s:e] for s, e in seen["protected"]}
    assert "中华人民共和国" in spans and "李强" in spans


def test_spelling_threshold_from_config_reaches_the_corrector():
    text = "全面推进乡村振心战略，各地要加快发展大数局产业。"
    low = [f for f in Proofreader(config={"spelling_threshold": 0.5}).check(text) if f.rule == "typo.spelling"]
    high = [f for f in Proofreader(config={"spelling_threshold": 1.0}).check(text) if f.rule == "typo.spelling"]
    assert low and all(f.confidence >= 0.5 for f in low)
    assert all(f.confidence >= 1.0 for f in high) and len(high) <= len(low)
