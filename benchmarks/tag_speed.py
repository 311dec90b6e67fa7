"""How fast the temporal tagger runs: all TBAQ documents (TimeBank + AQUAINT) tagged in one process,
then one long text (the article texts joined to 1 MB and to 2 MB) with and without the rules' pre-checks.

Prints import time, tagging time and throughput; the whole-process target is well under 10 s on
a 2-core machine, and the KB/s at 2 MB should be about those at 1 MB (cost linear in length).
Reads ../shared/data relative to the repository and skips when it is absent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PROCESS_START = time.perf_counter()
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TBAQ = REPO.parent / "shared" / "data" / "timeml" / "TBAQ-cleaned"


def main() -> int:
    if not TBAQ.exists():
        print(f"skipped: {TBAQ} not found")
        return 0
    t0 = time.perf_counter()
    from timeline_app.core.ingest.timeml import load_timeml
    from timeline_app.core.temporal import tag

    t1 = time.perf_counter()
    docs = [load_timeml(p) for p in sorted(TBAQ.rglob("*.tml"))]
    t2 = time.perf_counter()
    found = 0
    chars = 0
    for doc in docs:
        found += len(tag(doc.text, doc.reference_date))
        chars += len(doc.text)
    t3 = time.perf_counter()
    print(f"documents            {len(docs)}")
    print(f"characters           {chars}")
    print(f"time expressions     {found}")
    print(f"import tagger        {t1 - t0:.3f} s")
    print(f"parse TimeML         {t2 - t1:.3f} s")
    print(f"tag all documents    {t3 - t2:.3f} s  ({chars / max(t3 - t2, 1e-9) / 1000:.0f}k chars/s)")
    print(f"whole process so far {t3 - PROCESS_START:.3f} s (plus interpreter start-up)")
    _long_texts([doc.text for doc in docs])
    return 0


def _long_texts(texts: list[str]) -> None:
    from extract_speed import joined_texts

    from timeline_app.core.temporal import recognise

    for size in (1_000_000, 2_000_000):
        text = joined_texts(texts, size)
        for prechecks in (True, False):
            start = time.perf_counter()
            found = recognise.candidates(text, prechecks=prechecks)
            elapsed = time.perf_counter() - start
            label = "with pre-checks" if prechecks else "full search    "
            print(
                f"find in {size / 1e6:.0f} MB {label} {elapsed:6.2f} s  ({size / 1000 / elapsed:.0f} KB/s, "
                f"{len(found)} candidates)"
            )
        recognise.selected.cache_clear()
        start = time.perf_counter()
        recognise.tag_text(text, None)
        elapsed = time.perf_counter() - start
        print(f"tag  {size / 1e6:.0f} MB (find + values)  {elapsed:6.2f} s  ({size / 1000 / elapsed:.0f} KB/s)")


if __name__ == "__main__":
    raise SystemExit(main())
