"""Vietnamese alphabetical order of the 63 provinces (issue 19): ICU's "vi" collation, a tone after its base letter,
đ after every d, and "TP." not part of a name."""

from papi_data.text import by_name, collation_key

VIETNAMESE_ORDER = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "TP. Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip


def test_the_63_provinces_in_vietnamese_order(real_store):
    names = dict(zip(real_store.provinces["code"], real_store.provinces["name_vi"], strict=True))
    assert [names[c] for c in by_name(names, names)] == VIETNAMESE_ORDER


def test_letters_and_tones_in_the_alphabets_order():
    letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    assert sorted(reversed(letters), key=collation_key) == letters
    tones = ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]  # no tone, then huyền, hỏi, ngã, sắc, nặng
    assert sorted(reversed(tones), key=collation_key) == tones


def test_decomposed_text_sorts_as_composed():
    assert collation_key("Ha\u0300 Nô\u0323i") == collation_key("Hà Nội")
