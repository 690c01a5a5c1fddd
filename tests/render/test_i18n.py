"""Catalogs: every site language has a complete catalog, and the catalogs match the code."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.config import load_config
from generator.render.i18n import LOCALES_DIR, translations

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "mkdocs.yml")


def template_ids():
    with (LOCALES_DIR / "messages.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id}


@pytest.mark.parametrize("lang", CONFIG.languages, ids=lambda lang: lang.code)
def test_every_site_language_has_a_complete_catalog(lang):
    po = LOCALES_DIR / lang.locale / "LC_MESSAGES" / "messages.po"
    assert po.exists(), f"add {po.relative_to(ROOT)} (pybabel init -l {lang.locale})"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang.locale)
    missing = sorted(
        str(m.id)
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    )
    assert not missing, f"{lang.code}: untranslated {missing[:5]}"
    assert template_ids() <= {m.id for m in catalog if m.id}, "run make catalogs"


def test_template_matches_the_code(tmp_path):
    """Every UI string in the code is in messages.pot (run `make catalogs` when this fails)."""
    out = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "--omit-header",
            "--no-location",
            "-o",
            str(out),
            str(ROOT / "generator"),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    with out.open("rb") as fh:
        extracted = {m.id for m in read_po(fh) if m.id}
    assert extracted == template_ids()


def test_translations_are_used_and_fall_back():
    assert translations("de").gettext("Key facts") == "Kernfakten"
    assert translations("zh_Hant").gettext("Key facts") == "重點事實"
    assert (
        translations("ar").ngettext("{n} independent report", "{n} independent reports", 2)
        == "تقريران مستقلان"
    )
    # A locale without a catalog falls back to its base language, then to the msgid.
    assert translations("de_AT").gettext("Key facts") == "Kernfakten"
    assert translations("xx").gettext("Key facts") == "Key facts"
