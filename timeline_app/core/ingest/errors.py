"""The one error every loader raises: a short reason the user can act on."""

from __future__ import annotations


class LoadError(Exception):
    """A document could not be loaded; the message is one line, without the traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
