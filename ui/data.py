"""Cached access to the core. Results are keyed by the store's data version, so a
write by anyone (this server or the CLI) shows on the next page run."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from nq57 import briefing, catalogue, clock, detail, policy, status, summary
from nq57.bootstrap import demo_wanted, prepare
from nq57.briefing import outline
from nq57.db import Store, env_path


@st.cache_resource(show_spinner="Đang chuẩn bị cơ sở dữ liệu…")
def _store(path: str) -> Store:
    the_store = Store(path)
    prepare(the_store, demo_on_create=demo_wanted())
    return the_store


def store() -> Store:
    """The store at NQ57_DB, created with its catalogue (and demo data, unless
    NQ57_DEMO=0) on first use."""
    return _store(str(env_path()))


def version() -> tuple[object, ...]:
    """Cache key for everything read from the store: which file, and its stamp."""
    the_store = store()
    return (str(the_store.path), *the_store.data_version())


def today() -> date:
    return clock.today()


@st.cache_data(show_spinner=False, max_entries=64)
def _catalogue_frame(name: str, data_version: tuple[object, ...]) -> pd.DataFrame:
    return getattr(catalogue, name)(store())


def units() -> pd.DataFrame:
    return _catalogue_frame("units", version())


def groups() -> pd.DataFrame:
    return _catalogue_frame("groups", version())


def periods() -> pd.DataFrame:
    return _catalogue_frame("periods", version())


def targets() -> pd.DataFrame:
    return _catalogue_frame("targets", version())


def tasks() -> pd.DataFrame:
    return _catalogue_frame("tasks", version())


@st.cache_data(show_spinner=False, max_entries=256)
def _named(name: str, data_version: tuple[object, ...], params: tuple[tuple[str, object], ...]
           ) -> pd.DataFrame:
    return store().frame(name, **{k: list(v) if isinstance(v, tuple) else v for k, v in params})


def query(name: str, **params: object) -> pd.DataFrame:
    """A named query, cached until the data change. Lists are passed as tuples."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _named(name, version(), frozen)


@st.cache_data(show_spinner=False, max_entries=256)
def _gaps(data_version: tuple[object, ...], period: str, as_of: date, units: tuple[str, ...],
          group: str | None, item_type: str) -> pd.DataFrame:
    return status.gaps(store(), period, as_of=as_of, units=units or None, group=group,
                       item_type=item_type)


def gaps(period: str, units: tuple[str, ...] = (), group: str | None = None,
         item_type: str = "target") -> pd.DataFrame:
    return _gaps(version(), period, today(), tuple(units), group, item_type)


@st.cache_data(show_spinner=False)
def _demo_present(data_version: tuple[object, ...]) -> bool:
    from nq57 import demo

    return demo.present(store())


def demo_present() -> bool:
    return _demo_present(version())


@st.cache_data(show_spinner=False)
def _anonymous_read(data_version: tuple[object, ...]) -> bool:
    from nq57 import settings

    return settings.anonymous_read(store())


def anonymous_read() -> bool:
    """May the dashboard be read without signing in (setting allow_anonymous_read)?"""
    return _anonymous_read(version())


def default_period() -> str:
    """The latest quarter with data; else the latest ended quarter; else the first. (A
    month is chosen in the period picker or the URL; the quarter is the default view.)"""
    latest = query("latest_period_with_data")["period"].iloc[0]
    frame = periods()
    frame = frame[frame["granularity"] == "quarter"]
    if isinstance(latest, str) and latest in set(frame["code"]):
        return latest
    ended = frame[frame["end_date"] < today()]
    return str((ended if len(ended) else frame)["code"].iloc[-1 if len(ended) else 0])


# --- the dashboard's aggregations (nq57.summary, nq57.detail) -----------------------

_SUMMARIES = {
    "status_change": summary.status_change,
    "units_ranked": summary.units_ranked,
    "completeness": summary.completeness,
    "task_progress": summary.task_progress,
}


