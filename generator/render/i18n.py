"""UI strings from gettext catalogs (locales/<locale>/LC_MESSAGES/messages.po), managed with Babel.

Catalogs are compiled in memory from the .po files, so a fresh checkout needs no compile
step; `make catalogs` runs pybabel extract/update/compile for translators.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here (translated where shown)."""
    return message


@lru_cache(maxsize=None)
def translations(locale: str, locales_dir: str = str(LOCALES_DIR)) -> NullTranslations:
    """Translations for a Babel locale id ('zh_Hant'); falls back to the base language, then none."""
    candidates = [locale]
    if "_" in locale:
        candidates.append(locale.split("_")[0])
    for cand in candidates:
        po = Path(locales_dir) / cand / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=cand)
            buf = io.BytesIO()
            write_mo(buf, catalog)
            buf.seek(0)
            return Translations(buf, domain=DOMAIN)
    return NullTranslations()


def available_catalogs(locales_dir: Path = LOCALES_DIR) -> list[str]:
    return sorted(p.parent.parent.name for p in Path(locales_dir).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
