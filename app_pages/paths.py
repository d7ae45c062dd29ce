"""Vägar mellan aktörer: who brokers between two chosen organisations — the shortest chains of
shared projects between them (no memberships) and the organisations in the middle."""
import pandas as pd
import streamlit as st

from analytics import COLLAB_ROLES, brokers_between, collaboration_graph
from app_pages import common, views


@st.cache_data(ttl=common.TTL, show_spinner="Bygger nätverket av gemensamma projekt …")
def project_graph(with_funders: bool, with_stated: bool):
    proj = common.projection()
    return collaboration_graph(proj.org_projects, proj.stated if with_stated else [],
                               roles=None if with_funders else COLLAB_ROLES)


def body():
    st.title("Vägar mellan aktörer")
    st.caption("Vem förmedlar kontakt mellan två aktörer? Kedjorna går bara över gemensamma projekt: "
               "medlemskap (t.ex. i ett samordningsförbund) räknas inte.")
    orgs = common.organisations()
    if orgs.empty:
        st.info("Inga organisationer med projekt ännu: läs in dokument först.")
        return
    names = dict(zip(orgs["uid"], orgs["name"]))
    uids = list(orgs["uid"])
    c1, c2 = st.columns(2)
    a = c1.selectbox("Från aktör", uids, index=uids.index(st.query_params["a"]) if st.query_params.get("a") in names
                     else None, format_func=names.get, placeholder="Skriv en del av namnet", key="path_a")
    b = c2.selectbox("Till aktör", uids, index=uids.index(st.query_params["b"]) if st.query_params.get("b") in names
                     else None, format_func=names.get, placeholder="Skriv en del av namnet", key="path_b")
    o1, o2 = st.columns(2)
    with_funders = o1.toggle("Räkna finansiärer som partner", value=False,
                             help="En nationell finansiär delar projekt med nästan alla och blir annars "
                                  "mäklare för allt.")
    with_stated = o2.toggle("Räkna även uttalad samverkan", value=False,
                            help="Samverkan som ett dokument uttalar utan ett gemensamt projekt.")
    if a is None or b is None:
        st.info("Välj två aktörer.")
        return
    params = {"a": a, "b": b}
    if dict(st.query_params) != {**dict(st.query_params), **params}:
        st.query_params.update(params)
    if a == b:
        st.info("Välj två olika aktörer.")
        return
    G = project_graph(with_funders, with_stated)
    result = brokers_between(G, a, b)
    A, B = names[a], names[b]
    if result["distance"] is None:
        missing = [names[x] for x in (a, b) if x not in G]
        why = (f"{' och '.join(missing)} delar inget projekt med någon "
               "annan aktör" if missing else "de hör till olika delar av nätverket")
        st.warning(f"Ingen kedja av gemensamma projekt förbinder {A} och {B}: {why}.")
        _common_ground(a, b, A, B)
        return
    if result["distance"] == 1:
        shared = result["steps"][(result["paths"][0][0], result["paths"][0][1])]
        st.success(f"{A} och {B} samverkar redan direkt: {len(shared)} gemensamma projekt. Ingen mäklare behövs.")
        common.page_links("projekt", "uid", shared)
        return
    n = len(result["paths"])
    st.success(f"Kortaste vägen från {A} till {B} har {result['distance']} led; "
               f"{n}{'' if result['complete'] else '+'} kortaste {'kedja' if n == 1 else 'kedjor'}.")
    brokers = pd.DataFrame([{"mäklare": names.get(v, G.nodes[v].get("name", v)),
                             "typ": views.kind_sv(G.nodes[v].get("org_kind")),
                             "kedjor genom aktören": k, "andel av kedjorna": f"{100 * k / n:.0f} %"}
                            for v, k in result["brokers"]],
                           columns=["mäklare", "typ", "kedjor genom aktören", "andel av kedjorna"])
    st.subheader("Mäklare")
    st.dataframe(brokers, hide_index=True, width="stretch")
    common.page_links("profil", "uid", [(v, names.get(v, v)) for v, _ in result["brokers"]])
    st.caption("En mäklare sitter mitt i en kortaste kedja: den delar ett projekt med nästa led åt båda hållen. "
               "Flest kedjor först.")

    st.subheader("Kedjorna")
    chains = []
    for p in result["paths"]:
        parts = [names.get(p[0], p[0])]
        for u, v in zip(p, p[1:]):
            projects = ", ".join(name for _, name in result["steps"][(u, v)][:3]) or "uttalad samverkan"
            parts.append(f"—[{projects}]→ {names.get(v, v)}")
        chains.append({"kedja": " ".join(parts)})
    st.dataframe(pd.DataFrame(chains), hide_index=True, width="stretch")
    H = G.edge_subgraph([(u, v) for p in result["paths"] for u, v in zip(p, p[1:])]).copy()
    for v, d in H.nodes(data=True):
        d.update(kind=d.get("org_kind") or "other", size=3.0 if v in (a, b) else 1.5 if v in dict(result["brokers"]) else 1.0,
                 title=f"{d.get('name')}\n{views.kind_sv(d.get('org_kind'))}")
    for u, v, d in H.edges(data=True):
        d["title"] = "gemensamma projekt: " + ", ".join(d.get("project_names") or []) if d.get("project_names") \
            else "uttalad samverkan"
    common.show_graph(H, key=f"paths_{a}_{b}_{with_funders}_{with_stated}", height=420, size_by="size",
                      color_by="kind", caption="Ändpunkterna är störst, mäklarna mellanstora.")
    hops = sorted({(u, v) for p in result["paths"] for u, v in zip(p, p[1:])})
    with st.expander("Projekten i varje led (öppna ett projekt för källorna)"):
        for u, v in hops:
            st.write(f"**{names.get(u, u)} – {names.get(v, v)}**")
            common.page_links("projekt", "uid", result["steps"][(u, v)])
    common.exports(f"vagar_{a}_{b}"[:60], f"Vägar mellan {A} och {B}",
                   [("Mäklare", brokers), ("Kedjor", pd.DataFrame(chains))], key="paths")


def _common_ground(a: str, b: str, A: str, B: str) -> None:
    """What two unconnected actors share besides projects: memberships, target groups, places."""
    pa, pb = common.actor_profile(a) or {}, common.actor_profile(b) or {}

    def member_of(p):
        return {x["uid"]: x["name"] for x in p.get("partners", [])
                if any(f.get("type") == "MEMBER_OF" and f.get("via") == "out" for f in x["facts"])}

    ma, mb = member_of(pa), member_of(pb)
    both = sorted(set(ma) & set(mb), key=lambda u: ma[u])
    if both:
        st.write(f"**Gemensamt medlemskap** (inte samverkan i ett projekt): {A} och {B} är båda medlemmar i "
                 + ", ".join(ma[u] for u in both) + ".")
        common.page_links("profil", "uid", [(u, ma[u]) for u in both])
    ta = {t["key"]: t.get("label_sv") for t in pa.get("target_groups", [])}
    tb = {t["key"] for t in pb.get("target_groups", [])}
    if set(ta) & tb:
        st.write("**Samma målgrupper**: " + ", ".join(sorted(ta[k] or k for k in set(ta) & tb)) + ".")
    if not both and not set(ta) & tb:
        st.write("De har varken medlemskap eller målgrupper gemensamt i grafen.")


common.run_page(body)
