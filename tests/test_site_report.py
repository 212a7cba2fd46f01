"""Site reports: JSONL, CSV and the self-contained HTML report (also rendered in headless Chromium)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import struct
import subprocess

import pytest

import proofread
from proofread.report.html import HtmlWriter
from proofread.report.pages import CsvWriter, JsonlWriter, Summary
from proofread.scan import scan_pages
from proofread.sources.page import Page

PAGES = [
    ("http://gov.example/a.html", ("<html><head><title>关于扫黑险恶工作的通知</title></head><body>"
                                   "<p>中华人民共合国 &lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>")),
    ("http://gov.example/b.html", "<p>干净的页面</p>"),
    ("http://gov.example/c.html", ("<p>攻府工作</p><div style='display:none'><a href='x'>澳门博彩</a></div>"
                                   "<p>扫黑险恶</p><p>中华人民共合国</p>")),
]


def results():
    pages = [Page(u, h.encode(), pos=i) for i, (u, h) in enumerate(PAGES)]
    extra = proofread.Proofreader(deny=["澳门博彩", "扫黑险恶", "攻府"], spelling=False)
    return list(scan_pages(pages, lambda: extra, 1))


def write(writer_cls, **kw):
    out = io.StringIO()
    w = writer_cls(out, **kw)
    s = Summary()
    for r in results():
        s.add(r)
        w.write(r)
    w.close(s)
    return out.getvalue(), s


def test_jsonl_has_one_finding_per_line_with_url_and_position():
    text, s = write(JsonlWriter)
    recs = [json.loads(x) for x in text.splitlines()]
    assert len(recs) == s.findings >= 5
    for r in recs:
        assert {"url", "line", "column", "end_line", "end_column", "text", "category", "severity", "rule",
                "suggestions", "message", "hidden", "context", "context_offset"} <= r.keys()
        assert r["context"][r["context_offset"] : r["context_offset"] + len(r["text"])] == r["text"]
    assert [r["hidden"] for r in recs if r["text"] == "澳门博彩"] == [True]


def test_csv_opens_in_spreadsheets():
    text, s = write(CsvWriter)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == s.findings
    assert {r["hidden"] for r in rows} == {"", "是"}


def test_html_report_structure_order_and_escaping():
    text, _ = write(HtmlWriter)
    assert text.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in text
    assert "<script>alert" not in text and "&lt;script&gt;alert" in text  # page text is escaped
    assert "http" not in text.split("<style>")[1].split("</style>")[0]  # no external resources
    # worst page first in the ranking: c.html has more errors than a.html
    ranking = text.split('id="pages"')[1].split("</section>")[0]
    assert ranking.index("c.html") < ranking.index("a.html")
    assert "b.html" not in ranking
    assert "<mark>澳门博彩</mark>" in text and "隐藏内容" in text
    hidden = text.split('id="hidden"')[1].split("</section>")[0]  # hidden findings listed up front
    assert "澳门博彩" in hidden and "攻府" not in hidden
    assert "链接文字" in text and "网页标题" in text  # where the text sits, for an editor
    assert "中华人民共和国" in text  # the suggestion


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium fonts-noto-cjk)")
def test_html_report_renders_in_headless_chromium(tmp_path):
    text, _ = write(HtmlWriter)
    page = tmp_path / "report.html"
    page.write_text(text, encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, timeout=120, check=False)
    rendered = dom.stdout.decode("utf-8")
    assert "<mark>澳门博彩</mark>" in rendered and "总体情况" in rendered
    shot = tmp_path / "shot.png"
    subprocess.run([*flags, "--window-size=1200,1400", f"--screenshot={shot}", page.as_uri()], capture_output=True,
                   timeout=120, check=False)
    data = shot.read_bytes()
    assert png_size(data) == (1200, 1400)
    assert len(data) > 20_000  # a blank page compresses to a few kB; the report does not
