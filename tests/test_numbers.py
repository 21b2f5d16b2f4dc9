import pytest

from bangtin.numbers import parse_number


@pytest.mark.parametrize(
    "raw, text, family, type_code, issuer, year",
    [
        ("259/KH-MNHM", "259/KH-MNHM", "admin", "KH", "MNHM", None),
        ("3089/BGDĐT-GDTrH", "3089/BGDĐT-GDTrH", "cong-van", None, "BGDĐT-GDTrH", None),
        ("57-NQ/TW", "57-NQ/TW", "party", "NQ", "TW", None),
        ("05-KH/ĐU", "05-KH/ĐU", "party", "KH", "ĐU", None),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "legal", "NĐ", "CP", 2020),
        ("23/2015/TTLT-BGDĐT-BNV", "23/2015/TTLT-BGDĐT-BNV", "legal", "TTLT", "BGDĐT-BNV", 2015),
        ("91/2025/QH15", "91/2025/QH15", "legal", "L", "QH15", 2025),
        ("45/QyĐ-MNHS", "45/QyĐ-MNHS", "admin", "QyĐ", "MNHS", None),
        ("12/TTr-MNHS", "12/TTr-MNHS", "admin", "TTr", "MNHS", None),
        ("103/KH-GDĐT-PT", "103/KH-GDĐT-PT", "admin", "KH", "GDĐT-PT", None),
        ("Số: 20 /KH-MNHgS", "20/KH-MNHgS", "admin", "KH", "MNHgS", None),
        ("13/2015/TT- BVHTTDL", "13/2015/TT-BVHTTDL", "legal", "TT", "BVHTTDL", 2015),
        (" 116 /2002/TT-BTC ", "116/2002/TT-BTC", "legal", "TT", "BTC", 2002),
        ("923/QĐ-TTg", "923/QĐ-TTg", "admin", "QĐ", "TTg", None),
    ],
)
def test_every_number_shape(raw, text, family, type_code, issuer, year):
    number = parse_number(raw)
    assert (number.text, number.family, number.type_code, number.issuer_code, number.year) == (
        text, family, type_code, issuer, year)


def test_type_codes_are_never_upper_cased():
    assert parse_number("45/QyĐ-MNHS").text == "45/QyĐ-MNHS"
    assert parse_number("45/QyĐ-MNHS").type_name == "Quy định"


@pytest.mark.parametrize("raw, name", [("259/KH-MNHM", "Kế hoạch"), ("3089/BGDĐT-GDTrH", "Công văn"), ("38/QĐ-MNHS", "Quyết định")])
def test_type_name_from_code(raw, name):
    assert parse_number(raw).type_name == name


def test_slug_and_case_insensitive_key():
    number = parse_number("4400/KH-SGDĐT")
    assert number.slug == "4400-kh-sgddt"
    assert number.key == parse_number("4400/kh-sgdđt").key


@pytest.mark.parametrize("raw", ["", "KH-MNHM", "259", "/KH-MNHM", "259/", "số 259 kế hoạch"])
def test_malformed_numbers_are_rejected(raw):
    with pytest.raises(ValueError, match="số, ký hiệu"):
        parse_number(raw)
