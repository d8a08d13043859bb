"""Languages: UI strings in both files, Babel dates and countries, fallback with a notice."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import pytest
import yaml
from factories import TEMPLATES, minimal_records, organization, page, render_project, write_project

from generator.config import SiteConfig
from generator.records.models import (
    AgreementKind,
    AgreementStatus,
    EventType,
    OrganizationRole,
    OrganizationType,
    PartnershipKind,
)
from generator.render.i18n import Localizer, flatten_keys, load_strings, pick_text

CONFIG = SiteConfig.model_validate(
    {
        "languages": ["id", "en"],
        "default_language": "id",
        "site_name": {"id": "Warta", "en": "Warta"},
        "base_url": "https://example.org/",
    }
)


# Every UI strings file, including those of languages the seed site does not publish (ko).
LANGUAGES = sorted(path.stem for path in (TEMPLATES / "i18n").glob("*.yml"))


def localizer(lang: str) -> Localizer:
    return Localizer(lang, CONFIG, load_strings(TEMPLATES, lang))


def test_ui_string_files_have_identical_keys() -> None:
    keys = {
        lang: set(flatten_keys(yaml.safe_load((TEMPLATES / "i18n" / f"{lang}.yml").read_text())))
        for lang in LANGUAGES
    }
    for lang in LANGUAGES:
        assert keys[lang] - keys["en"] == set(), lang
        assert keys["en"] - keys[lang] == set(), lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("group", "enum"),
    [
        ("event_types", EventType),
        ("agreement_types", AgreementKind),
        ("statuses", AgreementStatus),
        ("organization_types", OrganizationType),
        ("partnership_types", PartnershipKind),
        ("roles", OrganizationRole),
    ],
)
def test_every_enum_value_has_a_label(lang: str, group: str, enum: type[StrEnum]) -> None:
    strings = load_strings(TEMPLATES, lang)
    assert [m.value for m in enum if m.value not in strings[group]] == []


def test_glossary_terms() -> None:
    id_, en = localizer("id"), localizer("en")
    assert id_.label("agreement_types", "mou") == "Nota kesepahaman (MoU)"
    assert en.label("agreement_types", "mou") == "Memorandum of understanding (MoU)"
    pairs = [
        ("host", "tuan rumah", "host"),
        ("delegation", "delegasi", "delegation"),
        ("party", "pihak", "party"),
        ("signatory", "penandatangan", "signatory"),
        ("witness", "saksi", "witness"),
    ]
    for key, indonesian, english in pairs:
        assert (id_.label("roles", key), en.label("roles", key)) == (indonesian, english)


@pytest.mark.parametrize(
    ("lang", "nov", "jul"),
    [("id", "3 November 2023", "7 Juli 2023"), ("en", "3 November 2023", "7 July 2023")],
)
def test_dates_are_written_out_by_babel(lang: str, nov: str, jul: str) -> None:
    loc = localizer(lang)
    assert loc.date(dt.date(2023, 11, 3)) == nov
    assert loc.date(dt.date(2023, 7, 7)) == jul


@pytest.mark.parametrize(
    ("lang", "cn", "kr"), [("id", "Tiongkok", "Korea Selatan"), ("en", "China", "South Korea")]
)
def test_country_names_come_from_babel(lang: str, cn: str, kr: str) -> None:
    assert (localizer(lang).country("CN"), localizer(lang).country("KR")) == (cn, kr)


def test_counts_use_the_language_plural() -> None:
    assert localizer("id").count("counts", "people", 13) == "13 orang"
    assert localizer("en").count("counts", "people", 13) == "13 people"
    assert localizer("en").count("counts", "people", 1) == "1 person"


def test_text_falls_back_to_default_then_any_language() -> None:
    assert pick_text({"id": "Halo", "en": "Hello"}, "en", CONFIG) == "Hello"
    assert pick_text({"id": "Halo"}, "en", CONFIG) == "Halo"
    assert pick_text({"en": "Hello"}, "id", CONFIG) == "Hello"


def test_missing_translation_falls_back_with_a_notice(tmp_path: Path) -> None:
    records = minimal_records()
    records["organizations/acme.yml"] = organization("Acme Indonesia")
    site = render_project(write_project(tmp_path, records))
    english = page(site, "en", "organizations/acme.md")
    assert not english.translated
    assert english.title == "Acme Indonesia"
    assert '!!! warning "Not yet translated"' in english.markdown
    assert "warta_translated: false" in english.markdown
    indonesian = page(site, "id", "organizations/acme.md")
    assert indonesian.translated and "!!! warning" not in indonesian.markdown
    assert "warta_translated: true" in indonesian.markdown
    assert ("en", "organizations/acme.md") in site.untranslated
    assert not [entry for entry in site.untranslated if entry[0] == "id"]


def test_indonesian_notice_is_in_indonesian(tmp_path: Path) -> None:
    records = minimal_records()
    records["organizations/acme.yml"] = "name: {en: Acme}\ntype: company\ncountry: ID\n"
    site = render_project(write_project(tmp_path, records))
    indonesian = page(site, "id", "organizations/acme.md")
    assert '!!! warning "Belum diterjemahkan"' in indonesian.markdown
    assert indonesian.title == "Acme"
