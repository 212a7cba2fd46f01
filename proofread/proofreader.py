"""The Proofreader: dictionaries + rule checks + the spelling corrector behind one call."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from . import checks as checks_pkg
from .config import Config, from_mapping, load_config
from .errors import ProofreadError
from .finding import Finding
from .lexicon import Entry, RuleInfo, builtin_dictionary_files, merge_rules
from .matcher import Match, TermMatcher
from .rules import Rule, RuleFilter
from .term_index import build_term_index
from .text import NormalView, normalise

CUSTOM_DENY = Rule(
    "custom.deny", "sensitive", "error", "用户自定义禁用词",
    "通过 deny= 参数、--dict 或 user_dicts 加载的每行一词的禁用词表中的词。\n"
    "匹配时忽略大小写、全半角、繁简体，跳过词内的空格、零宽字符和 ASCII 符号（见 docs/matching.md）。",
)
DEFAULT_MESSAGES = {
    "sensitive": "含有敏感词，发布前请核实",
    "phrasing": "表述不规范",
    "typo": "疑似错别字",
    "ad": "广告极限用语，请核实",
    "variant": "不规范字",
}


def _resolve_config(config: Config | str | os.PathLike | dict | None) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return from_mapping(config)
    return load_config(config)


class Proofreader:
    """A configured proofreader. Build once, then call ``check`` from any thread.

    ``deny``/``allow`` take words directly; ``user_dicts`` takes dictionary file paths.
    ``select``/``ignore`` take category names, rule ids or rule-id prefixes.
    Explicit arguments override the same settings in ``config``.
    """

    def __init__(
        self,
        *,
        deny: Iterable[str] = (),
        allow: Iterable[str] = (),
        user_dicts: Iterable[str | os.PathLike] = (),
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        config: Config | str | os.PathLike | dict | None = None,
        builtin: bool | None = None,
        spelling: bool | None = None,
    ):
        cfg = _resolve_config(config)
        self.config = cfg
        use_builtin = cfg.builtin if builtin is None else builtin
        self._use_spelling = cfg.spelling if spelling is None else spelling
        self._spelling_threshold = cfg.spelling_threshold
        self.filter = RuleFilter(
            select=list(select) if select is not None else cfg.select,
            ignore=[*cfg.ignore, *(ignore or ())],
        )
        # Two layers. The user's words and dictionaries are matched on their own, so that
        # shipped entries never hide or swallow them: leftmost-longest is decided within
        # each layer, and the shipped allow list only covers shipped entries.
        builtin_files = builtin_dictionary_files() if use_builtin else []
        user_files = [*cfg.user_dicts, *user_dicts]
        deny, allow = list(deny), list(allow)
        self._builtin = build_term_index(builtin_files, [], [], [], self.filter)
        has_user = user_files or cfg.allow or deny or allow
        self._user = build_term_index(user_files, cfg.allow, deny, allow, self.filter) if has_user else None
        self._rules = dict(self._builtin.rules)
        if self._user is not None:
            merge_rules(self._rules, self._user.rules)
        self._check_modules = self._load_checks()
        self._spelling = None
        self._spelling_lock = threading.Lock()

    # -- set-up ---------------------------------------------------------------------------

    def rule_enabled(self, rule: Rule) -> bool:
        return self.filter.enabled(rule.id, rule.category, rule.default_enabled)

    def _load_checks(self) -> list[Any]:
        mods = []
        for mod in checks_pkg.load_check_modules():
            if any(self.rule_enabled(r) for r in mod.RULES):
                mods.append(mod)
        return mods

    def _spelling_corrector(self):
        if not self._use_spelling:
            return None
        if self._spelling is None:
            with self._spelling_lock:
                if self._spelling is None:
                    try:
                        spelling = importlib.import_module("proofread.spelling")
                    except ImportError as exc:
                        raise ProofreadError(
                            f"统计纠错无法加载（{exc}）：请重新安装 proofread（依赖 numpy），"
                            "或用 spelling=False / 配置 spelling = false 关闭统计纠错"
                        ) from exc
                    if not any(self.rule_enabled(r) for r in spelling.RULES):
                        self._use_spelling = False
                        return None
                    self._spelling = spelling.SpellingCorrector.default()
        return self._spelling

    # -- checking -------------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        """All findings in ``text``, sorted by position; offsets index ``text`` itself."""
        if not isinstance(text, str):
            raise TypeError(f"check() 需要 str，而不是 {type(text).__name__}")
        if not text:
            return []
        view = normalise(text)
        findings = self._dictionary_findings(view)
        for mod in self._check_modules:
            findings.extend(f for f in mod.check(text) if self._finding_on(f))
        corrector = self._spelling_corrector()
        if corrector is not None:
            # Never "correct" what is already reported, nor a correct official name from the
            # shipped allow list (国名, 机构名, 领导人姓名): those are right by definition.
            protected = [(f.start, f.end) for f in findings]
            protected += [(m[0], m[1]) for m in self._builtin.allow.find_all(view)]
            kwargs = {"protected": protected}
            if self._spelling_threshold is not None:
                kwargs["threshold"] = self._spelling_threshold
            findings.extend(f for f in corrector.check(text, **kwargs) if self._finding_on(f))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def check_many(self, texts: Iterable[str]) -> list[list[Finding]]:
        return [self.check(t) for t in texts]

    def correct(self, text: str) -> str:
        """``text`` with every safe-to-apply suggestion applied (non-overlapping, left first)."""
        return apply_fixes(text, self.check(text))

    @property
    def dictionary_rules(self) -> dict[str, RuleInfo]:
        """Rule docs and entry counts from the loaded dictionaries."""
        return self._rules

    def rules(self) -> list[Rule]:
        """Every rule this proofreader knows, enabled or not, sorted by id."""
        out: dict[str, Rule] = {CUSTOM_DENY.id: CUSTOM_DENY}
        for info in self._rules.values():
            out[info.id] = Rule(info.id, info.category, info.severity, info.title or info.id,
                                info.doc, info.enabled, info.fixable)
        for mod in checks_pkg.load_check_modules():
            out.update({r.id: r for r in mod.RULES})
        try:
            spelling = importlib.import_module("proofread.spelling")
            out.update({r.id: r for r in getattr(spelling, "RULES", ())})
        except ImportError:
            pass
        return sorted(out.values(), key=lambda r: r.id)

    # -- internals ------------------------------------------------------------------------

    def _finding_on(self, f: Finding) -> bool:
        return self.filter.enabled(f.rule, f.category, True)

    def _dictionary_findings(self, view: NormalView) -> list[Finding]:
        user = self._user
        matches = self._layer_matches(view, self._builtin.deny, (self._builtin.allow, user and user.allow))
        if user is not None:
            mine = self._layer_matches(view, user.deny, (user.allow,))
            if mine:
                # The same span from both layers is reported once, as the user's entry.
                spans = {(m[0], m[1]) for m in mine}
                matches = [m for m in matches if (m[0], m[1]) not in spans] + mine
        out = []
        for start, end, _, _, e in matches:
            out.append(
                Finding(
                    start=start, end=end, text=view.original[start:end], category=e.category, rule=e.rule,
                    severity=e.severity, message=e.message or DEFAULT_MESSAGES.get(e.category, "请核实"),
                    suggestions=e.suggestions, fixable=e.fixable and bool(e.suggestions),
                )
            )
        return out

    @staticmethod
    def _layer_matches(view: NormalView, deny: TermMatcher, allows: tuple) -> list[Match]:
        out = []
        for m in deny.find(view):
            start, end, _, _, e = m
            if not _context_allows(e, view.folded, start, end):
                continue
            if any(a is not None and _covered(view, a, m) for a in allows):
                continue
            out.append(m)
        return out


def _covered(view: NormalView, allow: TermMatcher, m: Match) -> bool:
    """True when an occurrence of an allow word covers the match (allow ⊇ match)."""
    if not len(allow):
        return False
    start, end, key_start, key_end, _ = m
    reach = allow.max_key_len
    lo = max(0, key_start - reach)
    hi = min(len(view.key), key_end + reach)
    return any(a[0] <= start and end <= a[1] for a in allow.find_all(view, lo, hi))


def _context_allows(e: Entry, folded: str, start: int, end: int) -> bool:
    if e.skip_prefix and any(folded.endswith(p, 0, start) for p in e.skip_prefix):
        return False
    if e.skip_suffix and any(folded.startswith(s, end) for s in e.skip_suffix):
        return False
    if e.need_near or e.skip_near:
        around = folded[max(0, start - e.window) : end + e.window]
        if e.need_near and not any(w in around for w in e.need_near):
            return False
        if e.skip_near and any(w in around for w in e.skip_near):
            return False
    return True


def apply_fixes(text: str, findings: Sequence[Finding]) -> str:
    """Apply the first suggestion of each fixable finding; overlapping ones after the first are skipped."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fixable and f.suggestions and f.start >= last_end:
            chosen.append(f)
            last_end = f.end
    parts = []
    pos = 0
    for f in chosen:
        parts.append(text[pos : f.start])
        parts.append(f.suggestions[0])
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


_default: Proofreader | None = None
_default_lock = threading.Lock()


def default_proofreader() -> Proofreader:
    """The shared default Proofreader, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Proofreader()
    return _default


