"""Run a local Neo4j 5.26 Community server without Docker: start, stop, status.

The server is the Community edition's own entry point (``org.neo4j.server.CommunityEntryPoint``)
run by the machine's Java 17 or 21, from the jars that Maven fetches from Maven Central into
``<cache>/neo4j-<version>/lib`` (see ``graph/neo4j/pom.xml``). Each instance has its own home
(``SAMVERKAN_HOME``): ``conf/neo4j.conf`` (regenerated on every start), ``data/``, ``logs/``
and ``run/neo4j.pid``. Bolt and HTTP (with Neo4j Browser) listen on 127.0.0.1 only, with auth.

When ``NEO4J_URI`` points anywhere else, nothing is started: :func:`start` only checks that
the server answers. Every failure is a :class:`ServerError` whose message is one line saying
what is wrong and what to do.

Start-up time: on 2 cores the JVM spends most of a start loading and verifying classes from
the ~210 jars. The first server that stops cleanly records them in a class-data-sharing
archive (``-XX:ArchiveClassesAtExit``, JDK 13+) next to the jars; every later start maps it
(``-XX:SharedArchiveFile``) and starts in about half the time. The JVM checks the archive
against the JDK and every jar's size and mtime and silently runs without it on any mismatch.

Memory: heap and page cache default to 2 GB and 1 GB (``SAMVERKAN_NEO4J_HEAP``,
``SAMVERKAN_NEO4J_PAGECACHE``). On a 2-core 24 GB machine Neo4j shares the box with the
Streamlit app, the NetworkX analytics, a test instance and a browser; the graph of this
project (tens of thousands of nodes) has a store of tens of MB, so a 1 GB page cache holds
it entirely and more would only be reserved, not used.

    python -m graph.server start|stop|status
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from samverkan.settings import Settings, get_settings

log = logging.getLogger(__name__)

POM = Path(__file__).resolve().parent / "neo4j" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
SUPPORTED_JAVA = (17, 21)
#: CDS archive of the server's classes (see :func:`_cds_flags`), beside the jars
CDS_ARCHIVE = "neo4j-java{major}.jsa"
MAVEN_TIMEOUT = 1200  # seconds for a cold download (about 140 MB)
STAMP = ".complete"
FALLBACK = "run `docker compose up -d`, or set NEO4J_URI to a running server"

# The JVM flags of the Community tarball's default neo4j.conf (server.jvm.additional); the
# launcher script would add them, and we start the JVM ourselves. -XX:+AlwaysPreTouch is
# left out: it commits the whole heap at start (slower start, 1 GB RSS at once).
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
)

Progress = Callable[[str], None]


class ServerError(Exception):
    """The local Neo4j cannot be started, stopped or reached; ``str()`` is one line."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# --------------------------------------------------------------------------- paths


def _s(settings: Settings | None) -> Settings:
    return settings or get_settings()


def lib_dir(settings: Settings | None = None) -> Path:
    s = _s(settings)
    return s.cache / f"neo4j-{s.neo4j_version}" / "lib"


def pid_file(settings: Settings | None = None) -> Path:
    return _s(settings).home / "run" / "neo4j.pid"


def log_file(settings: Settings | None = None) -> Path:
    """Neo4j's own user log (``neo4j.log``); JVM output goes to ``console.log`` beside it."""
    return _s(settings).home / "logs" / "neo4j.log"


def _console_log(s: Settings) -> Path:
    return s.home / "logs" / "console.log"


def _local_uri(s: Settings) -> str:
    return f"bolt://127.0.0.1:{s.bolt_port}"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, so two `db start` or two downloads never race."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- Java and Maven


