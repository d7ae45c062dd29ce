"""`samverkan review`, `merge` and `split`: people correct who is who, and it sticks.

Decisions go to the decisions file (``data/decisions.csv``, or ``SAMVERKAN_DECISIONS``), one
line each with who and when (``loaders.decisions``); the graph is brought in line at once
(``graph.resolution.replay``) and again by every load, so the same file gives the same graph.
Registered on the main group by :func:`register` (``samverkan.cli``).
"""
from __future__ import annotations

import json

import click


def _cli():
    from samverkan import cli

    return cli


def _decisions_path():
    from loaders.decisions import default_path

    return default_path()


def _one_org(driver, key: str) -> dict:
    """The organisation node a uid, name or alias names; an error when none or several do."""
    from graph.resolution import find_org

    hits = find_org(driver, key)
    if not hits:
        raise _cli().Failure(f"no organisation named {key!r} in the graph (give its name, an alias or its uid; "
                             f"'samverkan review' lists candidates)")
    best = [h for h in hits if h["rank"] == hits[0]["rank"]]
    if len(best) > 1:
        listing = "; ".join(f"{h['uid']} ({h['name']}, {h['n_documents']} documents)" for h in best[:8])
        raise _cli().Failure(f"{key!r} names {len(best)} organisations: {listing} — give the uid")
    return best[0]


def _offline_org(key: str) -> dict:
    from loaders.resolve import key_for_name

    return {"uid": key_for_name(key), "name": key, "aliases": [], "reference": False}


def _replay(driver, keep_contact_details: bool) -> None:
    from graph.resolution import replay

    result = replay(driver, keep_contact_details=keep_contact_details)
    click.echo(result.line())
    for err in result.errors:
        _cli().error_line(err)
    for path in result.missing[:10]:
        click.echo(f"warning: {path}: its file is gone; it keeps its old resolution until loaded again", err=True)


_APPLY = [
    click.option("--note", default="", help="Why (kept in the decisions file)."),
    click.option("--no-apply", is_flag=True, help="Only record the decision; the next load applies it."),
    click.option("--keep-contact-details", is_flag=True,
                 help="Documents written again keep e-mail addresses and phone numbers (as load --keep-contact-details)."),
]


def _apply_options(fn):
    for opt in reversed(_APPLY):
        fn = opt(fn)
    return fn


@click.command()
@click.option("--stats", is_flag=True, help="Only the counts: merge candidates, decisions recorded and applied.")
@click.option("--limit", default=20, show_default=True, help="Candidates to list.")
@click.option("--json", "as_json", is_flag=True, help="Candidates (or --stats) as JSON.")
def review(stats, limit, as_json):
    """List organisations that may be one actor, with the evidence for each.

    Each candidate pair shows why the names compare (legal form, genitive, former name,
    abbreviation, spelling), the places and projects both have and the documents that
    mention each, and the command that would merge them. Pairs someone already decided on
    are left out.

    \b
    Example:
      samverkan review --limit 10
      samverkan review --stats
    """
    from graph import resolution
    from loaders.decisions import DecisionError, current

    try:
        decisions = current()
    except DecisionError as exc:
        raise _cli().Failure(str(exc)) from None
    driver = _cli()._driver()
    if stats:
        st = resolution.stats(driver, decisions)
        if as_json:
            click.echo(json.dumps(st, ensure_ascii=False))
            return
        click.echo(f"{st['candidates']} merge candidates among {st['organisations']} organisations; "
                   f"{st['merges_applied']} of {st['merges']} merges and {st['splits_applied']} of {st['splits']} "
                   f"splits applied ({_decisions_path()}); {st['pending']} decisions waiting for the next load; "
                   f"{st['local_mentions']} generic mentions kept local to their document")
        return
    cands = resolution.candidates(driver, decisions, limit=limit)
    if as_json:
        for c in cands:
            click.echo(json.dumps(c.as_dict(), ensure_ascii=False))
        return
    if not cands:
        click.echo("no merge candidates")
        return
    for n, c in enumerate(cands, start=1):
        click.echo(f"{n}. {c.a['name']!r} [{c.a['uid']}] ~ {c.b['name']!r} [{c.b['uid']}]  score {c.score:.2f}")
        for r in c.reasons:
            click.echo(f"     - {r}")
        for side in (c.a, c.b):
            docs = side.get("documents") or []
            if docs:
                more = f" (+{side['n_documents'] - len(docs[:3])} more)" if side.get("n_documents", 0) > 3 else ""
                click.echo(f"     {side['name']}: {', '.join(docs[:3])}{more}")
        click.echo(f"     merge: samverkan merge {c.a['uid']!r} {c.b['uid']!r}   "
                   f"keep apart: samverkan split {c.a['uid']!r} {c.b['uid']!r}")


