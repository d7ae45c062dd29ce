"""People's decisions on who is who: a versioned, human-readable CSV replayed on every load.

``data/decisions.csv`` by default (``SAMVERKAN_DECISIONS`` names a user's own file), one
decision a line, appended by ``samverkan merge`` / ``samverkan split`` and fine to edit or
review in a pull request::

    decision,uid,name,other_uid,other_name,who,when,note
    merge,coompanion-kalmar-län,Coompanion Kalmar län,coompanion-i-kalmar,Coompanion i Kalmar,anna,2026-11-24T10:02:11Z,
    split,region-västerbotten,Region Västerbotten,region-västerbotten-regionförbund,…,per,2026-11-24T10:05:40Z,the kommunalförbund before 2019

``merge``: the organisation ``other`` is ``uid`` (its names become aliases, its facts move).
``split``: ``other`` is not ``uid``, whatever automatic resolution says. For each pair the
last line wins, so a split after a merge undoes it; lines are never rewritten, so the file
is the history of who decided what and when. Resolution (``loaders.resolve``) applies the
decisions to every record it resolves; replaying them is idempotent.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("decision", "uid", "name", "other_uid", "other_name", "who", "when", "note")
KINDS = ("merge", "split")


class DecisionError(ValueError):
    """A decisions file that cannot be read (named, with the line)."""


@dataclass(frozen=True)
class Decision:
    decision: str
    uid: str
    name: str
    other_uid: str
    other_name: str
    who: str
    when: str
    note: str = ""

    @property
    def key(self) -> str:
        """One decision's identity (replaying the same line is the same decision)."""
        raw = "|".join((self.decision, self.uid, self.other_uid, self.who, self.when))
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def describe(self) -> str:
        return f"{self.decision} by {self.who or 'someone'} {self.when}".strip()


class Decisions:
    """The settled state of a list of decisions (the last one per pair wins)."""

    def __init__(self, rows: list[Decision] | tuple[Decision, ...] = ()):
        self.rows = tuple(rows)
        last: dict[frozenset, Decision] = {}
        for d in self.rows:
            last[frozenset((d.uid, d.other_uid))] = d
        self._merge = {d.other_uid: d for d in last.values() if d.decision == "merge"}
        self._split = {pair: d for pair, d in last.items() if d.decision == "split"}

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def merges(self) -> list[Decision]:
        return list(self._merge.values())

    @property
    def splits(self) -> list[Decision]:
        return list(self._split.values())

    def merged_into(self, uid: str) -> tuple[str, str, str] | None:
        """(uid, name, description) of the organisation ``uid`` was merged into, following
        chains (a into b, b into c: c), or None."""
        seen, d = {uid}, None
        while uid in self._merge:
            d = self._merge[uid]
            uid = d.uid
            if uid in seen:
                break
            seen.add(uid)
        return (d.uid, d.name, d.describe()) if d is not None else None

    def kept_apart(self, uid: str, own: set[str]) -> bool:
        """A split says the organisation whose own keys are ``own`` is not ``uid``."""
        return any(frozenset((uid, o)) in self._split for o in own if o and o != uid)

    def describe_split(self, uid: str, own: set[str]) -> str:
        for o in own:
            d = self._split.get(frozenset((uid, o)))
            if d is not None:
                return d.describe()
        return "split"

    def settled(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self._split or self._merge.get(a, None) is not None and \
            self._merge[a].uid == b or self._merge.get(b) is not None and self._merge[b].uid == a

    def keys(self) -> set[str]:
        return {d.key for d in self.rows}


def default_path() -> Path:
    from samverkan.settings import get_settings

    return get_settings().decisions


def read(path: Path | str | None = None) -> Decisions:
    """The decisions of a file (none when it does not exist)."""
    p = Path(path) if path is not None else default_path()
    if not p.exists():
        return Decisions()
    rows: list[Decision] = []
    with open(p, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("decision", "uid", "other_uid") if c not in (reader.fieldnames or [])]
        if missing:
            raise DecisionError(f"{p}: no column {', '.join(missing)} (expected {','.join(FIELDS)})")
        for n, r in enumerate(reader, start=2):
            kind = (r.get("decision") or "").strip().lower()
            if not kind or kind.startswith("#"):
                continue
            if kind not in KINDS:
                raise DecisionError(f"{p}:{n}: decision {kind!r} is neither merge nor split")
            uid, other = (r.get("uid") or "").strip(), (r.get("other_uid") or "").strip()
            if not uid or not other:
                raise DecisionError(f"{p}:{n}: a decision needs uid and other_uid")
            rows.append(Decision(kind, uid, (r.get("name") or "").strip(), other, (r.get("other_name") or "").strip(),
                                 (r.get("who") or "").strip(), (r.get("when") or "").strip(),
                                 (r.get("note") or "").strip()))
    return Decisions(rows)


_CACHE: dict[str, tuple[tuple, Decisions]] = {}


def current(path: Path | str | None = None) -> Decisions:
    """The decisions of the settings' file, read again only when the file changed (each
    worker process reads it once per change)."""
    p = Path(path) if path is not None else default_path()
    try:
        st = p.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except FileNotFoundError:
        stamp = None
    hit = _CACHE.get(str(p))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = read(p) if stamp is not None else Decisions()
    _CACHE[str(p)] = (stamp, value)
    return value


def who() -> str:
    from samverkan.settings import get_settings

    return get_settings().user


def append(decision: str, uid: str, name: str, other_uid: str, other_name: str, *, note: str = "",
           path: Path | str | None = None, by: str | None = None, when: str | None = None) -> Decision:
    """Add one decision at the end of the file (created with its header when new)."""
    if decision not in KINDS:
        raise DecisionError(f"decision {decision!r} is neither merge nor split")
    p = Path(path) if path is not None else default_path()
    d = Decision(decision, uid, name, other_uid, other_name, by if by is not None else who(),
                 when or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                 note)
    new = not p.exists() or p.stat().st_size == 0
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(p, "a", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        if new:
            w.writerow(FIELDS)
        w.writerow([getattr(d, k) for k in FIELDS])
        f.flush()
        os.fsync(f.fileno())
    _CACHE.pop(str(p), None)
    return d