def find_java() -> tuple[str, int]:
    """The java executable and its major version: SAMVERKAN_JAVA, else JAVA_HOME, else PATH.

    Raises ServerError unless it is Java 17 or 21 (what Neo4j 5.26 supports).
    """
    # Machine-local tool paths, not project configuration; kept out of Settings on purpose.
    explicit = os.environ.get("SAMVERKAN_JAVA")
    java_home = os.environ.get("JAVA_HOME")
    if explicit:
        java, origin = explicit, "SAMVERKAN_JAVA"
        if not (os.path.isfile(java) and os.access(java, os.X_OK)):
            raise ServerError(
                f"Java 17 or 21 is needed to run the local Neo4j, but SAMVERKAN_JAVA={java} "
                f"is not an executable; fix it, or {FALLBACK}")
    elif java_home and os.access(os.path.join(java_home, "bin", "java"), os.X_OK):
        java, origin = os.path.join(java_home, "bin", "java"), "JAVA_HOME"
    else:
        java, origin = shutil.which("java") or "", "PATH"
        if not java:
            raise ServerError(
                "Java 17 or 21 is needed to run the local Neo4j (found none on PATH); "
                f"install it (e.g. apt-get install openjdk-17-jre-headless), or {FALLBACK}")
    major = _java_major(java)
    if major not in SUPPORTED_JAVA:
        found = f"Java {major}" if major else "an unrecognised Java"
        raise ServerError(
            f"Neo4j 5.26 needs Java 17 or 21, but {java} (from {origin}) is {found}; "
            f"install 17 or 21 and point JAVA_HOME or SAMVERKAN_JAVA at it, or {FALLBACK}")
    return java, major


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major  # "1.8.0" is Java 8


