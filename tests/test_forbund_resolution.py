"""Held-out style checks (texts of our own) that the förbund added to the reference list in
this round resolve to their reference node, and a former one keeps its own node with its
successor, through the whole extraction path."""
from __future__ import annotations

from loaders.record import slug
from tests.test_resolution import extract


def test_new_reference_forbund_resolve_to_their_reference_node():
    rec = extract("Nyhet 2024-02-01\nSamordningsförbundet Östra Skaraborg och Samordningsförbundet i Kalmar län "
                  "bjuder in handläggare till en gemensam konferens om unga med aktivitetsersättning.\n")
    kinds = {o["uid"]: o["kind"] for o in rec["organizations"]}
    for name in ("Samordningsförbundet Östra Skaraborg", "Samordningsförbundet i Kalmar län"):
        assert kinds.get(slug(name)) == "coordination_association", (name, kinds)
    assert "Kalmar kommun" not in {o["name"] for o in rec["organizations"]}


def test_a_former_forbund_keeps_its_own_node():
    rec = extract("Årsredovisning 2013\nSamordningsförbundet Falköping Tidaholm finansierade under året "
                  "projektet Steget vidare tillsammans med Falköpings kommun.\n")
    uids = {o["uid"] for o in rec["organizations"]}
    assert slug("Samordningsförbundet Falköping Tidaholm") in uids, uids
    assert slug("Samordningsförbundet Östra Skaraborg") not in uids   # a 2013 text: not yet merged
