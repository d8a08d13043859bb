"""Whether an organisation's country fits the script of its native name.

`country: SK` (Slovakia) on a Korean province whose native name is 충청북도 is a valid code
but almost surely meant `KR`; the writing system of the native name tells which countries
are likely. Only scripts used by few countries are checked.
"""

from __future__ import annotations

import unicodedata

# Script (the first word of a character's Unicode name) → the countries that write it,
# the first being the one to suggest.
SCRIPT_COUNTRIES: dict[str, tuple[str, ...]] = {
    "HANGUL": ("KR", "KP"),
    "HIRAGANA": ("JP",),
    "KATAKANA": ("JP",),
    "CJK": ("CN", "TW", "HK", "MO", "SG", "JP", "KR"),
    "THAI": ("TH",),
    "KHMER": ("KH",),
    "LAO": ("LA",),
    "MYANMAR": ("MM",),
    "GEORGIAN": ("GE",),
    "ARMENIAN": ("AM",),
}
SCRIPT_NAMES = {
    "HANGUL": "Hangul",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "CJK": "Chinese characters",
}


def name_script(text: str) -> str | None:
    """The most specific checked script in a text: kana or Hangul before Chinese characters."""
    found = {unicodedata.name(char, "").split(" ")[0] for char in text if not char.isascii()}
    for script in ("HANGUL", "HIRAGANA", "KATAKANA", *SCRIPT_COUNTRIES):
        if script in found:
            return script
    return None


def unlikely_country(native_name: str, country: str) -> tuple[str, str] | None:
    """(script, suggested code) when a native name's script is not written in `country`."""
    script = name_script(native_name)
    if script is None or country in SCRIPT_COUNTRIES[script]:
        return None
    return SCRIPT_NAMES.get(script, script.title()), SCRIPT_COUNTRIES[script][0]
