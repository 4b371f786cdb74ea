"""The permission matrix, cell by cell, and the audit trail's refusal of secrets."""

from __future__ import annotations

import json

import pytest

from nq57 import audit, labels, policy
from nq57.db import Store
from nq57.policy import Actor, PermissionDenied

VIEWER = Actor("lanhdao", policy.VIEWER)
STAFF = Actor("canbo.snv", policy.STAFF, frozenset({"SNV"}), "Nguyễn Văn A")
REVIEWER = Actor("togiupviec", policy.REVIEWER)
ADMIN = Actor("quantri", policy.ADMIN)
ACTORS = {"viewer": VIEWER, "staff": STAFF, "reviewer": REVIEWER, "admin": ADMIN}

# The matrix as the README prints it: for each action, who may (staff: own units only).
EXPECTED = {
    "read": {"viewer", "staff", "reviewer", "admin"},
    "download": {"viewer", "staff", "reviewer", "admin"},
    "report": {"staff", "admin"},
    "explain": {"staff", "admin"},
    "review_evidence": {"reviewer", "admin"},
    "lock_period": {"reviewer", "admin"},
    "change_locked": {"admin"},
    "edit_catalogue": {"admin"},
    "edit_units": {"admin"},
    "manage_accounts": {"admin"},
    "revoke_upload": {"admin"},
    "change_settings": {"admin"},
    "manage_demo": {"admin"},
    "backup": {"admin"},
    "restore": {"admin"},
    "read_audit": {"reviewer", "admin"},
}


def test_every_action_has_a_row_and_a_vietnamese_name():
    assert set(policy.MATRIX) == set(EXPECTED)
    assert set(labels.ACTION_LABELS) == set(EXPECTED)
    assert set(labels.ROLE_LABELS) == set(policy.ROLES)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", policy.ROLES)
def test_each_cell_of_the_matrix(role: str, action: str):
    actor = ACTORS[role]
    unit = "SNV" if action in policy.UNIT_SCOPED else None
    assert policy.allowed(actor, action, unit) is (role in EXPECTED[action])
    if role in EXPECTED[action]:
        policy.require(actor, action, unit)
    else:
        with pytest.raises(PermissionDenied) as refused:
            policy.require(actor, action, unit)
        assert labels.ACTION_LABELS[action] in str(refused.value)


def test_staff_report_only_for_their_own_units_and_admin_for_any():
    assert policy.allowed(STAFF, "report", "SNV")
    assert not policy.allowed(STAFF, "report", "CAT")
    assert not policy.allowed(STAFF, "report")  # a unit-scoped action needs its unit
    with pytest.raises(PermissionDenied, match="cho đơn vị CAT"):
        policy.require_units(STAFF, "report", ["SNV", "CAT"])
    assert policy.allowed(ADMIN, "report", "CAT")


def test_an_unknown_role_or_action_is_a_programming_error():
    with pytest.raises(ValueError):
        Actor("x", "superuser")
    with pytest.raises(KeyError):
        policy.allowed(ADMIN, "fly")


def test_audit_entries_keep_before_and_after(store: Store):
    with store.transaction() as con:
        audit.record(store, con, ADMIN, "change_settings", object_type="setting",
                     object_id="red_factor", before={"value": "0.5"}, after={"value": "0.6"})
    entry = audit.entries(store).iloc[0]
    assert (entry["actor"], entry["role"], entry["action"]) == ("quantri", "admin",
                                                               "change_settings")
    assert json.loads(entry["before"]) == {"value": "0.5"}
    assert json.loads(entry["after"]) == {"value": "0.6"}


def test_audit_refuses_anything_named_like_a_secret_and_writes_nothing(store: Store):
    before = len(audit.entries(store))
    with pytest.raises(audit.SecretInAudit), store.transaction() as con:
        audit.record(store, con, ADMIN, "manage_accounts",
                     after={"account": {"name": "a", "password_hash": "$argon2id$…"}})
    assert len(audit.entries(store)) == before


def test_the_readme_prints_the_matrix_as_it_is():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert policy.matrix_table() in readme


def test_a_page_or_button_is_offered_where_the_action_is_allowed_somewhere():
    assert policy.allowed_somewhere(STAFF, "report")
    assert not policy.allowed_somewhere(Actor("x", policy.STAFF), "report")  # no unit
    assert not policy.allowed_somewhere(VIEWER, "report")
    assert policy.allowed_somewhere(ADMIN, "report")
    assert policy.allowed_somewhere(REVIEWER, "read_audit")


def test_the_signature_of_a_write_names_the_person_and_the_account():
    assert STAFF.signature == "Nguyễn Văn A (canbo.snv)"
    assert VIEWER.signature == "lanhdao"
