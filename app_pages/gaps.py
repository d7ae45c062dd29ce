"""Täckningsluckor: kommun/län × target group → projects, against the complete reference lists."""
import pandas as pd
import streamlit as st

from analytics import ranked_gaps, read_need_csv
from app_pages import common, views


def body():
    st.title("Täckningsluckor")
    st.caption("Antal projekt per plats och målgrupp. Tomma (vita) celler är luckor: där finns inget "
               "inläst projekt för målgruppen. Raderna är *alla* kommuner/län, inte bara de som nämns.")
    proj = common.projection()
    counties = {c["code"]: c["name"] for c in proj.counties}
    c1, c2 = st.columns([1, 2])
    level = c1.radio("Nivå", ["lan", "kommun"], format_func={"lan": "Län", "kommun": "Kommun"}.get,
                     horizontal=True)
    county = None
    if level == "kommun":
        county = c2.selectbox("Län", sorted(counties, key=counties.get), format_func=counties.get,
                              index=sorted(counties, key=counties.get).index("12") if "12" in counties else 0)
    matrix = common.coverage(level)
    if county:
        matrix = _subset(matrix, [p for p in matrix.index if p.startswith(county)])
    labels = matrix.attrs["target_labels"]
    names = matrix.attrs["place_names"]
    shown = matrix.rename(index=names, columns=labels)
    n_gaps = int((matrix == 0).sum().sum())
    st.metric("Luckor", f"{n_gaps} av {matrix.size} celler")
    fig = views.heatmap_figure(shown)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    st.download_button("Ladda ner matrisen (CSV)", common.csv_bytes(shown, index=True),
                       f"tackning_{level}.csv", "text/csv")

    st.subheader("Kommuner utan projekt för en målgrupp")
    labels_all = common.target_labels()
    munis_all = proj.municipalities
    q1, q2 = st.columns(2)
    county_codes = sorted(counties, key=counties.get)
    q_county = q1.selectbox("Län", county_codes, format_func=counties.get, key="without_county",
                            index=county_codes.index("12") if "12" in county_codes else 0)
    groups = sorted(labels_all, key=labels_all.get)
    q_group = q2.selectbox("Målgrupp", groups, format_func=labels_all.get, key="without_group",
                           index=groups.index("young_people") if "young_people" in groups else 0,
                           help="En målgrupp räknas med sina undergrupper (Unga omfattar Unga med "
                                "aktivitetsersättning).")
    without = views.places_without(proj.projects, munis_all, q_county,
                                   common.hierarchy().get(q_group, (q_group,)))
    st.metric(f"Kommuner i {counties[q_county]} utan projekt för {labels_all[q_group].lower()}",
              f"{len(without)} av {sum(1 for m in munis_all if str(m.get('county_code')) == q_county)}")
    st.dataframe(without, hide_index=True, width="stretch", height=240)
    st.download_button("Ladda ner listan (CSV)", common.csv_bytes(without), f"utan_{q_group}_{q_county}.csv",
                       "text/csv", key="without_csv")
    common.exports(f"utan_{q_group}_{q_county}",
                   f"Kommuner i {counties[q_county]} utan projekt för {labels_all[q_group].lower()}",
                   [("Kommuner utan projekt", without)], key="without")
    common.page_links("plats", "kod", [(r.kommunkod, r.kommun) for r in without.itertuples()], limit=12)

    st.subheader("Rangordnade luckor")
    need = None
    upload = st.file_uploader("Behovsindikator per kommun (valfri CSV: kommunkod;behov)", type=["csv", "txt"])
    if upload is not None:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / (upload.name or "behov.csv")
            path.write_bytes(upload.getvalue())
            try:
                need = read_need_csv(path)
            except ValueError as exc:
                st.error(str(exc).replace(str(path), upload.name or "filen"))
    county_of = {m["code"]: str(m.get("county_code")) for m in proj.municipalities}
    gaps = views.distinct_gap_counts(ranked_gaps(matrix, need), proj.projects, level, common.hierarchy(),
                                     county_of)
    table = gaps.rename(columns={"place_name": "plats", "target_label": "målgrupp", "need": "behov",
                                 "place_projects": "projekt på platsen",
                                 "nearby_projects": "projekt för målgruppen i närheten", "rank": "rang"})
    cols = ["rang", "plats", "målgrupp"] + (["behov"] if need is not None else []) + \
        ["projekt på platsen", "projekt för målgruppen i närheten"]
    st.dataframe(table[cols], hide_index=True, width="stretch", height=360)
    st.caption("Ordning: behov (om angivet), sedan platser som har andra projekt (befintliga partner "
               "kan fylla luckan), sedan där målgruppen har projekt i närheten.")
    st.download_button("Ladda ner luckorna (CSV)", common.csv_bytes(table[cols]), f"luckor_{level}.csv",
                       "text/csv", key="gaps_csv")

    st.subheader("Saknade kopplingar")
    st.page_link(common.PAGE_FILES["saknade"], label="Vilka arbetar med samma målgrupp på samma plats utan att "
                 "samverka? Se Saknade kopplingar", icon=":material/link_off:")


def _subset(matrix: pd.DataFrame, places: list[str]) -> pd.DataFrame:
    sub = matrix.loc[places]
    sub.attrs = dict(matrix.attrs)
    return sub


common.run_page(body)
