"""Access (issue 6, item 4): hostile values stay values, the local server is reachable from
this machine only, and no credential is written in the code.

Every value the writer, the retraction and forget-person send travels as a Cypher
parameter; these tests feed them values that would break a query built by string
concatenation and check that each is stored verbatim and nothing else changed.
"""
from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest

from graph import server
from graph.connection import run_read
from graph.writer import forget_person, init_schema, retract_document, write_record
from samverkan.settings import REPO_ROOT, get_settings
from test_writer import counts, make_record, snapshot

HOSTILE = [
    "x'}) DETACH DELETE n //",
    '"}) DETACH DELETE n //',
    "}) DETACH DELETE n //",
    "'; MATCH (n) DETACH DELETE n; //",
    "` DETACH DELETE n `",
    "\\'\\\" $rows {rows} ${x} \\u0027",
    "Robert'); DROP CONSTRAINT organization_uid; --",
    "line\nbreak\r\nand\ttab and NUL-free unicode: åäö ØÆ 中文 🙂",
    ".*",
    "\\Q.*\\E",
]
LONG = "Å" + "lång text " * 10_000  # 100,001 characters


def hostile_record(i: int, value: str) -> dict:
    text = f"dokument {i}: {value}"
    org = {"uid": f"org-{i}-{value}", "name": value, "kind": "other", "aliases": [value, LONG]}
    project = {"uid": f"proj-{i}-{value}", "name": value, "summary": value + LONG}
    person = {"uid": f"person-{i}-{value}", "name": value, "role": value}
    rec = make_record(
        text, f"/corpus/hostile/{i}-{value}.txt",
        organizations=[org], projects=[project], people=[person],
        municipalities=[{"uid": f"XX-{i}-{value}", "name": value, "country": "XX"}],
        relations=[
            {"type": "OWNS", "source_uid": org["uid"], "target_uid": project["uid"],
             "source": value, "target": value, "evidence": value},
            {"type": "CONTACT_FOR", "source_uid": person["uid"], "target_uid": project["uid"],
             "source": value, "target": value, "evidence": LONG, "props": {"role": value}},
            {"type": "ACTIVE_IN", "source_uid": project["uid"], "target_uid": f"XX-{i}-{value}",
             "source": value, "target": value, "evidence": value + LONG},
        ])
    rec["title"] = value
    return rec


@pytest.mark.neo4j
def test_hostile_values_are_stored_verbatim_and_harmless(clean_db):
    db = clean_db
    init_schema(db)
    sentinel = make_record("vakt", "/corpus/vakt.txt",
                           organizations=[{"uid": "vakt", "name": "Vakt", "kind": "other"}])
    write_record(db, sentinel)
    n_constraints = len(run_read(db, "SHOW CONSTRAINTS YIELD name RETURN name"))

    records = [hostile_record(i, v) for i, v in enumerate(HOSTILE)]
    for record in records:
        assert write_record(db, record).status == "new"
    # each document: Document + 4 entities; nothing deleted, no constraint dropped
    assert counts(db)[0] == 2 + 5 * len(HOSTILE)
    assert len(run_read(db, "SHOW CONSTRAINTS YIELD name RETURN name")) == n_constraints
    assert run_read(db, "MATCH (o:Organization {uid: 'vakt'}) RETURN o.name AS n") == [{"n": "Vakt"}]

    for i, value in enumerate(HOSTILE):
        row = run_read(db, """
            MATCH (d:Document {path: $path})-[:MENTIONS]->(o:Organization)-[r:OWNS]->(p:Project)
            MATCH (:Person)-[c:CONTACT_FOR]->(p)-[a:ACTIVE_IN]->(m:Municipality)
            RETURN d.title AS title, o.uid AS uid, o.name AS name, o.aliases AS aliases,
                   p.summary AS summary, r.evidence AS owns, c.role AS role,
                   c.evidence AS contact, a.evidence AS active, m.code AS code""",
                       {"path": f"/corpus/hostile/{i}-{value}.txt"})
        assert row == [{"title": value, "uid": f"org-{i}-{value}", "name": value,
                        "aliases": [value, LONG], "summary": value + LONG, "owns": [value],
                        "role": value, "contact": [LONG], "active": [value + LONG],
                        "code": f"XX-{i}-{value}"}], value

    # reloading is a no-op, retracting by a hostile path removes exactly that document
    before = snapshot(db)
    assert all(write_record(db, r).status == "unchanged" for r in records)
    assert snapshot(db) == before
    victim = records[0]
    assert retract_document(db, victim["path"]).status == "retracted"
    assert counts(db)[0] == 2 + 5 * (len(HOSTILE) - 1)


