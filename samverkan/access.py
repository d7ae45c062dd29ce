"""Who may do what in the app: the sharing rule and the two roles.

Pure functions over :class:`samverkan.settings.Settings`, used by ``samverkan app`` (before
Streamlit starts) and by the app's login (``app_pages.auth``).

* **Local use** (no ``SAMVERKAN_APP_PASSWORD``): the app listens on the loopback address only
  and whoever reaches it is a *loader*: one person on their own machine.
* **Shared** (``SAMVERKAN_APP_PASSWORD`` set, the only way to listen on another address): every
  visitor logs in. That password makes a *viewer* (explores, filters, runs read-only queries,
  downloads); ``SAMVERKAN_APP_LOADER_PASSWORD`` makes a *loader*, who may also upload documents
  and re-run the analysis. Without a loader password nobody loads through the shared app (use
  ``samverkan load`` on the server).
"""
from __future__ import annotations

import hmac
import ipaddress

VIEWER = "viewer"
LOADER = "loader"
#: the roles as a strategist reads them
ROLE_SV = {VIEWER: "läsare", LOADER: "inläsare"}

#: host names that only this machine reaches
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is reachable from this machine only.

    >>> [is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.5", "")]
    [True, True, True, False, False, False]
    """
    host = (host or "").strip().strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def login_required(settings) -> bool:
    """True when the app asks for a password (a viewer or a loader password is set)."""
    return bool(settings.app_password or settings.app_loader_password)


#: why the app may not start, by problem code: for the command line and for the app's page
PROBLEMS = {
    "same_passwords": (
        "SAMVERKAN_APP_LOADER_PASSWORD is the same as SAMVERKAN_APP_PASSWORD: every viewer would be "
        "a loader; choose another loader password",
        "Lösenordet för inläsare är detsamma som för läsare, så alla läsare skulle kunna läsa in "
        "dokument. Den som driftar tjänsten behöver välja ett annat lösenord för inläsare."),
    "loader_without_viewer": (
        "SAMVERKAN_APP_LOADER_PASSWORD is set but SAMVERKAN_APP_PASSWORD is not: set a password for "
        "viewers too (or unset both for local use)",
        "Det finns ett lösenord för inläsare men inget för läsare. Den som driftar tjänsten behöver "
        "sätta båda (eller inget, för lokal användning)."),
    "open_without_password": (
        "refusing to listen on {host}: anyone on the network could read the graph; set "
        "SAMVERKAN_APP_PASSWORD (viewers) and optionally SAMVERKAN_APP_LOADER_PASSWORD (loaders), "
        "or use --host 127.0.0.1",
        "Appen är nåbar från nätverket ({host}) men har inget lösenord. Den som driftar tjänsten "
        "behöver sätta ett lösenord (SAMVERKAN_APP_PASSWORD) eller starta den med "
        "`samverkan app` på den egna datorn."),
}


def sharing_problem(host: str | None, settings) -> str | None:
    """Why the app must not run listening on ``host`` with these settings, as a key of
    :data:`PROBLEMS` (None: it may).

    Listening beyond this machine needs SAMVERKAN_APP_PASSWORD (an unset address is every
    address); a loader password equal to the viewer password would make every viewer a
    loader; a loader password alone would leave viewers nothing to log in with.
    """
    viewer, loader = settings.app_password, settings.app_loader_password
    if viewer and loader and hmac.compare_digest(viewer.encode(), loader.encode()):
        return "same_passwords"
    if loader and not viewer:
        return "loader_without_viewer"
    if not is_loopback(host or "0.0.0.0") and not viewer:
        return "open_without_password"
    return None


def problem_text(code: str, host: str | None, *, swedish: bool = False) -> str:
    """The message of a :func:`sharing_problem` code (English for the CLI, Swedish for the app)."""
    return PROBLEMS[code][1 if swedish else 0].format(host=host or "0.0.0.0")


def role_for(password: str, settings) -> str | None:
    """The role a typed password gives (``LOADER``, ``VIEWER``), or None when it gives none.

    Compared in constant time; the loader password is tried first and both always are.
    """
    given = (password or "").encode()
    loader = bool(settings.app_loader_password) and hmac.compare_digest(
        given, settings.app_loader_password.encode())
    viewer = bool(settings.app_password) and hmac.compare_digest(given, settings.app_password.encode())
    if loader:
        return LOADER
    if viewer:
        return VIEWER
    return None


def may_load(role: str | None) -> bool:
    """Whether the role may upload documents and re-run the analysis."""
    return role == LOADER


class Throttle:
    """Failed logins in the last ``window`` seconds, for all sessions of one app process: past
    ``limit`` of them every login waits until the window has moved on (a password cannot be
    guessed at Streamlit's speed).

    >>> t = Throttle(limit=2, window=60)
    >>> t.failed(now=0); t.failed(now=1); t.blocked(now=2), t.blocked(now=61.5)
    (True, False)
    """

    def __init__(self, limit: int = 20, window: float = 60.0):
        self.limit, self.window = limit, window
        self._times: list[float] = []

    def _recent(self, now: float) -> list[float]:
        self._times = [t for t in self._times if now - t < self.window]
        return self._times

    def failed(self, now: float | None = None) -> None:
        import time

        now = time.monotonic() if now is None else now
        self._recent(now).append(now)

    def blocked(self, now: float | None = None) -> bool:
        import time

        now = time.monotonic() if now is None else now
        return len(self._recent(now)) >= self.limit
