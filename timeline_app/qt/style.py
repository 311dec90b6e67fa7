"""Colours, pens, brushes and fonts for the timeline, derived from the system palette.

Built once per palette/font change and handed to the painter, so painting creates no
pens or brushes. Light and dark palettes get different document hues and fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette, QPen

from timeline_app.io.palette import DARK_HUES, LIGHT_HUES
from timeline_app.qt.numbers import format_count

# Sources that disagree on a date: a red none of the document hues is, for an outline and a badge.
WARNING_LIGHT = "#C8102E"
WARNING_DARK = "#FF6F61"

# Per-document hues, shared with exports that carry colour (Timeline files).
_LIGHT_HUES, _DARK_HUES = LIGHT_HUES, DARK_HUES


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def warning_color(palette: QPalette) -> QColor:
    """The colour of what needs a reader's attention (sources that disagree), readable on this palette."""
    return QColor(WARNING_DARK if is_dark(palette) else WARNING_LIGHT)


@dataclass(frozen=True, slots=True)
class DocumentInk:
    """Everything needed to draw one document's events."""

    color: QColor
    fill: QBrush
    pale_fill: QBrush  # the extent of a coarse point (a month, a year)
    hatch: QBrush  # undated-but-bounded span: hatched, never solid
    faded: QBrush
    pen: QPen
    dashed: QPen  # expected point markers (dashing long paths is slow: bars use ``outline``)
    outline: QPen  # thin solid edge of uncertain and expected bars


@dataclass(frozen=True, slots=True)
class TimelineStyle:
    """The palette argument of ``paint_timeline``: colours, pens, brushes and fonts."""

    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    grid_pen: QPen
    major_grid_pen: QPen
    axis_brush: QBrush
    axis_pen: QPen
    highlight: QColor
    highlight_pen: QPen
    highlight_fill: QBrush
    highlight_text: QColor
    density_brush: QBrush
    curated_pen: QPen  # the pencil marking events a person edited or reviewed
    curated_tip_pen: QPen
    compressed_brush: QBrush  # stretches of a broken axis where time runs faster
    break_pen: QPen  # the zigzag where the axis skips a stretch
    chip_brush: QBrush  # behind a date written on a bar
    warning: QColor  # sources disagree on the event's date
    warning_pen: QPen  # the outline around such an event's mark
    badge_brush: QBrush  # behind the number of sources of an event several documents tell
    badge_text: QColor
    badge_font: QFont
    font: QFont
    bold_font: QFont
    small_font: QFont
    italic_font: QFont
    inks: tuple[DocumentInk, ...] = field(default=())

    def ink(self, doc: int) -> DocumentInk:
        return self.inks[doc % len(self.inks)] if doc >= 0 else self.inks[-1]

    def custom_ink(self, name: str) -> DocumentInk | None:
        """The ink for a colour a person gave an event (a name or #rrggbb); None if unreadable."""
        key = (name, self.dark)
        ink = _custom_inks.get(key)
        if ink is None:
            color = QColor(name)
            if not name or not color.isValid():
                return None
            ink = _custom_inks[key] = _ink(color, self.dark)
        return ink

    @staticmethod
    def number(n: int) -> str:
        """A count with the locale's thousands separator."""
        return format_count(n)

    @property
    def line_height(self) -> float:
        return QFontMetricsF(self.font).height()

    @property
    def small_line_height(self) -> float:
        return QFontMetricsF(self.small_font).height()

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont) -> TimelineStyle:
        dark = is_dark(palette)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.62)
        grid = QColor(text)
        grid.setAlphaF(0.08)
        major = QColor(text)
        major.setAlphaF(0.2)
        axis_bg = palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        hl_fill = QColor(highlight)
        hl_fill.setAlphaF(0.22 if dark else 0.16)
        # Opaque on purpose: the raster engine fills translucent thin rectangles ~10x slower.
        density = _mix(text, base, 0.45)
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        italic = QFont(font)
        italic.setItalic(True)
        badge_font = QFont(small)
        badge_font.setBold(True)
        warning = warning_color(palette)
        inks = tuple(_ink(QColor(h), dark) for h in (_DARK_HUES if dark else _LIGHT_HUES))
        return cls(
            dark=dark,
            background=base,
            text=text,
            muted=muted,
            grid_pen=_cosmetic(grid, 1.0),
            major_grid_pen=_cosmetic(major, 1.0),
            axis_brush=QBrush(axis_bg),
            axis_pen=_cosmetic(muted, 1.0),
            highlight=highlight,
            highlight_pen=_cosmetic(highlight, 2.0),
            highlight_fill=QBrush(hl_fill),
            highlight_text=text,
            density_brush=QBrush(density),
            curated_pen=_round(highlight, 3.0),
            curated_tip_pen=_round(text, 1.6),
            compressed_brush=QBrush(_mix(text, base, 0.05)),
            break_pen=_cosmetic(muted, 1.2),
            chip_brush=QBrush(_with_alpha(base, 0.88)),
            warning=warning,
            warning_pen=_cosmetic(warning, 2.0),
            badge_brush=QBrush(_mix(text, base, 0.72)),
            badge_text=QColor(base),
            badge_font=badge_font,
            font=font,
            bold_font=bold,
            small_font=small,
            italic_font=italic,
            inks=inks,
        )


_custom_inks: dict[tuple[str, bool], DocumentInk] = {}


def _round(color: QColor, width: float) -> QPen:
    pen = _cosmetic(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _cosmetic(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


def _ink(color: QColor, dark: bool) -> DocumentInk:
    pale = QColor(color)
    pale.setAlphaF(0.18 if dark else 0.14)
    faded = QColor(color)
    faded.setAlphaF(0.16 if dark else 0.10)
    hatch_color = QColor(color)
    hatch_color.setAlphaF(0.75)
    hatch = QBrush(hatch_color, Qt.BrushStyle.BDiagPattern)
    dashed = _cosmetic(color, 1.4, Qt.PenStyle.DashLine)
    return DocumentInk(
        color=color,
        fill=QBrush(color),
        pale_fill=QBrush(pale),
        hatch=hatch,
        faded=QBrush(faded),
        pen=_cosmetic(color, 1.4),
        dashed=dashed,
        outline=_cosmetic(hatch_color, 1.0),
    )


def _with_alpha(color: QColor, alpha: float) -> QColor:
    out = QColor(color)
    out.setAlphaF(alpha)
    return out


def _mix(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """``top`` at ``alpha`` over an opaque ``bottom``, as one opaque colour."""
    return QColor.fromRgbF(
        top.redF() * alpha + bottom.redF() * (1 - alpha),
        top.greenF() * alpha + bottom.greenF() * (1 - alpha),
        top.blueF() * alpha + bottom.blueF() * (1 - alpha),
    )
