"""Photo checks: a record's picture is a readable image under content/ and has alt text.

Runs after validate, on the records that have a `photo:`. What it learns about each file
(where it is, its size after EXIF rotation) travels on in `PhotoSource`, so the render and
build stages never open a file to ask again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

from generator.config import SiteConfig
from generator.diagnostics import Report
from generator.records.load import Document
from generator.records.models import Photo
from generator.records.validate import Entry

FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MIN_WIDTH = 480
# Pillow refuses larger pictures as a decompression bomb; no news photo needs more.
MAX_PIXELS = 60_000_000


@dataclass(frozen=True)
class PhotoSource:
    """A checked photo: the file, and its width and height as it should be shown."""

    path: Path
    width: int
    height: int


def check_photos(
    entries: Iterable[Entry], content: Path, config: SiteConfig, report: Report
) -> dict[tuple[str, str], PhotoSource]:
    """Every valid photo by (kind, id); each problem is a diagnostic at its field."""
    found: dict[tuple[str, str], PhotoSource] = {}
    for entry in entries:
        photo = getattr(entry.record, "photo", None)
        if not isinstance(photo, Photo):
            continue
        check_alt(entry.doc, photo, config, report)
        source = check_file(entry.doc, photo.file, content, report)
        if source is not None:
            found[entry.record.kind, entry.record.key] = source
    return found


def check_alt(doc: Document, photo: Photo, config: SiteConfig, report: Report) -> None:
    """Alt text is required in every required language (E502)."""
    hint = "describe what the picture shows, for readers who cannot see it"
    if not photo.alt:
        where = doc.position_of(("photo",), key=True)
        report.add(doc.path, where, "E502", "photo has no alt text", field="photo.alt", hint=hint)
        return
    for lang in config.required_languages:
        if not photo.alt.get(lang):
            report.add(
                doc.path,
                doc.position_of(("photo", "alt")),
                "E502",
                f"photo has no alt text in '{lang}'",
                field=f"photo.alt.{lang}",
                hint=f"add `{lang}:` under `alt:`; {hint}",
            )


def check_file(doc: Document, name: str, content: Path, report: Report) -> PhotoSource | None:
    """The photo file: inside content/ (E503), present (E501), a readable image (E504)."""
    where = doc.position_of(("photo", "file"))
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or "\\" in name:
        report.add(
            doc.path,
            where,
            "E503",
            f"'{name}' is not a path inside content/",
            field="photo.file",
            hint="write the path from content/, e.g. photos/2024/visit.jpg",
        )
        return None
    path = content / relative
    if not path.is_file():
        report.add(
            doc.path,
            where,
            "E501",
            f"photo file '{name}' does not exist",
            field="photo.file",
            hint=f"put the picture at {path.relative_to(content.parent)} or correct the path",
        )
        return None
    return read_image(doc, path, name, report)


def read_image(doc: Document, path: Path, name: str, report: Report) -> PhotoSource | None:
    """The picture's size after EXIF rotation, or E504 when it is not a usable image."""
    where = doc.position_of(("photo", "file"))
    try:
        with Image.open(path) as image:
            kind = image.format or ""
            size = ImageOps.exif_transpose(image).size if kind in FORMATS else (0, 0)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        kind, size = "", (0, 0)
    if kind not in FORMATS or size[0] * size[1] > MAX_PIXELS or not all(size):
        report.add(
            doc.path,
            where,
            "E504",
            f"'{name}' is not a JPEG, PNG or WebP picture that can be read",
            field="photo.file",
            hint="save it again as JPEG (photos) or PNG, at most 60 megapixels",
        )
        return None
    if size[0] < MIN_WIDTH:
        report.add(
            doc.path,
            where,
            "W501",
            f"'{name}' is only {size[0]} px wide",
            field="photo.file",
            hint=f"use a picture at least {MIN_WIDTH} px wide, or it looks blurred on phones",
        )
    return PhotoSource(path, *size)
