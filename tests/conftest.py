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


def pytest_configure(config):
    # Keep the compiled-dictionary cache of the test run away from the user's own cache.
    import os
    import tempfile

    os.environ["PROOFREAD_CACHE_DIR"] = tempfile.mkdtemp(prefix="proofread-test-cache-")