@st.cache_data(show_spinner=False, max_entries=512)
def _summary(name: str, data_version: tuple[int, ...], period: str, as_of: date,
             scope: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    return _SUMMARIES[name](store(), period, as_of=as_of, **dict(scope))


def _scoped(name: str, period: str, **scope: object) -> pd.DataFrame:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v)
                          for k, v in scope.items()))
    return _summary(name, version(), period, today(), frozen)


def status_change(period: str, units: tuple[str, ...] = (), group: str | None = None,
                  item_type: str = "target") -> pd.DataFrame:
    """Items per status now and in the previous period (summary.status_change)."""
    return _scoped("status_change", period, units=units, group=group, item_type=item_type)


def units_ranked(period: str, units: tuple[str, ...] = (), group: str | None = None,
                 item_type: str = "target") -> pd.DataFrame:
    """Lead units ranked by how their items stand (summary.units_ranked)."""
    return _scoped("units_ranked", period, units=units, group=group, item_type=item_type)


def completeness(period: str, units: tuple[str, ...] = (), group: str | None = None
                 ) -> pd.DataFrame:
    """Who has reported for the period, and how late (summary.completeness)."""
    return _scoped("completeness", period, units=units, group=group)


def task_progress(period: str, units: tuple[str, ...] = ()) -> pd.DataFrame:
    """The appendix tasks with progress and status (summary.task_progress)."""
    return _scoped("task_progress", period, units=units)


@st.cache_data(show_spinner=False, max_entries=128)
def _target_detail(data_version: tuple[int, ...], code: str, period: str,
                   as_of: date) -> detail.TargetDetail:
    return detail.load(store(), code, period, as_of=as_of)


def target_detail(code: str, period: str) -> detail.TargetDetail:
    """One target's year, projection, 2030 path and history (detail.load)."""
    return _target_detail(version(), code, period, today())


# --- the follow-up: warnings, explanations, league, reminders ---------------------------

def _followup_reads() -> dict[str, object]:
    from nq57 import alerts, explanations, league

    return {
        "alert_items": alerts.items,
        "explanations": explanations.explanations,
        "explanations_by_cause": explanations.explanations_by_cause,
        "explanations_by_unit": explanations.explanations_by_unit,
        "support_requests": explanations.support_requests,
        "league_items": league.items,
    }


@st.cache_data(show_spinner=False, max_entries=256)
def _followup(name: str, data_version: tuple[object, ...], period: str, as_of: date,
              units: tuple[str, ...], group: str | None) -> pd.DataFrame:
    read = _followup_reads()[name]
    return read(store(), period, as_of=as_of, units=units or None, group=group)  # type: ignore[operator]


def followup(name: str, period: str, units: tuple[str, ...] = (),
             group: str | None = None) -> pd.DataFrame:
    """A follow-up read for the filtered view, cached until the data change:
    alert_items (which alerts.from_rows and alerts.explainable pick from),
    explanations (and _by_cause, _by_unit), support_requests, league_items (which
    league.table and league.drivers count)."""
    return _followup(name, version(), period, today(), tuple(units), group)


@st.cache_data(show_spinner=False, max_entries=64)
def _reminders(data_version: tuple[object, ...], within: int, as_of: date) -> pd.DataFrame:
    from nq57 import reminders

    return reminders.reminders(store(), within=within, as_of=as_of)


def reminders(within: int) -> pd.DataFrame:
    """Units whose report is due within `within` days or overdue (reminders.reminders)."""
    return _reminders(version(), int(within), today())


@st.cache_data(show_spinner=False, max_entries=128)
def _explanation_history(data_version: tuple[object, ...], item: str,
                         unit: str | None) -> pd.DataFrame:
    from nq57 import explanations

    return explanations.history(store(), item, unit)


def explanation_history(item: str, unit: str | None = None) -> pd.DataFrame:
    """Every explanation of an item (explanations.history)."""
    return _explanation_history(version(), item, unit)


