"""`warta import`: dates, clutter, names, kinds and the draft (articles in tests/articles)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sites import copy_seed_project

from generator.cli import main
from generator.importer.dates import find_event_date
from generator.importer.extract import from_html, from_text
from generator.project import Project
from generator.records.check import check_records

ARTICLES = Path(__file__).parent / "articles"
TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "date", "written"),
    [
        ("bertemu di kantornya, Jumat (03/11/2023).", "2023-11-03", "Jumat (03/11/2023)"),
        ("diteken di Semarang, Jumat (17/2/2023).", "2023-02-17", "Jumat (17/2/2023)"),
        (
            "acara itu digelar Senin, 4 Agustus 2025 di Jakarta.",
            "2025-08-04",
            "Senin, 4 Agustus 2025",
        ),
        ("rapat berlangsung Rabu, 9-5-2018 di Padang.", "2018-05-09", "Rabu, 9-5-2018"),
        ("digelar pada 3 November 2023 di Jakarta.", "2023-11-03", "3 November 2023"),
        ("diresmikan pada 7 Juli 2023 lalu.", "2023-07-07", "7 Juli 2023"),
        ("the visit on Sunday (06/05/2018) ended.", "2018-05-06", "Sunday (06/05/2018)"),
        ("it was signed on November 3, 2023 in Jakarta.", "2023-11-03", "November 3, 2023"),
        ("kata dia, Jumat (7/7).", "2023-07-07", "Jumat (7/7)"),
        ("held on the 3rd of November 2023 in Jakarta.", "2023-11-03", "3rd of November 2023"),
    ],
)
def test_press_date_forms(text: str, date: str, written: str) -> None:
    found = find_event_date(text, TODAY)
    assert (found.date, found.text) == (dt.date.fromisoformat(date), written)


def test_a_date_without_year_is_marked_for_review() -> None:
    found = find_event_date("kata dia, Jumat (7/7).", TODAY)
    assert found.unsure == ["'Jumat (7/7)' has no year: 2023 is taken from the weekday; check it"]


def test_year_of_a_short_date_comes_from_the_page_date() -> None:
    text = (
        "Kamis, 6 Juli 2024 09:00 WIB\n" + "kata seorang pejabat di sana " * 4 + ", Minggu (7/7)."
    )
    found = find_event_date(text, TODAY)
    assert found.date == dt.date(2024, 7, 7)
    assert "2024 is taken from the page's date" in found.unsure[0]


@pytest.mark.parametrize(
    "page_line",
    [
        "Senin, 4 Agustus 2025 10:15 WIB",
        "Diterbitkan 5 Agustus 2025",
        "Published: November 6, 2023",
        "© 20 Mei 2024 Contoh Berita",
    ],
)
def test_page_dates_are_not_the_event_date(page_line: str) -> None:
    text = f"{page_line}\nRapat itu berlangsung di Padang, Rabu (09/05/2018), kata panitia acara."
    assert find_event_date(text, TODAY).date == dt.date(2018, 5, 9)


def test_only_a_page_date_is_used_but_flagged() -> None:
    found = find_event_date("Diterbitkan 5 Agustus 2025\nRapat digelar di Padang.", TODAY)
    assert found.date == dt.date(2025, 8, 5)
    assert "only the page's own date" in found.unsure[0]


def test_weekday_that_does_not_match_is_flagged() -> None:
    found = find_event_date("digelar Senin (03/11/2023).", TODAY)
    assert found.unsure == ["'Senin (03/11/2023)': the weekday does not match the date"]


CLUTTER = [
    "Beranda",
    "Penulis: Rina Lestari | Editor: Budi Santoso",
    "(Foto: Ist.)",
    "Baca Juga:",
    "- Harga Cabai di Pasar Induk Kembali Turun",
    "- Tim Sepak Bola Lokal Juara Turnamen Antarkampung",
    "Bagikan: Facebook Twitter WhatsApp",
    "Ikuti berita terkini kami di Google News",
    "© 2023 Warta Contoh. All rights reserved.",
]


def test_clutter_is_removed_from_pasted_text() -> None:
    article = from_text((ARTICLES / "visit-id.txt").read_text("utf-8"))
    assert article.title == "Delegasi Henan Kunjungi ICBC untuk Bahas Kerja Sama Pertambangan"
    assert article.city == "Jakarta"
    kept = "\n".join(article.paragraphs)
    for line in CLUTTER:
        assert line not in kept
    assert kept.startswith("Indonesia China Business Council (ICBC) menerima kunjungan")
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize(
    ("first", "city", "rest"),
    [
        ("JAKARTA - Pemerintah menandatangani", "Jakarta", "Pemerintah menandatangani"),
        ("Semarang (ANTARA) - Pemerintah menandatangani", "Semarang", "Pemerintah"),
        ("JAKARTA, KOMPAS.com - Pemerintah menandatangani", "Jakarta", "Pemerintah"),
        ("Jakarta, CNBC Indonesia - Pemerintah menandatangani", "Jakarta", "Pemerintah"),
        ("Liputan6.com, Jakarta - Pemerintah menandatangani", "Jakarta", "Pemerintah"),
        ("Bisnis.com, JAKARTA — Pemerintah menandatangani", "Jakarta", "Pemerintah"),
    ],
)
def test_datelines_give_the_city_and_leave_the_story(first: str, city: str, rest: str) -> None:
    article = from_text(f"Judul Berita Contoh\n{first} nota kesepahaman, Senin (4/8/2025).")
    assert article.city == city
    assert article.paragraphs[0].startswith(rest)


def test_page_furniture_goes() -> None:
    furniture = [
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Simak berita lainnya di Google News",
        "Sumber: ANTARA",
        "Dibaca: 1234",
        "Iklan",
    ]
    text = "Judul Berita Contoh\n" + "\n".join(furniture) + "\nIsi berita, Senin (4/8/2025)."
    assert from_text(text).paragraphs == ["Isi berita, Senin (4/8/2025)."]


def test_headlines_above_and_below_a_read_also_marker_go() -> None:
    article = from_text((ARTICLES / "signing-id.txt").read_text("utf-8"))
    kept = "\n".join(article.paragraphs)
    for gone in ["Pasar Malam", "Jalan Tol", "Baca Juga", "Dok. Humas", "Pewarta:"]:
        assert gone not in kept
    assert "Penandatanganan disaksikan" in kept


def test_html_goes_through_the_extractor() -> None:
    article = from_html((ARTICLES / "page.html").read_text("utf-8"))
    assert article.title == "ICBC Sambut Delegasi Henan di Jakarta"
    assert (article.publisher, article.url) == (
        "Contoh Berita",
        "https://berita.example/ekonomi/icbc-sambut-delegasi-henan",
    )
    kept = "\n".join(article.paragraphs)
    for gone in ["Beranda", "Terkini", "Penulis", "Foto:", "Baca juga", "Banjir", "Hak cipta"]:
        assert gone not in kept
    assert "Jumat (03/11/2023)" in kept


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_seed_project(tmp_path / "site")


def run_import(project: Project, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["-C", str(project.root), "import", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_visit_becomes_an_event_draft_that_passes_check(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(project, str(ARTICLES / "visit-id.txt"), capsys=capsys)
    assert code == 0
    path = "content/events/2023/2023-11-08-delegasi-henan-kunjungi-icbc-bahas-kerja-sama.yml"
    assert out.splitlines()[0] == f"wrote {path} (draft: true)"
    assert "unsure: guessed the kind 'event': it names no agreement (MoU, LoI, signing)" in out
    text = (project.root / path).read_text("utf-8")
    assert "date: 2023-11-08\n" in text
    assert "- organization: icbc\n" in text
    assert "- organization: henan-department-of-industry-and-technology\n" in text
    assert "- person: cheng-guoping\n" in text
    assert "  - mining\n" in text or "- mining\n" in text
    assert "draft: true\n" in text and "  en:" not in text
    assert not check_records(project).report.errors


def test_signing_becomes_an_agreement_with_names_to_add(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(project, str(ARTICLES / "signing-id.txt"), capsys=capsys)
    assert code == 0
    assert "unsure: guessed the kind 'agreement': it mentions 'Nota Kesepahaman'" in out
    assert "not in content/ (organization): PT Sinar Harapan Baru" in out
    assert "not in content/ (person): Dewi Anggraini" in out
    path = next((project.content / "agreements").rglob("pt-kitb-chungbuk-technopark-teken-*.yml"))
    text = path.read_text("utf-8")
    assert path.parent.name == str(dt.date.today().year) or "has no year" in out
    assert "type: mou\n" in text
    assert "parties:\n- pt-kitb\n- chungbuk-technopark\n" in text
    assert "# not in content/ (person): Dewi Anggraini\n" in text
    assert "Kim Young" not in out.split("not in content/")[-1]
    assert not check_records(project).report.errors


def test_kind_can_be_forced_and_english_is_kept_english(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(
        project, str(ARTICLES / "meeting-en.txt"), "--kind", "event", capsys=capsys
    )
    assert code == 0
    assert "guessed the kind" not in out
    path = project.root / out.split()[1]
    text = path.read_text("utf-8")
    assert "date: 2023-11-10\n" in text
    assert "title:\n  en: Henan delegation meets ICBC on technology transfer\n" in text
    assert "Read also" not in text and "Follow us" not in text and "Copyright" not in text


def test_never_overwrites_without_force(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    article = str(ARTICLES / "visit-id.txt")
    assert run_import(project, article, capsys=capsys)[0] == 0
    code, out = run_import(project, article, capsys=capsys)
    assert code == 1
    assert out.strip() == (
        "warta import: content/events/2023/2023-11-08-delegasi-henan-kunjungi-icbc-bahas-kerja-"
        "sama.yml: an event with id '2023-11-08-delegasi-henan-kunjungi-icbc-bahas-kerja-sama' "
        "already exists (pass --id to choose another, or --force to overwrite)"
    )
    assert run_import(project, article, "--force", capsys=capsys)[0] == 0


def test_reads_standard_input_and_html(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = (ARTICLES / "page.html").read_text("utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(html))
    code, _ = run_import(project, "-", "--id", "2023-11-03-icbc-henan-html", capsys=capsys)
    assert code == 0
    text = (project.content / "events/2023/2023-11-03-icbc-henan-html.yml").read_text("utf-8")
    assert "publisher: Contoh Berita\n" in text
    assert "url: https://berita.example/ekonomi/icbc-sambut-delegasi-henan\n" in text
    assert "- person: ali-husein\n" in text
    assert not check_records(project).report.errors


def test_an_unreadable_file_is_a_message_not_a_traceback(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(project, str(ARTICLES / "missing.txt"), capsys=capsys)
    assert code == 1
    assert out.startswith("warta import: cannot read ")


def test_create_missing_writes_draft_skeletons_and_refers_to_them(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(
        project, str(ARTICLES / "signing-id.txt"), "--create-missing", capsys=capsys
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "created content/organizations/pt-sinar-harapan-baru.yml (draft: true)",
        "created content/people/dewi-anggraini.yml (draft: true)",
    ]
    assert "  unsure: dewi-anggraini: the position's organisation 'pt-kitb' is a guess" in lines
    organization = (project.content / "organizations/pt-sinar-harapan-baru.yml").read_text()
    assert "  id: PT Sinar Harapan Baru" in organization and "draft: true" in organization
    person = (project.content / "people/dewi-anggraini.yml").read_text("utf-8")
    assert "name: Dewi Anggraini\n" in person
    agreement = next((project.content / "agreements").rglob("pt-kitb-chungbuk-*.yml"))
    assert "- pt-sinar-harapan-baru\n" in agreement.read_text("utf-8")
    assert not check_records(project).report.errors
    code, out = run_import(
        project, str(ARTICLES / "signing-id.txt"), "--create-missing", capsys=capsys
    )
    assert code == 1 and "already exists" in out


# Articles in the shapes of real pages (menus, tickers, bylines, "Baca Juga" lists above
# and below the marker, captions with credits, reporter's initials, a date alone in the
# header), each with the exact draft it must become (`pytest --update-golden` rewrites them).
GOLDEN = Path(__file__).parent / "golden" / "import"
GOLDEN_CASES = [
    ("kitb-signing-plain.txt", [], "agreements/2023/pt-kitb-chungbuk-technopark-teken"),
    ("icbc-meeting-page.html", [], "events/2023/2023-11-03-icbc-sambut-delegasi-henan"),
    ("english-meeting.txt", [], "events/2018/2018-05-06-chungbuk-technopark-delegation"),
    ("no-known-names.txt", ["--create-missing"], "agreements/2018/universitas-contoh-jaya"),
]


@pytest.mark.parametrize(("name", "extra", "where"), GOLDEN_CASES)
def test_imported_drafts_match_their_golden_files_and_pass_check(
    project: Project,
    name: str,
    extra: list[str],
    where: str,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    code, out = run_import(project, str(ARTICLES / name), *extra, capsys=capsys)
    assert code == 0, out
    [path] = (project.content / where.rsplit("/", 1)[0]).glob(where.rsplit("/", 1)[1] + "*.yml")
    text = path.read_text("utf-8")
    golden = GOLDEN / f"{Path(name).stem}.yml"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")
    assert check_records(project).report.errors == []


def test_clutter_of_every_shape_is_gone_and_the_prose_stays() -> None:
    article = from_text((ARTICLES / "kitb-signing-plain.txt").read_text("utf-8"))
    kept = "\n".join(article.paragraphs)
    clutter = ["Beranda", "Penulis", "Editor:", "Bagikan", "Facebook", "Harga Cabai", "Tim Voli"]
    clutter += ["(Foto: Ist.)", "(ant/abc)", "Google News", "©", "14:05 WIB"]
    for gone in clutter:
        assert gone not in kept
    # A paragraph that starts with a photo credit is the article's own: only the credit goes.
    assert article.paragraphs[-1].startswith("Penandatanganan disaksikan Wakil Gubernur")
    assert article.paragraphs[-1].endswith("Ketua Kadin Batang Joko Susilo.")


def test_a_date_alone_in_the_header_is_the_pages_not_the_body() -> None:
    article = from_text((ARTICLES / "no-known-names.txt").read_text("utf-8"))
    assert article.paragraphs[0].startswith("Universitas Contoh Jaya menandatangani")
    assert article.page_date == "Rabu, 9-5-2018"


def test_too_few_known_organisations_writes_nothing_and_says_why(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_import(project, str(ARTICLES / "no-known-names.txt"), capsys=capsys)
    assert code == 1
    assert "nothing written: an agreement needs at least 2 parties" in out
    assert "not in content/ (organization): Universitas Contoh Jaya, PT Maju Sentosa" in out
    assert "not in content/ (person): Hendra Gunawan" in out
    assert not (project.content / "agreements" / "2018").exists()


def test_dry_run_prints_the_draft_and_writes_nothing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(project.content.rglob("*.yml"))
    code, out = run_import(
        project, str(ARTICLES / "english-meeting.txt"), "--dry-run", "--date", "2018-05-05",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    assert "\ndate: 2018-05-05\n" in out and "draft: true" in out
    assert sorted(project.content.rglob("*.yml")) == before


def test_html_import_is_the_same_every_time(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    page = str(ARTICLES / "icbc-meeting-page.html")
    outputs = [run_import(project, page, "--dry-run", capsys=capsys)[1] for _ in range(2)]
    assert outputs[0] == outputs[1]
    assert "Rombongan yang dipimpin Cheng Guoping" in outputs[0]


@pytest.mark.parametrize(
    ("page", "written", "date"),
    [
        # 2 January fell on a Thursday in 2020 and 2025: the one nearest the page wins.
        ("Senin, 30 Desember 2024 08:00 WIB", "Kamis (2/1)", "2025-01-02"),
        # 29 December 2023 was a Friday; in 2024 it is a Sunday.
        ("Selasa, 2 Januari 2024 10:00 WIB", "Jumat (29/12)", "2023-12-29"),
        ("Senin, 10 Juli 2023 14:05 WIB", "Jumat (7/7)", "2023-07-07"),
        # 7 July 2018 was a Saturday: the Friday before the page is 2017's.
        ("Jumat, 5 Januari 2018 09:00 WIB", "Jumat (7/7)", "2017-07-07"),
    ],
)
def test_a_missing_year_is_the_one_nearest_the_page_with_that_weekday(
    page: str, written: str, date: str
) -> None:
    text = f"{page}\n" + "kata seorang pejabat di sana " * 4 + f", {written}."
    found = find_event_date(text, TODAY)
    assert found.date == dt.date.fromisoformat(date)
    assert any("has no year" in note for note in found.unsure)


def test_a_known_name_inside_a_longer_known_name_is_not_a_mention(project: Project) -> None:
    from generator.importer.names import find_mentions

    graph = check_records(project).graph
    assert graph is not None
    text = "Chungbuk Technopark menerima tamu. Pemerintah Provinsi Chungcheongbuk-do hadir."
    keys = [m.key for m in find_mentions(text, graph)]
    assert keys == ["chungbuk-technopark", "chungcheongbuk-do-provincial-government"]
    alone = [m.key for m in find_mentions("Chungbuk Technopark menerima tamu.", graph)]
    assert alone == ["chungbuk-technopark"]
