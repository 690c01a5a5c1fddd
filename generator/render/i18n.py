"""UI strings from gettext catalogs (locales/<locale>/LC_MESSAGES/messages.po), managed with Babel.

Catalogs are compiled in memory from the .po files, so a fresh checkout needs no compile
step; `make catalogs` runs pybabel extract/update/compile for translators.
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here (translated where shown)."""
    return message


@cache
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


@cache
def catalogs_digest(locales_dir: str = str(LOCALES_DIR)) -> str:
    """Digest of every message catalog: a changed translation re-renders the pages."""
    h = hashlib.sha256()
    for po in sorted(Path(locales_dir).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        h.update(str(po.relative_to(locales_dir)).encode() + b"\0" + po.read_bytes())
    return h.hexdigest()[:16]


def available_catalogs(locales_dir: Path = LOCALES_DIR) -> list[str]:
    """The locale ids that have a message catalog, sorted."""
    return sorted(p.parent.parent.name for p in Path(locales_dir).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


# Babel's Python extractor skips calls inside f-strings on Python < 3.12; this wrapper adds
# them, so `make catalogs` sees every UI string (babel.cfg names it as the method).
_CALL = re.compile(
    r"""(?<![\w.])(?:_|N_|gettext|view\._|self\._)\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)"""
)
_NCALL = re.compile(
    r"""ngettext\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*,\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
)


def extract_python_fstrings(fileobj, keywords, comment_tags, options):
    """Babel extractor: Python's messages plus the _()/ngettext() calls inside f-strings."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for lineno, line in enumerate(source.splitlines(), 1):
        for m in _CALL.finditer(line):
            yield lineno, "_", ast.literal_eval(m.group(1)), []
        for m in _NCALL.finditer(line):
            yield lineno, "ngettext", (ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))), []


def extract_units_json(fileobj, keywords, comment_tags, options):
    """The English unit nouns of generator/facts/data/units.json, shown on fact cards."""
    import json

    data = json.loads(fileobj.read().decode("utf-8"))
    units = set()
    for key, table in data.items():
        if key.startswith("_") or not isinstance(table, dict):
            continue
        units.update(v for v in table.values() if isinstance(v, str) and v.isascii())
    # A counted noun takes the plural form of its number (CLDR categories: Arabic has six),
    # so each unit is a plural entry; msgid and msgid_plural are both the unit, the English
    # catalog gives the English singular and plural.
    units.add("percentage points")  # percent facts in points (render.formatting.POINTS_NOUN)
    for unit in sorted(units):
        yield 1, "ngettext", (unit, unit), ["unit of a counted quantity (after a number)"]