@click.command()
@click.argument("keep")
@click.argument("other")
@_apply_options
def merge(keep, other, note, no_apply, keep_contact_details):
    """Record that OTHER is the organisation KEEP, and apply it to the graph.

    KEEP and OTHER are names, aliases or uids of organisations in the graph. OTHER's names
    become aliases of KEEP and its facts (with their evidence) move to KEEP. The decision is
    a line in the decisions file (who, when, --note) that every load replays.

    \b
    Example:
      samverkan merge "Coompanion Kalmar län" "Coompanion i Kalmar" --note "same association"
    """
    _decide("merge", keep, [other], note, no_apply, keep_contact_details)


@click.command()
@click.argument("name")
@click.argument("others", nargs=-1)
@_apply_options
def split(name, others, note, no_apply, keep_contact_details):
    """Record that OTHERS are not the organisation NAME, and apply it to the graph.

    Without OTHERS: every other name NAME was given by a merge or by automatic resolution
    (its aliases that are not the reference data's own) is kept apart. Each becomes a line in
    the decisions file that every load replays; a split after a merge undoes it.

    \b
    Example:
      samverkan split "Region Västerbotten" "Västerbottens läns landsting"
      samverkan split "Coompanion Kalmar län"
    """
    _decide("split", name, list(others), note, no_apply, keep_contact_details)


def _decide(kind: str, key: str, others: list[str], note: str, no_apply: bool, keep_contact_details: bool) -> None:
    from loaders import decisions as D
    from loaders.resolve import own_key

    try:
        existing = D.current()
    except D.DecisionError as exc:
        raise _cli().Failure(str(exc)) from None
    driver = None if no_apply else _cli()._driver()
    node = _offline_org(key) if driver is None else _one_org(driver, key)
    if kind == "split" and not others:
        others = _merged_names(node, existing)
        if not others:
            raise _cli().Failure(f"{node['name']!r} has no other names to keep apart (give them: "
                                 f"samverkan split {key!r} NAME)")
    rows = []
    for other in others:
        if kind == "merge":
            o = _offline_org(other) if driver is None else _one_org(driver, other)
            if o["uid"] == node["uid"]:
                raise _cli().Failure(f"{other!r} and {key!r} are one node already ({node['uid']})")
            rows.append((node, o["uid"], o["name"]))
        else:
            uid = next((d.other_uid for d in existing.merges if d.uid == node["uid"]
                        and other in (d.other_uid, d.other_name)), None) or own_key(other)
            if uid == node["uid"]:
                raise _cli().Failure(f"{other!r} is {node['name']!r}'s own name; nothing to split")
            rows.append((node, uid, other))
    path = D.default_path()
    for d in record(kind, rows, note=note):
        click.echo(f"recorded in {path}: {d.decision} {d.uid} ({d.name}) / {d.other_uid} ({d.other_name}) "
                   f"by {d.who} {d.when}")
    if driver is not None:
        _replay(driver, keep_contact_details)
    else:
        click.echo("not applied to the graph (--no-apply): the next 'samverkan load' does it")


def record(kind: str, rows: list[tuple[dict, str, str]], *, note: str = "", by: str | None = None) -> list:
    """Append one decision per (node, other uid, other name) to the decisions file (who, when).

    The one writer of decisions for ``samverkan merge/split`` and the app's review page."""
    from loaders import decisions as D

    path = D.default_path()
    return [D.append(kind, n["uid"], n["name"], uid, other_name, note=note, path=path, by=by)
            for n, uid, other_name in rows]


def decide_pair(driver, kind: str, a: dict, b: dict, *, note: str = "", by: str | None = None):
    """Record merge/split of a review candidate pair (a keeps its node) and bring the graph in
    line, as ``samverkan merge A B`` / ``samverkan split A B`` do. Returns (decision, replay result)."""
    from graph.resolution import replay

    (d,) = record(kind, [(a, b["uid"], b["name"])], note=note, by=by)
    return d, replay(driver)


def _merged_names(node: dict, existing) -> list[str]:
    """The names a node was given besides its own and the reference data's."""
    from loaders import reference
    from loaders.compare import fold
    from loaders.resolve import own_key

    ref_names = {fold(n) for o in reference.organizations() if o.name == node["name"] for n in (o.name, *o.aliases)}
    names = [d.other_name or d.other_uid for d in existing.merges if d.uid == node["uid"]]
    for alias in node.get("aliases") or []:
        if fold(alias) in ref_names or own_key(alias) == node["uid"] or len(alias) <= 5 and alias.isupper():
            continue
        names.append(alias)
    return list(dict.fromkeys(names))


def register(group: click.Group) -> None:
    for cmd in (review, merge, split):
        group.add_command(cmd)
