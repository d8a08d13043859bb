"""Write every photo's published files with Pillow: resized, rotated upright, stripped.

Each rendition is encoded once into a cache under the work folder, keyed by the source
file's bytes and the encoder settings, then copied into each language's docs tree (MkDocs
copies it into the site). Settings are fixed and no metadata is written, so the same
source gives byte-identical files in every build.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageOps

from generator.render.photos import PhotoPlan, Rendition

SETTINGS = {
    "avif": {"format": "AVIF", "quality": 55, "speed": 6},
    "webp": {"format": "WEBP", "quality": 78, "method": 6},
    "jpg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
}


def write_photos(plans: Iterable[PhotoPlan], cache: Path, docs_dirs: Iterable[Path]) -> None:
    """Encode every rendition (cached) and copy it into each docs tree."""
    targets = list(docs_dirs)
    for plan in plans:
        for rendition, cached in encode_plan(plan, cache):
            for docs in targets:
                dest = docs / rendition.path
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached, dest)


def encode_plan(plan: PhotoPlan, cache: Path) -> list[tuple[Rendition, Path]]:
    """Every rendition of a photo as a cached file, encoding the ones not yet cached."""
    digest = hashlib.sha256(plan.source.read_bytes() + repr(SETTINGS).encode()).hexdigest()
    folder = cache / digest[:16]
    renditions = plan.renditions()
    missing = [r for r in renditions if not (folder / Path(r.path).name).is_file()]
    if missing:
        folder.mkdir(parents=True, exist_ok=True)
        with Image.open(plan.source) as original:
            upright = ImageOps.exif_transpose(original).convert("RGB")
            for rendition in missing:
                encode(upright, rendition, folder / Path(rendition.path).name)
    return [(r, folder / Path(r.path).name) for r in renditions]


def encode(image: Image.Image, rendition: Rendition, dest: Path) -> None:
    """One rendition, written atomically (a half-written file is never cached)."""
    resized = image.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    partial = dest.with_name(dest.name + ".part")
    resized.save(partial, **SETTINGS[rendition.format])  # type: ignore[arg-type]
    partial.replace(dest)
