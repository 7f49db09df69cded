import os


def test_cache_is_warm():
    marker = ".warm-cache-marker"
    warm = os.path.exists(marker)
    open(marker, "w").close()
    assert warm, "the cache was cold on this run"
