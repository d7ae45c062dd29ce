"""A synthetic project-bank export and how fast (and how flat in memory) it loads.

    python -m bench.tables --rows 10000      # rows/s and peak memory, 2,500 vs 10,000 rows

The export has the columns of a regional-fund project bank (case id, beneficiary, amounts in
SEK and EUR, name, description, start/end, project leader, phone, e-mail, län, kommuner,
area, priority, thematic objective); values are generated from the reference data with a
fixed seed. ``run`` reads and extracts it with the loader's own path (``iter_documents`` →
``extract_stream``, one process) and reports rows per second and the peak of Python memory
(tracemalloc) for a quarter of the rows and for all of them: streaming keeps that ratio ≈ 1.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

HEADER = ["ärende-id", "stödmottagare", "beviljat_belopp_sek", "beviljat_belopp_eur", "projektnamn",
          "projektbeskrivning", "projekt_starttid", "projekt_sluttid", "projektledare", "telnr", "e-post",
          "län", "kommuner", "område", "insatsområde", "tematiskt_mål"]
_WORDS = ("Smart", "Grön", "Digital", "Hållbar", "Ung", "Nya", "Framtida", "Lokal", "Regional", "Inkluderande")
_HEADS = ("industri", "omställning", "kompetens", "arbetsmarknad", "innovation", "samverkan", "tillväxt")
_FIRST = ("Anna", "Per", "Karin", "Lars", "Sara", "Johan", "Eva", "Ali", "Maria", "Erik")
_LAST = ("Testsson", "Provare", "Exempel", "Fiktiv", "Påhitt")


def write_export(path: Path, rows: int, seed: int = 1) -> Path:
    from loaders.gazetteer import Gazetteer

    g = Gazetteer.load()
    rng = random.Random(seed)
    kommuner = sorted({p.name for p in g.places.values() if p.code and p.country == "SE"})
    owners = ["Region Västerbotten", "Umeå universitet", "Luleå tekniska universitet", "Region Norrbotten",
              "Skellefteå kommun", "Almi Företagspartner Nord", "Länsstyrelsen i Västerbottens län"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        for i in range(rows):
            start = 2014 + rng.randint(0, 8)
            ks = rng.sample(kommuner, rng.randint(0, 6))
            sek = rng.randint(200, 30000) * 1000
            w.writerow([f"2020{i:06d}", rng.choice(owners), f"{sek:,}".replace(",", " "), f"{sek // 10:,}".replace(",", " "),
                        f"{rng.choice(_WORDS)} {rng.choice(_HEADS)} {i}",
                        "Projektet ska stärka små företag och skapa jobb för unga och långtidsarbetslösa i regionen.",
                        f"{start}-0{rng.randint(1, 9)}-01", f"{start + rng.randint(1, 4)}-12-31",
                        f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "070-000 00 00", "namn@example.se",
                        "Västerbottens län", ", ".join(ks), "Övre Norrland", "1. Forskning och innovation",
                        "Stärka forskning"])
    return path


def _measure(path: Path) -> dict:
    from loaders.pipeline import extract_stream
    from loaders.readers import iter_documents

    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    rows = pairs = funds = dated = 0
    for rec in extract_stream(iter_documents([path]), jobs=1):
        if isinstance(rec, str):
            continue
        rows += 1
        pairs += sum(1 for r in rec["relations"] if r["type"] == "ACTIVE_IN")
        funds += any(r["type"] == "FUNDS" for r in rec["relations"])
        dated += bool(rec["projects"] and rec["projects"][0].get("start"))
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rows": rows, "seconds": round(secs, 2), "rows_per_s": round(rows / secs, 1),
            "rows_per_cpu_s": round(rows / max(cpu, 1e-9), 1), "peak_mb": round(peak / 2**20, 1),
            "active_in": pairs, "with_funds": funds, "with_dates": dated}


def run(rows: int = 10000, seed: int = 1) -> dict:
    from loaders import readers_table

    readers_table.OPTIONS["fund"] = "ERUF"  # as a coordinator would say: the file does not
    with tempfile.TemporaryDirectory() as tmp:
        small = _measure(write_export(Path(tmp) / "export-small.csv", max(1, rows // 4), seed))
        big = _measure(write_export(Path(tmp) / "export.csv", rows, seed))
    readers_table.OPTIONS["fund"] = None
    return {"small": small, "big": big, "peak_ratio": round(big["peak_mb"] / max(small["peak_mb"], 0.1), 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.rows, args.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
