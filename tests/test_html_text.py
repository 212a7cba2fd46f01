"""Text extraction from HTML: what is text, what is hidden, and exact source positions."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofread.sources.html_text import extract, style_is_hidden


def blocks(src: str) -> list[tuple[str, bool]]:
    pt = extract(src)
    return [(pt.text[b.start : b.end].strip(), b.hidden) for b in pt.blocks]


def source_of(pt, start: int, end: int) -> str:
    s, e = pt.source_span(start, end)
    return pt.source[s:e]


def line_col_of(src: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Expected 1-based line/column of the nth occurrence of needle in src (CRLF = one break)."""
    norm = src.replace("\r\n", "\n").replace("\r", "\n")
    idx = -1
    for _ in range(nth + 1):
        idx = norm.index(needle, idx + 1)
    line = norm.count("\n", 0, idx) + 1
    col = idx - (norm.rfind("\n", 0, idx) + 1) + 1
    return line, col


def find(pt, word: str) -> tuple[int, int]:
    i = pt.text.index(word)
    return i, i + len(word)


# --- what counts as text ---------------------------------------------------------------------------


def test_title_headings_paragraphs_links_alt_and_cells():
    src = (
        "<html><head><title>市政府通知</title><meta name=keywords content='不要'></head><body>"
        "<h1>标题一</h1><p>正文<a href='/x'>链接文字</a>结束</p><img src=a.png alt='图片说明'>"
        "<table><tr><td>单元格一</td><td>单元格二</td></tr></table><ul><li>列表项</li></ul></body></html>"
    )
    assert [t for t, _ in blocks(src)] == ["市政府通知", "标题一", "正文链接文字结束", "图片说明", "单元格一", "单元格二", "列表项"]


def test_script_style_template_noscript_and_comments_are_not_text():
    src = (
        "<script>var s = '<p>中华人民共合国</p>';</script><style>p{color:red}/* 政府 */</style>"
        "<!-- 注释里的攻府 --><template><p>模板</p></template><noscript>请启用脚本</noscript><p>正文</p>"
        "<script type='text/template'><div>模板二</div></script>"
    )
    assert blocks(src) == [("正文", False)]


def test_inline_elements_join_and_blocks_separate():
    pt = extract("<div>中华<b>人民</b><span>共和国</span></div><div>第二块</div><p>甲<br>乙</p>")
    assert pt.text.split("\n") == ["中华人民共和国", "第二块", "甲", "乙"]


def test_no_match_crosses_blocks():
    # The matcher does not match across newlines; blocks are joined with one.
    pt = extract("<li>中华人民</li><li>共合国</li>")
    assert "中华人民共合国" not in pt.text
    assert "\n" in pt.text


def test_line_breaks_inside_a_paragraph_become_spaces():
    pt = extract("<p>中华人民\n共合国</p>")
    assert pt.text == "中华人民 共合国"
    assert source_of(pt, 0, len(pt.text)) == "中华人民\n共合国"


def test_rcdata_title_and_textarea_decode_entities_but_not_tags():
    pt = extract("<title>A &amp; <b>B</b></title><textarea>x &lt; y</textarea>")
    assert pt.text.split("\n") == ["A & <b>B</b>", "x < y"]


def test_stray_less_than_and_malformed_markup_stay_text():
    pt = extract("<p>1 < 2 和 3 <> 4</p><p>a<!-->b<!--->c</p><p>末尾")
    assert pt.text.split("\n") == ["1 < 2 和 3 <> 4", "abc", "末尾"]


def test_unterminated_comment_and_tag_drop_the_rest():
    assert extract("<p>前</p><!-- 未结束 <p>后</p>").text == "前"
    assert extract("<p>前</p><a href='x").text == "前"


def test_attribute_values_with_gt_and_quotes():
    pt = extract("""<a title="a>b" data-x='c>d'>链接</a><img alt="他说&quot;好&quot;" src=x>""")
    assert pt.text.split("\n") == ["链接", '他说"好"']


