"""One shape for everything wrong with an upload, from a zip bomb to a typo in a cell,
so the page, the CLI and the annotated workbook report them the same way."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from nq57.labels import EXCEL_MESSAGES


@dataclass(frozen=True)
class Problem:
    """A reason to refuse (error) or to look twice (warning), with where it is."""

    code: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    severity: str = "error"

    @property
    def cell(self) -> str | None:
        """'H12', or None for a problem of the whole file or row."""
        return f"{self.column}{self.row}" if self.column and self.row else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "cell": self.cell}


def problem(code: str, /, *, sheet: str | None = None, row: int | None = None,
            column: str | None = None, severity: str = "error", **fields: Any) -> Problem:
    """A problem whose message is the labelled text for its code, filled in."""
    cell = f"{column}{row}" if column and row else ""
    message = EXCEL_MESSAGES[code].format(cell=cell, row=row, sheet=sheet, **fields)
    return Problem(code, message, sheet, row, column, severity)


class FileRefused(Exception):
    """The file cannot be read at all; the problem says why."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.message)
        self.problem = found
