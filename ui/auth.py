"""Who is using this browser session: sign-in (password or single sign-on), the
server-side session, sign-out, and the page-level courtesy checks.

The session token lives only in st.session_state (server memory): it is never sent
to the browser, put in the address or in a cookie, so a reload of the page starts a
new Streamlit session and asks for a new sign-in. With single sign-on (an [auth]
section in .streamlit/secrets.toml) Streamlit's own login cookie identifies the
person and nq57.signin opens the session for the account with that e-mail.

Rules (expiry, throttling, who may do what) are nq57's: this module only carries
the token and the time of the last action, and asks.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime

import streamlit as st

from nq57 import labels, policy, signin
from nq57.policy import Actor
from ui import data

TOKEN_KEY = _TOKEN = "_nq57_session_token"
_METHOD = "_nq57_session_method"
_LAST = "_nq57_last_activity"
_NOTICE = "_nq57_sign_in_notice"
_NO_ACCESS = "_nq57_sso_no_access"
ACTOR = "actor"  # st.session_state["actor"]: the account pages act for (or None)

# Behind a reverse proxy every connection comes from the proxy: name the header it
# sets (e.g. X-Forwarded-For) so throttling counts real clients. Never set it without
# such a proxy: a browser could then claim any address.
CLIENT_HEADER_VARIABLE = "NQ57_CLIENT_IP_HEADER"

T = labels.AUTH_PAGE
_log = logging.getLogger(__name__)


def client() -> str:
    """The address sign-in attempts are counted against."""
    header = os.environ.get(CLIENT_HEADER_VARIABLE, "").strip()
    if header:
        value = st.context.headers.get(header)
        if isinstance(value, str) and value.strip():
            return value.split(",")[-1].strip()[:100] or "local"
    address = st.context.ip_address  # None on localhost
    return address if isinstance(address, str) and address else "local"


def sso_configured() -> bool:
    """Is single sign-on set up ([auth] in .streamlit/secrets.toml)?"""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False
    except Exception:  # an unreadable secrets file: log it, offer passwords only
        _log.exception("cannot read .streamlit/secrets.toml")
        return False


def _sso_email() -> str | None:
    if not sso_configured() or not st.user.is_logged_in:
        return None
    email = st.user.get("email")
    return str(email) if email else None


def current_actor() -> Actor | None:
    """The signed-in account of this browser session, re-read from the store on every
    run (a disabled account or a changed role takes effect at once); None if nobody
    is signed in. A session that has ended leaves a notice for the sign-in page."""
    store = data.store()
    now = datetime.now()
    token = st.session_state.get(_TOKEN)
    if token is None:
        email = _sso_email()
        if email is None:
            st.session_state.pop(_NO_ACCESS, None)
            return None
        try:
            opened = signin.sign_in_sso(store, email, client(), now)
        except signin.SignInRefused:
            st.session_state[_NO_ACCESS] = email
            return None
        _keep(opened, "sso", now)
        return opened.actor
    try:
        actor = signin.resume(store, token, st.session_state.get(_LAST), now)
    except signin.SessionEnded as ended:
        _forget()
        st.session_state[_NOTICE] = str(ended)
        if st.session_state.get(_METHOD) == "sso" and _sso_email() is not None:
            st.logout()
        return None
    st.session_state[_LAST] = now
    return actor


def no_access_message() -> str | None:
    """The e-mail single sign-on named when no (enabled) account here has it."""
    return st.session_state.get(_NO_ACCESS)


def _keep(opened: signin.Session, method: str, now: datetime) -> None:
    st.session_state[_TOKEN] = opened.token
    st.session_state[_METHOD] = method
    st.session_state[_LAST] = now
    st.session_state.pop(_NOTICE, None)


def _forget() -> None:
    for key in (_TOKEN, _LAST, ACTOR):
        st.session_state.pop(key, None)


def sign_in(name: str, password: str) -> str | None:
    """Try a name and password; None when signed in, else what to tell the person."""
    now = datetime.now()
    try:
        opened = signin.sign_in(data.store(), name, password, client(), now)
    except signin.SignInRefused as refused:
        return str(refused)
    _keep(opened, "password", now)
    return None


def sign_out() -> None:
    """End the session here and in the store; with single sign-on, also Streamlit's."""
    token = st.session_state.get(_TOKEN)
    method = st.session_state.get(_METHOD)
    if token is not None:
        signin.sign_out(data.store(), token, st.session_state.get(_LAST))
    _forget()
    st.session_state[_NOTICE] = labels.SIGN_IN_TEXTS["ended_sign_out"]
    if method == "sso" or _sso_email() is not None:
        st.logout()
    st.rerun()


def notice() -> str | None:
    """Why the person is on the sign-in page again (signed out, session expired)."""
    return st.session_state.get(_NOTICE)


def actor() -> Actor | None:
    """The account the current page acts for: the signed-in one, or the anonymous
    reader where reading without signing in is allowed; None otherwise."""
    return st.session_state.get(ACTOR)


def require(action: str) -> Actor:
    """Stop the page, saying why, unless the account may do `action` somewhere. A
    courtesy: the core checks again on every write."""
    who = actor()
    if who is None or not policy.allowed_somewhere(who, action):
        if who is None or who is policy.ANONYMOUS:
            st.warning(T["sign_in_first"], icon=":material/login:")
            sign_in_form()
        else:
            st.error(str(policy.PermissionDenied(who, action)), icon=":material/block:")
        st.stop()
    assert who is not None
    return who


def sign_in_required() -> None:
    """In place of a page, for someone not signed in where reading needs an account."""
    st.title(T["title"])
    said = notice()
    if said:
        st.info(said, icon=":material/info:")
    else:
        st.warning(T["sign_in_first"], icon=":material/login:")
    sign_in_form()


def sign_in_form() -> None:
    """The name and password form (and the single sign-on button when set up); on
    success the page runs again, signed in."""
    if sso_configured():
        if st.button(T["sso_button"], type="primary", icon=":material/key:"):
            st.login()
        st.caption(T["or_password"])
    with st.form("sign_in", enter_to_submit=True):
        name = st.text_input(T["name"], key="sign_in_name", autocomplete="username")
        password = st.text_input(T["password"], type="password", key="sign_in_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(T["submit"], type="primary", icon=":material/login:")
    if submitted:
        refusal = sign_in(name, password)
        if refusal is None:
            st.rerun()
        st.error(refusal, icon=":material/error:")
    st.caption(T["reload_note"])


def sidebar(who: Actor | None) -> None:
    """Who is signed in, with their role and units, and the sign-out button."""
    box = st.sidebar.container(border=True)
    if who is None or who is policy.ANONYMOUS:
        box.caption(notice() or T["not_signed_in"])
        return
    box.text(T["who_line"].format(label=who.label, name=who.name))
    box.caption(labels.ROLE_LABELS[who.role])
    if who.units:
        box.caption(T["units_line"].format(units=", ".join(sorted(who.units))))
    if box.button(T["sign_out"], icon=":material/logout:", key="nq57_sign_out"):
        sign_out()
