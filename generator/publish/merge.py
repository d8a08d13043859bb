"""Merge the sites that separate jobs built per language into one site.

`warta build --lang id --site-dir part-id` (and one such job per language) writes that
language's folder and the root files (language chooser, 404 page, sitemap index, robots.txt),
which depend only on the configuration, so every part has the same root files. Merging
takes each language's folder from the one part that built it, checks that the root files
agree, and publishes the result atomically like a build.
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Sequence
from pathlib import Path

from generator.publish.swap import publish_site, staged_site


def merge_parts(parts: Sequence[Path], languages: Sequence[str], site_dir: Path) -> list[str]:
    """Merge `parts` into `site_dir`; the problems found (nothing is written if any)."""
    problems = [f"{part}: not a folder" for part in parts if not part.is_dir()]
    if problems:
        return problems
    owners = {lang: [part for part in parts if (part / lang).is_dir()] for lang in languages}
    problems += language_problems(owners)
    roots = [(part, sorted(root_files(part, languages))) for part in parts]
    problems += root_problems(roots)
    if problems:
        return problems
    with staged_site(site_dir) as staging:
        first, names = roots[0]
        for name in names:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(first / name, staging / name)
        for lang, (part,) in ((lang, owners[lang]) for lang in languages):
            shutil.copytree(part / lang, staging / lang)
        publish_site(staging, site_dir)
    return []


def language_problems(owners: dict[str, list[Path]]) -> list[str]:
    """Each language must come from exactly one part."""
    problems = []
    for lang, parts in owners.items():
        if not parts:
            problems.append(f"no part has the language '{lang}' (build it with --lang {lang})")
        elif len(parts) > 1:
            where = ", ".join(map(str, parts))
            problems.append(f"the language '{lang}' is in several parts: {where}")
    return problems


def root_files(part: Path, languages: Sequence[str]) -> list[str]:
    """A part's files outside every language folder, relative to it."""
    return [
        path.relative_to(part).as_posix()
        for path in part.rglob("*")
        if path.is_file() and path.relative_to(part).parts[0] not in languages
    ]


def root_problems(roots: list[tuple[Path, list[str]]]) -> list[str]:
    """Every part must have the same root files with the same bytes."""
    first, names = roots[0]
    problems = []
    for part, other in roots[1:]:
        if other != names:
            odd = sorted(set(other) ^ set(names))[:5]
            problems.append(f"{part}: its root files differ from {first}'s: {odd}")
            continue
        _same, differ, errors = filecmp.cmpfiles(first, part, names, shallow=False)
        problems += [f"{part}/{name}: differs from {first}/{name}" for name in differ + errors]
    return problems
