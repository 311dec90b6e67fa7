"""The colours documents are drawn in, shared by the viewer and by exports that carry colour.

Okabe–Ito inspired hues, distinguishable for colour-blind readers; the n-th document of a
timeline takes the n-th hue, wrapping around. Pure data: no toolkit needed to read it.
"""

from __future__ import annotations

LIGHT_HUES: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#56B4E9", "#7B3294", "#505050")
DARK_HUES: tuple[str, ...] = ("#5AB4F0", "#FF8C42", "#3DD6A3", "#F09ACB", "#E6C34A", "#9AD2F5", "#C58BE8", "#C0C0C0")


def document_hue(index: int, dark: bool = False) -> str:
    """The "#RRGGBB" colour of the document at ``index`` in its timeline (printed pictures are light)."""
    hues = DARK_HUES if dark else LIGHT_HUES
    return hues[index % len(hues)] if index >= 0 else hues[-1]
