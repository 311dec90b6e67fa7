"""Bytes to text without ever failing: BOM, UTF-8, then charset detection, then lossy UTF-8."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_PREFERRED = "cp1252"


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Line endings are normalised to \\n."""
    text, encoding = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = from_bytes(data)
    best = results.best()
    if best is not None and best.encoding:
        encoding = best.encoding
        # Short Western texts fit several code pages equally well; Windows-1252 is by far the most common.
        equally_good = [m for m in results if m.chaos <= best.chaos]
        if any(_PREFERRED in m.could_be_from_charset for m in equally_good):
            encoding = _PREFERRED
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