def test_uppercase_tags_and_attributes():
    assert blocks("<P>甲</P><DIV STYLE='DISPLAY: NONE'>乙</DIV><SCRIPT>x</SCRIPT>") == [("甲", False), ("乙", True)]


# --- positions -------------------------------------------------------------------------------------


def test_positions_with_entities():
    src = "<p>A&nbsp;&amp;&#x4E2D;&#25991;B&lt;中华人民共合国</p>"
    pt = extract(src)
    assert pt.text == "A\xa0&中文B<中华人民共合国"
    assert source_of(pt, 1, 2) == "&nbsp;"
    assert source_of(pt, 3, 5) == "&#x4E2D;&#25991;"
    s, e = find(pt, "中华人民共合国")
    a, b = pt.source_span(s, e)
    assert pt.source[a:b] == "中华人民共合国"
    assert pt.line_col(a) == line_col_of(src, "中华人民共合国")


def test_legacy_entity_without_semicolon_maps_exactly():
    pt = extract("<p>&notit; &amp x</p>")
    assert pt.text == "¬it; & x"
    assert source_of(pt, 0, 1) == "&not"
    assert source_of(pt, 1, 4) == "it;"
    assert source_of(pt, 5, 6) == "&amp"


def test_positions_with_crlf_and_lone_cr():
    src = "<html>\r\n<body>\r\n<p>第一行</p>\r<p>  中华人民共合国</p>\r\n</body>"
    pt = extract(src)
    s, _ = find(pt, "中华人民共合国")
    line, col = pt.line_col(pt.source_offset(s))
    assert (line, col) == line_col_of(src, "中华人民共合国") == (4, 6)


def test_positions_with_astral_characters():
    src = "<p>𠀀𠀁&#x20002;</p>\n<p>😀 攻府</p>"
    pt = extract(src)
    s, _ = find(pt, "攻府")
    assert pt.line_col(pt.source_offset(s)) == (2, 6)  # columns count code points
    assert source_of(pt, 2, 3) == "&#x20002;"


def test_alt_text_position_points_inside_the_attribute():
    src = '<div>\n  <img class="x" src="a.png"\n       alt="中华人民共合国地图">\n</div>'
    pt = extract(src)
    s, _ = find(pt, "中华人民共合国")
    assert pt.line_col(pt.source_offset(s)) == line_col_of(src, "中华人民共合国") == (3, 13)


def test_bom_is_neither_text_nor_a_column():
    pt = extract("\ufeff<p>正文</p>")
    assert pt.text == "正文"
    assert pt.line_col(pt.source_offset(0)) == (1, 4) == extract("<p>正文</p>").line_col(3)


_PIECES = st.sampled_from(
    list("中华人民共和国政府 abc<>&;#x/\"'=\n\r\t")
    + ["😀", "&amp;", "&nbsp;", "&#20013;", "&#x1F600;", "&notit;", "<p>", "</p>", "<b>", "<br>", "<!--", "-->",
       "<script>", "</script>", "&lt", "<div style='display:none'>", "</div>", "<img alt='图&amp;文'>", "<title>"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_every_text_character_maps_back_to_its_source(src):
    pt = extract(src)
    for i, ch in enumerate(pt.text):
        if ch in " \n":
            continue  # separators and whitespace turned into spaces
        piece = source_of(pt, i, i + 1)
        if piece.startswith("&"):
            assert ch in html.unescape(piece) or html.unescape(piece).startswith(ch)
        else:
            assert piece == ch


# --- hidden elements -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        'style="display:none"',
        "style='DISPLAY : NONE;'",
        'style="visibility:hidden"',
        'style="position:absolute;left:-9999px;top:-9999px"',
        'style="position:absolute; top: -1000px"',
        'style="text-indent:-5000px"',
        'style="height:0;overflow:hidden"',
        'style="width:0px;height:0px"',
        'style="font-size:0"',
        'style="opacity:0"',
        "hidden",
        'hidden=""',
    ],
)
def test_hidden_elements_are_flagged(attrs):
    src = f"<p>可见</p><div {attrs}><a href='http://spam'>澳门博彩</a><span>网上赌场</span></div><p>之后可见</p>"
    assert blocks(src) == [("可见", False), ("澳门博彩网上赌场", True), ("之后可见", False)]


