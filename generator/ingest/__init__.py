"""Ingest: seed files → clean Articles (decode, language, title, body, credits, boilerplate out)."""

from .article import IngestError, ingest_file
from .corpus import ingest_corpus

__all__ = ["IngestError", "ingest_corpus", "ingest_file"]
