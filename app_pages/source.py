"""Källdokument: one loaded document — where it came from (file name, the web address given at
upload), its text with every evidence quote marked (the chosen one first), and what the graph
stores from it: the facts it states and the actors it names."""
import html

import pandas as pd
import streamlit as st

from app_pages import common, evidence, graphview, views

#: characters of a document's text shown whole (a longer one is cut, with a note)
MAX_TEXT = 200_000


def body():
    st.title("Källdokument")
    uid = st.query_params.get("dok")
    if not uid:
        _choose()
        return
    view = common.document_view(uid)
    if view is None:
        st.warning("Dokumentet finns inte i grafen (det kan ha ersatts av en nyare version).")
        _choose()
        return
    doc = view["document"]
    st.header(doc.get("title") or doc.get("name") or uid)
    _origin(doc)

    facts = view["facts"]
    chosen = st.query_params.get("citat")
    text = common.document_text(uid, doc.get("path"))
    rows = []
    for f in facts:
        spans = evidence.locate(text.text, f["quote"]) if text.text else []
        rows.append({"relation": views.ROLE_SV.get(f["type"], f["type"]), "från": f["source"], "till": f["target"],
                     "citat": f["quote"] or "", "stöd": evidence.support(f["quote"], f["source"], f["target"]),
                     "i texten": ("ja" if spans else "nej") if text.text else "–",
                     "_doc": uid, "_quote": f["quote"], "_id": evidence.quote_id(f["quote"]), "_spans": spans})
    table = pd.DataFrame(rows, columns=["relation", "från", "till", "citat", "stöd", "i texten",
                                        "_doc", "_quote", "_id", "_spans"])
    picked = table[table["_id"] == chosen] if chosen else table.iloc[0:0]

    if not picked.empty:
        st.subheader("Markerat citat")
        f = picked.iloc[0]
        st.write(f"**{f['från']}** {f['relation']} **{f['till']}** · {f['stöd']}")
        _excerpt(text.text, f["_spans"], f["citat"])
    st.subheader(f"Påståenden ur dokumentet ({len(table)})")
    common.fact_table(table.drop(columns=["_id", "_spans"]), key=f"source_facts_{uid}",
                      empty="Dokumentet har inga påståenden i grafen (bara omnämnanden).")
    st.caption("**Stöd** säger om citatet självt nämner båda sidor av påståendet; ett citat som inte gör "
               "det stöder det inte ensamt. **I texten**: om citatet återfinns i dokumentets text.")

    st.subheader("Dokumentets text")
    if text.text:
        marks = []
        for r in rows:
            for i, (a, b) in enumerate(r["_spans"]):
                marks.append((a, b, f"c-{r['_id']}-{i}", r["_id"] == chosen))
        shown = text.text[:MAX_TEXT]
        body_html = evidence.marked_html(shown, [m for m in marks if m[1] <= len(shown)])
        st.html('<style>mark{background:#fff3a8;padding:0 1px}mark.chosen{background:#ffb347;'
                'outline:2px solid #e07b00}</style>'
                '<div data-testid="source-text" style="white-space:pre-wrap;font-family:Georgia,serif;'
                'font-size:0.95rem;line-height:1.45;max-height:640px;overflow:auto;border:1px solid #ddd;'
                f'padding:12px;border-radius:6px">{body_html}</div>')
        if len(text.text) > MAX_TEXT:
            st.caption(f"Texten är {len(text.text):,} tecken; de första {MAX_TEXT:,} visas.".replace(",", " "))
        st.caption("Gult: citat som ett påstående bygger på; orange: det markerade citatet. Texten är den "
                   "som lästes in (kontrollerad mot dokumentets id, en SHA-256 av texten).")
    else:
        st.info(f"Texten kan inte visas: {text.problem}. Nedan är det grafen sparade om dokumentet: "
                "citaten ovan och omnämnandena.", icon=":material/info:")
    mentions = pd.DataFrame([{"typ": graphview.KIND_LABELS_SV.get(m["label"], m["label"]), "namn": m["name"],
                              "citat": m.get("evidence") or ""} for m in view["mentions"]],
                            columns=["typ", "namn", "citat"])
    with st.expander(f"Omnämnda i dokumentet ({len(mentions)})"):
        for label, page in (("Organization", "profil"), ("Project", "projekt"), ("Municipality", "plats"),
                            ("TargetGroup", "malgrupp")):
            items = [(m["key"], m["name"]) for m in view["mentions"] if m["label"] == label]
            if items:
                st.write(f"**{views.LABELS_SV.get(label, label)}**")
                common.page_links(page, views.PROFILE_PAGES[label][1], items)
        st.dataframe(views.no_none(mentions), hide_index=True, width="stretch")


def _origin(doc: dict) -> None:
    """Where the document came from: file, web address, when and how it was loaded."""
    from samverkan.docstore import file_of, upload_info

    info = upload_info(doc.get("path") or "")
    parts = []
    if doc.get("name"):
        parts.append(f"fil **{doc['name']}**")
    if doc.get("kind"):
        parts.append(f"typ {doc['kind']}")
    if doc.get("published"):
        parts.append(f"publicerat {doc['published']}")
    if doc.get("loaded_at"):
        parts.append(f"inläst {str(doc['loaded_at'])[:16].replace('T', ' ')}")
    st.write(" · ".join(parts))
    if info:
        line = f"Uppladdad i appen {str(info.get('uploaded_at', ''))[:16].replace('T', ' ')}"
        if info.get("original_name") and info["original_name"] != doc.get("name"):
            line += f" som {info['original_name']}"
        st.caption(line + f"; sparad i instansens dokumentarkiv: `{file_of(doc['path'])}`")
        if info.get("url"):
            st.markdown(f"Original: [{html.escape(info['url'])}]({info['url']})")
    elif doc.get("path"):
        st.caption(f"Inläst från `{doc['path']}`")


def _excerpt(text: str | None, spans: list, quote: str) -> None:
    if text and spans:
        a, b = spans[0][0], spans[-1][1]
        before, middle, after = evidence.excerpt(text, (a, b))
        st.html('<div data-testid="source-excerpt" style="white-space:pre-wrap;border-left:4px solid #e07b00;'
                'padding:8px 12px;background:#fffaf0;font-family:Georgia,serif">'
                f'{html.escape(before)}<mark class="chosen" style="background:#ffb347">{html.escape(middle)}</mark>'
                f'{html.escape(after)}</div>')
    else:
        st.html('<div data-testid="source-excerpt" style="border-left:4px solid #999;padding:8px 12px;'
                f'background:#f7f7f7"><mark style="background:#ffb347">{html.escape(quote or "")}</mark></div>')
        st.caption("Citatet som grafen sparade (det återfinns inte ordagrant i texten, eller texten saknas).")


def _choose() -> None:
    text = st.text_input("Sök dokument", placeholder="del av titel eller filnamn",
                         help="Visar de senast inlästa dokumenten som matchar.")
    docs = common.find_documents(text, 50)
    if not docs:
        st.info("Inga dokument matchar." if text else "Inga dokument inlästa ännu.")
        return
    st.write(f"**{len(docs)} dokument** (senast inlästa först):")
    for d in docs:
        st.page_link(common.PAGE_FILES["kalla"], label=f"{d['name']} · {d.get('file') or ''}",
                     query_params={"dok": d["uid"]}, icon=":material/description:")


common.run_page(body)
