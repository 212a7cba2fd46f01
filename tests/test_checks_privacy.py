from checks_helpers import found, spans_property

from proofread.checks import privacy
from proofread.checks.privacy import id_check_digit, is_id18, luhn_ok


def _id(first17: str) -> str:
    return first17 + id_check_digit(first17)


ID1 = _id("44030619850612341")  # Shenzhen, born 1985-06-12
ID2 = _id("11010519491231002")  # ends in X
CARD = "6222021234567890128"  # UnionPay prefix, Luhn-valid


def test_check_digit_and_luhn():
    assert ID2.endswith("X") and is_id18(ID2) and is_id18(ID2.lower())
    assert not is_id18(ID1[:-1] + str((int(ID1[-1]) + 1) % 10))
    assert luhn_ok(CARD) and not luhn_ok(CARD[:-1] + "9")


def test_id_numbers_in_a_public_notice():
    text = f"经审核，以下人员符合条件：张某，身份证号{ID1}；李某，身份证号码：{ID2}。现予公示。"
    assert found(privacy, text) == [("privacy.id-card", ID1), ("privacy.id-card", ID2)]


def test_legacy_15_digit_id_needs_context():
    assert found(privacy, "申请人身份证号：440306850612341，住址略。") == [("privacy.id-card", "440306850612341")]
    assert found(privacy, "订单编码440306850612341已发货。") == []


def test_invalid_ids_are_not_reported():
    bad_region = "99" + ID1[2:]
    bad_date = _id("44030619851332341")
    bad_check = ID1[:-1] + ("0" if ID1[-1] != "0" else "1")
    for number in (bad_region, bad_date, bad_check):
        assert found(privacy, f"号码{number}。", "privacy.id-card") == []


def test_mobile_numbers():
    text = "联系人：王老师，手机13812345678；备用电话 159-1234-5678，境外拨打 +86 18612345678。"
    assert found(privacy, text) == [
        ("privacy.mobile", "13812345678"),
        ("privacy.mobile", "159-1234-5678"),
        ("privacy.mobile", "+86 18612345678"),
    ]


def test_masked_and_non_mobile_numbers_are_fine():
    text = (
        "咨询电话：138****1234，0571-87654321，12345热线。"
        "文号：京政发〔2024〕13812345678号。合同金额13812345678元。"
        "详见https://www.gov.cn/zhengce/13812345678.htm 。序列号213812345678901。"
        "号段12012345678不存在。"
    )
    assert found(privacy, text) == []


def test_bank_cards():
    text = f"补贴已发放至户主银行卡，卡号{CARD}；另一户账号 6222 0212 3456 7890 128。"
    assert found(privacy, text) == [("privacy.bank-card", CARD), ("privacy.bank-card", "6222 0212 3456 7890 128")]


def test_luhn_valid_non_unionpay_needs_context():
    visa = "4111111111111111"
    assert found(privacy, f"备案编号{visa}号") == []
    assert found(privacy, f"序列号{visa}，请妥善保存") == []
    assert found(privacy, f"信用卡卡号{visa}") == [("privacy.bank-card", visa)]


def test_an_id_number_is_not_also_a_bank_card():
    assert [r for r, _ in found(privacy, f"身份证{ID1}")] == ["privacy.id-card"]


def test_clean_notice_has_no_findings():
    text = (
        "2024年全市完成地区生产总值12345678万元，同比增长5.2%。\r\n"
        "举报电话：12388，邮编100000，统一社会信用代码91110000100000000X。\r\n"
        "根据《关于做好2024年度社会保险工作的通知》（人社部发〔2024〕18号）执行。"
    )
    assert found(privacy, text) == []


test_spans_are_exact = spans_property(privacy, [ID1, ID2, CARD, "13812345678", "138 1234 5678", "+86", "身份证", "卡号", "0", "1", "-", "*"], 300)


def test_labelled_id_with_mistyped_check_digit():
    wrong = ID1[:-1] + ("0" if ID1[-1] != "0" else "1")
    assert found(privacy, f"身份证号码：{wrong}") == [("privacy.id-card", wrong)]


def test_unionpay_account_with_mistyped_digit_and_corporate_accounts():
    assert found(privacy, "银行账号：6222 0212 3456 7890") == [("privacy.bank-card", "6222 0212 3456 7890")]
    assert found(privacy, "收款单位：某某市财政局，开户行：工商银行，账号：0200 0012 3456 7890 123") == []
