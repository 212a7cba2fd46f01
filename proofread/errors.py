"""Exceptions raised for bad input; each names the file (or key) and the problem."""

from __future__ import annotations


class ProofreadError(Exception):
    """Base class for every error proofread raises on purpose."""


class DictionaryError(ProofreadError):
    """One or more broken dictionary lines; ``problems`` lists ``path:line: reason``."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = f"词典有 {len(problems)} 处错误 (dictionary errors):"
        super().__init__("\n".join([head, *problems]))


class ConfigError(ProofreadError):
    """A bad configuration file or key."""


class InputError(ProofreadError):
    """An input file that cannot be read or decoded."""
