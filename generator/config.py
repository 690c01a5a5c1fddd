"""Configuration, read once at the edge (mkdocs.yml `extra.briefing`) and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

# Languages Material's lunr search can stem; others search with the English pipeline.
LUNR_LANGUAGES = {
    "ar",
    "da",
    "de",
    "du",
    "en",
    "es",
    "fi",
    "fr",
    "hi",
    "hu",
    "hy",
    "it",
    "ja",
    "kn",
    "ko",
    "nl",
    "no",
    "pt",
    "ro",
    "ru",
    "sa",
    "sv",
    "ta",
    "te",
    "th",
    "tr",
    "vi",
    "zh",
}


class ConfigError(ValueError):
    """A configuration the build cannot use; the message names the file and the key."""


@dataclass(frozen=True)
class SiteLanguage:
    """One language the site is built in, as mkdocs.yml's `extra.languages` lists it."""

    code: str  # BCP 47, also the site path: site/<code>/
    locale: str  # Babel locale id ("zh_Hant")
    name: str  # the language's own name, for the switcher
    dir: str  # "ltr" | "rtl"
    search: str  # Material search (lunr) language
    theme: str  # Material theme language

    @property
    def babel(self) -> Locale:
        """The Babel locale of the language."""
        return Locale.parse(self.locale)


@dataclass(frozen=True)
class Config:
    """The build's configuration, read once at the edge and passed to every stage."""

    root: Path
    mkdocs_file: Path
    seeds: Path
    content: Path
    site: Path
    cache: Path | None  # None: every cache off (`--no-cache`, or `cache: false`)
    languages: tuple[SiteLanguage, ...]
    default_language: str
    home_page_size: int = 30
    archive_page_size: int = 200
    feed_size: int = 50
    embeddings: bool = True
    site_url: str = ""
    overrides: Path | None = None  # theme.custom_dir of mkdocs.yml, resolved
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> Path:
        """The folder of the hand-written pages."""
        return self.content / "pages"

    @property
    def generated(self) -> Path:
        """The folder the generator writes the Markdown and MkDocs configurations into."""
        return self.content / "generated"

    def language(self, code: str) -> SiteLanguage:
        """The site language whose code is ``code`` (KeyError if there is none)."""
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use tags (!ENV, !!python/name) that only MkDocs resolves: keep them inert."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mapping(value: object, where: str, path: Path) -> dict[str, Any]:
    """A section of mkdocs.yml that must be a mapping; a user's mistake is a ConfigError."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {where} must be a mapping, not {type(value).__name__}")
    return value


def _int(b: dict[str, Any], key: str, default: int, path: Path) -> int:
    """A positive integer setting of extra.briefing; anything else is a ConfigError."""
    value = b.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{path}: extra.briefing.{key} must be a positive integer, not {value!r}")
    return value


def load_config(path: str | Path = "mkdocs.yml", **overrides: Any) -> Config:
    """The configuration of mkdocs.yml's ``extra.briefing``, with ``overrides`` (command-line
    values; None: not given) on top; ``cache=False`` turns every cache off."""
    path = Path(path).resolve()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    data = _mapping(data, "the file", path)
    b = dict(_mapping(_mapping(data.get("extra"), "extra", path).get("briefing"), "extra.briefing", path))
    b.update({k: v for k, v in overrides.items() if v is not None})
    root = path.parent

    def p(key: str, default: str) -> Path:
        return (root / str(b.get(key, default))).resolve()

    if not isinstance(b.get("languages", []), list):
        raise ConfigError(f"{path}: extra.briefing.languages must be a list of language tags")
    langs = tuple(site_language(entry) for entry in b.get("languages", ["en"]))
    if not langs:
        raise ConfigError(f"{path}: extra.briefing.languages is empty")
    codes = [lang.code for lang in langs]
    default = b.get("default_language", codes[0])
    if default not in codes:
        raise ConfigError(f"{path}: default_language {default!r} is not one of {codes}")
    theme = data.get("theme")  # MkDocs also accepts a bare theme name
    custom_dir = None if isinstance(theme, str) else _mapping(theme, "theme", path).get("custom_dir")
    if custom_dir is not None and not isinstance(custom_dir, str):
        raise ConfigError(f"{path}: theme.custom_dir must be a folder name, not {custom_dir!r}")
    return Config(
        overrides=(root / custom_dir).resolve() if custom_dir else None,
        root=root,
        mkdocs_file=path,
        seeds=p("seeds", "seeds"),
        content=p("content", "content"),
        site=p("site", "site"),
        cache=None if b.get("cache") is False else p("cache", ".cache/briefing"),
        languages=langs,
        default_language=default,
        home_page_size=_int(b, "home_page_size", 30, path),
        archive_page_size=_int(b, "archive_page_size", 200, path),
        feed_size=_int(b, "feed_size", 50, path),
        embeddings=bool(b.get("embeddings", True)),
        site_url=str(b.get("site_url") or data.get("site_url") or ""),
    )


def site_language(entry: object) -> SiteLanguage:
    """A language entry (a tag, or a mapping with overrides) → SiteLanguage from CLDR data."""
    if isinstance(entry, str):
        entry = {"code": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
        raise ConfigError(f"a language must be a tag or a mapping with a 'code' tag, not {entry!r}")
    code = entry["code"]
    try:
        loc = Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        raise ConfigError(f"unknown language {code!r}: Babel/CLDR has no locale for it") from None
    base = code.split("-")[0]
    return SiteLanguage(
        code=code,
        locale=entry.get("locale", str(loc)),
        name=entry.get("name", (loc.display_name or code)),
        dir=entry.get("dir", "rtl" if loc.character_order == "right-to-left" else "ltr"),
        search=entry.get("search", base if base in LUNR_LANGUAGES else "en"),
        theme=str(entry.get("theme", code)),
    )
