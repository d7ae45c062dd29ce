"""The graph view as a Streamlit component that says which node was clicked.

pyvis's page in ``st.iframe`` could not navigate: the iframe's sandbox blocks a script from
changing the app's location (a ``SecurityError``), and a link opening a new page would start
a new session (and ask for the password again). A component sends the clicked node back to
the script instead, which opens the profile with ``st.switch_page`` in the same session.

The component's files are ``netview.html`` and vis-network's script and style from the pyvis
package, copied once into a directory under the cache (``SAMVERKAN_CACHE``) named by their
hash; Streamlit serves them from there, so the view needs nothing from the internet.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "netview.html"
NAME = "samverkan_netview"


def _vis_files() -> dict[str, Path]:
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return {"vis-network.min.js": lib / "vis-network.min.js", "vis-network.css": lib / "vis-network.css"}


@lru_cache(maxsize=1)
def component_dir() -> Path:
    """The directory Streamlit serves the component from (built on first use)."""
    from samverkan.settings import get_settings

    files = {"index.html": TEMPLATE, **_vis_files()}
    digest = hashlib.sha256()
    for name, path in sorted(files.items()):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    target = get_settings().cache / "app" / f"netview-{digest.hexdigest()[:16]}"
    if not (target / "index.html").is_file():
        tmp = target.with_name(target.name + f".tmp-{id(target)}")
        tmp.mkdir(parents=True, exist_ok=True)
        for name, path in files.items():
            shutil.copyfile(path, tmp / name)
        try:
            tmp.rename(target)
        except OSError:           # another process built it first
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _component():
    from streamlit.components.v1 import declare_component

    return declare_component(NAME, path=str(component_dir()))


def show(data: dict, *, height: int = 600, key: str = "graph", clickable: bool = True) -> str | None:
    """Draw ``data`` (``graphview.vis_data``); the id of a node clicked since the last run, else None."""
    version = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]
    value = _component()(nodes=data["nodes"], edges=data["edges"], options=data["options"], height=height,
                         version=version, clickable=clickable, key=key, default=None)
    seen_key = f"_netview_seen_{key}"
    if isinstance(value, dict) and value.get("node") is not None and value.get("nonce") != st.session_state.get(seen_key):
        st.session_state[seen_key] = value.get("nonce")
        return str(value["node"])
    return None