def _maven_failure(version: str, output: str) -> ServerError:
    """Turn Maven's output into one line; network trouble is named as such."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)  # colour codes, should Maven add them
    errors = [ln.removeprefix("[ERROR]").strip() for ln in output.splitlines()
              if ln.startswith("[ERROR]") and ln.strip() != "[ERROR]"]
    text = " ".join(errors) or output
    # "No plugin found for prefix 'dependency'": the plugin index could not be downloaded
    offline = re.search(r"offline mode|No plugin found for prefix|Could not transfer|"
                        r"Unknown ?Host|resolve host|"
                        r"Connect(ion)? (timed out|refused)|Network is unreachable|"
                        r"No route to host|PKIX|handshake|Read timed out", text, re.I)
    if offline:
        reason = ("Maven is in offline mode" if "offline mode" in text
                  else "Maven could not fetch its dependency plugin"
                  if offline.group(0).startswith("No plugin") else _short(offline.group(0)))
        return ServerError(
            f"Could not download Neo4j {version} from Maven Central ({reason}); check the "
            f"network or the proxy in ~/.m2/settings.xml and retry, or {FALLBACK}")
    if re.search(r"Could not find artifact org\.neo4j:neo4j:", text):
        return ServerError(
            f"Neo4j {version} is not on Maven Central; set SAMVERKAN_NEO4J_VERSION to a "
            f"released 5.26.x version")
    return ServerError(f"Maven could not fetch Neo4j {version}: {_short(text)}")


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + " …"


def ensure_jars(settings: Settings | None = None, java: str | None = None,
                progress: Progress | None = None) -> Path:
    """The lib folder of the Neo4j jars, fetched with Maven on first use.

    A stamp file marks a complete download; once it exists Maven is never run again. The
    jars are fetched into a scratch folder (with its own Maven repository, deleted after)
    that is renamed into place only when complete, so a half download is never used.
    SAMVERKAN_MAVEN_OFFLINE=1 runs Maven offline (to test the error path).
    """
    s = _s(settings)
    lib = lib_dir(s)
    target = lib.parent
    if (target / STAMP).is_file():
        return lib
    with _locked(s.cache / f"neo4j-{s.neo4j_version}.lock"):
        if (target / STAMP).is_file():  # another process finished it while we waited
            return lib
        mvn = shutil.which("mvn")
        if not mvn:
            raise ServerError(
                f"Maven (mvn) is needed once to fetch Neo4j {s.neo4j_version} from Maven "
                f"Central (found none on PATH); install it (e.g. apt-get install maven), "
                f"or {FALLBACK}")
        java = java or find_java()[0]
        env = dict(os.environ, JAVA_HOME=str(Path(os.path.realpath(java)).parent.parent))
        scratch = Path(tempfile.mkdtemp(prefix=f".neo4j-{s.neo4j_version}.", dir=s.cache))
        try:
            cmd = [mvn, "-B", "-q", "-Dstyle.color=never", "-f", str(POM),
                   f"-Dneo4j.version={s.neo4j_version}",
                   f"-Dmaven.repo.local={scratch / 'm2'}",
                   "-Dmaven.wagon.http.retryHandler.count=2",
                   "dependency:copy-dependencies", "-DincludeScope=runtime",
                   f"-DoutputDirectory={scratch / 'dist' / 'lib'}"]
            offline = os.environ.get("SAMVERKAN_MAVEN_OFFLINE", "") not in ("", "0")
            if offline:
                cmd.insert(1, "--offline")
            (progress or log.info)(
                f"Fetching Neo4j {s.neo4j_version} from Maven Central into {target} "
                f"(once; about 140 MB) …")
            try:
                done = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                      timeout=MAVEN_TIMEOUT, cwd=scratch)
            except subprocess.TimeoutExpired:
                raise ServerError(
                    f"Fetching Neo4j {s.neo4j_version} from Maven Central took longer than "
                    f"{MAVEN_TIMEOUT} s; check the network and retry, or {FALLBACK}") from None
            if done.returncode != 0:
                raise _maven_failure(s.neo4j_version, done.stdout + "\n" + done.stderr
                                     + ("\n[ERROR] offline mode" if offline else ""))
            jars = sorted(p.name for p in (scratch / "dist" / "lib").glob("*.jar"))
            if f"neo4j-{s.neo4j_version}.jar" not in jars:
                raise ServerError(f"Maven finished but neo4j-{s.neo4j_version}.jar is missing "
                                  f"from the download; delete {scratch} and retry")
            (scratch / "dist" / STAMP).write_text(json.dumps(
                {"version": s.neo4j_version, "jars": len(jars),
                 "fetched": time.strftime("%Y-%m-%dT%H:%M:%S%z")}) + "\n")
            if target.exists():  # an incomplete folder from an older, interrupted layout
                shutil.rmtree(target)
            os.rename(scratch / "dist", target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return lib


# --------------------------------------------------------------------------- conf and password


def neo4j_conf(settings: Settings | None = None) -> str:
    """The text of this instance's conf/neo4j.conf."""
    s = _s(settings)
    h = s.home
    return "\n".join([
        "# Generated by graph/server.py on every start: edits here are overwritten.",
        f"server.directories.data={h / 'data'}",
        f"server.directories.logs={h / 'logs'}",
        f"server.directories.run={h / 'run'}",
        f"server.directories.import={h / 'import'}",
        f"server.directories.plugins={h / 'plugins'}",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{s.bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{s.http_port}",
        f"server.http.advertised_address=127.0.0.1:{s.http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        # the JVM is started with -Xms/-Xmx of the same size (see _java_command)
        f"server.memory.heap.initial_size={s.neo4j_heap}",
        f"server.memory.heap.max_size={s.neo4j_heap}",
        f"server.memory.pagecache.size={s.neo4j_pagecache}",
        "dbms.usage_report.enabled=false",
        # a backstop for any transaction a client forgot to bound (reads from the console and
        # `samverkan query` stop at SAMVERKAN_QUERY_TIMEOUT, 30 s, long before this)
        "db.transaction.timeout=10m",
        # keep little transaction log: a local tool needs no point-in-time recovery, and the
        # default (2 days) let a large load fill the disk
        "db.tx_log.rotation.retention_policy=2 files",
        "db.tx_log.rotation.size=64M",
        # Bolt waits 2 x 5 s for idle connections on shutdown by default
        "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
        "internal.server.bolt.connection_shutdown_wait_time=1s",
        "",
    ])


_SIZE = re.compile(r"^[1-9][0-9]*[kmgKMG]?$")


def write_conf(settings: Settings | None = None) -> Path:
    """Write this instance's conf/neo4j.conf (0600) and create its folders.

    Raises :class:`ServerError` for a heap or page-cache size Neo4j and the JVM would
    refuse, before anything is started.
    """
    s = _s(settings)
    for var, value in (("SAMVERKAN_NEO4J_HEAP", s.neo4j_heap),
                       ("SAMVERKAN_NEO4J_PAGECACHE", s.neo4j_pagecache)):
        if not _SIZE.match(str(value)):
            raise ServerError(f"{var}={value!r} is not a memory size; use e.g. 2g or 512m")
    for sub in ("conf", "data", "logs", "run", "import", "plugins"):
        (s.home / sub).mkdir(parents=True, exist_ok=True)
    conf = s.home / "conf" / "neo4j.conf"
    conf.write_text(neo4j_conf(s), encoding="utf-8")
    conf.chmod(0o600)
    return conf


def _initialised(s: Settings) -> bool:
    return (s.home / "data" / "databases" / "system").is_dir()


def _password_origin(s: Settings) -> str:
    return "NEO4J_PASSWORD" if s.password_from_env else f"the generated password in {s.password_file}"


def _argfile_quote(value: str) -> str:
    """Quote one argument for a picocli ``@argfile`` (double quotes, backslash escapes)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_initial_password(settings: Settings, java: str, lib: Path) -> None:
    """neo4j-admin dbms set-initial-password, before the first start of a new home only.

    The password is NEO4J_PASSWORD or the instance's generated one (see
    :attr:`Settings.password`). It reaches neo4j-admin through an ``@argfile`` readable by
    this user only, never on a command line that ``ps`` shows to everyone.
    """
    s = settings
    if _initialised(s):
        return
    password = s.password
    env = dict(os.environ, NEO4J_HOME=str(s.home), NEO4J_CONF=str(s.home / "conf"))
    argfile = s.home / "run" / f".initial-password.{os.getpid()}"
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            # "--" ends the options: a password may begin with "-" (token_urlsafe does,
            # one time in 64), which picocli would otherwise read as an unknown option
            fh.write(f"set-initial-password\n--\n{_argfile_quote(password)}\n")
        done = subprocess.run(
            [java, *_cds_flags(s, java, record=False), "-Dfile.encoding=UTF-8",
             "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", f"@{argfile}"],
            env=env, capture_output=True, text=True, timeout=120)
    finally:
        argfile.unlink(missing_ok=True)
    if done.returncode != 0:
        raise ServerError(f"Could not set the initial Neo4j password ({_password_origin(s)}): "
                          f"{_short(_admin_reason(done.stderr + done.stdout, password))}")


def _admin_reason(output: str, secret: str) -> str:
    """The line of neo4j-admin's output that says what went wrong, without the secret.

    On a usage error picocli prints the reason first and then the whole usage text, so the
    last line would be the description of some option; the first line naming an error or
    exception is the reason. The password is blanked: picocli echoes arguments it rejects.
    """
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    lines = [ln.replace(secret, "***") if secret else ln for ln in lines]
    for line in lines:
        if re.search(r"(?i)exception|error|unknown|invalid|missing|failed|must", line):
            return line
    return lines[-1] if lines else "no output"


# --------------------------------------------------------------------------- class-data sharing


def _cds_archive(s: Settings, java: str) -> Path:
    return lib_dir(s).parent / CDS_ARCHIVE.format(major=_java_major(java) or "x")


def _cds_recording(s: Settings) -> Path:
    """Where this home's server writes its class recording at exit (one server per home)."""
    return s.home / "run" / "classes.jsa"


