"""The graph model, declared once as data.

Labels with their key property, and the allowed ``(source)-[TYPE]->(target)``
patterns. Constraints, the writer's validation, the extractor's relation table
and the README's model table are all derived from these two tables, so a new
label or relationship type is added here and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeType:
    label: str
    key: str
    #: the name of the list in an extraction record (FORMAT.md) that holds this kind
    record_list: str | None
    properties: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class RelType:
    type: str
    source: str
    target: str
    description: str
    #: relationship properties besides provenance
    properties: tuple[str, ...] = ()
    #: stated in either direction (COLLABORATES_WITH)
    undirected: bool = False
    #: part of the extraction contract (eval/FORMAT.md); False for structural edges
    extracted: bool = True


NODES: dict[str, NodeType] = {
    n.label: n
    for n in (
        NodeType("Organization", "uid", "organizations", ("name", "kind", "aliases"),
                 "An actor: kommun, förvaltning, region, agency, samordningsförbund, nonprofit, …"),
        NodeType("Municipality", "code", "municipalities", ("name", "county_code", "country"),
                 "A kommun as a place (SCB kommunkod; foreign ones get a prefixed code)."),
        NodeType("County", "code", None, ("name",), "A län (SCB länskod)."),
        NodeType("Project", "uid", "projects",
                 ("name", "diarienummer", "start", "end", "budget_sek", "esf_support_sek",
                  "planned_participants", "region", "specific_objective", "summary"),
                 "A named project, insats, model or programme (uid = diarienummer when there is one)."),
        NodeType("Person", "uid", "people", ("name", "role", "roles", "email", "phone"),
                 "A named person: uid = the name's slug, and @ the organisation's uid where the "
                 "text gives one (loaders.person_key); roles = every title; e-mail and phone only "
                 "with --keep-contact-details."),
        NodeType("TargetGroup", "key", "target_groups", ("label_sv", "label_en"),
                 "A target group from the taxonomy in data/target_groups.csv."),
        NodeType("Document", "uid", None, ("path", "name", "title", "kind", "published", "loaded_at", "unused_columns"),
                 "A loaded document (uid = sha256 of its text)."),
    )
}

RELS: dict[str, RelType] = {
    r.type: r
    for r in (
        RelType("OWNS", "Organization", "Project", "projektägare / runs the project"),
        RelType("FUNDS", "Organization", "Project", "finances the project", ("amount_sek", "amount_eur")),
        RelType("PARTNER_IN", "Organization", "Project", "takes part in the project"),
        RelType("TARGETS", "Project", "TargetGroup", "the project's target group"),
        RelType("ACTIVE_IN", "Project", "Municipality", "where the project runs"),
        RelType("WORKS_FOR", "Person", "Organization", "employment or office", ("role",)),
        RelType("CONTACT_FOR", "Person", "Project", "contact, project lead or presenter", ("role",)),
        RelType("COLLABORATES_WITH", "Organization", "Organization",
                "an explicitly stated collaboration", undirected=True),
        RelType("PART_OF", "Organization", "Organization", "a unit of a larger organisation"),
        RelType("LOCATED_IN", "Organization", "Municipality", "seat of the organisation"),
        RelType("MEMBER_OF", "Organization", "Organization", "member of a samordningsförbund or network"),
        RelType("IN_COUNTY", "Municipality", "County", "the kommun's län", extracted=False),
        RelType("MENTIONS", "Document", "*", "the document mentions the node", extracted=False),
    )
}

#: relation type -> (record list of source, record list of target), as in FORMAT.md
RELATION_ENDS: dict[str, tuple[str, str]] = {
    r.type: (NODES[r.source].record_list, NODES[r.target].record_list)
    for r in RELS.values()
    if r.extracted
}

ORG_KINDS = (
    "municipality_org", "municipal_unit", "region", "agency", "coordination_association",
    "nonprofit", "education", "company", "network", "fund", "other",
)

LABEL_OF_LIST: dict[str, str] = {n.record_list: n.label for n in NODES.values() if n.record_list}

#: labels the curated queries find by name case-insensitively (``queries/``): on their nodes
#: every statement that sets ``name`` or ``aliases`` also keeps ``name_key = toLower(name)``
#: and ``alias_keys = [toLower(a) | a IN aliases]`` (absent when there are no aliases), both
#: indexed (``graph.cypher.NAME_KEYS``), so ``x.name_key = toLower($name)`` is an index seek
#: instead of a scan of every name (≈ 84k of them at 50k documents), and an alias is looked
#: for only on the nodes that have aliases
NAME_KEY_LABELS = ("Organization", "Municipality", "Project", "Person")


def constraint_statements() -> list[str]:
    """Idempotent DDL: one uniqueness constraint per label key, plus lookup indexes."""
    out = [
        f"CREATE CONSTRAINT {n.label.lower()}_{n.key} IF NOT EXISTS "
        f"FOR (x:{n.label}) REQUIRE x.{n.key} IS UNIQUE"
        for n in NODES.values()
    ]
    # the writer's small number per organisation (graph.cypher.org_num): Project.org_nums
    out.append("CREATE CONSTRAINT organization_num IF NOT EXISTS FOR (x:Organization) REQUIRE x.num IS UNIQUE")
    out += [
        "CREATE INDEX organization_name IF NOT EXISTS FOR (x:Organization) ON (x.name)",
        "CREATE INDEX organization_kind IF NOT EXISTS FOR (x:Organization) ON (x.kind)",
        "CREATE INDEX project_name IF NOT EXISTS FOR (x:Project) ON (x.name)",
        "CREATE INDEX person_name IF NOT EXISTS FOR (x:Person) ON (x.name)",
        # kept by the writer (graph.cypher.UPDATE_PERSON_ORGANISATIONS): people_connecting_organisations
        "CREATE INDEX person_n_organisations IF NOT EXISTS FOR (x:Person) ON (x.n_organisations)",
        "CREATE INDEX municipality_name IF NOT EXISTS FOR (x:Municipality) ON (x.name)",
        "CREATE INDEX document_path IF NOT EXISTS FOR (x:Document) ON (x.path)",
        # set with the document (graph.cypher.MERGE_DOCUMENTS): documents_mentioning_actor
        "CREATE INDEX document_display_name IF NOT EXISTS FOR (x:Document) ON (x.display_name)",
        # kept by the writer (graph.cypher.project_years): projects_by_period
        "CREATE INDEX project_start_year IF NOT EXISTS FOR (x:Project) ON (x.start_year)",
    ]
    # kept by every statement that sets a name or aliases (graph.cypher.NAME_KEYS)
    for label in NAME_KEY_LABELS:
        out += [f"CREATE INDEX {label.lower()}_name_key IF NOT EXISTS FOR (x:{label}) ON (x.name_key)",
                f"CREATE INDEX {label.lower()}_alias_keys IF NOT EXISTS FOR (x:{label}) ON (x.alias_keys)"]
    return out


def model_table_markdown() -> str:
    """The README's model table, generated from the schema."""
    rows = ["| label | key | properties |", "|---|---|---|"]
    rows += [f"| {n.label} | `{n.key}` | {', '.join(n.properties)} |" for n in NODES.values()]
    rows += ["", "| relationship | pattern | meaning |", "|---|---|---|"]
    rows += [
        f"| `{r.type}` | ({r.source})→({r.target}) | {r.description} |" for r in RELS.values()
    ]
    return "\n".join(rows)
