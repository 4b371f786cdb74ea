"""How long importing a large report takes, beside the bare time to read the same file.

A unit reports a few dozen items, so a 5,000-row valid report needs a catalogue that
large: `bench_store` builds a database whose catalogue has that many synthetic
targets (led by one unit, with every kind of measure), and `large_workbook` fills the
real template for them the way a person would. `measure` imports the file end to end
(safety checks, reading, validation, preview, one transaction) and reads it bare
with openpyxl (read-only, every row), and reports both and their ratio, with the
time to refuse a zip bomb and a sheet past the row limit.

    python -m bench.import_bench [--rows 5000] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl

from nq57 import catalogue, imports, policy
from nq57.bootstrap import prepare
from nq57.db import Store
from nq57.excel import safety, values
from nq57.excel import template as template_book

UNIT = "SKHCN"
PERIOD = "2026-Q2"
# (unit of measure, comparator, kind, threshold): one of each way a value is read.
SYNTHETIC_KINDS = (
    ("%", ">=", "level", "80"),
    ("doanh nghiệp", ">=", "cumulative", "1200"),
    ("điểm", ">", "level", "0.8"),
    ("% hoàn thành", "qualitative", "level", ""),
)


def synthetic_catalogue(target_dir: Path, rows: int) -> Path:
    """A copy of data/*.csv with `rows` synthetic targets (group 1.5, led by UNIT)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for file_name, _ in catalogue.FILES:
        shutil.copy(catalogue.DATA_DIR / file_name, target_dir / file_name)
    path = target_dir / "targets_2026.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        existing = list(reader)
    start = 1 + max(int(r["item_no"]) for r in existing if r["group_code"] == "1.5")
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        for n in range(rows):
            uom, comparator, kind, threshold = SYNTHETIC_KINDS[n % len(SYNTHETIC_KINDS)]
            item_no = start + n
            writer.writerow({
                "code": f"1.5.{item_no}", "year": "2026", "group_code": "1.5",
                "item_no": str(item_no), "name": f"Chỉ tiêu thử tải số {n + 1}",
                "unit_of_measure": uom, "comparator": comparator, "threshold_low": threshold,
                "threshold_high": "", "kind": kind, "lead_unit": UNIT, "coord_units": "",
                "lead_assumed": "false", "lead_basis": "thử tải", "source_doc": "thử tải",
                "source_text": "thử tải", "note": "",
            })
    return target_dir


@contextmanager
def _catalogue_from(data_dir: Path) -> Iterator[None]:
    original = catalogue.DATA_DIR
    catalogue.DATA_DIR = data_dir
    try:
        yield
    finally:
        catalogue.DATA_DIR = original


def bench_store(path: Path, rows: int) -> Store:
    """A database whose catalogue holds `rows` extra targets reported by UNIT. (Opening
    it through the normal doors reloads the real catalogue: use it through the core.)"""
    data_dir = synthetic_catalogue(path.parent / f"{path.stem}-data", rows)
    store = Store(path)
    with _catalogue_from(data_dir):
        prepare(store)
    return store


def fill(template: bytes, value_for: Callable[[int, str], object]) -> bytes:
    """The template with each value cell set to value_for(index, measure)."""
    book = openpyxl.load_workbook(io.BytesIO(template))
    ws = book[template_book.labels.EXCEL_SHEET_ENTRY]
    column = openpyxl.utils.column_index_from_string(template_book.COLUMN_OF["value"])
    measures = {fmt: measure for measure, fmt in template_book.VALUE_FORMATS.items()}
    for index, row in enumerate(range(template_book.HEADER_ROW + 1, ws.max_row + 1)):
        cell = ws.cell(row=row, column=column)
        cell.value = value_for(index, measures[cell.number_format])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def typical_value(index: int, measure: str) -> object:
    """What a person types: fractions in percent cells, '75%' in completion cells."""
    return {
        values.PERCENT: 0.5 + (index % 40) / 100,
        values.COUNT: 100 + index,
        values.DECIMAL: round(0.3 + (index % 7) / 10, 2),  # a DTI score stays within 0–1
        values.COMPLETION: f"{25 * (index % 5)}%",
    }[measure]


def large_workbook(store: Store, rows: int | None = None) -> bytes:
    """The filled template of UNIT for PERIOD (every item of the bench catalogue)."""
    data, count = imports.template(store, UNIT, PERIOD)
    if rows is not None and count < rows:
        raise ValueError(f"the bench catalogue has {count} items, fewer than {rows}")
    return fill(data, typical_value)


def bare_read(data: bytes) -> int:
    """Read every row of the entry sheet with openpyxl, and nothing else."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    return count


def measure(rows: int = 5000, repeat: int = 3) -> dict[str, float | int]:
    """Best-of-`repeat` seconds for a full import and for a bare read of one file."""
    with tempfile.TemporaryDirectory(prefix="nq57-bench-") as tmp:
        base = bench_store(Path(tmp) / "base.duckdb", rows)
        data = large_workbook(base, rows)
        read_times, import_times = [], []
        stored = 0
        for attempt in range(repeat):
            started = time.perf_counter()
            bare_read(data)
            read_times.append(time.perf_counter() - started)
            copy = Path(tmp) / f"run-{attempt}.duckdb"
            shutil.copy(base.path, copy)
            store = Store(copy)
            started = time.perf_counter()
            inspection, result = imports.import_file(store, data, "bench.xlsx", actor=policy.SYSTEM)
            import_times.append(time.perf_counter() - started)
            if not inspection.accepted or result is None:
                raise RuntimeError(f"bench file refused: {inspection.problems[:3]}")
            stored = result.stored
        refused = refusals(base)
    best_read, best_import = min(read_times), min(import_times)
    return {
        "rows": stored,
        "file_bytes": len(data),
        "bare_read_s": round(best_read, 3),
        "import_s": round(best_import, 3),
        "ratio": round(best_import / best_read, 2),
        **refused,
    }


def zip_bomb(data: bytes, unpacked_mb: int = 200) -> bytes:
    """A copy of a workbook with a part that unpacks to `unpacked_mb` MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with target.open("xl/media/image1.png", "w") as bomb:
            for _ in range(unpacked_mb):
                bomb.write(bytes(1024 * 1024))
    return out.getvalue()


def too_many_rows(rows: int = safety.MAX_ROWS + 1) -> bytes:
    """A self-made sheet one row past the row limit."""
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Số liệu")
    ws.append(["Mã chỉ tiêu", "Giá trị thực hiện"])
    for _ in range(rows):
        ws.append(["1.1.1", 60])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def refusals(store: Store) -> dict[str, float]:
    """Seconds to refuse a 200 MB zip bomb and a sheet past the row limit."""
    cases = {"zip_bomb_s": zip_bomb(large_workbook(store)),
             "too_many_rows_s": too_many_rows()}
    figures = {}
    for name, data in cases.items():
        started = time.perf_counter()
        inspection = imports.inspect(store, data, f"{name}.xlsx", unit=UNIT, period=PERIOD)
        figures[name] = round(time.perf_counter() - started, 3)
        if inspection.accepted:
            raise RuntimeError(f"{name} was not refused")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = measure(args.rows, args.repeat)
    if args.json:
        sys.stdout.write(json.dumps(figures) + "\n")
    else:
        sys.stdout.write(
            f"Excel import, {figures['rows']} rows ({figures['file_bytes'] / 1e6:.1f} MB): "
            f"import {figures['import_s']:.2f} s, bare openpyxl read "
            f"{figures['bare_read_s']:.2f} s, ratio {figures['ratio']:.2f} (target ≤ 2)\n"
            f"Refused: a 200 MB zip bomb in {figures['zip_bomb_s']:.2f} s, a sheet past the "
            f"row limit in {figures['too_many_rows_s']:.2f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
