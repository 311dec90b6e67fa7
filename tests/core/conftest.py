import sys
from pathlib import Path

# Shared sample builders (io_samples).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
