"""Persons, organizations and places: recognition per article, resolution across the corpus.

from generator.entities import recognize, resolve, load_registry
"""

from .recognize import recognize
from .registry import Registry, load_registry
from .transliterate import transliterate

__all__ = ["recognize", "resolve", "load_registry", "Registry", "transliterate"]


def resolve(mentions, registry=None, names=None):
    """See :func:`generator.entities.resolver.resolve`."""
    from .resolver import resolve as _resolve

    return _resolve(mentions, registry, names)
