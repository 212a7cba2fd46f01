"""The compiled-dictionary cache: used when current, rebuilt when the file changes or is corrupt."""

import os

import pytest

from proofread import DictionaryError, Proofreader
from proofread.compiled import compile_file


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("PROOFREAD_CACHE_DIR", str(d))
    return d


def test_cache_written_then_read(tmp_path, cache):
    f = tmp_path / "d.txt"
    f.write_text("@category typo\n@rule typo.x\n@title 标题\n按装\t安装\n", "utf-8")
    first = compile_file(f)
    (cached,) = list(cache.iterdir())
    second = compile_file(f)
    assert second.entries == first.entries
    assert second.entry_keys == first.entry_keys
    assert second.rules["typo.x"].title == "标题"
    # Proof the second read came from the cache: poison the cached copy's message.
    import marshal

    raw = list(marshal.loads(cached.read_bytes()))
    raw[1] = [tuple(e[:4]) + ("来自缓存",) + tuple(e[5:]) for e in raw[1]]
    cached.write_bytes(marshal.dumps(tuple(raw)))
    assert compile_file(f).entries[0].message == "来自缓存"


def test_changed_file_is_recompiled(tmp_path, cache):
    f = tmp_path / "d.txt"
    f.write_text("赌博\n", "utf-8")
    assert [e.term for e in compile_file(f).entries] == ["赌博"]
    f.write_text("六合彩\n", "utf-8")
    assert [e.term for e in compile_file(f).entries] == ["六合彩"]
    p = Proofreader(user_dicts=[f], builtin=False, spelling=False)
    assert [x.text for x in p.check("赌博六合彩")] == ["六合彩"]


def test_corrupt_cache_is_rebuilt(tmp_path, cache):
    f = tmp_path / "d.txt"
    f.write_text("赌博\n", "utf-8")
    compile_file(f)
    for c in cache.iterdir():
        c.write_bytes(b"not marshal data")
    assert [e.term for e in compile_file(f).entries] == ["赌博"]


def test_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("PROOFREAD_CACHE_DIR", str(blocker / "sub"))
    f = tmp_path / "d.txt"
    f.write_text("赌博\n", "utf-8")
    assert [e.term for e in compile_file(f).entries] == ["赌博"]


def test_broken_file_never_cached(tmp_path, cache):
    f = tmp_path / "d.txt"
    f.write_text("词\tseverity=bad\n", "utf-8")
    for _ in range(2):
        with pytest.raises(DictionaryError, match="d.txt:1"):
            compile_file(f)
    assert not cache.exists() or not any(cache.iterdir())


def test_cache_can_be_disabled(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("PROOFREAD_NO_CACHE", "1")
    f = tmp_path / "d.txt"
    f.write_text("赌博\n", "utf-8")
    compile_file(f)
    assert not cache.exists()
    assert os.environ["PROOFREAD_NO_CACHE"] == "1"


def test_proofreader_index_is_cached_and_invalidated(tmp_path, cache):
    f = tmp_path / "d.txt"
    f.write_text("赌博\n禁止赌博\tcategory=allow\n", "utf-8")
    kw = {"user_dicts": [f], "builtin": False, "spelling": False}
    assert [x.text for x in Proofreader(**kw).check("赌博，禁止赌博")] == ["赌博"]
    assert any(p.name.startswith("index-") for p in cache.iterdir())
    # Warm start from the cached index gives the same answers.
    assert [x.text for x in Proofreader(**kw).check("赌博，禁止赌博")] == ["赌博"]
    # A different selection or a changed file is a different index.
    assert Proofreader(select=["typo"], **kw).check("赌博") == []
    f.write_text("六合彩\n", "utf-8")
    assert [x.text for x in Proofreader(**kw).check("赌博六合彩")] == ["六合彩"]
    assert [x.text for x in Proofreader(deny=["赌博"], **kw).check("赌博六合彩")] == ["赌博", "六合彩"]


def test_cache_is_pruned_to_the_newest_blobs(tmp_path, cache, monkeypatch):
    from proofread import compiled

    monkeypatch.setattr(compiled, "KEEP", 3)
    for i in range(6):
        f = tmp_path / f"d{i}.txt"
        f.write_text(f"词{i}\n", "utf-8")
        compile_file(f)
    assert len(list(cache.glob("*.marshal"))) == 3
