"""The deny and allow matchers of a Proofreader, built from dictionaries and cached.

Building matchers for tens of thousands of entries (normalise, rank duplicates, group by
key) costs most of start-up. The finished inputs of both automatons, with the entries they
report, are stored as one ``marshal`` blob named by a hash of every input: the digests of
all dictionary files, the words passed directly, the rule selection and the versions.
The automatons themselves are rebuilt from the stored keys (ahocorasick-rs objects cannot
be serialised; building from ready keys is fast).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass

from .compiled import FORMAT, compile_files, digest_files, read_blob, write_blob
from .finding import CATEGORIES, SEVERITY_RANK
from .lexicon import ALLOW, Entry, RuleInfo, merge_rules, words_to_entries
from .matcher import TermMatcher
from .rules import RuleFilter

_CATEGORY_ORDER = {c: i for i, c in enumerate(CATEGORIES)}
INDEX_FORMAT = 4  # bump whenever the stored layout changes


def entry_rank(entry: Entry) -> tuple:
    """Among entries that normalise to the same key, the most severe wins, then the category
    order, the rule id and the term: deterministic whatever order the files were read in."""
    return (-SEVERITY_RANK[entry.severity], _CATEGORY_ORDER.get(entry.category, 99), entry.rule, entry.term)


@dataclass(slots=True)
class TermIndex:
    deny: TermMatcher[Entry]
    allow: TermMatcher[Entry]
    rules: dict[str, RuleInfo]


class _RuleSwitch:
    """Whether a dictionary entry's rule is on, memoised per (rule, category, enabled)."""

    def __init__(self, rule_filter: RuleFilter, rules: dict[str, RuleInfo]):
        self._filter = rule_filter
        self._defaults = {rid: info.enabled for rid, info in rules.items()}
        self._memo: dict[tuple[str, str, bool], bool] = {}

    def __call__(self, e: Entry) -> bool:
        key = (e.rule, e.category, e.enabled)
        on = self._memo.get(key)
        if on is None:
            on = self._memo[key] = self._filter.enabled(e.rule, e.category, self._defaults.get(e.rule, e.enabled))
        return on


def build_term_index(
    files: Sequence, allow_files: Sequence, deny: Sequence[str], allow: Sequence[str], rule_filter: RuleFilter
) -> TermIndex:
    """Matchers for these inputs, from the cache when every input is unchanged."""
    allow_defaults = {"category": ALLOW}
    h = hashlib.sha256(repr((FORMAT, INDEX_FORMAT)).encode())
    for part in (
        digest_files(files),
        digest_files(allow_files, allow_defaults),
        list(deny),
        list(allow),
        rule_filter.select,
        rule_filter.ignore,
    ):
        h.update(repr(part).encode())
        h.update(b"\0")
    name = f"index-{h.hexdigest()}.marshal"
    cached = _from_raw(read_blob(name))
    if cached is not None:
        return cached
    index = _build(files, allow_files, deny, allow, rule_filter)
    write_blob(name, _to_raw(index))
    return index


def _build(files, allow_files, deny, allow, rule_filter: RuleFilter) -> TermIndex:
    compiled = compile_files(files)
    extra = compile_files(allow_files, defaults={"category": ALLOW})
    deny_words = words_to_entries(
        deny, category="sensitive", severity="error", rule="custom.deny", message="自定义禁用词"
    )
    allow_words = words_to_entries(allow, category=ALLOW)
    rules = compiled.rules
    merge_rules(rules, extra.rules)
    on: Callable[[Entry], bool] = _RuleSwitch(rule_filter, rules)
    deny_matcher = TermMatcher(
        ((e.term, e) for e in [*extra.entries, *deny_words] if on(e)),
        rank=entry_rank,
        prepared=((k, r, e) for (k, r), e in zip(compiled.entry_keys, compiled.entries) if on(e)),
    )
    allow_matcher = TermMatcher(
        ((e.term, e) for e in [*extra.allow, *allow_words]),
        prepared=((k, r, e) for (k, r), e in zip(compiled.allow_keys, compiled.allow)),
    )
    return TermIndex(deny_matcher, allow_matcher, rules)


class _Interner(dict):
    """Makes equal values one object, so marshal writes each once and back-references it."""

    def __call__(self, value):
        return self.setdefault(value, value)


def _slim(e: Entry, same: _Interner) -> tuple:
    # Sources and example sentences are for reviewers and tests, not for matching.
    # path:line still says where an entry lives. Generated files repeat the same message
    # parts and context tuples on every line; interning them shrinks the blob several-fold.
    return tuple(same(x) for x in e._replace(source="", examples=(), counter_examples=()))


def _to_raw(index: TermIndex):
    out: list = [INDEX_FORMAT]
    same = _Interner()
    for matcher in (index.deny, index.allow):
        keys, rows, values = matcher.export_state()
        rows = [[(same(runs), latin, vi) for runs, latin, vi in row] for row in rows]
        out.append((keys, rows, [_slim(v, same) for v in values]))
    out.append([astuple(r) for r in index.rules.values()])
    return tuple(out)


class LazyEntries(Sequence[Entry]):
    """Entries rebuilt from cached rows on first use: a run touches few of them."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[tuple]):
        self._rows = rows
        self._made: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):  # type: ignore[override]
        e = self._made.get(i)
        if e is None:
            e = self._made[i] = Entry._make(self._rows[i])
        return e


def _from_raw(raw) -> TermIndex | None:
    if raw is None:
        return None
    try:
        fmt, deny, allow, rules = raw
        if fmt != INDEX_FORMAT:
            return None
        matchers = [
            TermMatcher.from_state(keys, rows, LazyEntries(values)) for keys, rows, values in (deny, allow)
        ]
        return TermIndex(matchers[0], matchers[1], {r[0]: RuleInfo(*r) for r in rules})
    except (ValueError, TypeError, IndexError):
        return None
