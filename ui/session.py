"""Who acts in this browser session. Every page that writes asks actor(), and only it.

Until sign-in exists the dashboard acts as a demo administrator (the tests put another
account in st.session_state["actor"]); signing in replaces this one accessor.
"""

from __future__ import annotations

import streamlit as st

from nq57 import labels, policy
from nq57.policy import Actor

DEMO_ADMIN = Actor("demo-admin", policy.ADMIN, display_name=labels.DEMO_ACTOR_NAME)
KEY = "actor"


def actor() -> Actor:
    """The account this session acts as."""
    found = st.session_state.get(KEY)
    return found if isinstance(found, Actor) else DEMO_ADMIN
