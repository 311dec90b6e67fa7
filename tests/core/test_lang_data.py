"""The language data files: each loads, says what it is for, holds each entry once, and is read once."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from timeline_app.core import lang
from timeline_app.core.lang import alternation, fragments, table, word_list

EN = Path(str(resources.files(lang).joinpath("en")))
LISTS = sorted(p.stem for p in EN.glob("*.txt"))
TABLES = sorted(p.stem for p in EN.glob("*.tsv"))
# Tables in which one key has several rows (an office held by several people in turn).
REPEATED_KEYS = {"office_holders", "historical_years"}
# Tables whose last column may repeat (a country with two adjectives).
OPEN_ENDED = {"countries"}
# Lists of regular-expression fragments, read with fragments(): entries are patterns, not words.
FRAGMENT_LISTS = {name for name in LISTS if "regular-expression fragments" in (EN / f"{name}.txt").read_text()}
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(lang.__file__).parents[1].rglob("*.py"))


def test_there_are_lists_and_tables() -> None:
    assert len(LISTS) > 10 and len(TABLES) > 5


@pytest.mark.parametrize("name", [*LISTS, *TABLES])
def test_each_file_opens_with_a_comment_saying_what_it_is_for(name: str) -> None:
    path = EN / f"{name}.txt" if name in LISTS else EN / f"{name}.tsv"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, path.name


@pytest.mark.parametrize("name", [*LISTS, *TABLES])
def test_each_file_is_named_by_the_code(name: str) -> None:
    assert f'"{name}"' in SOURCE or f"'{name}'" in SOURCE, f"{name}: no module reads it"


@pytest.mark.parametrize("name", LISTS)
def test_list_entries_are_trimmed_and_unique(name: str) -> None:
    entries = word_list(name)
    assert entries, name
    for entry in entries:
        assert entry == entry.strip() and "  " not in entry and "\t" not in entry, (name, entry)
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, (name, duplicates)


@pytest.mark.parametrize("name", TABLES)
def test_table_cells_are_trimmed_and_rows_unique(name: str) -> None:
    rows = table(name)
    assert rows, name
    widths = {len(row) for row in rows}
    for row in rows:
        for cell in row:
            assert cell and cell == cell.strip() and "  " not in cell, (name, row)
    assert len(set(rows)) == len(rows), name
    if name not in REPEATED_KEYS:
        keys = [row[0] for row in rows]
        assert len(set(keys)) == len(keys), (name, sorted({k for k in keys if keys.count(k) > 1}))
        assert len(widths) == 1 or name in OPEN_ENDED, (name, widths)


@pytest.mark.parametrize("name", sorted(FRAGMENT_LISTS))
def test_fragment_lists_compile(name: str) -> None:
    re.compile(fragments(name))


def test_every_loader_reads_a_file_once() -> None:
    for loader, name in ((word_list, "months"), (table, "months"), (alternation, "stopwords")):
        if loader is word_list:
            first, again = word_list(name, suffix=".tsv"), word_list(name, suffix=".tsv")
        else:
            first, again = loader(name), loader(name)  # type: ignore[operator]
        assert first is again
    for loader in (word_list, table, alternation, fragments):
        before = loader.cache_info().hits  # type: ignore[attr-defined]
        name = "months" if loader is table else "stopwords"
        loader(name)  # type: ignore[operator]
        loader(name)  # type: ignore[operator]
        assert loader.cache_info().hits >= before + 1, loader  # type: ignore[attr-defined]


def test_alternation_keeps_its_longest_first_order_and_can_keep_the_files() -> None:
    assert alternation("vague_counts").split("|")[0] == r"a\s+number\s+of"
    assert alternation("vague_counts", longest_first=False).split("|")[0] == "several"
