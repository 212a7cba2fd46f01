import pytest

import proofread


@pytest.fixture
def bare():
    """A Proofreader with no built-in dictionaries and no statistical corrector: contract tests."""

    def make(**kw):
        kw.setdefault("builtin", False)
        kw.setdefault("spelling", False)
        return proofread.Proofreader(**kw)

    return make
