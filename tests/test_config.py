"""A user's mistake in mkdocs.yml is one ConfigError line naming the file, never a traceback."""

from __future__ import annotations

import pytest

from generator.config import ConfigError, load_config


@pytest.mark.parametrize(
    "text, reason",
    [
        ("- 1\n", "the file must be a mapping"),
        ("extra: [1, 2]\n", "extra must be a mapping"),
        ("extra: {briefing: [1]}\n", "extra.briefing must be a mapping"),
        ("theme: [1]\n", "theme must be a mapping"),
        ("theme: {custom_dir: 5}\n", "theme.custom_dir must be a folder name"),
        ("extra: {briefing: {home_page_size: abc}}\n", "home_page_size must be a positive integer"),
        ("extra: {briefing: {feed_size: 0}}\n", "feed_size must be a positive integer"),
        ("extra: {briefing: {languages: {a: 1}}}\n", "languages must be a list"),
        ("extra: {briefing: {languages: []}}\n", "languages is empty"),
        ("extra: {briefing: {languages: [{name: x}]}}\n", "with a 'code' tag"),
        ("extra: {briefing: {languages: [xx-nonsense]}}\n", "unknown language"),
        ("extra: {briefing: {languages: [en], default_language: de}}\n", "not one of"),
        ("site_name: [unclosed\n", "mkdocs.yml"),
    ],
)
def test_config_mistakes_are_config_errors(tmp_path, text, reason):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason):
        load_config(path)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="No such file"):
        load_config(tmp_path / "nope.yml")


def test_bare_theme_name_and_mkdocs_tags_are_accepted(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("theme: material\nsite_url: !ENV [SITE_URL, '']\n", encoding="utf-8")
    cfg = load_config(path)
    assert cfg.overrides is None and [lang.code for lang in cfg.languages] == ["en"]
