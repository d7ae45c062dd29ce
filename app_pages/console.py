"""Cypher-konsol: the curated queries (with their parameters) or your own Cypher, read-only."""
import streamlit as st

from app_pages import common, sv, views
from graph import query as q

OWN = "__own__"
SHOWN = 5000  # rows the console shows at most


@st.cache_data(ttl=common.TTL, show_spinner="Kör frågan …")
def run(text: str, params: tuple) -> tuple[list[str], list[dict]]:
    return q.run_query(common.driver(), q.NamedQuery("<text>", "", "", list(dict(params)), text),
                       dict(params), max_rows=SHOWN + 1)  # one more: to tell "more than SHOWN"


def _input(col, name, decl, default, key):
    """The input for one parameter, built from its ``// param:`` declaration (type, allowed
    values, range, how names match); undeclared ones are text typed by ``parse_param``."""
    label = sv.param_label(name)
    doc = sv.PARAMS.get(name, ("", ""))[1]
    if decl is None:
        raw = col.text_input(label, value="" if default is None else str(default), key=key, help=doc or None)
        return q.parse_param(f"{name}={raw}")[1]
    help_text = " — ".join(x for x in (doc, sv.describe_param(decl)) if x)
    if decl.choices:
        options = list(decl.choices)
        return col.selectbox(label, options, index=options.index(default) if default in options else 0,
                             key=key, help=help_text)
    if decl.type == "bool":
        return col.checkbox(label, value=bool(default), key=key, help=help_text)
    if decl.type in ("int", "float"):
        cast = int if decl.type == "int" else float
        value = cast(default) if isinstance(default, (int, float)) and not isinstance(default, bool) else None
        return col.number_input(label, value=value, step=cast(1),
                                min_value=cast(decl.min) if decl.min is not None else None,
                                max_value=cast(decl.max) if decl.max is not None else None,
                                key=key, help=help_text)
    return col.text_input(label, value="" if default is None else str(default), key=key, help=help_text)


def _coerce(named, values: dict) -> dict:
    """The values in their declared types, or a Swedish ``ValueError`` naming the parameter."""
    out = {}
    for k, v in values.items():
        decl = named.declared.get(k) if named else None
        if decl is None:
            out[k] = v
            continue
        try:
            out[k] = decl.coerce(v)
        except q.QueryError:
            raise ValueError(f"{sv.param_label(k)}: {v!r} passar inte ({sv.describe_param(decl)})") from None
    return out


def body():
    st.title("Cypher-konsol")
    st.caption("Endast läsning: frågor som skriver (CREATE, MERGE, DELETE, SET, REMOVE, LOAD CSV) eller "
               "administrerar databasen vägras. Data ändras med *Läs in dokument*.")
    queries = q.load_queries()
    choice = st.selectbox("Fråga", list(queries) + [OWN],
                          format_func=lambda n: "Egen Cypher …" if n == OWN else sv.query_title(n, queries[n].title))
    named = queries.get(choice)
    if named:
        st.write(sv.query_description(choice, named.description))
    text = st.text_area("Cypher", value=named.text if named else "MATCH (o:Organization)\nRETURN o.name AS namn, "
                        "o.kind AS typ\nORDER BY namn LIMIT 25", height=220, key=f"text_{choice}")
    used = q.query_parameters(text)
    values = {}
    if used:
        st.write("**Parametrar**")
        cols = st.columns(min(len(used), 3))
        for i, name in enumerate(used):
            default = (named.example.get(name, named.defaults.get(name, "")) if named else "")
            decl = named.declared.get(name) if named else None
            values[name] = _input(cols[i % len(cols)], name, decl, default, f"p_{choice}_{name}")
    if not st.button("Kör", type="primary", icon=":material/play_arrow:"):
        return
    try:
        # the header's declaration types the values, as `samverkan query` does
        values = _coerce(named, values)
        q.check_read_only(text)
        columns, rows = run(text, tuple(sorted(values.items(), key=lambda kv: kv[0])))
    except ValueError as exc:
        if isinstance(exc, q.QueryTimeoutError):
            st.error(f"Frågan tog längre tid än {q.query_timeout():g} sekunder och avbröts. Begränsa den "
                     "(till exempel med LIMIT) eller be den som driftar tjänsten höja SAMVERKAN_QUERY_TIMEOUT.",
                     icon=":material/timer_off:")
        elif isinstance(exc, q.ReadOnlyQueryError):
            st.error("Frågan vägrades: den skulle ändra data eller administrera databasen. Här går det bara "
                     "att läsa; data ändras på sidan Läs in dokument.", icon=":material/block:")
        elif isinstance(exc, q.QueryError):
            st.error(f"Frågan kunde inte köras: {exc}", icon=":material/block:")
        else:
            st.error(f"Fel värde för en parameter – {exc}.", icon=":material/block:")
        return
    except Exception as exc:
        if not common._is_driver_error(exc):
            raise
        message = ("Servern vägrade: frågan försökte skriva. Här går det bara att läsa."
                   if q.is_access_mode_error(exc) else f"Neo4j svarade med ett fel: {common.neo4j_message(exc)}")
        st.error(message)
        return
    if len(rows) > SHOWN:
        rows = rows[:SHOWN]
        st.warning(f"Frågan gav fler än {SHOWN} rader; de första {SHOWN} visas och laddas ner. "
                   "Begränsa den med LIMIT eller WHERE för att se resten.", icon=":material/filter_list:")
    else:
        st.success(f"{len(rows)} rader")
    frame = views.no_none(views.flat_frame(columns, rows).map(sv.value).rename(columns=sv.column))
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button("Ladda ner (CSV)", common.csv_bytes(frame), f"{choice if named else 'fraga'}.csv", "text/csv")
    st.download_button("Ladda ner (Excel)", common.xlsx_bytes({"Resultat": frame}),
                       f"{choice if named else 'fraga'}.xlsx", common.XLSX, key="console_xlsx")
    G = views.result_graph(rows)
    if G is not None:
        st.subheader("Som graf")
        common.show_graph(G, key=f"console_{choice}", height=480, size_by=None, color_by="kind")


common.run_page(body)
