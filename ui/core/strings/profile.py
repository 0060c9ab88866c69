"""Strings of the province profile page (Hồ sơ tỉnh / Province profile)."""

STRINGS: dict[str, dict[str, str]] = {
    "page_profile": {"vi": "Hồ sơ tỉnh", "en": "Province profile"},
    "province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "profile_heading": {"vi": "{name}: hồ sơ PAPI {year}", "en": "{name}: PAPI profile, {year}"},
    "overlays": {"vi": "So sánh trên biểu đồ radar", "en": "Compare on the radar"},
    "show_mean": {"vi": "Trung bình toàn quốc", "en": "National mean"},
    "show_best": {"vi": "Điểm cao nhất mỗi lĩnh vực", "en": "Best score on each dimension"},
    "compare_provinces": {"vi": "Thêm tối đa 4 tỉnh", "en": "Add up to 4 provinces"},
    "compare_year": {"vi": "Cùng tỉnh, năm khác (cùng thang điểm)", "en": "Same province, another year (same scale)"},
    "none_option": {"vi": "— không —", "en": "— none —"},
    "choose_provinces": {"vi": "Chọn tỉnh", "en": "Choose provinces"},
    "radar_heading": {"vi": "{name}: các lĩnh vực năm {year}", "en": "{name}: dimensions in {year}"},
    "radar_subtitle": {
        "vi": "{k} lĩnh vực, thang 1–10<br>(trục cố định để so sánh các hình)",
        "en": "{k} dimensions, scale 1–10<br>(fixed axis so shapes compare)",
    },
    "best_on_dimension": {"vi": "Cao nhất mỗi lĩnh vực", "en": "Best on each dimension"},
    "year_no_data": {
        "vi": "PAPI không công bố điểm của {name} năm {year}.",
        "en": "PAPI published no scores for {name} in {year}.",
    },
    "year_partial_data": {
        "vi": "Năm {year}, PAPI chỉ công bố một phần điểm của {name}; các lĩnh vực thiếu để trống.",
        "en": "In {year} PAPI published only some of {name}'s scores; the missing dimensions are left blank.",
    },
    "go_nearest_year": {"vi": "Xem năm gần nhất có dữ liệu ({year})", "en": "Show the nearest year with data ({year})"},
    "col_dimension": {"vi": "Lĩnh vực", "en": "Dimension"},
    "col_change": {"vi": "Thay đổi so với năm trước", "en": "Change on previous year"},
    "col_gap_best": {"vi": "Cách điểm cao nhất", "en": "Gap to the best"},
    "col_best_province": {"vi": "Tỉnh cao nhất", "en": "Best province"},
    "trends_heading": {"vi": "{name}: các lĩnh vực qua các năm", "en": "{name}: dimensions over the years"},
    "trends_subtitle": {
        "vi": "Đường đỏ: {name}; nét đứt: trung bình toàn quốc; vùng xám: 50% tỉnh ở giữa (phân vị 25–75)",
        "en": "Red: {name}; dashed: national mean; grey band: the middle half of provinces (25th–75th percentile)",
    },
    "band_25_75": {"vi": "Phân vị 25–75", "en": "25th–75th percentile"},
    "totals_heading": {"vi": "{name}: điểm tổng hợp qua các năm", "en": "{name}: total score over the years"},
    "totals_subtitle": {
        "vi": "Hai thang điểm khác nhau (6–60 đến 2017, 8–80 từ 2018), vẽ trên hai khung riêng; thanh dọc: khoảng tin "
        "cậy 90% PAPI công bố (chỉ có ở một số năm)",
        "en": "Two different scales (6–60 to 2017, 8–80 from 2018), drawn in two separate panels; whiskers: the 90% "
        "intervals PAPI published (some years only)",
    },
    "rank_heading": {"vi": "{name}: thứ hạng điểm tổng hợp", "en": "{name}: rank on the total"},
    "rank_subtitle": {
        "vi": "Hạng 1 ở trên cùng; nền màu: bốn nhóm PAPI của từng năm; thanh dọc: các hạng có thể, ở những năm PAPI "
        "công bố khoảng tin cậy",
        "en": "Rank 1 at the top; background: PAPI's four groups each year; whiskers: the plausible ranks, in the "
        "years PAPI published intervals",
    },
    "merger_same": {
        "vi": "Từ 1/7/2025, {name} giữ nguyên địa giới.",
        "en": "Since 1 July 2025, {name} has kept its boundary.",
    },
    "merger_into": {
        "vi": "Từ 1/7/2025, {name} thuộc {new} mới, cùng với:",
        "en": "Since 1 July 2025, {name} is part of the new {new}, together with:",
    },
    "merger_note": {
        "vi": "Điểm PAPI ở đây là của từng tỉnh cũ; không có điểm gộp cho tỉnh mới.",
        "en": "The PAPI scores here are each former province's own; there is no merged score for the new province.",
    },
    "other_era_former": {
        "vi": "Năm {year} PAPI khảo sát 34 tỉnh, thành phố mới: từ 1/7/2025 {name} thuộc {others}. Số liệu năm {year} "
        "là của {others}, xem ở hồ sơ của tỉnh đó.",
        "en": "In {year} PAPI surveyed the 34 new provinces: since 1 July 2025 {name} is part of {others}. The {year} "
        "figures are {others}'s, on its profile.",
    },
    "other_era_new": {
        "vi": "{name} là tỉnh, thành phố từ 1/7/2025; năm {year} PAPI khảo sát 63 tỉnh cũ. Số liệu năm {year} là của "
        "từng tỉnh cũ: {others}.",
        "en": "{name} is a province since 1 July 2025; in {year} PAPI surveyed the 63 former provinces. The {year} "
        "figures are each former province's own: {others}.",
    },
    "profile_section_since_2025": {"vi": "Từ 1/7/2025", "en": "Since 1 July 2025"},
    # The one-page brief (PDF)
    "brief_download": {"vi": "Hồ sơ 1 trang (PDF, A4)", "en": "One-page brief (PDF, A4)"},
    "brief_kind": {"vi": "Hồ sơ tóm tắt một trang", "en": "One-page brief"},
    "brief_score": {"vi": "Điểm tổng hợp", "en": "Total score"},
    "brief_rank_range": {
        "vi": "có thể từ hạng {best} đến {worst} (khoảng tin cậy 90% PAPI công bố)",
        "en": "plausibly {best} to {worst} (PAPI's published 90% intervals)",
    },
    "brief_furthest": {"vi": "Ba lĩnh vực cách xa điểm cao nhất", "en": "The three dimensions furthest from the best"},
    "brief_furthest_sub": {
        "vi": "Các chỉ số thành phần cách xa điểm cao nhất",
        "en": "The sub-dimensions furthest from the best",
    },
    "brief_furthest_line": {
        "vi": "{metric}: {score} (cao nhất {best}; cách {gap})",
        "en": "{metric}: {score} (best {best}; gap {gap})",
    },
    "brief_none": {
        "vi": "Không có lĩnh vực nào để so sánh năm này.",
        "en": "No dimension to compare in this year.",
    },
    "brief_trend": {"vi": "Thứ hạng điểm tổng hợp, {first}–{last}", "en": "Rank on the total, {first}–{last}"},
    "brief_plans": {"vi": "Kế hoạch cải thiện PAPI của tỉnh", "en": "The province's PAPI plans"},
    "brief_made": {"vi": "Tạo ngày {date}", "en": "Made on {date}"},
    "col_number": {"vi": "Số", "en": "No."},
    "col_subdimension": {"vi": "Chỉ số thành phần", "en": "Sub-dimension"},
    "subdims_scale": {
        "vi": "Thang điểm của mỗi chỉ số thành phần năm này: {scale} (các chỉ số của một lĩnh vực cộng lại thành điểm "
        "lĩnh vực, thang 1–10).",
        "en": "Each sub-dimension's scale this year: {scale} (a dimension's sub-dimensions add up to its score, on "
        "1–10).",
    },
    "col_best": {"vi": "Điểm cao nhất", "en": "Best score"},
    "trends_compared": {"vi": "; so sánh: {names}", "en": "; compared: {names}"},
    # Sub-dimensions
    "subdims_heading": {"vi": "Chỉ số thành phần năm {year}", "en": "Sub-dimensions, {year}"},
    "subdims_count": {"vi": "{k} chỉ số thành phần", "en": "{k} sub-dimensions", "en_one": "{k} sub-dimension"},
    "furthest_heading": {
        "vi": "Những chỉ số thành phần mà {name} cách tỉnh cao nhất xa nhất, năm {year}",
        "en": "Where {name} is furthest from the best province, {year} (sub-dimensions)",
    },
    "furthest_help": {
        "vi": "Khoảng cách tính theo tỉ lệ độ rộng thang điểm của từng chỉ số, để các thang khác nhau so được với "
        "nhau.",
        "en": "Gaps are measured as a share of each sub-dimension's scale, so that different scales compare.",
    },
    "furthest_line": {
        "vi": "**{name}**: {score}, tỉnh cao nhất ({leaders}) {best}; cách {gap} điểm, bằng {share}% {scale}; "
        "hạng {rank}/{n}",
        "en": "**{name}**: {score} against {best} for the best ({leaders}); {gap} points behind, {share}% of the "
        "{scale}; rank {rank} of {n}",
    },
    "translated_note": {
        "vi": "{mark} Tên tiếng Việt do dự án dịch: PAPI không có tên tiếng Việt chính thức cho chỉ số này.",
        "en": "{mark} The Vietnamese name is the project's translation: PAPI has no official one for this "
        "sub-dimension.",
    },
    "subdims_trend_heading": {
        "vi": "{name}: các chỉ số thành phần của {dimension} qua các năm",
        "en": "{name}: the sub-dimensions of {dimension} over the years",
    },
    "subdims_trend_subtitle": {
        "vi": "Mỗi khung một chỉ số, trên thang của nó; đường chấm: PAPI đổi cách đo hoặc thang điểm, các đường "
        "không nối qua đó",
        "en": "One panel per sub-dimension, on its own scale; dotted line: PAPI changed its definition or scale, and "
        "no line crosses it",
    },
}
