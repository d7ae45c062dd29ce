"""samverkan: documents about Swedish labour-market inclusion work -> a Neo4j graph."""
__version__ = "0.1.0"
