"""The language of names in their own script, for `lang` on native names."""

from __future__ import annotations

import pytest

from generator.render.scripts import in_lang, native_lang


@pytest.mark.parametrize(
    ("text", "country", "lang"),
    [
        ("河南省工业和信息化厅", "CN", "zh-Hans"),
        ("臺北市政府", "TW", "zh-Hant"),
        ("香港貿易發展局", "HK", "zh-Hant"),
        ("충청북도", "KR", "ko"),
        ("LG에너지솔루션", "KR", "ko"),  # Latin letters in a Korean name
        ("トヨタ自動車", "JP", "ja"),  # kana decide Japanese even beside Han
        ("東京都", "JP", "ja"),  # Han alone: the country tells Japanese from Chinese
        ("東京都", None, "zh-Hans"),
        ("กรุงเทพมหานคร", "TH", "th"),
        ("Pemerintah Provinsi Jawa Tengah", "ID", None),
        ("Москва", "RU", None),  # Cyrillic writes many languages
        ("", None, None),
    ],
)
def test_native_lang_reads_the_script(text: str, country: str | None, lang: str | None) -> None:
    assert native_lang(text, country) == lang


def test_in_lang_marks_and_escapes() -> None:
    assert in_lang("김영환", "ko") == '<span lang="ko">김영환</span>'
    assert in_lang("*bold*", None) == "\\*bold\\*"
    assert "<script>" not in in_lang("<script>", "ko")
