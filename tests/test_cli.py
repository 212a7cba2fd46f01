"""The CLI through a real subprocess: stdin, files, exit codes, output formats, bad input."""

import json
import subprocess
import sys

import pytest

SEVERE = "热烈庆祝中华人民共合国成立"


def run(*args, stdin=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "proofread", *args],
        check=False,
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def test_stdin_text_output_and_exit_code(tmp_path):
    r = run("check", stdin=SEVERE, cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 1
    assert "<stdin>:1:5: error [typo.severe-name]" in out
    assert "中华人民共和国" in out
    assert "^" in out and "\x1b[" not in out  # no colour when piped


def test_clean_text_exits_zero(tmp_path):
    r = run("check", "-", stdin="今天天气很好。\n", cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    assert r.stdout == b""


def test_fail_on_never_and_warning(tmp_path):
    assert run("check", "--fail-on", "never", stdin=SEVERE, cwd=tmp_path).returncode == 0
    d = tmp_path / "w.txt"
    d.write_text("某词\tseverity=warning\n", "utf-8")
    assert run("check", "--dict", str(d), stdin="某词", cwd=tmp_path).returncode == 0
    assert run("check", "--dict", str(d), "--fail-on", "warning", stdin="某词", cwd=tmp_path).returncode == 1


def test_json_and_jsonl(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("第一行\r\n" + SEVERE + "\n", "utf-8")
    r = run("check", "--format", "json", str(f), cwd=tmp_path)
    doc = json.loads(r.stdout)
    (rec,) = [x for x in doc["files"][0]["findings"] if x["rule"] == "typo.severe-name"]
    assert doc["version"] == 1 and doc["files"][0]["path"] == str(f)
    assert (rec["line"], rec["column"], rec["text"]) == (2, 5, "中华人民共合国")
    text = f.read_bytes().decode("utf-8")
    assert text[rec["start"] : rec["end"]] == rec["text"]
    r = run("check", "--format", "jsonl", str(f), cwd=tmp_path)
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert any(x["rule"] == "typo.severe-name" and x["line"] == 2 for x in lines)


def test_gbk_and_bom_files(tmp_path):
    g = tmp_path / "gbk.txt"
    g.write_bytes(SEVERE.encode("gbk"))
    b = tmp_path / "bom.txt"
    b.write_bytes(b"\xef\xbb\xbf" + SEVERE.encode())
    r = run("check", "--format", "jsonl", str(g), str(b), cwd=tmp_path)
    paths = {json.loads(x)["path"] for x in r.stdout.decode().splitlines()}
    assert paths == {str(g), str(b)}


def test_bad_inputs_are_named_and_others_still_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SEVERE, "utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02garbage\x00")
    r = run("check", str(binary), str(tmp_path / "missing.txt"), str(good), cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert str(binary) in err and "二进制" in err
    assert "missing.txt" in err
    assert str(good) in r.stdout.decode()


def test_folder_is_walked(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text(SEVERE, "utf-8")
    (tmp_path / "sub" / "y.bin").write_bytes(b"\x00")
    r = run("check", "--format", "jsonl", str(tmp_path), cwd=tmp_path)
    assert [json.loads(x)["path"] for x in r.stdout.decode().splitlines() if "severe" in x] == [
        str(tmp_path / "sub" / "x.md")]


def test_bad_dictionary_and_config_exit_2(tmp_path):
    d = tmp_path / "bad.txt"
    d.write_text("词\tseverity=fatal\n", "utf-8")
    r = run("check", "--dict", str(d), stdin="x", cwd=tmp_path)
    assert r.returncode == 2 and f"{d}:1:" in r.stderr.decode()
    (tmp_path / "proofread.toml").write_text("colour = 1\n", "utf-8")
    r = run("check", stdin="x", cwd=tmp_path)
    assert r.returncode == 2 and "colour" in r.stderr.decode()


def test_select_ignore_options(tmp_path):
    assert run("check", "--ignore", "typo", stdin=SEVERE, cwd=tmp_path).returncode == 0
    assert run("check", "--select", "typo.severe-name", stdin=SEVERE, cwd=tmp_path).returncode == 1


def test_fix_prints_and_writes(tmp_path):
    r = run("fix", stdin=SEVERE, cwd=tmp_path)
    assert r.returncode == 0 and "中华人民共和国" in r.stdout.decode()
    f = tmp_path / "g.txt"
    f.write_bytes(SEVERE.encode("gbk"))
    assert run("fix", "--write", str(f), cwd=tmp_path).returncode == 0
    assert "中华人民共和国" in f.read_bytes().decode("gbk")


def test_rules_and_version(tmp_path):
    r = run("rules", cwd=tmp_path)
    assert r.returncode == 0 and "typo.severe-name" in r.stdout.decode()
    rows = json.loads(run("rules", "--format", "json", cwd=tmp_path).stdout)
    assert any(x["id"] == "typo.severe-name" and x["enabled"] for x in rows)
    r = run("--version", cwd=tmp_path)
    assert r.stdout.decode().startswith("proofread ")


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["check", "--fail-on", "fatal"], ["nosuch"]])
def test_usage_errors_exit_2(tmp_path, args):
    assert run(*args, stdin="", cwd=tmp_path).returncode == 2


def test_jsonl_context_points_at_the_finding(tmp_path):
    text = "前" * 30 + SEVERE + "后" * 30
    r = run("check", "--format", "jsonl", stdin=text, cwd=tmp_path)
    (rec,) = [json.loads(x) for x in r.stdout.decode().splitlines() if "severe" in x]
    ctx, off = rec["context"], rec["context_offset"]
    assert ctx[off : off + len(rec["text"])] == rec["text"]
    assert len(ctx) == 20 + len(rec["text"]) + 20
