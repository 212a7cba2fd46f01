"""``proofread check`` on site dumps through a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitegen import write_dump

ROOT = Path(__file__).resolve().parent.parent
DICT = "攻府\t政府\t机关名称写错\tcategory=typo\tseverity=error\n澳门博彩\t\t赌博信息\tcategory=sensitive\tseverity=error\n"


def run(*args, stdin=None, cwd=None):
    # This checkout's code, whatever else is installed in the environment.
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "proofread", *args], input=stdin, capture_output=True, cwd=cwd,
                          env=env, timeout=300, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    write_dump(out, size_mb=0.4)
    (out / "extra.dict").write_text(DICT, encoding="utf-8")
    return out


def jsonl(r):
    return [json.loads(x) for x in r.stdout.decode().splitlines()]


def test_folder_warc_and_jsonl_give_the_same_findings(site):
    base = ("check", "--dict", str(site / "extra.dict"), "--format", "jsonl")
    a = run(*base, str(site / "pages"))
    b = run(*base, str(site / "dump.warc.gz"), "--jobs", "2")
    c = run(*base, "--input-format", "jsonl", str(site / "dump.jsonl"), "-j", "1")
    assert a.returncode == b.returncode == c.returncode == 1, a.stderr.decode()
    keys = ("line", "column", "text", "rule", "hidden")
    ra, rb, rc = jsonl(a), jsonl(b), jsonl(c)
    assert ra and [[r[k] for k in keys] for r in ra] == [[r[k] for k in keys] for r in rb] == [
        [r[k] for k in keys] for r in rc]
    assert [r["url"] for r in rb] == [r["url"] for r in rc]
    assert "扫描了" in a.stderr.decode()


def test_html_on_stdin_and_url_field_names(tmp_path):
    page = "<html><body><p>热烈庆祝中华人民共合国成立</p></body></html>"
    r = run("check", "--input-format", "html", "--format", "jsonl", stdin=page.encode("gbk"))
    (rec,) = jsonl(r)
    assert (rec["url"], rec["line"], rec["column"]) == ("<stdin>", 1, page.index("中") + 1)
    r = run("check", "--format", "jsonl", stdin=page.encode("utf-8"))  # sniffed on stdin too
    assert [(x["url"], x["column"], x["tag"]) for x in jsonl(r)] == [("<stdin>", page.index("中") + 1, "p")]
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"u": "http://a/1", "body": page}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("check", "--url-field", "u", "--html-field", "body", "--format", "jsonl", str(f))
    assert [x["url"] for x in jsonl(r)] == ["http://a/1"]


def test_csv_and_html_reports(site, tmp_path):
    r = run("check", "--dict", str(site / "extra.dict"), "--format", "csv", str(site / "dump.warc.gz"))
    text = r.stdout.decode("utf-8")
    assert text.startswith("\ufeffurl,line,column,severity")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows and all(row["url"].startswith("http://www.example.gov.cn/") for row in rows)
    out = tmp_path / "report.html"
    r = run("check", "--dict", str(site / "extra.dict"), "--format", "html", "-o", str(out), str(site / "pages"))
    assert r.returncode == 1 and r.stdout == b""
    html = out.read_text(encoding="utf-8")
    assert "网站内容校对报告" in html and "<mark>" in html and "</html>" in html


def test_broken_inputs_are_reported_and_the_rest_is_complete(site, tmp_path):
    data = (site / "dump.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "http://b/1", "html": "<p>攻府</p>"}\n{oops\n{"url": "http://b/3", "html": "<p>攻府</p>"}\n',
                   encoding="utf-8")
    r = run("check", "--dict", str(site / "extra.dict"), "--format", "jsonl", str(cut), str(bad))
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "cut.warc.gz" in err and "截断" in err
    assert f"{bad}:2" in err
    urls = [x["url"] for x in jsonl(r)]
    assert "http://b/1" in urls and "http://b/3" in urls
    assert "无法检查" in err


def test_plain_text_files_keep_the_text_output(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("热烈庆祝中华人民共合国成立\n", encoding="utf-8")
    r = run("check", str(f))
    assert r.returncode == 1 and f"{f}:1:5:" in r.stdout.decode()


def test_a_folder_of_text_files_keeps_the_text_output_and_a_site_folder_is_scanned(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("热烈庆祝中华人民共合国成立\n", encoding="utf-8")
    r = run("check", str(tmp_path / "docs"))
    assert "^" in r.stdout.decode()  # the text-file report marks the span under the line
    (tmp_path / "docs" / "index.shtml").write_text("<html><p>中华人民共合国</p></html>", encoding="utf-8")
    r = run("check", "--format", "jsonl", str(tmp_path / "docs"))
    assert sorted(x["tag"] for x in jsonl(r)) == ["", "p"]  # both files, the page with its element


def test_output_file_for_text_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("热烈庆祝中华人民共合国成立\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    r = run("check", str(f), "--format", "jsonl", "-o", str(out))
    assert r.returncode == 1 and r.stdout == b""
    (rec,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (rec["path"], rec["line"], rec["column"]) == (str(f), 1, 5)
