"""Strings of the about page (Giới thiệu / About); its prose is in about_*.vi.md and about_*.en.md beside this file."""

STRINGS: dict[str, dict[str, str]] = {
    "about_col_code": {"vi": "Mã", "en": "Code"},
    "about_col_dimension": {"vi": "Lĩnh vực", "en": "Dimension"},
    "about_col_other_name": {"vi": "Tên tiếng Anh", "en": "Vietnamese name"},
    "about_col_since": {"vi": "Từ năm", "en": "Since"},
    "about_col_year": {"vi": "Năm", "en": "Year"},
    "about_col_province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "about_col_missing": {"vi": "Thiếu", "en": "Missing"},
    "about_missing_all": {"vi": "toàn bộ", "en": "everything"},
    "about_missing_dims": {"vi": "{dims} (nên không có điểm tổng hợp)", "en": "{dims} (hence no total)"},
}
