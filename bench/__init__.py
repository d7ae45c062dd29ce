"""Benchmarks at the scale of a national project bank (issue 5).

* :mod:`bench.corpus` - a deterministic synthetic corpus of Swedish ESF project records and
  FINSAM news pages, drawing actors from the reference data with Zipf-like reuse;
* :mod:`bench.run` - one command that measures extraction, writing, loading, reloading,
  analytics, curated queries and loader memory, prints a table and saves JSON under
  ``bench/results/``.
"""
