"""The app's login and roles (the rules are ``samverkan.access``'s).

:func:`gate` runs before any page: it stops an app that listens beyond this machine without
a password, asks for the password when one is set, and returns the visitor's role. Pages that
write (``app_pages/load.py``) call :func:`require_loader`, which refuses viewers with one line.
The role lives in the session (the browser tab): reloading the page asks again.
"""
from __future__ import annotations

import time

import streamlit as st

from samverkan import access

ROLE_KEY = "samverkan_role"


@st.cache_resource(show_spinner=False)
def _throttle() -> access.Throttle:
    # one per app process: failed logins of every session count together
    return access.Throttle()


def _settings():
    from samverkan.settings import get_settings

    return get_settings()


def role() -> str | None:
    """The visitor's role: ``access.LOADER`` without passwords, else what the login gave."""
    if not access.login_required(_settings()):
        return access.LOADER
    return st.session_state.get(ROLE_KEY)


def gate() -> str:
    """The visitor's role, or a refusal / the login form and ``st.stop()``."""
    settings = _settings()
    host = st.get_option("server.address")
    problem = access.sharing_problem(host, settings)
    if problem:
        st.error(access.problem_text(problem, host, swedish=True), icon=":material/lock:")
        st.stop()
    current = role()
    if current:
        return current
    _login_form(settings)
    st.stop()


def _login_form(settings) -> None:
    st.title("Samverkan")
    st.write("Logga in med lösenordet du har fått. Läsare kan utforska nätverket, profilerna och "
             "luckorna och köra frågor; inläsare kan också läsa in dokument och köra analysen.")
    with st.form("login", border=True):
        password = st.text_input("Lösenord", type="password", key="login_password")
        sent = st.form_submit_button("Logga in", type="primary", icon=":material/login:")
    if not sent:
        return
    throttle = _throttle()
    if throttle.blocked():
        st.error("För många felaktiga inloggningar just nu. Vänta en minut och försök igen.",
                 icon=":material/timer:")
        return
    given = access.role_for(password, settings)
    if given is None:
        throttle.failed()
        time.sleep(1.0)  # a guess per second per session at most
        st.error("Fel lösenord.", icon=":material/key_off:")
        return
    st.session_state[ROLE_KEY] = given
    st.rerun()


def sidebar() -> None:
    """Who is logged in, and a way out (only when the app has passwords)."""
    if not access.login_required(_settings()):
        return
    current = role()
    st.caption(f"Inloggad som **{access.ROLE_SV.get(current, current)}**")
    if st.button("Logga ut", icon=":material/logout:", key="logout"):
        st.session_state.pop(ROLE_KEY, None)
        st.rerun()


def may_load() -> bool:
    return access.may_load(role())


def require_loader() -> None:
    """Stop the page with one line unless the visitor is a loader."""
    if may_load():
        return
    st.warning("Du är inloggad som läsare. Bara inläsare får läsa in dokument och köra analysen; "
               "be den som ansvarar för tjänsten om ett lösenord för inläsare.",
               icon=":material/lock:")
    st.stop()
