"""A synthetic :class:`~analytics.analysis.Projection` of realistic shape, for scale tests and benchmarks.

No database and no reference files: kommuner, län and target groups are made
up (290 kommuner in 21 län, 19 target groups) with the same counts as the
Swedish reference lists. The shape follows the bench corpus (``bench/corpus.py``)
and the ESF project bank:

* every project has an owner and 1–5 partners (2–6 organisations); one
  member is the next organisation of a seed-shuffled list, so every
  organisation takes part in at least one project, the others are drawn
  with Zipf-skewed reuse (``zipf_s``) so that a few hubs (national agencies,
  big cities) sit in thousands of projects;
* organisations have a seat kommun (Zipf over kommuner, so Stockholm-like
  places are crowded); a project runs in its owner's kommun and 0–3 more in
  the same län, for 1–4 target groups (Zipf over groups);
* most projects have a funder (a few funders, very skewed) — funders are left
  out of the collaboration network by :func:`analytics.analyze` by default;
* ~1 % of organisations state a collaboration with another one in their län;
* ~10 % of projects are undated.

With the defaults, 50,000 organisations give about 170,000 collaboration
links, ~30,000 projects and ~600,000 activity rows. Deterministic for a seed.

Examples
--------
>>> p = synthetic_projection(300, seed=1)
>>> len({r["org_uid"] for r in p.org_projects if r["role"] != "FUNDS"})
300
"""
from __future__ import annotations

import numpy as np

from analytics.analysis import Projection

__all__ = ["synthetic_projection"]

N_COUNTIES = 21
N_KOMMUNER = 290
N_TARGETS = 19
N_FUNDERS = 12
KINDS = ("municipality_org", "agency", "nonprofit", "company", "region", "samordningsforbund")


