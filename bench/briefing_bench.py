"""How long the briefing report takes, beside the status query it is built on.

`measure` times, in turn within each round (so all meet the same load): the status
query alone (status.gaps, targets, one period), building the report's model (every
part: statuses now and before, tasks, reporting, projections), wording it with its
two charts (outline), and writing each format; and the province PDF end to end
(model + PDF), as a leader's click costs it. bench/run.py calls it on its synthetic
history (~1.2 M actuals); alone it runs on the demo data:

    python -m bench.briefing_bench [--db FILE] [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nq57 import briefing, policy, status  # noqa: E402
from nq57.briefing import outline, pdf, word, workbook  # noqa: E402
from nq57.db import Store  # noqa: E402

PERIOD = "2026-Q3"
AS_OF = date(2026, 11, 23)


def _interleaved(runs: dict[str, Any], repeat: int) -> dict[str, list[float]]:
    from bench.run import interleaved

    return interleaved(runs, repeat)


def measure(store: Store, repeat: int = 5) -> dict[str, Any]:
    """Median wall times in ms, ratios to the status query, and the report's size."""
    scope = briefing.Scope(PERIOD)
    model = briefing.build(store, scope, actor=policy.SYSTEM, as_of=AS_OF)
    document = outline.outline(model)
    times = _interleaved({
        "status": lambda: status.gaps(store, PERIOD, as_of=AS_OF),
        "model": lambda: briefing.build(store, scope, actor=policy.SYSTEM, as_of=AS_OF),
        "outline": lambda: outline.outline(model),
        "pdf": lambda: pdf.render(document),
        "docx": lambda: word.render(document),
        "xlsx": lambda: workbook.render(document),
        "province_pdf": lambda: briefing.render(
            briefing.build(store, scope, actor=policy.SYSTEM, as_of=AS_OF), "pdf"),
    }, repeat)
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = {name: statistics.median(a / b for a, b in zip(values, times["status"],
                                                           strict=True))
             for name, values in times.items() if name != "status"}
    return {"median_ms": median, "best_ms": {n: min(v) for n, v in times.items()},
            "ratio_to_status": ratio, "targets": len(model.targets), "tasks": len(model.tasks),
            "pdf_bytes": len(pdf.render(document))}


LABELS = {
    "status": "status query alone (status.gaps, 54 targets)",
    "model": "briefing model (every part, projections included)",
    "outline": "briefing in words with its two charts (outline)",
    "pdf": "PDF from the outline",
    "docx": "Word from the outline",
    "xlsx": "Excel from the outline",
    "province_pdf": "province PDF end to end (model + outline + PDF)",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: new demo)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("NQ57_TODAY", AS_OF.isoformat())
    with tempfile.TemporaryDirectory(prefix="nq57-briefing-") as folder:
        if args.db:
            store = Store(args.db)
        else:
            from nq57.bootstrap import prepare

            store = Store(Path(folder) / "demo.duckdb")
            prepare(store, demo_on_create=True)
        figures = measure(store, args.repeat)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for key, label in LABELS.items():
        ratio = figures["ratio_to_status"].get(key)
        print(f"  {label:<52} {figures['median_ms'][key]:>9,.1f} ms"
              + (f"  ({ratio:,.1f}× the status query)" if ratio else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
