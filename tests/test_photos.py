"""Photos: one case per diagnostic, and a built site that publishes a record's photo in every
size and format, with alt text per language, on its page, its cards and its og:image."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from factories import minimal_records, write_project
from PIL import Image, ImageDraw
from rules import build_case, check_lines, expected_lines, rule_cases
from sites import ROOT, BuiltSite, build_project

from generator.records.photos import PhotoSource
from generator.render.photos import WIDTHS, plan_photo
from generator.sitebuild.photos import encode_plan

EVENT = "events/2024/2024-01-05-acme-visit"
PHOTO = (
    "photo:\n  file: photos/2024/acme-visit.jpg\n"
    "  alt: {id: Dua kotak berwarna di atas latar biru, en: Two coloured boxes on a blue ground}\n"
    "  credit: Warta test fixture\n"
)


@pytest.mark.parametrize("case", rule_cases("e5", "w5"))
def test_photo_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


def fixture_picture(path: Path, size: tuple[int, int] = (1600, 1000)) -> None:
    """A generated test picture (shapes on a gradient), clearly not a news photo."""
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for x in range(size[0]):
        draw.line([(x, 0), (x, size[1])], fill=(30, 60 + x * 120 // size[0], 150))
    draw.rectangle([200, 200, 700, 700], fill=(220, 120, 40))
    draw.ellipse([900, 300, 1400, 800], fill=(240, 220, 80))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=90)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The minimal project with a photo on its event, built with `--strict`."""
    records = minimal_records()
    records[f"{EVENT}.yml"] += PHOTO
    project = write_project(tmp_path_factory.mktemp("photos"), records)
    fixture_picture(project.content / "photos/2024/acme-visit.jpg")
    shutil.copytree(ROOT / "templates", project.root / "templates")
    return build_project(project)


def html(site: BuiltSite, lang: str, path: str) -> str:
    return (site.site_dir / lang / path / "index.html").read_text("utf-8")


def test_every_size_and_format_is_published_in_each_language(photo_site: BuiltSite) -> None:
    assert photo_site.exit_code == 0
    for lang in ("id", "en"):
        for width in WIDTHS:
            for ext in ("avif", "webp", "jpg"):
                published = (
                    photo_site.site_dir / lang / f"photos/event-2024-01-05-acme-visit-{width}.{ext}"
                )
                with Image.open(published) as image:
                    assert image.size == (width, round(1000 * width / 1600))
                    assert not image.getexif()  # no camera metadata leaves the build


@pytest.mark.parametrize(
    ("lang", "alt"),
    [
        ("id", "Dua kotak berwarna di atas latar biru"),
        ("en", "Two coloured boxes on a blue ground"),
    ],
)
def test_record_page_shows_the_photo_with_alt_text_sizes_and_credit(
    photo_site: BuiltSite, lang: str, alt: str
) -> None:
    page = html(photo_site, lang, EVENT)
    picture = re.search(r"<picture>.*?</picture>", page, re.S)
    assert picture is not None
    markup = picture.group(0)
    assert '<source type="image/avif" srcset="/warta/' in markup
    assert f"/warta/{lang}/photos/event-2024-01-05-acme-visit-960.webp 960w" in markup
    assert 'sizes="(min-width: 48rem) 48rem, 100vw"' in markup
    assert f'width="1440" height="900" alt="{alt}"' in markup
    assert "Warta test fixture" in page.split("</picture>")[1].split("</figure>")[0]
    assert f'<meta property="og:image" content="https://example.org/warta/{lang}/photos/' in page
    assert f'<meta property="og:image:alt" content="{alt}">' in page


def test_cards_show_the_photo_lazily(photo_site: BuiltSite) -> None:
    home = html(photo_site, "en", "")
    cards = [c.split("</article>")[0] for c in home.split('class="warta-card"')[1:]]
    card = next(c for c in cards if "Acme visit" in c)
    assert 'loading="lazy"' in card
    assert 'alt="Two coloured boxes on a blue ground"' in card


def test_a_small_photo_is_published_at_its_own_width_only() -> None:
    plan = plan_photo("event", "x", PhotoSource(Path("x.jpg"), 500, 300))
    assert plan.widths == (480,)
    tiny = plan_photo("event", "x", PhotoSource(Path("x.jpg"), 300, 200))
    assert tiny.widths == (300,)
    assert tiny.og_image().path == "photos/event-x-300.jpg"


def test_encoding_is_byte_identical_between_builds(tmp_path: Path) -> None:
    fixture_picture(tmp_path / "in.jpg", (1000, 700))
    plan = plan_photo("event", "x", PhotoSource(tmp_path / "in.jpg", 1000, 700))
    first = {r.path: p.read_bytes() for r, p in encode_plan(plan, tmp_path / "a")}
    second = {r.path: p.read_bytes() for r, p in encode_plan(plan, tmp_path / "b")}
    assert first == second
    assert len(first) == 3 * len(plan.widths)
