"""Photos on pages: which sizes and formats each photo is published in, and its markup.

A photo is published at up to three widths (never wider than the original) in AVIF and
WebP for browsers that read them and JPEG for the rest; sitebuild/photos.py writes the
files. The markup gives the browser every size (`srcset`, `sizes`), the box it will fill
(`width`, `height`, so nothing jumps while it loads) and `loading="lazy"` below the fold.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from generator.records.photos import PhotoSource
from generator.render.markdown import Md

WIDTHS = (480, 960, 1440)
# Modern formats first, as <source>s; JPEG is the <img> every browser can show.
SOURCES = (("avif", "image/avif"), ("webp", "image/webp"))
FALLBACK = "jpg"
FOLDER = "photos"
OG_WIDTH = 960


@dataclass(frozen=True)
class Rendition:
    """One published file of a photo: e.g. `photos/event-visit-960.webp`, 960 x 640."""

    path: str
    width: int
    height: int
    format: str


@dataclass(frozen=True)
class PhotoPlan:
    """A photo's source file and every file it is published as."""

    source: Path
    stem: str
    widths: tuple[int, ...]
    height_of: tuple[int, ...]

    def renditions(self) -> list[Rendition]:
        """Every file to write, in every format and width."""
        formats = [ext for ext, _ in SOURCES] + [FALLBACK]
        return [
            Rendition(self.file(width, ext), width, height, ext)
            for ext in formats
            for width, height in zip(self.widths, self.height_of, strict=True)
        ]

    def file(self, width: int, ext: str) -> str:
        """The site path of one rendition."""
        return f"{FOLDER}/{self.stem}-{width}.{ext}"

    def og_image(self) -> Rendition:
        """The JPEG that link previews use: 960 px wide, or the widest there is."""
        index = max(i for i, w in enumerate(self.widths) if w <= OG_WIDTH or i == 0)
        width, height = self.widths[index], self.height_of[index]
        return Rendition(self.file(width, FALLBACK), width, height, FALLBACK)


def plan_photo(kind: str, key: str, source: PhotoSource) -> PhotoPlan:
    """The widths a photo is published at: each of WIDTHS it reaches, at least one."""
    widths = tuple(w for w in WIDTHS if w <= source.width) or (source.width,)
    heights = tuple(round(source.height * w / source.width) for w in widths)
    return PhotoPlan(source.path, f"{kind}-{key}", widths, heights)


def photo_markup(plan: PhotoPlan, alt: str, root: str, sizes: str, *, lazy: bool) -> str:
    """A <picture>; `root` is the language root's absolute path, e.g. `/warta/id/`."""
    sources = [
        f'<source type="{mime}" srcset="{srcset(plan, ext, root)}" sizes="{sizes}">'
        for ext, mime in SOURCES
    ]
    width, height = plan.widths[-1], plan.height_of[-1]
    loading = ' loading="lazy"' if lazy else ""
    img = (
        f'<img src="{root}{plan.file(plan.widths[0], FALLBACK)}" '
        f'srcset="{srcset(plan, FALLBACK, root)}" sizes="{sizes}" width="{width}" '
        f'height="{height}" alt="{escape(alt)}"{loading} decoding="async">'
    )
    return "<picture>" + "".join(sources) + img + "</picture>"


def srcset(plan: PhotoPlan, ext: str, root: str) -> str:
    """`a-480.webp 480w, a-960.webp 960w`."""
    return ", ".join(f"{root}{plan.file(w, ext)} {w}w" for w in plan.widths)


def photo_figure(plan: PhotoPlan, alt: str, credit: str, credit_label: str, root: str) -> Md:
    """A record page's photo with its credit, as wide as the text column."""
    picture = photo_markup(plan, alt, root, "(min-width: 48rem) 48rem, 100vw", lazy=False)
    caption = f"<figcaption>{escape(credit_label)}: {escape(credit)}</figcaption>"
    return Md(f'<figure class="warta-photo">{picture}{caption}</figure>')


def card_photo(plan: PhotoPlan, alt: str, root: str) -> Md:
    """A card's photo: a third of a wide screen, the whole width of a phone."""
    picture = photo_markup(plan, alt, root, "(min-width: 45em) 16rem, 100vw", lazy=True)
    return Md(f'<p class="warta-card__photo">{picture}</p>')
