"""The language of text written in another script, and text marked with its language.

Screen readers pick their voice, and browsers their CJK glyphs, from `lang`: a Korean name
read by an Indonesian voice is noise, and Chinese set in Japanese glyph forms looks
foreign to Chinese readers. Native names carry no language of their own in the records,
so it is read from their script: Hangul is Korean, kana is Japanese, Han characters are
Japanese for Japan, else Chinese (traditional for Taiwan, Hong Kong and Macau, simplified
elsewhere).
"""

from __future__ import annotations

import unicodedata

from generator.render.markdown import Md, escape_markdown

# Scripts that name one language; Latin, Cyrillic and the like name many, so get none.
SCRIPT_LANGS = {
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "THAI": "th",
    "LAO": "lo",
    "KHMER": "km",
    "MYANMAR": "my",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "GREEK": "el",
    "HEBREW": "he",
}
TRADITIONAL = {"TW", "HK", "MO"}


def script_of(char: str) -> str:
    """The Unicode script word of a letter: `HANGUL`, `CJK`, `LATIN`, ..."""
    return unicodedata.name(char, "").split(" ")[0]


def native_lang(text: str, country: str | None = None) -> str | None:
    """The BCP 47 tag of text in a script that names its language, else None."""
    scripts = {script_of(char) for char in text if char.isalpha()}
    for script in ("HANGUL", "HIRAGANA", "KATAKANA"):
        if script in scripts:
            return SCRIPT_LANGS[script]
    if "CJK" in scripts:
        if country == "JP":
            return "ja"  # kanji alone, e.g. 東京都
        return "zh-Hant" if country in TRADITIONAL else "zh-Hans"
    return next((SCRIPT_LANGS[s] for s in sorted(scripts) if s in SCRIPT_LANGS), None)


def in_lang(text: str, lang: str | None) -> Md:
    """Text escaped for Markdown, in a `<span lang>` when its language is known."""
    escaped = escape_markdown(text)
    return Md(f'<span lang="{lang}">{escaped}</span>' if lang else escaped)
