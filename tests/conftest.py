import pytest

import proofread


def check_rule_ids() -> list[str]:
    """Rule ids of the rule-check modules (proofread/checks), for tests about dictionaries only."""
    from proofread.checks import load_check_modules

    return [r.id for m in load_check_modules() for r in m.RULES]


@pytest.fixture
def bare():
    """A Proofreader with no built-in dictionaries, no statistical corrector and no rule
    checks (unless the test passes its own ``ignore``): dictionary contract tests."""

    def make(**kw):
        kw.setdefault("builtin", False)
        kw.setdefault("spelling", False)
        kw.setdefault("ignore", check_rule_ids())
        return proofread.Proofreader(**kw)

    return make


def pytest_configure(config):
    # Keep the compiled-dictionary cache of the test run away from the user's own cache.
    import os
    import tempfile

    os.environ["PROOFREAD_CACHE_DIR"] = tempfile.mkdtemp(prefix="proofread-test-cache-")