def _cds_flags(s: Settings, java: str, *, record: bool) -> list[str]:
    """JVM flags that map the shared class-data archive, or (``record``) that write this
    home's recording at exit while there is no archive yet."""
    archive = _cds_archive(s, java)
    if archive.is_file():
        return [f"-XX:SharedArchiveFile={archive}", "-Xshare:auto"]
    if record:
        _cds_recording(s).unlink(missing_ok=True)
        return [f"-XX:ArchiveClassesAtExit={_cds_recording(s)}"]
    return []


def _keep_cds_recording(s: Settings, java: str | None) -> None:
    """After a clean stop: publish this home's class recording as the shared archive.

    The first recording wins (``os.link`` never replaces); only a server that exited on
    its own after SIGTERM gets here, so the JVM finished writing the file.
    """
    recording = _cds_recording(s)
    try:
        if java and recording.is_file() and recording.stat().st_size > 0:
            with contextlib.suppress(FileExistsError):
                os.link(recording, _cds_archive(s, java))
    except OSError as exc:  # a read-only cache: start-up is only slower
        log.debug("class-data archive not kept: %s", exc)
    finally:
        recording.unlink(missing_ok=True)


# --------------------------------------------------------------------------- processes


def _proc_cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        out = subprocess.run(["ps", "-o", "command=", "-p", str(pid)],
                             capture_output=True, text=True)
        return out.stdout


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own exited child
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError, IndexError):
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def server_pid(settings: Settings | None = None) -> int | None:
    """The pid of this home's running Neo4j, from the pid file (stale files are ignored)."""
    s = _s(settings)
    try:
        pid = int(pid_file(s).read_text().strip())
    except (OSError, ValueError):
        return None
    # a reused pid must never be taken for our server (nor be sent a signal)
    if _alive(pid) and ENTRY_POINT in (cmd := _proc_cmdline(pid)) and str(s.home) in cmd:
        return pid
    return None


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _java_command(s: Settings, java: str, lib: Path) -> list[str]:
    return [java, f"-Xms{s.neo4j_heap}", f"-Xmx{s.neo4j_heap}", *JVM_FLAGS,
            *_cds_flags(s, java, record=True), "-cp", f"{lib}/*", ENTRY_POINT,
            f"--home-dir={s.home}", f"--config-dir={s.home / 'conf'}"]


