"""Readers for site dumps: folders, WARC(.gz), JSONL, encodings, broken input."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from proofread.errors import InputError
from proofread.sources.dump import JsonlFields, open_dump, read_jsonl, read_warc
from proofread.sources.page import decode_html, looks_like_html

GBK_PAGE = "<html><head><title>通知</title></head><body><p>中华人民共和国政府信息公开条例</p></body></html>"


def warc_bytes(records, gz=True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, ctype, body, status in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


# --- encodings --------------------------------------------------------------------------------------


def test_gbk_page_without_charset_decodes():
    text, enc = decode_html(GBK_PAGE.encode("gbk"), "p.html")
    assert text == GBK_PAGE
    assert enc == "gb18030"


def test_meta_charset_and_http_charset_are_used():
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>政府</p>'
    assert decode_html(page.encode("gbk"), "p")[0] == page
    assert decode_html("<p>繁體</p>".encode("big5"), "p", http_charset="big5")[0] == "<p>繁體</p>"


def test_wrong_declared_charset_is_not_trusted():
    page = '<meta charset="utf-8"><p>中华人民共和国国务院办公厅</p>'
    assert decode_html(page.encode("gb18030"), "p")[0] == page


def test_latin1_declaration_on_utf8_bytes_is_not_trusted():
    page = '<meta charset="iso-8859-1"><p>政府信息公开</p>'
    assert decode_html(page.encode("utf-8"), "p", http_charset="ISO-8859-1")[0] == page
    assert decode_html("<p>café</p>".encode("latin-1"), "p", http_charset="iso-8859-1")[0] == "<p>café</p>"


def test_utf8_bom_and_utf16_bom():
    assert decode_html(b"\xef\xbb\xbf<p>\xe6\x94\xbf</p>", "p") == ("<p>政</p>", "utf-8-sig")
    assert decode_html("<p>政府</p>".encode("utf-16"), "p")[0] == "<p>政府</p>"


def test_binary_is_refused_with_the_name():
    with pytest.raises(InputError, match="img.png"):
        decode_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "img.png")


@pytest.mark.parametrize(
    "head,expected",
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <html lang=zh>", True),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "x"><html>', True),
        (b"<div class=a>", True),
        (b"<!-- cms --><html>", True),
        (b"hello <b>world</b> plain text", False),
        (b"body { color: red }", False),
        (b"GIF89a\x00\x00", False),
        (b"function f(){ return '<div>'; }", True),  # JS with markup strings early on: HTML-ish, like browsers
    ],
)
def test_sniffing(head, expected):
    assert looks_like_html(head) is expected


# --- folders ----------------------------------------------------------------------------------------


def test_folder_sniffs_content_not_extension(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.shtml", "b.jsp", "c.aspx", "d.php", "sub/e.htm", "noext"):
        (tmp_path / name).write_text(f"<html><body><p>{name}</p></body></html>", encoding="utf-8")
    (tmp_path / "logo.gif").write_bytes(b"GIF89a\x00\x00\x00")
    (tmp_path / "style.css").write_text("p{color:red}")
    (tmp_path / "note.txt").write_text("纯文本说明", encoding="utf-8")
    dump = open_dump([str(tmp_path)])
    pages = list(dump)
    kinds = {p.url.rsplit("/", 1)[-1]: p.kind for p in pages}
    assert kinds == {"a.shtml": "html", "b.jsp": "html", "c.aspx": "html", "d.php": "html", "noext": "html",
                     "note.txt": "text", "e.htm": "html"}
    assert dump.skipped == 2  # the gif and the css are counted, not silently lost
    assert [p.url for p in pages] == [p.url for p in open_dump([str(tmp_path)])]  # deterministic order


def test_missing_path_is_an_error_page(tmp_path):
    pages = list(open_dump([str(tmp_path / "nope.html")]))
    assert len(pages) == 1 and "不存在" in pages[0].error


# --- WARC -------------------------------------------------------------------------------------------


def test_warc_reads_html_responses_and_skips_the_rest(tmp_path):
    data = warc_bytes([
        ("http://a/1", "text/html; charset=gbk", GBK_PAGE.encode("gbk"), "200 OK"),
        ("http://a/logo.png", "image/png", b"\x89PNG....", "200 OK"),
        ("http://a/404", "text/html", b"<p>not found</p>", "404 Not Found"),
        ("http://a/2", "text/html", "<p>第二页</p>".encode(), "200 OK"),
        ("http://a/3", "", "<html><p>无类型</p></html>".encode(), "200 OK"),
    ])
    f = tmp_path / "x.warc.gz"
    f.write_bytes(data)
    pages = list(read_warc(f))
    assert [p.url for p in pages] == ["http://a/1", "http://a/2", "http://a/3"]
    assert pages[0].charset == "gbk"
    assert decode_html(pages[0].data, pages[0].url, pages[0].charset)[0] == GBK_PAGE


def test_uncompressed_warc(tmp_path):
    f = tmp_path / "x.warc"
    f.write_bytes(warc_bytes([("http://a/1", "text/html", b"<p>ok</p>", "200 OK")], gz=False))
    assert [p.data for p in open_dump([str(f)])] == [b"<p>ok</p>"]


def test_truncated_warc_gz_reports_and_keeps_earlier_pages(tmp_path):
    records = [(f"http://a/{i}", "text/html", f"<p>第{i}页</p>".encode() * 200, "200 OK") for i in range(5)]
    data = warc_bytes(records)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: int(len(data) * 0.7)])
    pages = list(read_warc(f))
    good = [p for p in pages if p.error is None]
    bad = [p for p in pages if p.error is not None]
    assert [p.url for p in good] == [f"http://a/{i}" for i in range(len(good))]
    assert 1 <= len(good) < 5
    assert len(bad) == 1 and "cut.warc.gz" in bad[0].error and "截断" in bad[0].error


def test_garbage_warc_is_one_clear_error(tmp_path):
    f = tmp_path / "bad.warc.gz"
    f.write_bytes(gzip.compress(b"this is not a warc file\r\n\r\n"))
    pages = list(read_warc(f))
    assert len(pages) == 1 and "bad.warc.gz" in pages[0].error


# --- JSONL ------------------------------------------------------------------------------------------


def test_jsonl_pages_bad_line_and_missing_field(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(
        json.dumps({"url": "http://a/1", "html": "<p>一</p>"}, ensure_ascii=False) + "\n"
        + "{not json\n"
        + "\n"
        + json.dumps({"url": "http://a/3", "text": "纯文本"}, ensure_ascii=False) + "\n"
        + json.dumps({"url": "http://a/4", "other": 1}) + "\n"
        + json.dumps([1, 2]) + "\n",
        encoding="utf-8",
    )
    pages = list(read_jsonl(f, JsonlFields()))
    assert [(p.url, p.kind, p.data) for p in pages if p.error is None] == [
        ("http://a/1", "html", "<p>一</p>"), ("http://a/3", "text", "纯文本")]
    errors = [p.error for p in pages if p.error]
    assert len(errors) == 3
    assert f"{f}:2" in errors[0] and "JSON" in errors[0]
    assert "http://a/4" not in errors[1] and f"{f}:5" in errors[1]


def test_jsonl_content_field_holding_html_is_html(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"url": "u", "content": "<!DOCTYPE html><p>甲</p>"}) + "\n", encoding="utf-8")
    assert [p.kind for p in read_jsonl(f, JsonlFields())] == ["html"]


def test_jsonl_custom_field_names_and_gzip(tmp_path):
    f = tmp_path / "d.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"link": "u1", "body_html": "<p>甲</p>"}, ensure_ascii=False) + "\n")
    pages = list(open_dump([str(f)], fields=JsonlFields(url=("link",), html=("body_html",))))
    assert [(p.url, p.data) for p in pages] == [("u1", "<p>甲</p>")]


def test_fifty_megabyte_single_line_page(tmp_path):
    from proofread.scan import check_page

    body = "<html><body><p>" + "政务公开工作" * 2_800_000 + "中华人民共合国</p></body></html>"
    f = tmp_path / "huge.html"
    f.write_text(body, encoding="utf-8")
    assert f.stat().st_size > 50_000_000
    (page,) = list(open_dump([str(f)]))

    class Finder:
        def check(self, text):
            from proofread.finding import Finding

            i = text.index("共合国")
            return [Finding(i - 4, i + 3, text[i - 4 : i + 3], "typo", "t", "error", "m")]

    res = check_page(Finder(), page)
    assert res.error is None
    (rec,) = res.records
    assert rec["line"] == 1 and rec["column"] == body.index("中华人民共合国") + 1
