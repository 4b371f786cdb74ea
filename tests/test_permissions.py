"""Every role × every write of the core: allowed, it happens and is audited in the same
transaction; refused, PermissionDenied says so in Vietnamese and the database is
exactly as it was. The pages and the CLI are doors onto these same calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from nq57 import (
    accounts,
    audit,
    backup,
    catalogue,
    corrections,
    demo,
    imports,
    labels,
    policy,
    revisions,
    settings,
)
from nq57.db import Store
from nq57.policy import Actor, PermissionDenied
from tests.excel.workbooks import dump, fill, template
from tests.helpers import ADMIN, REVIEWER, STAFF_SKHCN, VIEWER, report

# One account per role; staff report for SKHCN, whose template the import uses.
BY_ROLE = {"viewer": VIEWER, "staff": STAFF_SKHCN, "reviewer": REVIEWER, "admin": ADMIN}


def _import(store: Store, actor: Actor, tmp_path: Path) -> object:
    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65})
    inspection = imports.inspect(store, data, "bao-cao.xlsx")
    return imports.commit(store, actor, inspection)


def _revoke(store: Store, actor: Actor, tmp_path: Path) -> object:
    upload = report(store, "SKHCN", "2026-Q3", {"1.1.1": 61.0})
    assert upload is not None
    return lambda: revisions.revoke_upload(store, actor, upload, "Nhập nhầm kỳ")


def _restore(store: Store, actor: Actor, tmp_path: Path) -> object:
    backup.backup(store, ADMIN, tmp_path / "copy")
    return lambda: backup.restore(store, actor, tmp_path / "copy", force=True)


# action -> what the core does for it. A call that needs something in place first
# returns the call to make once that is there (the fingerprint is taken in between).
WRITES: dict[str, Callable[[Store, Actor, Path], object]] = {
    policy.REPORT: _import,
    policy.REVOKE_UPLOAD: _revoke,
    policy.EDIT_CATALOGUE: lambda store, actor, _: corrections.correct(
        store, actor, "target", "1.1.1", "threshold_low", "65", "Quyết định 12/QĐ"),
    policy.EDIT_UNITS: lambda store, actor, _: corrections.add_unit(
        store, actor, "XA_TANPHU", "Xã Tân Phú", None, "commune", "Sắp xếp đơn vị hành chính"),
    policy.MANAGE_ACCOUNTS: lambda store, actor, _: accounts.create(
        store, actor, "canbo.moi", "viewer", password="mot mat khau dai"),
    policy.CHANGE_SETTINGS: lambda store, actor, _: settings.update(
        store, actor, "red_factor", "0.6"),
    policy.MANAGE_DEMO: lambda store, actor, _: demo.load_unless_present(store, actor),
    policy.BACKUP: lambda store, actor, tmp_path: backup.backup(store, actor, tmp_path / "b"),
    policy.RESTORE: _restore,
    policy.READ_AUDIT: lambda store, actor, _: audit.read(store, actor),
}
EXPECTED_ROLES = {action: {r for r in policy.ROLES if r in policy.MATRIX[action]}
                  for action in WRITES}


def test_every_action_the_core_performs_is_covered():
    # The rest (explain, review_evidence, lock_period, change_locked) have no core
    # function yet; read/download are not writes. Each still has its matrix cell test.
    assert set(WRITES) == set(policy.MATRIX) - {
        policy.READ, policy.DOWNLOAD, policy.EXPLAIN, policy.REVIEW_EVIDENCE,
        policy.LOCK_PERIOD, policy.CHANGE_LOCKED}


@pytest.mark.parametrize("action", sorted(WRITES))
@pytest.mark.parametrize("role", policy.ROLES)
def test_each_role_and_write_through_the_core(store: Store, tmp_path: Path, role: str,
                                              action: str):
    actor = BY_ROLE[role]
    prepared = WRITES[action](store, actor, tmp_path) if action in (
        policy.REVOKE_UPLOAD, policy.RESTORE) else None
    before = dump(store)
    logged = len(audit.entries(store))
    call = prepared if callable(prepared) else (lambda: WRITES[action](store, actor, tmp_path))
    if role in EXPECTED_ROLES[action]:
        call()
        if action != policy.READ_AUDIT:
            newest = audit.entries(store).iloc[0]
            assert newest["actor"] == actor.name
            assert len(audit.entries(store)) > logged
    else:
        with pytest.raises(PermissionDenied) as refused:
            call()
        assert labels.ACTION_LABELS[action] in str(refused.value)
        assert dump(store) == before
        if action == policy.BACKUP:
            assert not (tmp_path / "b").exists()


def test_staff_import_rows_of_another_unit_are_errors_at_their_cells(store: Store):
    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65, "1.3.1": 12})
    before = dump(store)
    from tests.helpers import STAFF_SNV

    inspection, result = imports.import_file(store, data, "khac-don-vi.xlsx", actor=STAFF_SNV)
    assert result is None and not inspection.accepted
    assert [(p.code, p.cell) for p in inspection.problems] == [
        ("not_your_unit", "H8"), ("not_your_unit", "H12")]
    assert "không báo cáo cho đơn vị SKHCN" in inspection.problems[0].message
    with pytest.raises(PermissionDenied):  # and the core refuses a commit anyway
        imports.commit(store, STAFF_SNV, imports.inspect(store, data, "x.xlsx"))
    assert dump(store) == before


def test_a_viewer_cannot_even_have_a_file_checked_for_import(store: Store):
    data = fill(template(store, "SKHCN", "2026-Q3"), {"1.1.1": 0.65})
    inspection = imports.inspect(store, data, "x.xlsx", actor=VIEWER)
    assert [p.code for p in inspection.problems] == ["not_allowed"]
    assert "không có quyền báo cáo số liệu" in inspection.problems[0].message


def test_the_reporter_recorded_is_the_accounts_display_name_and_name(store: Store):
    _import(store, STAFF_SKHCN, Path())
    upload = revisions.uploads(store, "SKHCN", "2026-Q3").iloc[0]
    assert upload["uploaded_by"] == "Trần Thị B (canbo.kh)"
    entry = audit.entries(store, action="import").iloc[0]
    assert (entry["actor"], entry["object_id"]) == ("canbo.kh", str(upload["id"]))


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_needs_a_reason_in_the_core(store: Store, reason: str):
    upload = report(store, "SKHCN", "2026-Q3", {"1.1.1": 61.0})
    before = dump(store)
    with pytest.raises(revisions.RevokeError, match="Hãy ghi lý do thu hồi"):
        revisions.revoke_upload(store, ADMIN, upload, reason)
    assert dump(store) == before


def test_an_assignment_of_a_lead_needs_a_reason_and_is_audited(store: Store):
    with pytest.raises(ValueError, match="Hãy ghi lý do"):
        catalogue.assign_lead(store, ADMIN, "1.5.15", "STC", " ")
    catalogue.assign_lead(store, ADMIN, "1.5.15", "STC", "Văn bản 5/UBND")
    entry = audit.entries(store, action="assign_lead").iloc[0]
    assert '"lead_unit": "STC"' in entry["after"] and '"lead_assumed": true' in entry["before"]


def test_a_restore_is_recorded_in_the_restored_database(store: Store, tmp_path: Path):
    backup.backup(store, ADMIN, tmp_path / "copy")
    backup.restore(store, ADMIN, tmp_path / "copy", force=True)
    actions = audit.entries(store)["action"].tolist()
    assert actions[:2] == ["restore", "backup"]  # the backup's own entry came back with it