def _proc_java(pid: int) -> str | None:
    """The java executable a running process was started with (first cmdline word)."""
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode() or None
    return None


def _last_log_line(s: Settings) -> str:
    """The most telling line of the logs: an ERROR from neo4j.log, else the JVM's last words."""
    def lines(path: Path) -> list[str]:
        with contextlib.suppress(OSError):
            return [ln.strip() for ln in path.read_text(errors="replace").splitlines()
                    if ln.strip()]
        return []
    neo, console = lines(log_file(s)), lines(_console_log(s))
    errors = [ln for ln in neo + console if " ERROR " in ln or ln.startswith(("Error", "Exception"))]
    for candidate in (errors, console, neo):
        if candidate:
            return _short(candidate[-1], 400)
    return "no log output"


# --------------------------------------------------------------------------- Bolt probes


def _probe(s: Settings, uri: str, patience: float = 10) -> str:
    """'ok <version>' when Bolt answers with our credentials, 'auth' when it refuses them,
    'down' when nothing usable answers (yet)."""
    import neo4j
    from neo4j.exceptions import (AuthError, DriverError, Neo4jError, ServiceUnavailable,
                                  SessionExpired)

    try:
        # acquisition bounds the Bolt handshake too: a port that accepts and never answers
        # (another program) must not stall `db start` for the driver's default 60 s per probe
        with neo4j.GraphDatabase.driver(uri, auth=(s.neo4j_user, s.password),
                                        connection_timeout=3, connection_acquisition_timeout=patience,
                                        max_transaction_retry_time=0,
                                        warn_notification_severity="OFF") as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                database_=s.neo4j_database)
            return f"ok {records[0]['v']}"
    except AuthError:
        return "auth"
    except Neo4jError as exc:
        if (exc.code or "").startswith("Neo.ClientError.Security."):
            return "auth"
        return "down"  # e.g. database still starting
    except (ServiceUnavailable, SessionExpired, DriverError, OSError):
        # DriverError: e.g. ConnectionAcquisitionTimeoutError while the server is still
        # too busy starting to finish the handshake
        return "down"