@pytest.mark.parametrize(
    "attrs",
    ['style="display:block"', 'style="margin-left:-10px"', 'style="line-height:0.5"', 'style="width:100px"',
     'title="display:none"', 'style="opacity:0.5"', 'class="hidden-xs"'],
)
def test_visible_elements_are_not_flagged(attrs):
    assert blocks(f"<div {attrs}>正文</div>") == [("正文", False)]


def test_hidden_by_class_or_id_from_a_style_block():
    src = (
        "<style>.a{color:red} .hd, #spam { display : none } div.x{visibility:hidden}</style>"
        "<div class='box hd'>甲</div><div id=spam>乙</div><div class=x>丙</div><div class=a>丁</div>"
    )
    assert blocks(src) == [("甲", True), ("乙", True), ("丙", True), ("丁", False)]


def test_hidden_region_ends_at_its_end_tag_with_nesting():
    src = "<div style=display:none><div>甲</div><div>乙</div></div><div>丙</div>"
    assert blocks(src) == [("甲", True), ("乙", True), ("丙", False)]


def test_unclosed_hidden_inline_is_closed_by_its_parent():
    src = "<div><span style='display:none'>隐藏</div><p>可见</p>"
    assert blocks(src) == [("隐藏", True), ("可见", False)]


def test_hidden_paragraph_closed_by_next_paragraph():
    src = "<p style='display:none'>隐藏<p>可见"
    assert blocks(src) == [("隐藏", True), ("可见", False)]


def test_hidden_image_alt():
    assert blocks("<div hidden><img alt='广告图'></div><img alt='正常图'>") == [("广告图", True), ("正常图", False)]


def test_style_is_hidden_helper():
    assert style_is_hidden("Display: None")
    assert not style_is_hidden("display:inline-block")


# --- agreement with a real HTML5 parser ---------------------------------------------------------------


def _words(s: str) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", s)


def test_text_agrees_with_selectolax_on_government_style_pages():
    lexbor = pytest.importorskip("selectolax.lexbor")
    from sitegen import pages

    for _url, page, _enc, _inj in pages(40):
        tree = lexbor.LexborHTMLParser(page)
        for node in tree.css("script, style, noscript, template"):
            node.decompose()
        expected = tree.root.text(separator="\n")
        pt = extract(page)
        ours = "\n".join(pt.text[b.start : b.end] for b in pt.blocks if b.tag != "img")  # alt is not node text
        assert "".join(_words(ours)) == "".join(_words(expected))


def test_hidden_table_row_and_cell_end_at_the_next_row_or_cell():
    assert blocks("<table><tr style=display:none><td>甲<td>乙<tr><td>丙</table>") == [
        ("甲", True), ("乙", True), ("丙", False)]
    assert blocks("<table><tr><td style=display:none>甲<span>乙<td>丙</table>") == [("甲乙", True), ("丙", False)]


def test_deeply_nested_unclosed_markup_in_a_hidden_region():
    # Implied end tags keep the open-element stack short (this input was quadratic before).
    pt = extract("<table hidden>" + "<tr><td>格" * 3000 + "</table><p>后</p>")
    assert pt.text.count("格") == 3000 and all(b.hidden for b in pt.blocks[:-1])
    assert (pt.text[pt.blocks[-1].start : pt.blocks[-1].end], pt.blocks[-1].hidden) == ("后", False)
