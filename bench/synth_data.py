"""The word lists and tables bench/synth.py draws its made-up records from."""

from __future__ import annotations

SECTORS = {
    "industry": ("Industri", "Industry"),
    "technology": ("Ilmu pengetahuan dan teknologi", "Science and technology"),
    "technology-transfer": ("Alih teknologi", "Technology transfer"),
    "electric-vehicles": ("Kendaraan listrik", "Electric vehicles"),
    "machinery": ("Mesin dan suku cadang", "Machinery and parts"),
    "education-scholarships": ("Pendidikan dan beasiswa", "Education and scholarships"),
    "investment": ("Investasi", "Investment"),
    "exhibitions": ("Pameran", "Exhibitions"),
    "industrial-estates": ("Kawasan industri", "Industrial estates"),
    "mining": ("Pertambangan", "Mining"),
    "agriculture": ("Pertanian", "Agriculture"),
    "fisheries": ("Perikanan", "Fisheries"),
    "tourism": ("Pariwisata", "Tourism"),
    "health": ("Kesehatan", "Health"),
    "new-energy": ("Energi baru", "New energy"),
    "batteries": ("Baterai", "Batteries"),
    "logistics": ("Logistik dan pelabuhan", "Logistics and ports"),
    "digital-economy": ("Ekonomi digital", "Digital economy"),
    "smes": ("UMKM", "SMEs"),
    "culture": ("Kebudayaan", "Culture"),
}