def _password_refused(s: Settings, uri: str) -> ServerError:
    return ServerError(
        f"Neo4j at {uri} refused the password for user '{s.neo4j_user}' "
        f"({_password_origin(s)}); if {s.home / 'data'} was created with another password "
        f"set NEO4J_PASSWORD to that one, or stop the server and delete {s.home / 'data'} "
        f"to start empty")


def _verify_remote(s: Settings) -> str:
    from graph.connection import DatabaseUnavailable, get_driver

    try:
        with get_driver(s) as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                database_=s.neo4j_database)
            return records[0]["v"]
    except DatabaseUnavailable as exc:
        raise ServerError(str(exc)) from None


# --------------------------------------------------------------------------- public API


def start(settings: Settings | None = None, timeout: float = 180, *,
          progress: Progress | None = None) -> str:
    """Start the local Neo4j if it is not running, and wait until Bolt answers.

    Idempotent. ``timeout`` bounds the wait for Bolt (a first, cold start also spends a
    minute or two fetching the jars before that). For a NEO4J_URI that is not this
    machine's local server nothing is started; the server is only checked. Returns one
    line for the user; raises :class:`ServerError`.
    """
    s = _s(settings)
    if not s.manages_local_server:
        version = _verify_remote(s)
        return (f"Using Neo4j {version} at {s.neo4j_uri} (NEO4J_URI is not this project's "
                f"local server, so nothing was started)")
    uri = _local_uri(s)
    with _locked(s.home / "run" / "samverkan.lock"):
        pid = server_pid(s)
        if pid is None:
            for port, what in ((s.bolt_port, "Bolt"), (s.http_port, "HTTP")):
                if _port_open(port):
                    state = _probe(s, uri, patience=3) if what == "Bolt" else "down"
                    if state.startswith("ok "):
                        return (f"Neo4j {state[3:]} already running at {uri} (not started by "
                                f"this project from {s.home}; `db stop` will not stop it)")
                    raise ServerError(
                        f"Port {port} ({what}) on 127.0.0.1 is already in use by another "
                        f"process; stop it, or choose free ports with SAMVERKAN_BOLT_PORT and "
                        f"SAMVERKAN_HTTP_PORT")
            java, _major = find_java()
            lib = ensure_jars(s, java, progress)
            write_conf(s)
            set_initial_password(s, java, lib)
            with open(_console_log(s), "ab") as out:
                proc = subprocess.Popen(
                    _java_command(s, java, lib), stdin=subprocess.DEVNULL, stdout=out,
                    stderr=subprocess.STDOUT, start_new_session=True, cwd=s.home)
            pid = proc.pid
            pid_file(s).write_text(f"{pid}\n")
            (progress or log.info)(f"Starting Neo4j {s.neo4j_version} (pid {pid}), "
                                   f"log {log_file(s)} …")
            verb = "running"
        else:
            verb = "already running"
        t0 = time.monotonic()
        while True:
            state = _probe(s, uri)
            if state.startswith("ok "):
                return f"Neo4j {state[3:]} {verb} at {uri} (pid {pid}, log {log_file(s)})"
            if state == "auth":
                raise _password_refused(s, uri)
            if not _alive(pid):
                with contextlib.suppress(OSError):
                    pid_file(s).unlink()
                raise ServerError(f"Neo4j exited during start-up: {_last_log_line(s)} "
                                  f"(see {log_file(s)} and {_console_log(s)})")
            if time.monotonic() - t0 > timeout:
                raise ServerError(
                    f"Neo4j (pid {pid}) did not answer on {uri} within {timeout:.0f} s; it may "
                    f"still be starting: see {log_file(s)}, run `samverkan db status` again, "
                    f"or `samverkan db stop`")
            time.sleep(0.5)