def _zipf_weights(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def synthetic_projection(n_orgs: int = 50_000, *, seed: int = 0, projects_per_org: float = 0.72,
                         zipf_s: float = 1.0, zipf_share: float = 0.35) -> Projection:
    """A projection with ``n_orgs`` collaborating organisations (see the module docstring).

    Parameters
    ----------
    n_orgs : int
        Organisations that own or take part in projects (funders come on top).
    projects_per_org : float
        Projects per organisation (0.6 gives ~3.4 links per organisation).
    zipf_s : float
        Exponent of the reuse skew of partners.
    zipf_share : float
        Share of the non-first members drawn from the skewed ranking (the rest uniformly).
    """
    rng = np.random.default_rng(seed)
    n_projects = max(1, int(round(n_orgs * projects_per_org)))

    # reference lists: kommuner spread over län with a skewed count per län
    county_codes = [f"{c:02d}" for c in range(1, N_COUNTIES + 1)]
    county_of_kommun = np.sort(rng.choice(N_COUNTIES, size=N_KOMMUNER, p=_zipf_weights(N_COUNTIES, 0.5)))
    county_of_kommun[:N_COUNTIES] = np.arange(N_COUNTIES)     # every län has a kommun
    county_of_kommun = np.sort(county_of_kommun)
    kommun_codes = [f"{county_of_kommun[i] + 1:02d}{i:02d}" for i in range(N_KOMMUNER)]
    kommuner_in = [np.flatnonzero(county_of_kommun == c) for c in range(N_COUNTIES)]
    municipalities = [{"code": kommun_codes[i], "name": f"Kommun {i}", "county_code": county_codes[county_of_kommun[i]]}
                      for i in range(N_KOMMUNER)]
    counties = [{"code": c, "name": f"Län {c}"} for c in county_codes]
    target_keys = [f"tg{t:02d}" for t in range(N_TARGETS)]
    target_groups = [{"key": k, "label_sv": f"Målgrupp {k[2:]}"} for k in target_keys]

    # organisations: a seat (Zipf over a shuffled kommun ranking), a kind
    kommun_rank = rng.permutation(N_KOMMUNER)
    seat = kommun_rank[rng.choice(N_KOMMUNER, size=n_orgs, p=_zipf_weights(N_KOMMUNER, 0.9))]
    kind = rng.choice(len(KINDS), size=n_orgs, p=[0.3, 0.05, 0.35, 0.2, 0.05, 0.05])
    org_uid = [f"org{i:06d}" for i in range(n_orgs)]
    org_name = [f"Organisation {i}" for i in range(n_orgs)]
    popularity = rng.permutation(n_orgs)        # the Zipf ranking of reuse
    zipf_p = _zipf_weights(n_orgs, zipf_s)

    # projects: size 2-6, the first member from a shuffled round-robin over all organisations
    sizes = rng.choice([2, 3, 4, 5, 6], size=n_projects, p=[0.3, 0.3, 0.2, 0.12, 0.08])
    extra = sizes - 1
    n_extra = int(extra.sum())
    skewed = rng.random(n_extra) < zipf_share
    # the first member and the unskewed others walk a shuffled round-robin: everybody takes part
    round_robin = np.resize(rng.permutation(n_orgs), n_projects + int((~skewed).sum()))
    fresh = round_robin[:n_projects]
    draws = np.empty(n_extra, dtype=np.int64)
    draws[skewed] = popularity[rng.choice(n_orgs, size=int(skewed.sum()), p=zipf_p)]
    draws[~skewed] = round_robin[n_projects:]
    starts = np.concatenate([[0], np.cumsum(extra)[:-1]])
    n_targets = rng.choice([1, 2, 2, 3, 4], size=n_projects)
    target_p = _zipf_weights(N_TARGETS, 0.9)
    n_more_places = rng.choice([0, 0, 1, 2, 3], size=n_projects)
    start_year = rng.integers(2008, 2026, size=n_projects)
    length = rng.integers(0, 4, size=n_projects)
    undated = rng.random(n_projects) < 0.1
    funded = rng.random(n_projects) < 0.8
    funder_p = _zipf_weights(N_FUNDERS, 1.6)
    funder = rng.choice(N_FUNDERS, size=n_projects, p=funder_p)

    org_projects: list[dict] = []
    coverage: list[dict] = []
    activity: list[dict] = []
    projects: list[dict] = []
    for p in range(n_projects):
        members = [int(fresh[p])]
        for o in draws[starts[p]:starts[p] + extra[p]]:
            if int(o) not in members:
                members.append(int(o))
        owner = members[0] if rng.random() < 0.5 else members[-1]
        home = int(seat[owner])
        places = [home]
        pool = kommuner_in[county_of_kommun[home]]
        for _ in range(n_more_places[p]):
            k = int(pool[rng.integers(len(pool))])
            if k not in places:
                places.append(k)
        targets = sorted({int(t) for t in rng.choice(N_TARGETS, size=n_targets[p], p=target_p)})
        uid = f"proj{p:06d}"
        name = f"Projekt {p}"
        start = None if undated[p] else f"{start_year[p]}-01-01"
        end = None if undated[p] else f"{start_year[p] + length[p]}-12-31"
        place_codes = [kommun_codes[k] for k in places]
        keys = [target_keys[t] for t in targets]
        projects.append({"project_uid": uid, "project_name": name, "start": start, "end": end,
                         "municipalities": place_codes,
                         "counties": [county_codes[county_of_kommun[k]] for k in places], "targets": keys})
        for o in members:
            org_projects.append({"org_uid": org_uid[o], "org_name": org_name[o], "org_kind": KINDS[kind[o]],
                                 "role": "OWNS" if o == owner else "PARTNER_IN", "project_uid": uid,
                                 "project_name": name, "start": start, "end": end, "amount_sek": None})
            seat_code = kommun_codes[seat[o]]
            for key in keys:
                for code in place_codes:
                    activity.append({"org_uid": org_uid[o], "org_name": org_name[o], "project_uid": uid,
                                     "target_key": key, "place_code": code, "via": "active_in",
                                     "start": start, "end": end})
                activity.append({"org_uid": org_uid[o], "org_name": org_name[o], "project_uid": uid,
                                 "target_key": key, "place_code": seat_code, "via": "located_in",
                                 "start": start, "end": end})
        if funded[p]:
            f = int(funder[p])
            org_projects.append({"org_uid": f"funder{f:02d}", "org_name": f"Finansiär {f}", "org_kind": "agency",
                                 "role": "FUNDS", "project_uid": uid, "project_name": name,
                                 "start": start, "end": end, "amount_sek": 1_000_000})
        for k in places:
            for key in keys:
                coverage.append({"project_uid": uid, "project_name": name, "municipality_code": kommun_codes[k],
                                 "county_code": county_codes[county_of_kommun[k]], "target_key": key,
                                 "start": start, "end": end})

    # stated collaborations: ~1 % of organisations, with someone seated in the same län
    stated: list[dict] = []
    seats_in_county: dict[int, np.ndarray] = {}
    county_of_org = county_of_kommun[seat]
    for c in range(N_COUNTIES):
        seats_in_county[c] = np.flatnonzero(county_of_org == c)
    for a in rng.choice(n_orgs, size=max(1, n_orgs // 100), replace=False):
        pool = seats_in_county[int(county_of_org[a])]
        b = int(pool[rng.integers(len(pool))])
        if b == a:
            continue
        x, y = sorted((int(a), b))
        stated.append({"org_a": org_uid[x], "org_a_name": org_name[x], "org_a_kind": KINDS[kind[x]],
                       "org_b": org_uid[y], "org_b_name": org_name[y], "org_b_kind": KINDS[kind[y]],
                       "doc_uids": [f"doc{int(a)}"]})
    return Projection(org_projects=org_projects, stated=stated, coverage=coverage, activity=activity,
                      municipalities=municipalities, counties=counties, target_groups=target_groups,
                      projects=projects)