# country: (weight, [(city, region id, region en)], given names, family names, native script)
COUNTRIES: dict[str, tuple[int, list[tuple[str, str, str]], list[str], list[str], str]] = {
    "ID": (
        50,
        [
            ("Jakarta", "DKI Jakarta", "Jakarta"),
            ("Semarang", "Jawa Tengah", "Central Java"),
            ("Surabaya", "Jawa Timur", "East Java"),
            ("Bandung", "Jawa Barat", "West Java"),
            ("Medan", "Sumatera Utara", "North Sumatra"),
            ("Batang", "Jawa Tengah", "Central Java"),
            ("Makassar", "Sulawesi Selatan", "South Sulawesi"),
        ],
        ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ayu", "Hendra", "Rina", "Joko", "Wulan"],
        ["Santoso", "Wijaya", "Saputra", "Lestari", "Nugroho", "Hidayat", "Kusuma"],
        "",
    ),
    "CN": (
        15,
        [
            ("Zhengzhou", "Provinsi Henan", "Henan Province"),
            ("Nanjing", "Provinsi Jiangsu", "Jiangsu Province"),
            ("Guangzhou", "Provinsi Guangdong", "Guangdong Province"),
        ],
        ["Wei", "Fang", "Jun", "Li", "Ming", "Xiu"],
        ["Wang", "Zhang", "Chen", "Liu"],
        "zh",
    ),
    "KR": (
        12,
        [
            ("Cheongju", "Chungcheongbuk-do", "North Chungcheong"),
            ("Seoul", "Seoul", "Seoul"),
            ("Busan", "Busan", "Busan"),
        ],
        ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun"],
        ["Kim", "Lee", "Park", "Choi"],
        "ko",
    ),
    "JP": (
        8,
        [("Tokyo", "Tokyo", "Tokyo"), ("Osaka", "Osaka", "Osaka")],
        ["Haruto", "Yui", "Sota", "Aoi"],
        ["Sato", "Suzuki", "Tanaka"],
        "ja",
    ),
    "SG": (
        5,
        [("Singapura", "Singapura", "Singapore")],
        ["Wei Ling", "Arjun", "Mei"],
        ["Tan", "Lim", "Nair"],
        "",
    ),
    "DE": (
        5,
        [("Berlin", "Berlin", "Berlin"), ("München", "Bayern", "Bavaria")],
        ["Anna", "Lukas", "Marie"],
        ["Müller", "Schmidt", "Weber"],
        "",
    ),
    "AU": (
        5,
        [
            ("Sydney", "New South Wales", "New South Wales"),
            ("Perth", "Australia Barat", "Western Australia"),
        ],
        ["Olivia", "Jack", "Mia"],
        ["Smith", "Nguyen", "Brown"],
        "",
    ),
}
NATIVE = {"zh": "华金泰和兴安达宏", "ko": "한국산업기술진흥원", "ja": "日本産業技術交流"}
ORG_KINDS = [  # type, weight, name pattern id, name pattern en
    ("company", 40, "{pt}{word} {word2}{corp}", "{pt}{word} {word2}{corp}"),
    ("government", 10, "Pemerintah {region}", "{region} Government"),
    ("government-agency", 12, "Dinas Perindustrian {region}", "{region} Industry Office"),
    ("business-council", 8, "Dewan Bisnis {word}", "{word} Business Council"),
    ("industrial-estate", 10, "Kawasan Industri {word}", "{word} Industrial Estate"),
    ("university", 10, "Universitas {word}", "{word} University"),
    ("association", 10, "Asosiasi {word} {word2}", "{word} {word2} Association"),
]
WORDS = [
    "Nusantara",
    "Samudra",
    "Mandala",
    "Cakrawala",
    "Garuda",
    "Pelita",
    "Sentosa",
    "Harmoni",
    "Bintang",
    "Lintas",
    "Cipta",
    "Mitra",
    "Jaya",
    "Makmur",
    "Prima",
]
WORDS2 = ["Teknologi", "Industri", "Logistik", "Energi", "Agro", "Digital", "Baja", "Niaga"]
TITLES = [
    ("Direktur Utama", "President Director"),
    ("Ketua", "Chair"),
    ("Wakil Ketua", "Vice Chair"),
    ("Gubernur", "Governor"),
    ("Kepala Dinas", "Head"),
    ("Rektor", "Rector"),
    ("Manajer Umum", "General Manager"),
    ("Wakil Direktur", "Deputy Director"),
]
EVENT_TYPES = [
    ("meeting", 30),
    ("delegation-visit", 25),
    ("signing", 15),
    ("seminar", 10),
    ("conference", 6),
    ("exhibition", 8),
    ("ceremony", 6),
]
EVENT_TITLES = {
    "meeting": ("{a} Terima {b}, Bahas Kerja Sama {s}", "{a} meets {b} on {s} cooperation"),
    "delegation-visit": ("Delegasi {b} Kunjungi {a}", "{b} delegation visits {a}"),
    "signing": ("{a} dan {b} Teken Kesepakatan {s}", "{a} and {b} sign {s} agreement"),
    "seminar": ("{a} Gelar Seminar {s} Bersama {b}", "{a} and {b} hold {s} seminar"),
    "conference": ("Konferensi {s} {a} Hadirkan {b}", "{a} conference on {s} hosts {b}"),
    "exhibition": ("{b} Ikuti Pameran {s} di {a}", "{b} joins {s} exhibition at {a}"),
    "ceremony": ("{a} dan {b} Rayakan Kerja Sama", "{a} and {b} celebrate cooperation"),
}
PARTNERSHIP_KINDS = [
    ("sister-province", "Provinsi Bersaudara", "sister provinces"),
    ("sister-city", "Kota Bersaudara", "sister cities"),
    ("business", "Kemitraan Bisnis", "business partnership"),
    ("research", "Kemitraan Riset", "research partnership"),
]

AGREEMENT_KINDS = {
    "mou": ("Nota Kesepahaman", "MoU"),
    "loi": ("Surat Minat", "letter of intent"),
    "contract": ("Kontrak", "contract"),
}
SCOPES = [
    ("Pertukaran tenaga ahli", "Exchange of experts"),
    ("Pelatihan dan beasiswa", "Training and scholarships"),
    ("Penelitian bersama", "Joint research"),
    ("Promosi investasi", "Investment promotion"),
    ("Pameran dagang bersama", "Joint trade exhibitions"),
]
