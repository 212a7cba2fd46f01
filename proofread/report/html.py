"""A self-contained HTML site report (Chinese UI) an editor can read in any browser.

Findings are spooled to a temporary file while the scan runs, so memory holds only one small
summary row per page with findings; the report is written at the end: site summary (counts per
category and severity, failed pages), the pages ranked worst first, then each page's findings
with the text highlighted in its context and the suggestion.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from html import escape
from typing import IO, Any

from ..finding import CATEGORIES, SEVERITIES
from .pages import SEVERITY_ZH, Summary

MAX_DETAIL_PAGES = 1000
MAX_HIDDEN = 500
# What the element holding the text is, for an editor.
WHERE = {"a": "链接文字", "img": "图片说明", "title": "网页标题", "td": "表格", "th": "表头", "li": "列表",
         "option": "下拉选项", "textarea": "文本框", **{f"h{i}": "标题" for i in range(1, 7)}}

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:0;background:#f5f6f8;color:#1f2329;line-height:1.6}
header{background:#b71c1c;color:#fff;padding:18px 32px}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;opacity:.9;font-size:13px}
main{max-width:1180px;margin:0 auto;padding:20px 32px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:0 0 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:18px;margin:0 0 12px;border-left:4px solid #b71c1c;padding-left:8px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.card{border:1px solid #e5e6eb;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:24px} .card span{font-size:13px;color:#646a73}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #eceef1;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafbfc;color:#4e5969;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;color:#fff;white-space:nowrap}
.sev-error{background:#d32f2f}.sev-warning{background:#ef8f00}.sev-info{background:#1e88e5}
.hid{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;background:#4a148c;color:#fff}
mark{background:#ffe08a;color:#b71c1c;font-weight:700;padding:0 1px;border-radius:2px}
.ctx{font-size:15px} .sug{color:#1b5e20;font-weight:600} .pos{color:#86909c;font-size:12px;white-space:nowrap}
.url{word-break:break-all} .page h3{font-size:15px;margin:0 0 8px;word-break:break-all}
.err{color:#b71c1c;word-break:break-all;white-space:pre-wrap;font-size:13px}
.note{color:#646a73;font-size:13px} table.detail{table-layout:fixed}
"""


