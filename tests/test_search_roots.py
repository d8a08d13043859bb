"""Dictionary roots for Indonesian search, and the sharded word → root map the field reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search.roots import SiteRoots, candidate_roots, snowball_stem
from generator.search.vocabulary import fnv1a, root_map, shard_count, write_vocabulary

# The words a site says besides the one under test: they settle readings Sastrawi guesses.
SITE = ["kunjungan", "rupa", "ragam", "nikah", "cek", "pesan", "masuk", "gerak", "tarik"]


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("memakan", "makan"),  # meN- before a vowel: not the p-root Snowball reads
        ("memakamkan", "makam"),
        ("pemain", "main"),
        ("menikmati", "nikmat"),  # the root's own n kept
        ("menilai", "nilai"),
        ("menikah", "nikah"),
        ("pemerintah", "perintah"),  # a root Snowball cuts (`intah`)
        ("mengelola", "kelola"),
        ("memasuki", "masuk"),
        ("mengunjungi", "kunjung"),  # the site says `kunjungan`, never `unjung`
        ("pengunjung", "kunjung"),
        ("mengecek", "cek"),  # menge- before a one-syllable root
        ("memesan", "pesan"),
        ("berambut", "rambut"),  # ber-/per- before an r-root
        ("perumahan", "rumah"),
        ("berupa", "rupa"),
        ("beragam", "ragam"),
        ("gerakan", "gerak"),  # -an after a final k, not -kan
        ("tarikan", "tarik"),
        ("tindakan", "tindak"),
        ("berjumlah", "jumlah"),  # endings that look like particles
        ("bertanya", "tanya"),
        ("berdamai", "damai"),  # a final i that is the root's
        ("keramaian", "ramai"),
        ("sejumlah", "jumlah"),  # se-
        ("anak-anak", "anak"),  # reduplication
        ("tindakan-tindakan", "tindak"),
        ("bermain-main", "main"),
        ("tolong-menolong", "tolong"),
        ("sayur-mayur", "sayur-mayur"),  # two words: left alone
        ("kanak", "kanak"),  # a root of its own, not ke- + anak
        ("tempat", "tempat"),
        ("tobat", "tobat"),
        ("berada", "ada"),
        ("mengeskan", "mengeskan"),  # `es` is too short to stand for a query
        ("Jakarta", "jakarta"),
        ("Bali", "bali"),  # a name the site always capitalizes: no `bal` + -i
        ("COVID-19", "covid-19"),
    ],
)
def test_a_word_has_one_root(word: str, root: str) -> None:
    assert SiteRoots([*SITE, word]).root(word) == root


def test_the_site_settles_a_reading_sastrawi_guesses() -> None:
    # Without `kunjungan` on the site, Sastrawi's `unjung` stands: index and query agree.
    assert SiteRoots(["mengunjungi"]).root("mengunjungi") == "unjung"
    assert SiteRoots(["mengunjungi", "berkunjung"]).root("mengunjungi") == "kunjung"
    # A reading that strips more of the end never beats Sastrawi's: `mengakui` is aku + -i.
    assert SiteRoots(["mengakui", "aku", "kaku"]).root("mengakui") == "aku"


def test_a_prefix_stands_only_before_its_own_letters() -> None:
    # mem- before a vowel swallowed a p: `memakan` is never mem- + `akan`, even on a site
    # that says `akan` and never `makan`.
    assert SiteRoots(["memakan", "akan"]).root("memakan") == "makan"
    assert "akan" not in candidate_roots("memakan")
    # A sentence's first word is no name when the site also writes it in lower case.
    assert SiteRoots(["Gerakan", "gerakan", "gerak"]).root("Gerakan") == "gerak"


def test_candidate_roots_cover_every_reading() -> None:
    assert {"kunjung", "unjung"} <= set(candidate_roots("mengunjungi"))
    assert {"rupa", "upa"} <= set(candidate_roots("berupa"))
    assert {"gerak", "gera"} <= set(candidate_roots("gerakan"))


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("memakan", "makan"),
        ("pemerintah", "perintah"),
        ("anak-anak", "anak"),
        ("berinvestasi", None),  # Snowball already stems it to `investasi`
        ("makan", None),  # a root is its own root
        ("kanak", None),
        ("berupa", "rupa"),
        ("berom", None),  # `om`: too short
    ],
)
def test_a_form_is_added_only_where_snowball_misses_the_root(word: str, form: str | None) -> None:
    assert SiteRoots([*SITE, word]).added_form(word) == form


def test_snowball_is_pagefinds_stemmer() -> None:
    assert snowball_stem("memakan") == "pakan"  # what the issue measured Pagefind doing
    assert snowball_stem("perintah") == "intah"


def test_the_hash_matches_the_search_fields() -> None:
    # Values from search-roots.js's fnv1a in Chromium; a change here breaks every lookup.
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("memakan") == fnv1a("memakan")


@pytest.mark.parametrize(("entries", "count"), [(0, 1), (1, 1), (256, 1), (257, 2), (5000, 32)])
def test_shards_stay_small(entries: int, count: int) -> None:
    assert shard_count(entries) == count


def test_the_map_is_written_in_sorted_shards(tmp_path: Path) -> None:
    roots = SiteRoots(["memakan", "makan", "pemerintah", "anak-anak", "berinvestasi"])
    assert root_map(roots) == {"anak-anak": "anak", "memakan": "makan", "pemerintah": "perintah"}
    assert write_vocabulary(tmp_path, roots) == 3
    index = json.loads((tmp_path / "roots" / "index.json").read_text("utf-8"))
    assert index == {"shards": 1, "version": 1}
    shard = (tmp_path / "roots" / "0.json").read_text("utf-8")
    assert shard == '{"anak-anak":"anak","memakan":"makan","pemerintah":"perintah"}'


def test_a_language_without_roots_gets_an_empty_map(tmp_path: Path) -> None:
    assert write_vocabulary(tmp_path, None) == 0
    assert json.loads((tmp_path / "roots" / "index.json").read_text()) == {
        "shards": 0,
        "version": 1,
    }
    assert [path.name for path in (tmp_path / "roots").iterdir()] == ["index.json"]
