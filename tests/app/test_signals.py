"""The session's change notices: each object its own listeners, told in order."""

from __future__ import annotations

import pytest

from timeline_app.app.signals import Signal


class Thing:
    changed = Signal(str)


def test_listeners_are_per_object_and_told_in_order() -> None:
    a, b = Thing(), Thing()
    heard: list[str] = []
    a.changed.connect(lambda v: heard.append(f"first {v}"))
    a.changed.connect(lambda v: heard.append(f"second {v}"))
    b.changed.connect(lambda v: heard.append(f"other {v}"))
    a.changed.emit("x")
    assert heard == ["first x", "second x"]
    assert len(b.changed) == 1


def test_a_listener_may_disconnect_itself_while_told() -> None:
    thing = Thing()
    heard: list[str] = []

    def once(value: str) -> None:
        heard.append(value)
        thing.changed.disconnect(once)

    thing.changed.connect(once)
    thing.changed.emit("a")
    thing.changed.emit("b")
    assert heard == ["a"]
    with pytest.raises(ValueError):
        thing.changed.disconnect(once)


def test_the_class_attribute_is_the_declaration() -> None:
    assert isinstance(Thing.changed, Signal) and Thing.changed.types == (str,)
