"""Group articles into events across languages; link same-event and related coverage.

    from generator.link import LinkDoc, LinkResult, link_corpus, Embedder
    result = link_corpus(docs, Embedder(cache_dir))   # or Embedder(disabled=True)

Links carry ``Reason``s: ``kind`` is a fact type with ``key`` = the shared ``Fact.key``;
or ``kind="text"`` with ``key`` = ``"cosine"`` (article vectors, weight = cosine),
``"paragraphs"`` (share of mutually matching paragraphs), ``"name:<latin word>"`` or
``"num:<number>"`` (a Latin-script name / plain number found in both texts).
"""

from generator.link.embed import Embedder
from generator.link.linker import Linker, link_corpus, pair_score
from generator.link.types import LinkDoc, LinkResult

__all__ = ["Embedder", "LinkDoc", "LinkResult", "Linker", "link_corpus", "pair_score"]
