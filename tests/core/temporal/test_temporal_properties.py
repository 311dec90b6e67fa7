"""Whatever the input, the tagger returns sorted, non-overlapping spans that quote the text exactly."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.temporal import tag

NEWSY = st.sampled_from(
    [
        "on Thursday", "May", "may", "Sept. 30, 1989", "the previous day", "two weeks ago", "1990s", "mid-",
        "10:35 a.m.", "noon", "last year", "the 80th", "6,000", "2,000 troops", "every", "week", "  ", "\n", ",",
        "early", "the end of", "third-quarter", "a year earlier", "nineteen ninety", "'80s", "Christmas", "-", ".",
        "five o'clock", "10 p.m. Nov. 31", "Q3 2025", "31.02.2025", "2400 GMT", "that quarter", "the day before.",
        "Feb. 30", "0th century", "Easter", "the 2000s", "twenty-first century", "midnight", "at 12 a.m.",
        "Martin Luther King Jr Day", "Martin Luther King, Jr. Day", "St Patrick's Day", "Labor Day weekend", "2019-21",
        "Q3", "H2", "year-end", "the same period last year", "3 hours ago", "weeks later", "the year", "Dec. 28 to",
        "Jan. 3, 2026", "10am BST on Friday 12 September", "Pacific time", "the second half of the year", "1999/00",
        "from March to", "May 2024", "Last year,", "in late September", "the Audi", "Election Day", "Good Friday",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=12), NEWSY), max_size=30).map(" ".join)


def _check(text: str, reference: date | None) -> None:
    found = tag(text, reference)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        previous_end = t.end


@settings(max_examples=300, deadline=None)
@given(TEXT, st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))))
def test_spans_lie_in_the_text_and_never_overlap(text: str, reference: date | None) -> None:
    _check(text, reference)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_any_unicode_is_accepted(text: str, reference: date | None) -> None:
    _check(text, reference)


def test_extreme_reference_dates_do_not_raise() -> None:
    text = (
        "Last year, on Monday, two weeks ago, the following week, next year, in January, this winter, Christmas. "
        "The same period last year, 30 hours later, Q1, Labor Day weekend, year-end, Dec. 28 to Jan. 3, the year."
    )
    for reference in (date(1, 1, 1), date(9999, 12, 31), date(1, 1, 3), date(9999, 12, 28)):
        _check(text, reference)
