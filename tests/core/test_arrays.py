"""`distinct` gives what `np.unique` gives, without importing numpy.ma."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from timeline_app.core.arrays import distinct, first_rows_equal


@given(hnp.arrays(np.float64, st.integers(0, 40), elements=st.sampled_from([0.0, -1.5, 2.0, np.nan, np.inf, -np.inf])))
def test_floats_match_np_unique_nans_included(values: np.ndarray) -> None:
    np.testing.assert_array_equal(distinct(values), np.unique(values))


@given(hnp.arrays(np.int32, st.integers(0, 40), elements=st.integers(-3, 3)))
def test_integers_match_np_unique(values: np.ndarray) -> None:
    got = distinct(values)
    assert got.dtype == np.int32
    np.testing.assert_array_equal(got, np.unique(values))


def test_examples() -> None:
    assert distinct(np.array([3, 1, 2, 1, 3])).tolist() == [1, 2, 3]
    assert distinct(np.array([])).tolist() == []
    assert np.isnan(distinct(np.array([np.nan, np.nan]))).tolist() == [True]


def test_does_not_import_numpy_ma() -> None:
    code = (
        "import sys, numpy; from timeline_app.core.arrays import distinct;"
        "distinct(numpy.array([2.0, 1.0, 2.0]));"
        "print('numpy.ma' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@given(
    hnp.arrays(np.int32, st.integers(0, 300), elements=st.integers(-1, 3)),
    st.integers(-1, 3),
    st.integers(0, 50),
    st.integers(1, 40),
)
def test_first_rows_equal_is_the_head_of_flatnonzero(values: np.ndarray, value: int, limit: int, chunk: int) -> None:
    got = first_rows_equal(values, value, limit, chunk=chunk)
    np.testing.assert_array_equal(got, np.flatnonzero(values == value)[:limit])
