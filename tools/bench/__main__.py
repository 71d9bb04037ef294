"""``python -m tools.bench`` from the repository root: run the benchmark into build/bench.json."""

import sys

from tools.bench.run import main

__all__: list[str] = []

sys.exit(main())
