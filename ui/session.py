"""Who is using the dashboard: the one accessor pages take the acting account from.

Until people sign in, every session acts as the demo administrator; the sign-in
decides here, and pages do not change."""

from __future__ import annotations

from nq57 import labels, policy
from nq57.policy import Actor

DEMO_ADMIN = Actor("demo-admin", policy.ADMIN, display_name=labels.SESSION_TEXTS["demo_admin"])


def actor() -> Actor:
    """The account this session acts for."""
    return DEMO_ADMIN
