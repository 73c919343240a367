"""ContentMemo (portal/pagecache/memo.py): one token's values, the last used kept, off by setting."""

from portal.pagecache.memo import ContentMemo, clear_all


def counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_a_value_is_computed_once_per_token():
    memo = ContentMemo(maxsize=10)
    calls, compute = counting()
    assert memo.get("t1", "k", compute) == 1
    assert memo.get("t1", "k", compute) == 1
    assert len(calls) == 1


def test_a_new_token_forgets_every_value_of_the_old_one():
    memo = ContentMemo(maxsize=10)
    calls, compute = counting()
    memo.get("t1", "k", compute)
    memo.store("t1", "other", "x")
    assert memo.get("t2", "k", compute) == 2
    assert memo.lookup("t2", ["k", "other"]) == {"k": 2}
    # A request that read the old token before the change finds nothing either.
    assert memo.lookup("t1", ["k", "other"]) == {}


def test_the_values_used_last_are_kept():
    memo = ContentMemo(maxsize=2)
    memo.store("t", "a", 1)
    memo.store("t", "b", 2)
    memo.lookup("t", ["a"])  # a is used again: b is now the oldest
    memo.store("t", "c", 3)
    assert memo.lookup("t", ["a", "b", "c"]) == {"a": 1, "c": 3}


def test_a_cleared_memo_computes_again():
    memo = ContentMemo(maxsize=10)
    calls, compute = counting()
    memo.get("t", "k", compute)
    clear_all()
    memo.get("t", "k", compute)
    assert len(calls) == 2


def test_off_by_setting_computes_every_time(settings):
    settings.PORTAL_CONTENT_MEMO = False
    memo = ContentMemo(maxsize=10)
    calls, compute = counting()
    memo.get("t", "k", compute)
    memo.get("t", "k", compute)
    assert len(calls) == 2
    assert memo.lookup("t", ["k"]) == {}
