"""kb: an event timeline and knowledge base in Neo4j, built from Chinese newspaper pages."""
__version__ = "0.1.0"
