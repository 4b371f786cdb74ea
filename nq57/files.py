"""Paths people hand the command line: a report to read, a file or folder to write.

Only regular files are read (a FIFO would hang, a device never ends); outputs are
checked before anything is built and written whole or not at all. Every failure
is a PathProblem with a Vietnamese message; the OS's own English words stay in the
log.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from nq57 import labels

_T = labels.FILE_MESSAGES


class PathProblem(Exception):
    """A path that cannot be read or written; the message says why, in Vietnamese."""


def os_reason(exc: OSError) -> str:
    """What an OSError means, in Vietnamese (by its errno; the English text is not
    shown)."""
    code = exc.errno or -1
    return labels.OS_ERRORS.get(code) or _T["errno_other"].format(
        code=errno.errorcode.get(code, code))


def regular_input(path: Path) -> Path:
    """`path` if it is a regular file that can be opened for reading."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise PathProblem(_T["input_missing"].format(path=path)) from exc
    except OSError as exc:
        raise PathProblem(_T["input_unreadable"].format(path=path, reason=os_reason(exc))
                          ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise PathProblem(_T["input_is_folder"].format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise PathProblem(_T["input_not_regular"].format(path=path))
    if not os.access(path, os.R_OK):
        raise PathProblem(_T["input_unreadable"].format(
            path=path, reason=os_reason(PermissionError(errno.EACCES, ""))))
    return path


def check_output(path: Path) -> Path:
    """`path` if a file can be written there: its folder exists and it is not itself a
    folder (checked before the content is built)."""
    if path.is_dir():
        raise PathProblem(_T["output_is_folder"].format(path=path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PathProblem(_T["output_no_folder"].format(path=path, folder=folder))
    return path


def write_output(path: Path, data: bytes) -> None:
    """Write `data` to `path`; on failure (disk full, no permission) remove what was
    partly written to a regular file and raise PathProblem."""
    check_output(path)
    existed = path.exists()
    try:
        with path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                os.fsync(handle.fileno())
    except OSError as exc:
        if not existed and path.is_file():
            path.unlink(missing_ok=True)
        raise PathProblem(_T["output_failed"].format(path=path, reason=os_reason(exc))) from exc
