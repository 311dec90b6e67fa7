"""Small array helpers that keep NumPy's slower corners off the start-up path."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def distinct[T: np.generic](values: npt.NDArray[T]) -> npt.NDArray[T]:
    """The sorted distinct values of ``values``, as ``np.unique`` gives them.

    ``np.unique`` imports ``numpy.ma`` the first time it runs, about 15 ms that the first frame
    would otherwise wait for. Like ``np.unique``, it keeps one NaN however many there are.
    """
    ordered = np.sort(values.ravel())
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    if ordered.dtype.kind in "fc" and np.isnan(ordered[-1]):
        keep[1:] &= ~np.isnan(ordered[:-1])  # sorted NaNs come last: keep the first
    return ordered[keep]


def first_rows_equal[T: np.generic](
    values: npt.NDArray[T], value: object, limit: int, chunk: int = 65_536
) -> npt.NDArray[np.intp]:
    """The first ``limit`` indices where ``values`` equals ``value``, in order.

    Looked for a chunk at a time: when matches are common the search stops early, instead of
    comparing millions of rows to keep a hundred.
    """
    found: list[npt.NDArray[np.intp]] = []
    wanted = limit
    for at in range(0, len(values), chunk):
        if wanted <= 0:
            break
        hits = np.flatnonzero(values[at : at + chunk] == value)[:wanted] + at
        found.append(hits)
        wanted -= len(hits)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)
