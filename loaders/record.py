"""The extraction record: what extraction returns and the writer consumes.

A record is a plain JSON-able dict, a superset of the contract in
``eval/FORMAT.md`` (unknown keys are ignored by the scorer)::

    {
      "document": "002_x.txt",              # file name (FORMAT.md)
      "path": "/abs/path/002_x.txt",        # where it was read from (identity across versions)
      "doc_uid": "<sha256 of the text>",
      "title": "...", "kind": "esf_project|finsam_news|conference|press_release|general",
      "published": "2021-06-08" | None,
      "organizations":  [{"uid", "name", "kind", "aliases": [...]}],
      "municipalities": [{"uid", "name", "code"?, "country", "county_code"?}],
      "projects":       [{"uid", "name", "id"?, "start"?, "end"?, "budget_sek"?,
                          "esf_support_sek"?, "planned_participants"?, "region"?,
                          "specific_objective"?}],
      "people":         [{"uid", "name", "role"?, "email"?, "phone"?}],
      "target_groups":  [{"key"}],
      "relations":      [{"type", "source", "target",          # names, as FORMAT.md
                          "source_uid", "target_uid",          # node keys, for the writer
                          "evidence", "start", "end",          # quote and its offsets in the text
                          "props": {"role"?: ..., "amount_sek"?: ...}}],
    }

``uid`` is the node key of the entity's label (see ``graph.schema.NODES``):
an organisation's slug, a municipality's SCB code (foreign: ``DK-helsingor``),
a project's diarienummer or slug, a person's slug, a target-group key.
Evidence offsets index into the document text exactly:
``text[start:end] == evidence``.
"""
from __future__ import annotations

import re
import unicodedata

ENTITY_LISTS = ("organizations", "municipalities", "projects", "people", "target_groups")


_NON_WORD = re.compile(r"[^\w]+")


def slug(name: str) -> str:
    """A stable id from a name: case-folded, accents kept, punctuation to dashes.

    >>> slug("Skåne Stadsmission")
    'skåne-stadsmission'
    >>> slug("Arbetsmarknads- och socialförvaltningen")
    'arbetsmarknads-och-socialförvaltningen'
    """
    text = unicodedata.normalize("NFC", name).casefold()
    text = _NON_WORD.sub("-", text)
    return text.strip("-")


def empty_record(document: str, path: str, doc_uid: str) -> dict:
    return {
        "document": document,
        "path": path,
        "doc_uid": doc_uid,
        "title": None,
        "kind": "general",
        "published": None,
        **{name: [] for name in ENTITY_LISTS},
        "relations": [],
    }
