"""Scanning page dumps: same findings from every container, any job count, and failures isolated."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from sitegen import Crashy, write_dump

import proofread
from proofread.scan import scan_pages
from proofread.sources.dump import open_dump
from proofread.sources.page import Page

KEYS = ("line", "column", "end_line", "end_column", "text", "rule", "hidden", "context")


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    out = tmp_path_factory.mktemp("dump")
    info = write_dump(out, size_mb=0.6)
    return out, info


def findings(path, jobs=1, factory=None):
    factory = factory or partial(proofread.Proofreader, spelling=False)
    results = list(scan_pages(open_dump([str(path)]), factory, jobs))
    return results


def comparable(results):
    return [[tuple(r[k] for k in KEYS) for r in res.records] for res in results]


def test_identical_findings_from_folder_warc_and_jsonl(dump):
    out, info = dump
    folder = findings(out / "pages")
    warc = findings(out / "dump.warc.gz")
    jsonl = findings(out / "dump.jsonl")
    assert len(folder) == len(warc) == len(jsonl) == info["pages"]
    assert all(r.error is None for r in folder + warc + jsonl)
    assert comparable(folder) == comparable(warc) == comparable(jsonl)
    assert [r.url for r in warc] == [r.url for r in jsonl]
    assert sum(len(r.records) for r in folder) > 0


def test_every_finding_points_at_its_place_in_the_html_source(dump):
    out, _ = dump
    for res in findings(out / "pages"):
        if not res.records:
            continue
        from proofread.sources.page import decode_html

        raw = Path(res.url).read_bytes()

        lines = decode_html(raw, res.url)[0].replace("\r\n", "\n").split("\n")
        for r in res.records:
            line = lines[r["line"] - 1]
            assert line[r["column"] - 1 :].startswith(r["text"]), (res.url, r)


def test_injected_errors_are_found_and_hidden_spam_is_flagged(dump):
    import json

    out, _ = dump
    truth = [json.loads(x) for x in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    results = findings(out / "dump.jsonl")
    for t, res in zip(truth, results):
        texts = {r["text"] for r in res.records}
        for inj in t["injected"]:
            if inj["term"] == "中华人民共合国" and not inj["hidden"]:
                assert "中华人民共合国" in texts, t["url"]


def test_findings_in_hidden_spam_blocks_are_flagged():
    second = '<div style="position:absolute;left:-9999px"><a href="http://spam">中华人民共合国</a></div></body></html>'
    page = Page("u", ("<html><body><p>中华人民共合国</p>\n" + second).encode())
    (res,) = scan_pages([page], partial(proofread.Proofreader, deny=["中华人民共合国"], spelling=False), 1)
    assert [(r["line"], r["column"], r["hidden"], r["tag"]) for r in res.records] == [
        (1, 16, False, "p"), (2, second.index("中") + 1, True, "a")]


def test_parallel_output_equals_serial_output_in_order(dump):
    out, _ = dump
    serial = findings(out / "dump.warc.gz", jobs=1)
    parallel = findings(out / "dump.warc.gz", jobs=2)
    assert [r.url for r in serial] == [r.url for r in parallel]
    assert comparable(serial) == comparable(parallel)


def pages_with(texts):
    return [Page(f"p{i}", f"<p>第{i}页 {t}</p>".encode(), pos=i) for i, t in enumerate(texts)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_raises_is_reported_and_the_scan_goes_on(jobs):
    res = list(scan_pages(pages_with(["好", "异常", "好"]), Crashy, jobs))
    assert [r.url for r in res] == ["p0", "p1", "p2"]
    assert res[1].error and "测试异常" in res[1].error
    assert res[0].records and res[2].records


def test_a_page_that_kills_its_worker_is_reported_and_the_rest_complete():
    texts = ["好"] * 40 + ["崩溃"] + ["好"] * 40
    res = list(scan_pages(pages_with(texts), Crashy, 2))
    assert [r.url for r in res] == [f"p{i}" for i in range(81)]
    assert [r.url for r in res if r.error] == ["p40"]
    assert "崩溃" in res[40].error
    assert all(r.records for i, r in enumerate(res) if i != 40)


def test_a_worker_killed_once_is_replaced_and_nothing_is_lost(tmp_path):
    texts = ["好"] * 30 + ["闪退"] + ["好"] * 30
    res = list(scan_pages(pages_with(texts), partial(Crashy, str(tmp_path / "flag")), 2))
    assert (tmp_path / "flag").exists()
    assert len(res) == 61 and not any(r.error for r in res)


class _Tty:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_progress_only_on_a_terminal():
    from proofread.progress import Progress

    assert not Progress.wanted(_Tty(False))
    assert Progress.wanted(_Tty(True))
    tty = _Tty(True)
    p = Progress(tty, min_interval=0)
    p(10, 5_000_000, 10_000_000)
    assert "已检查 10 页" in tty.text and "页/秒" in tty.text and "50.0%" in tty.text and "剩余约" in tty.text
    p.finish()
    assert tty.text.endswith("\r\x1b[K")


def test_cli_prints_no_progress_when_piped(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "a.html").write_text("<p>中华人民共合国</p>", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    r = subprocess.run([sys.executable, "-m", "proofread", "check", str(tmp_path), "--format", "jsonl"],
                       capture_output=True, env=env, timeout=120, check=False)
    assert "页/秒" not in r.stderr.decode() and "\r" not in r.stderr.decode()


def test_spawned_workers_rebuild_the_proofreader_from_picklable_arguments():
    # Python 3.14 starts workers with forkserver by default: nothing may rely on fork.
    from proofread.config import Config

    factory = partial(proofread.Proofreader, deny=["攻府"], spelling=False, config=Config())
    pages = [Page(f"p{i}", f"<p>第{i}页 攻府</p>".encode(), pos=i) for i in range(6)]
    res = list(scan_pages(pages, factory, 2, start_method="spawn"))
    assert [r.url for r in res] == [f"p{i}" for i in range(6)]
    assert all([x["text"] for x in r.records] == ["攻府"] for r in res)


def test_same_positions_for_bytes_and_str_with_bom_crlf_and_gbk():
    html = "\ufeff<html>\r\n<body>\r\n<p>热烈庆祝&nbsp;中华人民共合国成立</p>\r\n</body></html>"
    factory = partial(proofread.Proofreader, deny=["中华人民共合国"], spelling=False)
    as_str = Page("s", html)
    as_utf8 = Page("b", html.encode("utf-8"))
    as_gbk = Page("g", html[1:].encode("gbk"))  # GBK has no BOM
    results = list(scan_pages([as_str, as_utf8, as_gbk], factory, 1))
    spans = {(r["line"], r["column"], r["end_column"]) for res in results for r in res.records
             if r["rule"] == "custom.deny"}
    assert spans == {(3, 14, 21)}  # one answer for all three, counted without the BOM
