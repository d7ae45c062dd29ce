"""Dubbletter: organisations that may be one actor, with the evidence `samverkan review` prints
(``graph.resolution.candidates``). Inläsare can decide: "Slå ihop" / "Håll isär" record the
decision in the decisions file (data/decisions.csv or SAMVERKAN_DECISIONS, with who and when)
through the same code as `samverkan merge/split` (``samverkan.cli_review.decide_pair``), and
the graph is brought in line at once; every later load replays it. Läsare see the list only."""
import streamlit as st

from app_pages import auth, common


def _candidates(limit: int):
    from graph import resolution
    from loaders.decisions import current

    return resolution.candidates(common.driver(), current(), limit=limit)


def body():
    st.title("Dubbletter")
    st.caption("Organisationer som kan vara samma aktör, med skälen: namnens likhet (juridisk form, genitiv, "
               "tidigare namn, förkortning, stavning), gemensamma platser och projekt och dokumenten som nämner "
               "var och en. Par som någon redan har bestämt om visas inte. Samma lista som `samverkan review`.")
    done = st.session_state.pop("review_done", None)
    if done:
        st.success(done)
    limit = st.number_input("Antal kandidater", min_value=1, max_value=200, value=20, step=5)
    try:
        cands = _candidates(int(limit))
    except ValueError as exc:   # a decisions file that does not parse
        st.error(f"Beslutsfilen kan inte läsas: {exc}")
        return
    if not cands:
        st.info("Inga kandidater till sammanslagning.")
        return
    loader = auth.may_load()
    if not loader:
        st.info("Du är inloggad som läsare: bara inläsare kan slå ihop eller hålla isär organisationer.")
    for n, c in enumerate(cands, start=1):
        with st.container(border=True):
            st.markdown(f"**{n}. {c.a['name']}** ~ **{c.b['name']}** (poäng {c.score:.2f})")
            st.markdown("\n".join(f"- {r}" for r in c.reasons))
            for side in (c.a, c.b):
                docs = side.get("documents") or []
                if docs:
                    more = side.get("n_documents", len(docs)) - len(docs[:3])
                    st.caption(f"{side['name']}: {', '.join(docs[:3])}" + (f" (+{more} till)" if more > 0 else ""))
            if loader:
                b1, b2 = st.columns(2)
                if b1.button("Slå ihop", key=f"merge_{c.a['uid']}_{c.b['uid']}", icon=":material/merge:",
                             help=f"{c.b['name']} blir ett namn på {c.a['name']}."):
                    _decide("merge", c.a, c.b)
                if b2.button("Håll isär", key=f"split_{c.a['uid']}_{c.b['uid']}", icon=":material/call_split:",
                             help="De föreslås inte igen och hålls isär vid varje inläsning."):
                    _decide("split", c.a, c.b)


def _decide(kind: str, a: dict, b: dict) -> None:
    from loaders.decisions import default_path
    from samverkan.cli_review import decide_pair

    d, result = decide_pair(common.driver(), kind, a, b)
    what = "slogs ihop med" if kind == "merge" else "hålls isär från"
    st.session_state["review_done"] = (
        f"{d.other_name} {what} {d.name}. Beslutet sparades i {default_path()} ({d.who}, {d.when}) och "
        f"gäller vid varje inläsning. Grafen: {result.line()}")
    st.cache_data.clear()
    st.rerun()


common.run_page(body)
