"""All settings, read once from the environment (and an optional git-ignored ``.env``).

Nothing else in the code reads ``os.environ`` for configuration; credentials never
appear in code. Defaults point at the local server that ``samverkan db start`` runs.

Password: ``NEO4J_PASSWORD`` (environment or ``.env``) when set. Otherwise, for the local
server this project manages, a random password generated once per instance and kept in
``<SAMVERKAN_HOME>/conf/password`` (mode 0600): ``db start`` sets it as the server's initial
password and every client reads it from there, so nobody has to choose or type one. For any
other server an unset ``NEO4J_PASSWORD`` is an empty password (refused with a clear message).
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
QUERIES_DIR = REPO_ROOT / "queries"

LOCAL_URI = "bolt://127.0.0.1:7687"
#: where the generated password of a managed local instance lives, relative to its home
PASSWORD_FILE = Path("conf") / "password"


def _read_dotenv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        out[key.strip()] = value.strip().strip('"').strip("'")
    return out


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str
    neo4j_user: str
    #: NEO4J_PASSWORD; None means "the managed local instance's generated password"
    #: (see :attr:`password`)
    neo4j_password: str | None
    neo4j_database: str
    #: shared download cache (Neo4j jars), outside the repository
    cache: Path
    #: this instance's Neo4j conf, data, logs and pid file; tests use a separate one
    home: Path
    neo4j_version: str
    bolt_port: int
    http_port: int
    #: JVM heap (-Xms = -Xmx) and page cache of the local server; see graph/server.py
    neo4j_heap: str = "2g"
    neo4j_pagecache: str = "1g"
    #: the app's passwords (``samverkan.access``): SAMVERKAN_APP_PASSWORD lets a viewer in,
    #: SAMVERKAN_APP_LOADER_PASSWORD a loader (who may also upload and re-run the analysis)
    app_password: str | None = field(default=None, repr=False)
    app_loader_password: str | None = field(default=None, repr=False)
    #: SAMVERKAN_DOCUMENTS: the document store, when not ``<home>/documents``
    documents_dir: Path | None = None
    #: people's merge/split decisions (``loaders.decisions``): SAMVERKAN_DECISIONS, else the
    #: repository's versioned ``data/decisions.csv``
    decisions: Path = DATA_DIR / "decisions.csv"
    #: who a decision is recorded as made by: SAMVERKAN_USER, else the login name
    user: str = ""

    @property
    def manages_local_server(self) -> bool:
        """True when the URI is this machine's loopback at our Bolt port.

        Then `samverkan db start` runs the server itself; for any other URI (a
        remote server, a cluster, Aura) it only checks that the server answers.
        """
        from urllib.parse import urlsplit

        parts = urlsplit(self.neo4j_uri)
        return (parts.scheme in ("bolt", "neo4j") and parts.hostname in ("127.0.0.1", "localhost")
                and (parts.port or 7687) == self.bolt_port)


    @property
    def password_file(self) -> Path:
        """The generated password of this home's local server (used when NEO4J_PASSWORD is unset)."""
        return self.home / PASSWORD_FILE

    @property
    def documents(self) -> Path:
        """This instance's document store (``samverkan.docstore``): the files uploaded in the app;
        ``<SAMVERKAN_HOME>/documents`` unless SAMVERKAN_DOCUMENTS names another folder."""
        return self.documents_dir or self.home / "documents"

    @property
    def password_from_env(self) -> bool:
        return self.neo4j_password is not None

    @property
    def password(self) -> str:
        """The password to use: NEO4J_PASSWORD, else the local instance's generated one.

        For the managed local server the generated password is created on first use
        (by `db start` or by the first client, whichever comes first; see
        :func:`local_password`). For another server with no NEO4J_PASSWORD it is ``""``.
        """
        if self.neo4j_password is not None:
            return self.neo4j_password
        if self.manages_local_server:
            return local_password(self.password_file)
        return ""


def local_password(path: Path) -> str:
    """Read the generated password at ``path``, creating it (0600) on first use.

    Creation is atomic and race-free: the secret is written to a private temporary file
    that is hard-linked into place only if no password exists yet, so two processes
    starting at once agree on one password.
    """
    try:
        existing = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        existing = ""
    if existing:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_urlsafe(24) + "\n")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race: use its password
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    env = {**_read_dotenv(REPO_ROOT / ".env"), **os.environ}
    cache = Path(env.get("SAMVERKAN_CACHE") or Path.home() / ".cache" / "samverkan").expanduser()
    home = Path(env.get("SAMVERKAN_HOME") or cache / "instance").expanduser()
    bolt_port = int(env.get("SAMVERKAN_BOLT_PORT", "7687"))
    uri = env.get("NEO4J_URI") or f"bolt://127.0.0.1:{bolt_port}"
    return Settings(
        neo4j_uri=uri,
        neo4j_user=env.get("NEO4J_USER", "neo4j"),
        neo4j_password=env.get("NEO4J_PASSWORD") or None,
        neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
        cache=cache,
        home=home,
        neo4j_version=env.get("SAMVERKAN_NEO4J_VERSION", "5.26.30"),
        bolt_port=bolt_port,
        http_port=int(env.get("SAMVERKAN_HTTP_PORT", "7474")),
        neo4j_heap=env.get("SAMVERKAN_NEO4J_HEAP", "2g"),
        neo4j_pagecache=env.get("SAMVERKAN_NEO4J_PAGECACHE", "1g"),
        app_password=env.get("SAMVERKAN_APP_PASSWORD") or None,
        app_loader_password=env.get("SAMVERKAN_APP_LOADER_PASSWORD") or None,
        documents_dir=Path(env["SAMVERKAN_DOCUMENTS"]).expanduser() if env.get("SAMVERKAN_DOCUMENTS") else None,
        decisions=Path(env.get("SAMVERKAN_DECISIONS") or DATA_DIR / "decisions.csv").expanduser(),
        user=_user(env),
    )


def _user(env: dict[str, str]) -> str:
    for key in ("SAMVERKAN_USER", "USER", "LOGNAME", "USERNAME"):
        if env.get(key):
            return env[key]
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container without a passwd entry)
        return "unknown"