@pytest.mark.neo4j
def test_forget_person_with_a_pattern_for_a_name_matches_only_that_name(clean_db):
    """A name like ".*" or one holding \\E is a literal, not a regular expression."""
    db = clean_db
    init_schema(db)
    for i, value in enumerate([".*", "Anna Berg", "a\\Eb"]):
        write_record(db, hostile_record(i, value))
    people = lambda: sorted(r["n"] for r in run_read(db, "MATCH (p:Person) RETURN p.name AS n"))  # noqa: E731
    assert forget_person(db, ".*")["persons"] == 1
    assert people() == ["Anna Berg", "a\\Eb"]
    assert forget_person(db, "a\\Eb")["persons"] == 1
    assert people() == ["Anna Berg"]
    assert forget_person(db, "Anna Bergström")["persons"] == 0
    assert forget_person(db, "Anna")["persons"] == 0  # a part of a name is not the person
    assert forget_person(db, "Berg")["persons"] == 0
    assert people() == ["Anna Berg"]


# ---------------------------------------------------------------- the local server


def _listening(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.add(".".join(str(b) for b in raw[::-1]))
                else:  # four little-endian 32-bit words
                    words = [raw[i:i + 4][::-1] for i in range(0, 16, 4)]
                    found.add(b"".join(words).hex())
    return found


LOOPBACK = {"127.0.0.1", "00000000000000000000ffff7f000001", "00000000000000000000000000000001"}


@pytest.mark.neo4j
def test_the_local_server_listens_on_loopback_only(neo4j_driver):
    settings = get_settings()
    if not settings.manages_local_server or server.server_pid(settings) is None:
        pytest.skip("the configured server is not this project's local one")
    for port in (settings.bolt_port, settings.http_port):
        addresses = _listening(port)
        assert addresses and addresses <= LOOPBACK, (port, addresses)
    conf = (settings.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf


def test_generated_password_is_private_and_stable(tmp_path):
    import dataclasses

    s = dataclasses.replace(get_settings(), home=tmp_path / "home", neo4j_password=None,
                            neo4j_uri="bolt://127.0.0.1:7999", bolt_port=7999)
    assert s.manages_local_server and not s.password_from_env
    first = s.password
    assert len(first) >= 24 and s.password == first
    assert stat.S_IMODE(s.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(s.password_file.parent.stat().st_mode) == 0o700
    explicit = dataclasses.replace(s, neo4j_password="from-the-environment")
    assert explicit.password == "from-the-environment"
    remote = dataclasses.replace(s, neo4j_uri="neo4j+s://example.databases.neo4j.io")
    assert remote.password == ""  # never the local secret for another server


def test_no_credentials_in_the_code_and_env_is_ignored():
    tracked = subprocess.run(["git", "ls-files", "*.py", "*.yml", "*.yaml", "*.toml", "*.cfg",
                              "Makefile", "*.sh"], cwd=REPO_ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    literal = re.compile(
        r"""(NEO4J_PASSWORD\s*[=:]\s*["'][^"'$]+["'])|(auth\s*=\s*\(\s*["'][^"']*["']\s*,\s*["'][^"']+["'])"""
        r"""|(NEO4J_AUTH\s*[=:]\s*["']?neo4j/[^$"'\s])""")
    offenders = []
    for name in tracked:
        if name.startswith("tests/"):
            continue  # tests use wrong passwords on purpose
        path = REPO_ROOT / name
        if path.is_file():
            offenders += [f"{name}: {m.group(0)}" for m in literal.finditer(
                path.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO_ROOT)
    assert ignored.returncode == 0, ".env must be ignored by git"


def test_docker_compose_publishes_on_loopback_with_auth_from_the_environment():
    text = (REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert "image: neo4j:5.26-community" in text
    ports = re.findall(r'^\s*-\s*"([^"]+)"', text, re.M)
    assert ports and all(p.startswith("127.0.0.1:") for p in ports), ports
    assert re.search(r'NEO4J_AUTH:\s*"neo4j/\$\{NEO4J_PASSWORD:\?', text)
    assert "healthcheck:" in text and "neo4j-data:/data" in text