class HtmlWriter:
    def __init__(self, out: IO[str], title: str = "网站内容校对报告", max_pages: int = MAX_DETAIL_PAGES):
        self.out = out
        self.title = title
        self.max_pages = max_pages
        self.spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self.rows: list[tuple[int, int, int, int, int, str, int, int]] = []
        self.hidden: list[tuple[int, str, dict[str, Any]]] = []  # the first findings in hidden elements
        self.n = 0

    def write(self, res) -> None:
        self.n += 1
        if not res.records:
            return
        c = {s: 0 for s in SEVERITIES}
        hidden = 0
        for r in res.records:
            c[r["severity"]] += 1
            hidden += bool(r["hidden"])
        line = json.dumps(res.records, ensure_ascii=False).encode("utf-8") + b"\n"
        offset = self.spool.tell()
        self.spool.write(line)
        self.rows.append((c["error"], c["warning"], c["info"], hidden, self.n, res.url, offset, len(line)))
        for r in res.records:
            if r["hidden"] and len(self.hidden) < MAX_HIDDEN:
                self.hidden.append((self.n, res.url, r))

    def close(self, summary: Summary) -> None:
        try:
            self._render(summary)
        finally:
            self.spool.close()

    def _records(self, offset: int, length: int) -> list[dict[str, Any]]:
        self.spool.seek(offset)
        return json.loads(self.spool.read(length))

    def _render(self, s: Summary) -> None:
        w = self.out.write
        rows = sorted(self.rows, key=lambda r: (-r[0], -r[1], -r[2], -r[3], r[4]))
        now = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
        w(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
          f'<meta name="viewport" content="width=device-width,initial-scale=1">'
          f"<title>{escape(self.title)}</title><style>{_CSS}</style></head><body>")
        w(f"<header><h1>{escape(self.title)}</h1><p>生成时间 {now} · proofread</p></header><main>")
        w('<section id="summary"><h2>总体情况</h2><div class="cards">')
        for label, value in (
            ("扫描页面", s.pages), ("有问题的页面", s.with_findings), ("问题总数", s.findings),
            (SEVERITY_ZH["error"], s.severity.get("error", 0)), (SEVERITY_ZH["warning"], s.severity.get("warning", 0)),
            (SEVERITY_ZH["info"], s.severity.get("info", 0)), ("隐藏内容中的问题", s.hidden), ("无法检查的页面", s.failed),
        ):
            w(f'<div class="card"><b>{value}</b><span>{label}</span></div>')
        w("</div></section>")
        self._category_table(rows)
        self._hidden_section()
        self._ranking(rows)
        if s.errors:
            w(f'<section id="failed"><h2>无法检查的页面（{len(s.errors)}）</h2><table><tr><th>页面</th><th>原因</th></tr>')
            for url, msg in s.errors:
                w(f'<tr><td class="url">{escape(url)}</td><td class="err">{escape(msg)}</td></tr>')
            w("</table></section>")
        self._details(rows)
        w("</main></body></html>\n")
        self.out.flush()

    def _category_table(self, rows) -> None:
        counts: dict[tuple[str, str], int] = {}
        for row in rows:
            for r in self._records(row[6], row[7]):
                key = (r["category"], r["severity"])
                counts[key] = counts.get(key, 0) + 1
        w = self.out.write
        w('<section id="categories"><h2>按类别和严重程度统计</h2><table><tr><th>类别</th>')
        w("".join(f'<th class="n">{SEVERITY_ZH[sv]}</th>' for sv in SEVERITIES) + '<th class="n">合计</th></tr>')
        for cat, zh in CATEGORIES.items():
            line = [counts.get((cat, sv), 0) for sv in SEVERITIES]
            if not any(line):
                continue
            w(f"<tr><td>{zh}（{cat}）</td>" + "".join(f'<td class="n">{v}</td>' for v in line)
              + f'<td class="n">{sum(line)}</td></tr>')
        w("</table></section>")

    def _ranking(self, rows) -> None:
        w = self.out.write
        w(f'<section id="pages"><h2>问题最多的页面（共 {len(rows)} 个页面有问题）</h2><table>'
          "<tr><th>#</th><th>页面</th><th class=\"n\">错误</th><th class=\"n\">警告</th><th class=\"n\">提示</th>"
          "<th class=\"n\">隐藏</th></tr>")
        for i, row in enumerate(rows[: self.max_pages], 1):
            w(f'<tr><td class="n">{i}</td><td class="url"><a href="#p{row[4]}">{escape(row[5])}</a></td>'
              + "".join(f'<td class="n">{v}</td>' for v in row[:4]) + "</tr>")
        w("</table>")
        if len(rows) > self.max_pages:
            w(f'<p class="note">只列出前 {self.max_pages} 个页面；完整结果请用 --format jsonl 或 csv 导出。</p>')
        w("</section>")

    def _hidden_section(self) -> None:
        if not self.hidden:
            return
        w = self.out.write
        w(f'<section id="hidden"><h2>隐藏内容中的问题（{len(self.hidden)}{"+" if len(self.hidden) >= MAX_HIDDEN else ""}）</h2>'
          '<p class="note">访客看不到、但在网页源码里的文字（display:none、离屏定位等）。被植入的赌博、色情暗链常在这里；'
          "正常的下拉菜单也会隐藏，请逐条核实。</p><table>"
          "<tr><th>页面</th><th>位置</th><th>文字</th><th>问题</th></tr>")
        for n, url, r in self.hidden:
            w(f'<tr><td class="url"><a href="#p{n}">{escape(url)}</a></td>'
              f'<td class="pos">第 {r["line"]} 行 第 {r["column"]} 列</td><td><mark>{escape(r["text"])}</mark></td>'
              f'<td>{escape(r["message"])}</td></tr>')
        w("</table></section>")

    def _details(self, rows) -> None:
        w = self.out.write
        for row in rows[: self.max_pages]:
            records = self._records(row[6], row[7])
            w(f'<section class="page" id="p{row[4]}"><h3>{escape(row[5])}</h3><table class="detail">'
              '<colgroup><col style="width:130px"><col style="width:64px"><col><col style="width:220px"></colgroup>'
              "<tr><th>位置</th><th>级别</th><th>问题与上下文</th><th>建议</th></tr>")
            for r in records:
                ctx, at, n = r["context"], r["context_offset"], len(r["text"])
                shown = (escape(ctx[:at]) + "<mark>" + escape(ctx[at : at + n]) + "</mark>"
                         + escape(ctx[at + n :]))
                hid = ' <span class="hid">隐藏内容</span>' if r["hidden"] else ""
                where = WHERE.get(r.get("tag", ""))
                if where:
                    hid = f" · {where}{hid}"
                sug = " / ".join(r["suggestions"])
                cat = CATEGORIES.get(r["category"], r["category"])
                w(f'<tr><td class="pos">第 {r["line"]} 行 第 {r["column"]} 列</td>'
                  f'<td><span class="sev sev-{r["severity"]}">{SEVERITY_ZH[r["severity"]]}</span></td>'
                  f'<td><div class="ctx">{shown}</div><div class="note">{escape(cat)} · {escape(r["message"])}'
                  f' · <code>{escape(r["rule"])}</code>{hid}</div></td>'
                  f'<td class="sug">{escape(sug) if sug else "—"}</td></tr>')
            w("</table></section>")
