"""All settings, read once from the environment (and an optional git-ignored ``.env``).

Nothing else in the code reads ``os.environ`` for configuration; credentials never
appear in code. Defaults point at the local server that ``samverkan db start`` runs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
QUERIES_DIR = REPO_ROOT / "queries"

LOCAL_URI = "bolt://127.0.0.1:7687"
LOCAL_PASSWORD = "samverkan-local"  # only ever used by the loopback-only local server


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
    neo4j_password: str
    neo4j_database: str
    #: shared download cache (Neo4j jars), outside the repository
    cache: Path
    #: this instance's Neo4j conf, data, logs and pid file; tests use a separate one
    home: Path
    neo4j_version: str
    bolt_port: int
    http_port: int

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
        neo4j_password=env.get("NEO4J_PASSWORD", LOCAL_PASSWORD),
        neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
        cache=cache,
        home=home,
        neo4j_version=env.get("SAMVERKAN_NEO4J_VERSION", "5.26.30"),
        bolt_port=bolt_port,
        http_port=int(env.get("SAMVERKAN_HTTP_PORT", "7474")),
    )
