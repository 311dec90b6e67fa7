import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for helpers in ("io", "qt"):  # shared sample builders (io_samples, viewer_fixtures)
    sys.path.insert(0, str(TESTS / helpers))
