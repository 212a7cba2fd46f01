"""Loading and validating dictionary files (built-in and user).

The format is documented in ``docs/dictionaries.md``. In short: one entry a line,
``term<TAB>suggestions<TAB>message<TAB>key=value ...``; ``@key value`` lines set
defaults for the entries after them; ``#`` starts a comment. A file with one bare
word a line is a valid deny list.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .errors import DictionaryError
from .finding import CATEGORIES, SEVERITIES

ALLOW = "allow"
# Keys allowed as `key=value` on an entry line and as `@key value` directives.
ENTRY_KEYS = frozenset(
    {
        "category", "severity", "rule", "message", "source", "example", "ok",
        "skip_prefix", "skip_suffix", "need_near", "skip_near", "window", "fix", "enabled",
    }
)
# Directives that describe the current rule rather than each entry.
RULE_KEYS = frozenset({"title", "doc"})
MULTI_KEYS = frozenset({"example", "ok"})
LIST_KEYS = frozenset({"skip_prefix", "skip_suffix", "need_near", "skip_near"})
DEFAULT_WINDOW = 20


class Entry(NamedTuple):
    """One dictionary entry with everything needed to report a match.

    A NamedTuple rather than a dataclass: the compiled-dictionary cache rebuilds tens of
    thousands of these at start-up, and tuple construction is several times cheaper.
    """

    term: str
    category: str = "sensitive"
    severity: str = "error"
    rule: str = "custom.deny"
    message: str = ""
    suggestions: tuple[str, ...] = ()
    source: str = ""
    examples: tuple[str, ...] = ()  # sentences in which this entry must fire
    counter_examples: tuple[str, ...] = ()  # sentences in which it must not fire
    skip_prefix: tuple[str, ...] = ()  # suppressed when the text just before ends with one
    skip_suffix: tuple[str, ...] = ()  # suppressed when the text just after starts with one
    need_near: tuple[str, ...] = ()  # reported only when one occurs within `window`
    skip_near: tuple[str, ...] = ()  # suppressed when one occurs within `window`
    window: int = DEFAULT_WINDOW
    fixable: bool = False
    enabled: bool = True
    path: str = ""
    line: int = 0

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(slots=True)
class RuleInfo:
    """Title and doc for a dictionary-backed rule, from ``@title``/``@doc``."""

    id: str
    category: str
    severity: str
    title: str = ""
    doc: str = ""
    enabled: bool = True
    fixable: bool = False
    count: int = 0


@dataclass(slots=True)
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    allow: list[Entry] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)


def merge_rules(into: dict[str, RuleInfo], other: dict[str, RuleInfo]) -> None:
    """Merge rule docs from another file: counts add up, the first title and doc win."""
    for rid, info in other.items():
        mine = into.get(rid)
        if mine is None:
            into[rid] = info
        else:
            mine.count += info.count
            mine.title = mine.title or info.title
            mine.doc = mine.doc or info.doc
            mine.enabled = mine.enabled and info.enabled
            mine.fixable = mine.fixable or info.fixable


def _parse_bool(value: str, key: str) -> bool:
    v = value.strip().lower()
    if v in {"on", "true", "yes", "1"}:
        return True
    if v in {"off", "false", "no", "0"}:
        return False
    raise ValueError(f"{key} 只能是 on 或 off，而不是 {value!r}")


def _apply(fields: dict, key: str, value: str) -> None:
    """Validate one key/value and store it in ``fields`` (Entry constructor kwargs)."""
    value = value.strip()
    if key == "category":
        if value not in CATEGORIES and value != ALLOW and value != "custom":
            raise ValueError(f"未知类别 category={value!r}（可用：{', '.join([*CATEGORIES, ALLOW])}）")
        fields["category"] = value
    elif key == "severity":
        if value not in SEVERITIES:
            raise ValueError(f"未知严重程度 severity={value!r}（可用：error, warning, info）")
        fields["severity"] = value
    elif key == "window":
        if not value.isdigit() or int(value) <= 0:
            raise ValueError(f"window 必须是正整数，而不是 {value!r}")
        fields["window"] = int(value)
    elif key == "fix":
        if value not in {"safe", "unsafe"}:
            raise ValueError(f"fix 只能是 safe 或 unsafe，而不是 {value!r}")
        fields["fixable"] = value == "safe"
    elif key == "enabled":
        fields["enabled"] = _parse_bool(value, key)
    elif key in LIST_KEYS:
        items = tuple(x for x in value.split("|") if x)
        if not items:
            raise ValueError(f"{key} 不能为空")
        fields[key] = items
    elif key in MULTI_KEYS:
        name = "examples" if key == "example" else "counter_examples"
        fields[name] = (*fields.get(name, ()), value)
    else:  # rule, message, source
        if key == "rule" and (not value or any(c.isspace() for c in value)):
            raise ValueError(f"rule 不能为空或含空白：{value!r}")
        fields[key] = value


def _split_option(part: str) -> tuple[str, str] | None:
    key, sep, value = part.partition("=")
    if sep and key.strip() in ENTRY_KEYS:
        return key.strip(), value
    if sep and key.strip().isascii() and key.strip().isidentifier():
        raise ValueError(f"未知字段 {key.strip()!r}（可用：{', '.join(sorted(ENTRY_KEYS))}）")
    return None


def parse_lines(lines: Iterable[str], path: str, defaults: dict | None = None) -> tuple[Lexicon, list[str]]:
    """Parse dictionary lines; returns the lexicon and ``path:line: problem`` strings."""
    lex = Lexicon()
    problems: list[str] = []
    current: dict = dict(defaults or {})
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if lineno == 1:
            line = line.lstrip("\ufeff")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            if stripped.startswith("@"):
                key, _, value = stripped[1:].partition(" ")
                key = key.strip()
                if key in RULE_KEYS:
                    rid = current.get("rule", "custom.deny")
                    info = lex.rules.setdefault(
                        rid, RuleInfo(rid, current.get("category", "sensitive"), current.get("severity", "error"))
                    )
                    setattr(info, key, (getattr(info, key) + "\n" + value.strip()).strip())
                    continue
                if key not in ENTRY_KEYS or key in MULTI_KEYS:
                    raise ValueError(f"未知指令 @{key}")
                if key == "rule":
                    # A new rule starts fresh: per-rule context must not leak into it.
                    for k in LIST_KEYS | {"window", "message"}:
                        current.pop(k, None)
                _apply(current, key, value)
                continue
            _parse_entry(line, current, path, lineno, lex)
        except ValueError as exc:
            problems.append(f"{path}:{lineno}: {exc}")
    return lex, problems


def _parse_entry(line: str, current: dict, path: str, lineno: int, lex: Lexicon) -> None:
    parts = line.split("\t")
    term = parts[0].strip()
    if not term:
        raise ValueError("词条为空（行首是制表符？）")
    fields = dict(current)
    bare: list[str] = []
    for part in parts[1:]:
        opt = _split_option(part)
        if opt is None:
            bare.append(part.strip())
        else:
            _apply(fields, *opt)
    if len(bare) > 2:
        raise ValueError(f"多余的列：{bare[2]!r}（选项须写成 key=value）")
    if bare and bare[0]:
        fields["suggestions"] = tuple(s.strip() for s in bare[0].split("|") if s.strip())
    if len(bare) == 2 and bare[1]:
        fields["message"] = bare[1]
    if term in fields.get("suggestions", ()):
        raise ValueError(f"建议与词条相同：{term!r}")
    entry = Entry(term=term, path=path, line=lineno, **fields)
    if entry.category == ALLOW:
        lex.allow.append(entry)
        return
    lex.entries.append(entry)
    info = lex.rules.setdefault(entry.rule, RuleInfo(entry.rule, entry.category, entry.severity))
    info.count += 1
    info.enabled = info.enabled and entry.enabled
    info.fixable = info.fixable or entry.fixable


def read_bytes(path: str | os.PathLike) -> bytes:
    """A dictionary file's bytes; DictionaryError naming the file when it cannot be read."""
    p = Path(path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DictionaryError([f"{p}: 无法读取词典文件：{exc.strerror or exc}"]) from exc


def parse_bytes(data: bytes, path: str | os.PathLike, defaults: dict | None = None) -> Lexicon:
    """Decode (UTF-8, BOM allowed) and parse; DictionaryError lists every broken line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DictionaryError([f"{path}: 词典文件必须是 UTF-8 编码（第 {exc.start} 字节处无法解码）"]) from exc
    lex, problems = parse_lines(text.splitlines(), str(path), defaults)
    if problems:
        raise DictionaryError(problems)
    return lex


def read_dictionary(path: str | os.PathLike, defaults: dict | None = None) -> Lexicon:
    """Read one dictionary file; raises DictionaryError naming every broken line."""
    return parse_bytes(read_bytes(path), Path(path), defaults)


def words_to_entries(words: Iterable[str], **fields) -> list[Entry]:
    """Entries for words passed directly (``deny=``/``allow=``); blank words are skipped."""
    base = Entry(term="", **fields)
    return [base._replace(term=w.strip()) for w in words if w and w.strip()]


def builtin_dictionary_dir() -> Path:
    """Where the shipped dictionaries live: inside the wheel, or the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "dictionaries", here.parent / "dictionaries"):
        if candidate.is_dir():
            return candidate
    raise DictionaryError([f"{here}: 找不到内置词典目录 dictionaries/（安装不完整？）"])


def builtin_dictionary_files() -> list[Path]:
    root = builtin_dictionary_dir()
    return sorted(p for p in root.rglob("*.txt") if p.is_file())