# --- evidence and review (nq57.evidence) -------------------------------------------

@st.cache_data(show_spinner=False, max_entries=128)
def _review(name: str, data_version: tuple[object, ...], period: str, as_of: date,
            scope: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    from nq57.evidence import review

    return getattr(review, name)(store(), period, as_of=as_of, **dict(scope))


def _review_scoped(name: str, period: str, **scope: object) -> pd.DataFrame:
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v)
                          for k, v in scope.items()))
    return _review(name, version(), period, today(), frozen)


def review_queue(period: str, units: tuple[str, ...] = (), group: str | None = None,
                 states: tuple[str, ...] = ("pending",)) -> pd.DataFrame:
    """Reported values in the given review states (review.queue)."""
    return _review_scoped("queue", period, units=units or None, group=group, states=states)


def reported_vs_verified(period: str, units: tuple[str, ...] = (),
                         group: str | None = None) -> pd.DataFrame:
    """Per lead unit: items reported achieved and what review made of them."""
    return _review_scoped("reported_vs_verified", period, units=units or None, group=group)


def status_views(period: str, units: tuple[str, ...] = (), group: str | None = None,
                 item_type: str = "target") -> pd.DataFrame:
    """Items per status as reported, official and verified."""
    return _review_scoped("status_views", period, units=units or None, group=group,
                          item_type=item_type)


def sent_back(unit: str, period: str) -> pd.DataFrame:
    """A unit's values of a period whose evidence was sent back, with the reasons."""
    return _review_scoped("sent_back_for", period, unit=unit)


@st.cache_data(show_spinner=False, max_entries=128)
def _evidence_log(data_version: tuple[object, ...], item: str,
                  unit: str | None) -> pd.DataFrame:
    from nq57.evidence import records

    return records.log(store(), item, unit)


def evidence_log(item: str, unit: str | None = None) -> pd.DataFrame:
    """Every piece of evidence sent for an item and every decision on it."""
    return _evidence_log(version(), item, unit)


@st.cache_data(show_spinner=False, max_entries=64)
def _lock_state(data_version: tuple[object, ...], period: str) -> object:
    from nq57 import locks

    return locks.state(store(), period)


def lock_state(period: str) -> object:
    """The period's latest lock or unlock (locks.LockState), or None."""
    return _lock_state(version(), period)
# --- the briefing report (nq57.briefing) ----------------------------------------------

def actor() -> policy.Actor:
    """The account this session acts for: the one app.py put in the session (signed
    in, or the anonymous reader where reading without an account is allowed)."""
    who = st.session_state.get("actor")
    return who if isinstance(who, policy.Actor) else policy.ANONYMOUS


@st.cache_data(show_spinner=False, max_entries=32)
def _briefing(data_version: tuple[object, ...], period: str, units: tuple[str, ...],
              group: str | None, as_of: date, who: tuple[str, str, tuple[str, ...]]
              ) -> briefing.Briefing:
    name, role, own_units = who
    return briefing.build(store(), briefing.Scope(period, units, group),
                          actor=policy.Actor(name, role, frozenset(own_units)), as_of=as_of)


def briefing_report(scope: briefing.Scope) -> briefing.Briefing:
    """The briefing of `scope` for this session's account, built once per data change."""
    account = actor()
    return _briefing(version(), scope.period, tuple(scope.units), scope.group, today(),
                     (account.name, account.role, tuple(sorted(account.units))))


@st.cache_data(show_spinner=False, max_entries=32)
def _briefing_outline(data_version: tuple[object, ...], period: str, units: tuple[str, ...],
                      group: str | None, as_of: date) -> outline.Document:
    return outline.outline(briefing_report(briefing.Scope(period, units, group)))


def briefing_outline(scope: briefing.Scope) -> outline.Document:
    """The report's parts in words (what the page previews), built once per change."""
    return _briefing_outline(version(), scope.period, tuple(scope.units), scope.group,
                             today())
