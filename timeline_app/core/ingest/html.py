"""Saved news pages: the article's main text and its title/date metadata, via trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline_app.core.ingest.errors import LoadError


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str
    published: date | None


def extract_article(html: str) -> HtmlArticle:
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # The extensive date search hands odd strings to dateparser, which then tries every language
            # it knows: seconds for one crafted <meta> date. The date formats pages use are found without it.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # the extractor raises many kinds of errors on broken markup
        raise LoadError(f"cannot read HTML page: {exc}") from None
    if result is None:
        raise LoadError("no article text found in the HTML page")
    text = _get(result, "text") or ""
    if not text.strip():
        raise LoadError("no article text found in the HTML page")
    title = (_get(result, "title") or "").strip()
    return HtmlArticle(text=text.strip() + "\n", title=title, published=_parse_date(_get(result, "date")))


def _get(result: object, key: str) -> str | None:
    value = result.get(key) if isinstance(result, dict) else getattr(result, key, None)
    return value if isinstance(value, str) else None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
