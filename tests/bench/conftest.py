import sys
from pathlib import Path

# bench/ is a folder of scripts, not a package: its modules import each other by name.
BENCH = str(Path(__file__).resolve().parents[2] / "bench")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)
