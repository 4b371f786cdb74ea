"""Unexpected errors: the person gets a Vietnamese message with a short incident id,
the log gets the traceback under the same id, so the two can be matched without
showing code, paths or library messages to anyone.
"""

from __future__ import annotations

import logging
import secrets

LOG = logging.getLogger("nq57.incidents")


def new_id() -> str:
    """A short id a person can read out over the phone: 8 hex digits."""
    return secrets.token_hex(4).upper()


def record(exc: BaseException, where: str) -> str:
    """Log `exc` with its traceback under a new incident id; return the id."""
    incident = new_id()
    LOG.error("incident %s in %s: %s: %s", incident, where, type(exc).__name__, exc,
              exc_info=(type(exc), exc, exc.__traceback__))
    return incident


def log_to_file(path: str) -> bool:
    """Send incident tracebacks to a file (the command line has no server log); False
    if it cannot be opened, and then they go nowhere rather than to the person."""
    LOG.propagate = False
    for old in list(LOG.handlers):
        LOG.removeHandler(old)
        old.close()
    try:
        handler = logging.FileHandler(path, encoding="utf-8", delay=False)
    except OSError:
        LOG.addHandler(logging.NullHandler())
        return False
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    LOG.addHandler(handler)
    return True
