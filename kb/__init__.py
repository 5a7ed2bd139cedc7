"""kb: an event timeline and knowledge base in Neo4j, built from Chinese newspaper pages."""
__version__ = "0.1.0"


def _configure_extraction() -> None:
    """The extraction stages know nothing of kb's settings: hand them kb's cache directory."""
    from loaders import gazetteer

    from .config import kb_home

    gazetteer.set_cache_dir(kb_home() / "cache")


_configure_extraction()
