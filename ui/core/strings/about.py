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
    "about_col_report_years": {"vi": "Năm khảo sát (báo cáo)", "en": "Survey years (reports)"},
    "about_col_partners": {"vi": "Đơn vị thực hiện", "en": "Partners"},
    "about_col_basis": {"vi": "Căn cứ", "en": "Basis"},
    "about_basis_documented": {"vi": "theo tài liệu", "en": "documented"},
    "about_basis_assumed": {
        "vi": "giả định như năm trước (chưa có tài liệu ghi đơn vị thực hiện)",
        "en": "assumed as the year before (no document names the partners)",
    },
    "about_col_mean": {"vi": "Trung bình cộng (kho)", "en": "Plain mean (store)"},
    "about_col_n": {"vi": "Số tỉnh có dữ liệu", "en": "Provinces with data"},
    "about_col_median": {"vi": "Trung vị (kho)", "en": "Median (store)"},
    "about_col_published": {"vi": "Công bố", "en": "Published"},
    "about_col_computed": {"vi": "Ứng dụng hiển thị", "en": "Shown by the app"},
    "about_col_grouping": {"vi": "Cách xếp nhóm năm đó", "en": "How that year is grouped"},
    "about_basis_published": {"vi": "khoảng điểm PAPI công bố", "en": "PAPI's published ranges"},
    "about_basis_percentile": {"vi": "phân vị do ứng dụng tính (Hazen)", "en": "percentiles the app computes (Hazen)"},
    "about_col_differs": {"vi": "Tỉnh khác biệt (điểm)", "en": "Province that differs (score)"},
    "about_col_why": {"vi": "Liên hệ với số của kho", "en": "How it relates to the store"},
    "about_col_source": {"vi": "Nguồn", "en": "Source"},
    "about_col_figure": {"vi": "Số liệu", "en": "Figure"},
    "about_col_printed": {"vi": "Báo đăng", "en": "Printed"},
    "about_col_store": {"vi": "Kho dữ liệu", "en": "Store"},
    "about_figure_score": {"vi": "điểm tổng hợp", "en": "total"},
    "about_figure_rank": {"vi": "hạng", "en": "rank"},
    "about_groups_heading": {"vi": "Bốn nhóm: định nghĩa phân vị", "en": "The four groups: which percentiles"},
    "about_ranks_heading": {
        "vi": "Thứ hạng và sai số: khoảng hạng có thể",
        "en": "Ranks and survey error: the plausible range",
    },
    "about_press_heading": {
        "vi": "Số liệu báo chí đăng và kho dữ liệu",
        "en": "Figures printed in the press vs the store",
    },
    "about_press_summary": {
        "vi": "Báo chí và cổng thông tin các tỉnh đã đăng {figures} con số PAPI mà kho có thể đối chiếu; {agree} con "
        "số khớp với kho ({scores_agree}/{scores} điểm, {ranks_agree}/{ranks} hạng). Một điểm khớp khi điểm của kho, "
        "làm tròn (lên từ 5) đến số chữ số báo đăng, đọc giống hệt; một hạng khớp khi bằng đúng hạng của kho. Những "
        "con số lệch, theo nguyên nhân tìm được:",
        "en": "The press and provincial portals printed {figures} PAPI figures the store can be held against; {agree} "
        "agree with it ({scores_agree} of {scores} totals, {ranks_agree} of {ranks} ranks). A total agrees when the "
        "store's value, rounded half up to the printed decimals, reads the same; a rank when it equals the store's. "
        "The figures that differ, by the explanation found:",
    },
    "about_press_figures": {"vi": "{n} con số", "en": "{n} figures", "en_one": "{n} figure"},
    "about_press_national": {"vi": "Toàn quốc (trung bình)", "en": "National (mean)"},
    "about_press_all": {"vi": "Cả {n} con số đã đối chiếu", "en": "All {n} figures compared"},
}
