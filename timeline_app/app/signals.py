"""Change notices for the application layer: ``connect`` a callback, ``emit`` to call them all.

Deliberately tiny: the session only needs to tell its listeners, in order, on the thread that
changed it. (A full signal library cost a quarter of a bare window's start-up to import.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, overload


class SignalInstance:
    """The listeners of one signal of one object."""

    __slots__ = ("_listeners",)

    def __init__(self) -> None:
        self._listeners: list[Callable[..., Any]] = []

    def connect(self, listener: Callable[..., Any]) -> Callable[..., Any]:
        self._listeners.append(listener)
        return listener

    def disconnect(self, listener: Callable[..., Any]) -> None:
        """Forget ``listener`` (ValueError if it was not connected, as with Qt)."""
        self._listeners.remove(listener)

    def emit(self, *args: Any) -> None:
        # A listener may disconnect itself (or others) while being told: tell the ones there were.
        for listener in list(self._listeners):
            listener(*args)

    def __len__(self) -> int:
        return len(self._listeners)


class Signal:
    """Declared on a class; each instance gets its own listeners on first use."""

    def __init__(self, *types: type) -> None:
        self.types = types  # documentation of what ``emit`` passes
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = f"_signal_{name}"

    @overload
    def __get__(self, instance: None, owner: type) -> Signal: ...
    @overload
    def __get__(self, instance: object, owner: type) -> SignalInstance: ...
    def __get__(self, instance: object | None, owner: type) -> Signal | SignalInstance:
        if instance is None:
            return self
        found: SignalInstance | None = instance.__dict__.get(self._name)
        if found is None:
            found = SignalInstance()
            instance.__dict__[self._name] = found
        return found