def stop(settings: Settings | None = None, timeout: float = 60) -> str:
    """Stop the local Neo4j: SIGTERM (a clean shutdown), SIGKILL only after ``timeout``."""
    s = _s(settings)
    if not s.manages_local_server:
        return f"NEO4J_URI={s.neo4j_uri} is not this project's local server; nothing stopped"
    with _locked(s.home / "run" / "samverkan.lock"):
        pid = server_pid(s)
        if pid is None:
            with contextlib.suppress(OSError):
                pid_file(s).unlink()
            return f"Neo4j is not running (home {s.home})"
        t0 = time.monotonic()
        java = _proc_java(pid)
        os.kill(pid, signal.SIGTERM)
        while _alive(pid) and time.monotonic() - t0 < timeout:
            time.sleep(0.2)
        how = "stopped"
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
            how = f"killed after {timeout:.0f} s without a clean shutdown"
            _cds_recording(s).unlink(missing_ok=True)  # possibly half written
        else:
            _keep_cds_recording(s, java)
        with contextlib.suppress(OSError):
            pid_file(s).unlink()
        return f"Neo4j {how} (pid {pid}, {time.monotonic() - t0:.1f} s)"


def is_running(settings: Settings | None = None) -> bool:
    """True when the configured server answers Bolt with the configured credentials."""
    s = _s(settings)
    uri = _local_uri(s) if s.manages_local_server else s.neo4j_uri
    return _probe(s, uri).startswith("ok ")


def status(settings: Settings | None = None) -> dict:
    """What the server holds: ``uri``, ``running``, ``version``, ``labels`` and
    ``relationships`` counts, plus ``pid``/``home``/``log`` for the local server.

    Raises :class:`ServerError` (one line with a hint) when the server cannot be reached.
    """
    from graph.connection import DatabaseUnavailable, get_driver

    s = _s(settings)
    try:
        driver = get_driver(s)
    except DatabaseUnavailable as exc:
        if (s.manages_local_server and server_pid(s) is not None
                and str(exc).startswith("Neo4j is not reachable")):
            raise ServerError(f"Neo4j (pid {server_pid(s)}) is running but not answering at "
                              f"{s.neo4j_uri} yet: see {log_file(s)}, or wait and retry") from None
        raise ServerError(str(exc)) from None
    with driver:
        def q(cypher: str, db: str | None = s.neo4j_database) -> list:
            return driver.execute_query(cypher, database_=db)[0]
        comp = q("CALL dbms.components() YIELD name, versions, edition "
                 "RETURN versions[0] AS version, edition")[0]
        labels = {}
        for rec in q("CALL db.labels() YIELD label RETURN label ORDER BY label"):
            name = rec["label"].replace("`", "``")
            # counts per label come from the count store: no scan
            labels[rec["label"]] = q(f"MATCH (n:`{name}`) RETURN count(n) AS c")[0]["c"]
        rels = q("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    out = {"uri": s.neo4j_uri, "running": True, "version": comp["version"],
           "edition": comp["edition"], "database": s.neo4j_database,
           "labels": labels, "relationships": rels, "managed": s.manages_local_server}
    if s.manages_local_server:
        out.update(pid=server_pid(s), home=str(s.home), log=str(log_file(s)))
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m graph.server",
        description="Start, stop or inspect the local Neo4j (settings from the environment).",
        epilog="example: python -m graph.server start && python -m graph.server status")
    parser.add_argument("command", choices=("start", "stop", "status"))
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            print(start(progress=lambda m: print(m, file=sys.stderr, flush=True)))
        elif args.command == "stop":
            print(stop())
        else:
            print(json.dumps(status(), indent=2, ensure_ascii=False))
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
