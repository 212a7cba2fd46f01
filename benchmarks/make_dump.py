# The page template is a list of HTML fragments, several spread over two source lines.
# ruff: noqa: ISC004
"""Generate a reproducible dump of government-style web pages for benchmarks and tests.

    python benchmarks/make_dump.py --size 100 --out benchmarks/out/d100

writes, for the same pages (same seed → same bytes):

* ``pages/`` — one file per page (.html, .htm, .shtml, .jsp, .aspx, .php: the extensions Chinese CMSs use),
* ``dump.warc.gz`` — one HTTP response record per page (plus a few CSS/image records to skip),
* ``dump.jsonl`` — one ``{"url", "html"}`` object per line,
* ``truth.jsonl`` — per page the injected errors (term, hidden) so recall can be checked.

Pages have a navigation bar, breadcrumbs, sidebars, footer, scripts and styles around an article
made of paragraphs drawn from /work/shared/corpus (clean official text); visible text is about
15–25% of the HTML bytes. About 30% of pages carry an injected severe error (中华人民共合国, 扫黑险恶,
攻府, 领导小姐), 5% a hidden spam block, and 12% are GBK-encoded (half of them with no charset declared).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import random
import sys
import uuid
from pathlib import Path

CORPUS = Path(os.environ.get("PROOFREAD_CORPUS", "/work/shared/corpus"))
ERRORS = [  # (wrong, right)
    ("中华人民共合国", "中华人民共和国"),
    ("扫黑险恶", "扫黑除恶"),
    ("攻府", "政府"),
    ("领导小姐", "领导小组"),
]
SPAM = ["澳门博彩", "网上赌场", "六合彩开奖", "真人百家乐", "代开发票"]
NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本市", "新闻中心", "政策文件", "政策解读", "通知公告",
       "人事信息", "财政资金", "规划计划", "统计信息", "应急管理", "民生实事", "专题专栏", "领导信息", "机构职能"]
EXTS = [".html", ".html", ".html", ".htm", ".shtml", ".jsp", ".aspx", ".php"]
DEPTS = ["发展和改革委员会", "教育局", "财政局", "人力资源和社会保障局", "生态环境局", "住房和城乡建设局", "卫生健康委员会",
         "市场监督管理局", "应急管理局", "统计局"]


SCRIPT_NAV = """<script type="text/javascript">
$(function () {
  var $items = $(".nav-list .nav-item"), timer = null;
  $items.hover(function () {
    var $t = $(this); clearTimeout(timer);
    timer = setTimeout(function () { $t.addClass("on").siblings().removeClass("on");
      $t.find(".sub-nav").stop(true, true).slideDown(200); }, 150);
  }, function () { clearTimeout(timer); $(this).find(".sub-nav").stop(true, true).slideUp(150); });
  var d = new Date(), w = ["日", "一", "二", "三", "四", "五", "六"];
  $("#today").text(d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日 星期" + w[d.getDay()]);
  $.ajax({ url: "/api/hits", data: { id: $("meta[name=ContentId]").attr("content") }, dataType: "jsonp",
    success: function (r) { $("#hits").text(r && r.count ? r.count : 0); } });
  $(".side-list li:odd").addClass("even");
  if (window.localStorage && localStorage.getItem("elder") === "1") { $("body").addClass("elder"); }
  $(".share a").on("click", function (e) { e.preventDefault(); var u = encodeURIComponent(location.href);
    window.open($(this).data("href").replace("{url}", u), "_blank", "width=600,height=500"); });
});
function toggleElderMode() { var b = document.body; b.classList.toggle("elder");
  try { localStorage.setItem("elder", b.classList.contains("elder") ? "1" : "0"); } catch (e) {} }
function stat(k) { try { (new Image()).src = "/stat.gif?k=" + k + "&t=" + (+new Date()); } catch (e) {} }
</script>
"""


def load_paragraphs(limit_chars: int = 12_000_000) -> list[str]:
    paras: list[str] = []
    total = 0
    for name in ("gov_reports.txt.gz", "laws.txt.gz"):
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if 20 <= len(line) <= 400:
                    paras.append(line)
                    total += len(line)
                    if total >= limit_chars:
                        return paras
    return paras


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PageMaker:
    def __init__(self, seed: int, paragraphs: list[str]):
        self.rng = random.Random(seed)
        self.paras = paragraphs

    def title(self) -> str:
        p = self.rng.choice(self.paras)
        cut = p.find("，")
        return (p[:cut] if 6 <= cut <= 30 else p[:24]).strip("。；：")

    def page(self, i: int) -> tuple[str, str, str, list[dict]]:
        """(url, html, encoding, injected) for page ``i``."""
        r = self.rng
        city = r.choice(["江城", "海州", "云山", "青川", "临水"])
        dept = r.choice(DEPTS)
        site = f"{city}市{dept}"
        url = f"http://www.example.gov.cn/{r.choice(['xxgk', 'zwgk', 'xwzx', 'tzgg'])}/{i // 100:03d}/t{i:07d}"
        url += r.choice(EXTS)
        title = self.title()
        gbk = r.random() < 0.12
        declare = not gbk or r.random() < 0.5
        charset = "gb2312" if gbk else "utf-8"
        injected: list[dict] = []
        paras = [r.choice(self.paras) for _ in range(r.randint(4, 22))]
        if r.random() < 0.30:
            wrong, right = r.choice(ERRORS)
            k = r.randrange(len(paras))
            paras[k] = paras[k][: len(paras[k]) // 2] + f"在{wrong}的工作中" + paras[k][len(paras[k]) // 2 :]
            injected.append({"term": wrong, "right": right, "hidden": False})
        parts = [
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
            "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n",
            '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n',
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n' if declare else "",
            '<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n',
            f'<meta name="SiteName" content="{site}" />\n<meta name="SiteDomain" content="www.example.gov.cn" />\n',
            f'<meta name="SiteIDCode" content="{r.randint(1000000000, 9999999999)}" />\n',
            f'<meta name="ArticleTitle" content="{esc(title)}" />\n<meta name="PubDate" content="2025-0{r.randint(1, 9)}-1{r.randint(0, 9)} 09:00" />\n',
            f"<title>{esc(title)}_{site}</title>\n",
            '<link rel="stylesheet" type="text/css" href="/images/2021/css/common.css" />\n'
            '<link rel="stylesheet" type="text/css" href="/images/2021/css/detail.css" />\n',
            '<script type="text/javascript" src="/images/2021/js/jquery-1.12.4.min.js"></script>\n'
            '<script type="text/javascript" src="/images/2021/js/common.js"></script>\n',
            "<style type=\"text/css\">\n.hide{display:none}\n.article-content p{text-indent:2em;line-height:2;font-size:16px;"
            "margin:0 0 12px 0}\n.nav-list li{float:left;width:11%;text-align:center}\n</style>\n",
            "</head>\n<body>\n",
            '<div class="top-bar"><div class="w1200 clearfix"><div class="fl">'
            f'<span id="today"></span>&nbsp;&nbsp;欢迎访问{site}网站</div><div class="fr">'
            '<a href="javascript:void(0)" onclick="toggleElderMode()">长者模式</a> | '
            '<a href="/wza/">无障碍</a> | <a href="/m/">手机版</a></div></div></div>\n',
            f'<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/images/2021/logo.png" alt="{site}" '
            'width="520" height="80" /></a><div class="search"><form action="/search/" method="get" target="_blank">'
            '<input type="text" name="q" class="search-input" placeholder="请输入关键词" />'
            '<input type="submit" value="搜索" class="search-btn" /></form></div></div></div>\n',
            '<div class="nav"><ul class="nav-list w1200 clearfix">\n',
        ]
        for j, name in enumerate(NAV):
            parts.append(f'  <li class="nav-item{" on" if j == 0 else ""}" data-index="{j}"><a href="/{j:02d}/index.html" '
                         f'target="_self" title="{name}" class="nav-link">{name}</a>\n'
                         f'    <div class="sub-nav" style="display:none;" id="subnav{j}"><ul class="sub-list clearfix">\n')
            for k in range(4):
                sub = NAV[(j + k + 1) % len(NAV)]
                parts.append(f'      <li class="sub-item"><a href="/{j:02d}/{k:02d}/index.html" target="_blank" '
                             f'title="{sub}" onclick="stat(\'{j}-{k}\')">{sub}</a></li>\n')
            parts.append("    </ul></div></li>\n")
        parts.append("</ul></div>\n")
        parts.append(SCRIPT_NAV)
        parts.append('<div class="w1200 position clearfix"><span>当前位置：</span><a href="/">首页</a> &gt; '
                     '<a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/tzgg/">通知公告</a></div>\n')
        parts.append('<div class="w1200 main clearfix"><div class="left-box fl">\n')
        parts.append(f'<div class="article"><h1 class="article-title">{esc(title)}</h1>\n')
        parts.append(f'<div class="article-info"><span>发布时间：2025-0{r.randint(1, 9)}-1{r.randint(0, 9)}</span>'
                     f'<span>来源：{site}</span><span>浏览次数：<em id="hits"></em></span>'
                     '<span class="font-size">字号：<a href="javascript:doZoom(18)">大</a> '
                     '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>\n')
        parts.append('<div class="article-content" id="zoom">\n')
        for k, p in enumerate(paras):
            style = ' style="text-indent:2em;"' if r.random() < 0.5 else ""
            parts.append(f'<p{style}><span style="font-family:仿宋_GB2312;font-size:16pt;">{esc(p)}</span></p>\n')
            if k == 2 and r.random() < 0.2:
                parts.append('<table class="data-table" border="1" cellspacing="0" cellpadding="4"><tbody>\n')
                for row in range(r.randint(2, 5)):
                    cells = "".join(f'<td style="text-align:center;">{esc(self.title()[:10])}</td>' for _ in range(3))
                    parts.append(f"<tr>{cells}</tr>\n")
                parts.append("</tbody></table>\n")
        parts.append("</div>\n")
        parts.append('<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a>'
                     '<a href="javascript:window.close()">【关闭窗口】</a></div></div></div>\n')
        parts.append('<div class="right-box fr"><div class="side-title">相关文章</div><ul class="side-list">\n')
        for _ in range(r.randint(6, 12)):
            parts.append(f'  <li><a href="/xxgk/{r.randint(100, 999)}/t{r.randint(10**6, 10**7)}.html" '
                         f'target="_blank" title="{esc(self.title())}">{esc(self.title()[:16])}</a>'
                         f'<span class="date">2025-0{r.randint(1, 9)}-{r.randint(10, 28)}</span></li>\n')
        parts.append("</ul></div></div>\n")
        if r.random() < 0.05:
            spam = r.choice(SPAM)
            how = r.choice(['style="position:absolute;left:-9999px;top:-9999px"', 'style="display:none"', 'class="hide"'])
            parts.append(f'<div {how}><a href="http://spam.example.com/">{spam}</a>'
                         f'<a href="http://spam.example.com/2">{r.choice(ERRORS)[0]}</a></div>\n')
            injected.append({"term": spam, "hidden": True})
        parts.append('<div class="footer"><div class="w1200"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a>'
                     ' | <a href="/sybz/">使用帮助</a></p>'
                     f"<p>主办单位：{site}　　承办单位：{city}市大数据中心</p>"
                     f"<p>网站标识码：{r.randint(1000000000, 9999999999)}　　"
                     f'<a href="https://beian.miit.gov.cn/" target="_blank">备案号：X ICP备{r.randint(10000000, 99999999)}号</a>'
                     "</p><p><a href=\"http://bszs.conac.cn/\" target=\"_blank\"><img src=\"/images/red.png\" "
                     "alt=\"党政机关\" /></a></p></div></div>\n")
        parts.append("<script type=\"text/javascript\">\nvar _hmt = _hmt || [];\n(function() {\n"
                     "  var hm = document.createElement(\"script\");\n"
                     f"  hm.src = \"https://hm.example.com/hm.js?{r.getrandbits(128):032x}\";\n"
                     "  var s = document.getElementsByTagName(\"script\")[0];\n  s.parentNode.insertBefore(hm, s);\n"
                     "})();\nfunction doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}\n"
                     "</script>\n</body>\n</html>\n")
        return url, "".join(parts), "gb18030" if gbk else "utf-8", injected


def generate(out: Path, size_mb: float, seed: int, formats: set[str], paragraphs: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    maker = PageMaker(seed, paragraphs or load_paragraphs())
    if "folder" in formats:
        (out / "pages").mkdir(exist_ok=True)
    with contextlib.ExitStack() as stack:
        warc_fh = stack.enter_context(open(out / "dump.warc.gz", "wb")) if "warc" in formats else None
        jsonl = stack.enter_context(open(out / "dump.jsonl", "w", encoding="utf-8")) if "jsonl" in formats else None
        truth = stack.enter_context(open(out / "truth.jsonl", "w", encoding="utf-8"))
        return _write_pages(maker, out, size_mb, formats, warc_fh, jsonl, truth)


def _warc_ids(k: int) -> dict[str, str]:
    """Fixed record id and date, so the same seed gives the same WARC bytes."""
    return {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=k + 1)}>", "WARC-Date": "2026-01-01T00:00:00Z"}


def _write_pages(maker, out: Path, size_mb: float, formats: set[str], warc_fh, jsonl, truth) -> dict:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = WARCWriter(warc_fh, gzip=True) if warc_fh else None
    target = int(size_mb * 1_000_000)
    pages_dir = out / "pages"
    total = n = 0
    while total < target:
        url, html, enc, injected = maker.page(n)
        body = html.encode(enc)
        total += len(body)
        name = f"{n:07d}{Path(url).suffix}"
        if pages_dir.exists() and "folder" in formats:
            (pages_dir / name).write_bytes(body)
        if warc:
            ctype = "text/html" if enc != "utf-8" and "charset=" not in html[:600] else f"text/html; charset={'utf-8' if enc == 'utf-8' else 'gbk'}"
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            warc.write_record(warc.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict=_warc_ids(2 * n)))
            if n % 50 == 0:  # assets a crawler also stores: skipped by the reader
                css = b".nav{color:#c00}"
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
                warc.write_record(warc.create_warc_record(url + ".css", "response", payload=io.BytesIO(css),
                                                          warc_headers_dict=_warc_ids(2 * n + 1),
                                                          http_headers=http))
        if jsonl:
            jsonl.write(json.dumps({"url": url, "html": html, "file": name}, ensure_ascii=False) + "\n")
        truth.write(json.dumps({"url": url, "file": name, "encoding": enc, "injected": injected},
                               ensure_ascii=False) + "\n")
        n += 1
    return {"pages": n, "html_bytes": total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=float, default=10, help="total HTML size in MB (10^6 bytes)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--formats", default="folder,warc,jsonl", help="comma-separated: folder, warc, jsonl")
    a = ap.parse_args(argv)
    info = generate(a.out, a.size, a.seed, set(a.formats.split(",")))
    print(f"{a.out}: {info['pages']} pages, {info['html_bytes'] / 1e6:.1f} MB HTML (seed {a.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
