"""Lookups about loaded documents, used to skip unchanged ones before extraction."""
from __future__ import annotations

from collections.abc import Iterable

KNOWN_UIDS = "UNWIND $uids AS uid MATCH (d:Document {uid: uid}) RETURN d.uid AS uid"


def known_uids(driver, uids: Iterable[str]) -> set[str]:
    """The subset of document uids (text hashes) already in the graph."""
    uids = list(uids)
    if not uids:
        return set()
    from samverkan.settings import get_settings
    from neo4j import RoutingControl

    records, _, _ = driver.execute_query(KNOWN_UIDS, uids=uids, routing_=RoutingControl.READ,
                                         database_=get_settings().neo4j_database)
    return {r["uid"] for r in records}
