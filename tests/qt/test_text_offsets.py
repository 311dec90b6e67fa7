from hypothesis import given
from hypothesis import strategies as st

from timeline_app.qt.text_offsets import OffsetMap, to_python, to_utf16


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_shifts_later_offsets_by_one() -> None:
    text = "a🙂b"
    assert [to_utf16(text, i) for i in range(4)] == [0, 1, 3, 4]
    assert [to_python(text, u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_plain_bmp_text_is_identity() -> None:
    m = OffsetMap("héllo — 日本")
    assert all(m.to_utf16(i) == i for i in range(10))
    assert m.utf16_length == 10


def test_out_of_range_is_clamped() -> None:
    m = OffsetMap("x🙂")
    assert m.to_utf16(-5) == 0
    assert m.to_utf16(99) == 3
    assert m.to_python(99) == 2


@given(st.text(alphabet=st.sampled_from("ab é🙂𝄞\n"), max_size=40), st.data())
def test_matches_utf16_encoding_and_round_trips(text: str, data: st.DataObject) -> None:
    m = OffsetMap(text)
    assert m.utf16_length == utf16_len(text)
    i = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert m.to_utf16(i) == utf16_len(text[:i])
    assert m.to_python(m.to_utf16(i)) == i
