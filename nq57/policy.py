"""Who may do what: the roles, the permission matrix, and the one check every write
in the core makes before it touches the store.

The pages and the CLI pass the acting account along; hiding a button is a courtesy,
this module is the gate. The matrix is written once, here, and printed in the README.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from nq57 import labels

VIEWER, STAFF, REVIEWER, ADMIN = "viewer", "staff", "reviewer", "admin"
ROLES: tuple[str, ...] = (VIEWER, STAFF, REVIEWER, ADMIN)

# What can be done. Unit-scoped actions concern one reporting unit: staff may do them
# for their own units only, an admin for any unit.
READ = "read"                          # open the dashboard's pages
DOWNLOAD = "download"                  # tables as CSV/Excel, briefings
REPORT = "report"                      # templates, imports, task reports (per unit)
EXPLAIN = "explain"                    # explanations when behind (per unit)
REVIEW_EVIDENCE = "review_evidence"    # accept or send back evidence
LOCK_PERIOD = "lock_period"            # close a period after consolidation
CHANGE_LOCKED = "change_locked"        # change values of a locked period
EDIT_CATALOGUE = "edit_catalogue"      # thresholds, comparators, deadlines, lead units
EDIT_UNITS = "edit_units"
MANAGE_ACCOUNTS = "manage_accounts"
REVOKE_UPLOAD = "revoke_upload"
CHANGE_SETTINGS = "change_settings"
MANAGE_DEMO = "manage_demo"            # load or remove the demo data
BACKUP = "backup"
RESTORE = "restore"
READ_AUDIT = "read_audit"

UNIT_SCOPED: frozenset[str] = frozenset({REPORT, EXPLAIN})

_EVERYONE = frozenset(ROLES)
_ADMIN = frozenset({ADMIN})

# action -> roles allowed. Read with UNIT_SCOPED for staff.
MATRIX: dict[str, frozenset[str]] = {
    READ: _EVERYONE,
    DOWNLOAD: _EVERYONE,
    REPORT: frozenset({STAFF, ADMIN}),
    EXPLAIN: frozenset({STAFF, ADMIN}),
    REVIEW_EVIDENCE: frozenset({REVIEWER, ADMIN}),
    LOCK_PERIOD: frozenset({REVIEWER, ADMIN}),
    CHANGE_LOCKED: _ADMIN,
    EDIT_CATALOGUE: _ADMIN,
    EDIT_UNITS: _ADMIN,
    MANAGE_ACCOUNTS: _ADMIN,
    REVOKE_UPLOAD: _ADMIN,
    CHANGE_SETTINGS: _ADMIN,
    MANAGE_DEMO: _ADMIN,
    BACKUP: _ADMIN,
    RESTORE: _ADMIN,
    READ_AUDIT: frozenset({REVIEWER, ADMIN}),
}


@dataclass(frozen=True)
class Actor:
    """The account on whose behalf something is done."""

    name: str
    role: str
    units: frozenset[str] = field(default_factory=frozenset)
    display_name: str | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    @property
    def label(self) -> str:
        """How the account is named in histories: its display name, else its name."""
        return self.display_name or self.name

    @property
    def signature(self) -> str:
        """How a write is signed in the data (uploads, revocations, assignments): the
        display name with the account name, so both a person and the log can read it."""
        return f"{self.display_name} ({self.name})" if self.display_name else self.name


# The software itself, for what no person does: creating a database and its demo data.
SYSTEM = Actor("system", ADMIN, display_name=labels.POLICY_TEXTS["system_actor"])

# Whoever reads the dashboard without signing in, where reading so is allowed (the
# setting allow_anonymous_read): a viewer with no name.
ANONYMOUS = Actor("anonymous", VIEWER, display_name=labels.POLICY_TEXTS["anonymous_actor"])


class PermissionDenied(PermissionError):
    """The account may not do this; the message says so in Vietnamese."""

    def __init__(self, actor: Actor, action: str, unit: str | None = None) -> None:
        self.actor, self.action, self.unit = actor, action, unit
        texts = labels.POLICY_TEXTS
        what = labels.ACTION_LABELS[action]
        if unit is not None and action in MATRIX and actor.role in MATRIX[action]:
            message = texts["denied_unit"].format(who=actor.label, action=what, unit=unit)
        else:
            message = texts["denied"].format(
                who=actor.label, role=labels.ROLE_LABELS[actor.role], action=what)
        super().__init__(message)


def allowed(actor: Actor, action: str, unit: str | None = None) -> bool:
    """May `actor` do `action` (for `unit`, when the action concerns one unit)?"""
    if action not in MATRIX:
        raise KeyError(f"unknown action {action!r}")
    if actor.role not in MATRIX[action]:
        return False
    if action in UNIT_SCOPED and actor.role != ADMIN:
        return unit is not None and unit in actor.units
    return True


def allowed_somewhere(actor: Actor, action: str) -> bool:
    """May `actor` do `action` for at least one unit (or at all, when the action does
    not concern a unit)? What decides whether a page or a button is offered."""
    if action in UNIT_SCOPED and actor.role != ADMIN:
        return actor.role in MATRIX[action] and bool(actor.units)
    return allowed(actor, action)


def require(actor: Actor, action: str, unit: str | None = None) -> None:
    """Raise PermissionDenied unless `actor` may do `action` (for `unit`)."""
    if not allowed(actor, action, unit):
        raise PermissionDenied(actor, action, unit)


def require_units(actor: Actor, action: str, units: Iterable[str]) -> None:
    """The check for a write that concerns several units at once."""
    for unit in units:
        require(actor, action, unit)


def matrix_table() -> str:
    """The matrix as the Markdown table README.md prints (a test keeps them equal):
    `python -c "from nq57 import policy; print(policy.matrix_table())"`."""
    rows = ["| action | what it allows | " + " | ".join(ROLES) + " |",
            "|---|---|" + "---|" * len(ROLES)]
    for action, roles in MATRIX.items():
        cells = ["—" if role not in roles else
                 "own units" if action in UNIT_SCOPED and role != ADMIN else "yes"
                 for role in ROLES]
        rows.append(f"| `{action}` | {labels.ACTION_LABELS[action]} | " + " | ".join(cells)
                    + " |")
    return "\n".join(rows)
