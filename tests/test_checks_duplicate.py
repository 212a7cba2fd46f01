from checks_helpers import found, spans_property

from proofread.checks import duplicate


def test_accidental_doubling():
    text = "请各单位认真做好的的安全生产工作。我们我们要加强加强组织领导，做好工作工作总结。"
    assert [t for _, t in found(duplicate, text)] == ["的的", "我们我们", "加强加强", "工作工作"]
    f = next(iter(duplicate.check("做好的的工作")))
    assert f.suggestions == ("的",) and f.severity == "warning"


def test_legitimate_reduplication():
    text = (
        "谢谢大家。他常常加班，天天向上，一一对应，人人有责，等等。"
        "这个问题要研究研究、讨论讨论。大家高高兴兴、干干净净过节。"
        "一步一步地推进，一个一个地落实，非常非常重要，雪白雪白的墙。"
    )
    assert found(duplicate, text) == []


def test_doubles_inside_longer_words():
    text = "人大代表代表人民行使权力，问题不了了之，这的的确确是事实，是是非非要分清。"
    assert found(duplicate, text) == []


def test_noun_then_same_word_as_verb():
    assert found(duplicate, "违反本规定规定的义务的，由集体经济组织组织开展整治。") == []
    assert found(duplicate, "保管人应当妥善保管保管物。侵犯布图设计设计专有权的纠纷。") == []


def test_clean_text():
    text = "各地区各部门要认真贯彻落实党中央、国务院决策部署，切实做好今冬明春安全生产工作。\r\n我们要坚定信心、真抓实干。"
    assert found(duplicate, text) == []


test_spans_are_exact = spans_property(duplicate, ["的的", "我们", "工作", "谢谢", "高高兴兴", "研究研究", "代表代表", "了了"], 150)


def test_adverbs_other_than_degree_words_are_reported():
    assert found(duplicate, "要进一步进一步加强监管。") == [("typo.duplicate", "进一步进一步")]
    assert found(duplicate, "粮食生产必须抓得很紧很紧，这件事特别特别重要。") == []
