"""Real .xlsx files for the tests: the template filled the way people fill it,
self-made sheets, and archives broken in every way the import must refuse."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import openpyxl

from nq57 import imports
from nq57.db import Store
from nq57.excel import template as template_book

ENTRY = template_book.labels.EXCEL_SHEET_ENTRY
FIRST_ROW = template_book.HEADER_ROW + 1
COLUMN = {name: openpyxl.utils.column_index_from_string(letter)
          for name, letter in template_book.COLUMN_OF.items()}


def template(store: Store, unit: str = "SKHCN", period: str = "2026-Q2") -> bytes:
    return imports.template(store, unit, period)[0]


def rows_of(data: bytes) -> dict[str, int]:
    """Item code -> row number in a template's entry sheet."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        ws = book[ENTRY]
        return {row[0]: number for number, row in enumerate(
            ws.iter_rows(min_row=FIRST_ROW, max_col=1, values_only=True), start=FIRST_ROW)
            if row[0]}
    finally:
        book.close()


def fill(data: bytes, values: Mapping[str, object], *,
         notes: Mapping[str, str] | None = None,
         evidence: Mapping[str, str] | None = None,
         edit: Callable[[openpyxl.Workbook], None] | None = None) -> bytes:
    """The template with values typed in (by item code), as a program would save it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book[ENTRY]
    where = {ws.cell(row=r, column=1).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    for column, mapping in (("value", values), ("note", notes or {}),
                            ("evidence", evidence or {})):
        for code, value in mapping.items():
            cell = ws.cell(row=where[code], column=COLUMN[column], value=value)
            if column != "value" and isinstance(value, str):
                cell.data_type = "s"  # typed text, even "=1+1" (a formula only via edit=)
    if edit is not None:
        edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet(rows: Sequence[Sequence[object]], *, header: Sequence[str] | None = (
        "Mã chỉ tiêu", "Giá trị thực hiện"), title_rows: Iterable[str] = (),
        sheets_before: int = 0, merge_title: bool = False, title: str = "Báo cáo",
        formats: Mapping[str, str] | None = None) -> bytes:
    """A workbook people made themselves: optional sheets before it, title rows
    (merged or not), a header row, then the rows."""
    book = openpyxl.Workbook()
    first = book.active
    for n in range(sheets_before):
        ws = first if n == 0 else book.create_sheet()
        ws.title = f"Ghi chú {n + 1}"
        ws["A1"] = "Trang này không có số liệu"
    ws = book.create_sheet(title) if sheets_before else first
    ws.title = title
    titles = list(title_rows)
    for text in titles:
        ws.append([text])
        if merge_title:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row,
                           end_column=max(2, len(header or ())))
    if header is not None:
        ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(data: bytes, *, drop: Iterable[str] = (), add: Mapping[str, bytes] | None = None,
          replace: Mapping[str, bytes] | None = None) -> bytes:
    """The same archive with parts removed, added or replaced."""
    dropped = set(drop)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in dropped:
                continue
            content = (replace or {}).get(info.filename, source.read(info))
            target.writestr(info.filename, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def resave_with_libreoffice(data: bytes, work: Path, target: str = "xlsx") -> bytes:
    """The workbook opened and saved again by LibreOffice Calc (a second writer)."""
    source = work / "in" / "report.xlsx"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    out = work / "out"
    subprocess.run(
        [soffice(), "--headless", "--norestore",
         f"-env:UserInstallation=file://{work / 'profile'}",
         "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180)
    return (out / f"report.{target}").read_bytes()


def dump(store: Store) -> dict[str, list[tuple]]:
    """Everything an upload can write, to compare before and after."""
    with store.connect() as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in ("actuals", "uploads", "upload_revocations")}
