"""The extraction's data classes (core/model.py)."""

import pickle

from gik_tui.core.cache import _loads
from gik_tui.core.extract import extract_path
from gik_tui.core.model import Deferred, Split


def test_a_deferred_value_is_made_once_on_first_reading_and_only_then():
    made = []

    def make(x):
        made.append(x)
        return x * 10

    d = Deferred()
    d.defer("a", make, 1)
    d.defer("b", make, 2)
    d.defer("a", make, 3)  # a key deferred twice keeps the first
    assert len(d) == 2 and "a" in d and "c" not in d and list(d) == ["a", "b"] and made == []
    assert d["b"] == 20 and d["b"] == 20 and made == [2]
    assert d.get("c") is None and made == [2]
    assert list(d) == ["a", "b"]  # the order deferred, whichever was made first
    assert dict(d) == {"a": 10, "b": 20} and made == [2, 1]
    assert d == {"a": 10, "b": 20}


def test_a_deferred_mapping_pickles_as_the_plain_dict_of_its_values():
    d = Deferred()
    d.defer(("requests", ("x",)), lambda: "made")
    back = pickle.loads(pickle.dumps(d))
    assert type(back) is dict and back == {("requests", ("x",)): "made"}


def test_an_extractions_splits_are_made_when_read_and_cached_whole(tmp_path):
    ex = extract_path("sample_reports/2019_lusong.txt")
    assert isinstance(ex.splits, Deferred) and len(ex.splits) == 24
    assert not any(type(v).__name__ != "_Pending" for v in ex.splits._items.values())  # extract (the JSON) reads none
    key = next(iter(ex.splits))
    split = ex.splits[key]
    assert isinstance(split, Split) and sum(isinstance(v, Split) for v in ex.splits._items.values()) == 1
    # the 行政事业性收费 row: its one figure 1 is the last year's count or the change; the report
    # writes its rises with a sign (增9), so a bare 1 is the count, by evidence (enter takes it)
    assert key == ("active", ("第二十条第（八）项", "行政事业性收费"))
    assert split.choices == (((1, None), 0.898), ((None, 1), 0.102)) and split.total == 2 and split.decided
    back = _loads(pickle.dumps(ex))  # the cache's own unpickler: a plain dict, every split made
    assert type(back.splits) is dict and back.splits == dict(ex.splits) and back == ex
