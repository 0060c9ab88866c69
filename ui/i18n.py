"""Every user-facing string in both languages. Vietnamese is the default; text is kept NFC."""

from __future__ import annotations

import unicodedata

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"vi": "Bảng điều khiển PAPI", "en": "PAPI Dashboard"},
    "app_subtitle": {
        "vi": "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh",
        "en": "Provincial Governance and Public Administration Performance Index",
    },
    "page_home": {"vi": "Tổng quan", "en": "Overview"},
    "page_about": {"vi": "Giới thiệu", "en": "About"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "year": {"vi": "Năm khảo sát", "en": "Survey year"},
    "no_data": {"vi": "không có dữ liệu", "en": "no data"},
    "source_line": {
        "vi": "Nguồn: PAPI — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn",
        "en": "Source: PAPI — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn",
    },
    "geo_credit": {
        "vi": "Ranh giới tỉnh: Open Development Mekong (CC BY-SA 4.0)",
        "en": "Province boundaries: Open Development Mekong (CC BY-SA 4.0)",
    },
    "notice_bad_param": {
        "vi": "Liên kết có giá trị “{param}” không hợp lệ; đang hiển thị mặc định ({fallback}).",
        "en": "The link's “{param}” value is not valid; showing the default ({fallback}).",
    },
    "store_missing_title": {"vi": "Chưa có kho dữ liệu", "en": "The data store is not built yet"},
    "store_corrupt_title": {"vi": "Kho dữ liệu bị hỏng", "en": "The data store is damaged"},
    "store_outdated_title": {"vi": "Kho dữ liệu đã cũ", "en": "The data store is out of date"},
    "store_help": {
        "vi": "Hãy dựng lại kho dữ liệu từ các bảng nguồn rồi tải lại trang:",
        "en": "Rebuild the store from the source tables, then reload this page:",
    },
    "store_detail": {"vi": "Chi tiết kỹ thuật", "en": "Technical detail"},
    # Groups (PAPI's four percentile groups)
    "group_best": {"vi": "Nhóm cao nhất", "en": "Best performers"},
    "group_high_average": {"vi": "Nhóm trung bình cao", "en": "High average"},
    "group_low_average": {"vi": "Nhóm trung bình thấp", "en": "Low average"},
    "group_poor": {"vi": "Nhóm thấp nhất", "en": "Poor performers"},
    # Ranks and totals
    "rank_of": {"vi": "Hạng {rank}/{n}", "en": "Rank {rank} of {n}"},
    "rank_of_long": {"vi": "hạng {rank}/{n} tỉnh có dữ liệu", "en": "rank {rank} of {n} provinces with data"},
    "total": {"vi": "Điểm tổng hợp", "en": "Total score"},
    "scale": {"vi": "thang {low}–{high}", "en": "scale {low}–{high}"},
    "change_vs_prev": {"vi": "so với {year}", "en": "vs {year}"},
    "change_undefined": {
        "vi": "không so được với {year}",
        "en": "no comparison with {year}",
    },
    # Home
    "home_heading": {"vi": "PAPI {year}: tổng quan toàn quốc", "en": "PAPI {year}: national overview"},
    "home_intro": {
        "vi": "Điểm tổng hợp PAPI của 63 tỉnh, thành phố năm {year} ({scale}). Điểm cao hơn là tốt hơn.",
        "en": "PAPI total scores of the 63 provinces in {year} ({scale}). Higher is better.",
    },
    "national_mean": {"vi": "Trung bình toàn quốc", "en": "National mean"},
    "national_median": {"vi": "Trung vị toàn quốc", "en": "National median"},
    "provinces_with_data": {"vi": "Số tỉnh có dữ liệu", "en": "Provinces with data"},
    "missing_provinces": {"vi": "Không có dữ liệu năm {year}: {names}.", "en": "No data for {year}: {names}."},
    "plan_provinces": {"vi": "Ba địa phương có kế hoạch PAPI", "en": "Three provinces with PAPI plans"},
    "top5": {"vi": "5 tỉnh điểm cao nhất", "en": "Five highest scores"},
    "bottom5": {"vi": "5 tỉnh điểm thấp nhất", "en": "Five lowest scores"},
    "col_rank": {"vi": "Hạng", "en": "Rank"},
    "col_province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "col_score": {"vi": "Điểm", "en": "Score"},
    "col_group": {"vi": "Nhóm", "en": "Group"},
    "card_no_data": {
        "vi": "PAPI không công bố điểm tổng hợp của {name} năm {year}.",
        "en": "PAPI published no total score for {name} in {year}.",
    },
    "since_2025": {
        "vi": "Từ 1/7/2025 thuộc {new}.",
        "en": "Since 1 July 2025 part of {new}.",
    },
    # Plans
    "page_plans": {"vi": "Kế hoạch và kết quả", "en": "Plans and results"},
    "plans_intro": {
        "vi": "Các mục tiêu PAPI mà tỉnh, thành phố tự đặt ra trong kế hoạch, đối chiếu với kết quả PAPI đã công bố. "
        "Mỗi mục tiêu được đánh giá từ kho dữ liệu cho từng năm mục tiêu; cách hiểu của chúng tôi được ghi rõ.",
        "en": "The PAPI targets provinces set themselves in their plans, held against the published PAPI results. "
        "Each target is evaluated from the data store for each target year; where we had to read a vague text, our "
        "reading is shown as such.",
    },
    "plan_all_provinces": {"vi": "Tất cả", "en": "All provinces"},
    "plans_none": {
        "vi": "Kho dữ liệu chưa có kế hoạch nào. Thêm kế hoạch vào papi_data/sources/plans.yaml rồi chạy make store.",
        "en": "The data store holds no plan yet. Add plans to papi_data/sources/plans.yaml, then run make store.",
    },
    "plans_overview": {"vi": "Mọi mục tiêu và trạng thái", "en": "Every target and its status"},
    "plan_details": {"vi": "Chi tiết kế hoạch", "en": "Plan details"},
    "plan_select": {"vi": "Kế hoạch", "en": "Plan"},
    "plan_col_document": {"vi": "Văn bản", "en": "Document"},
    "plan_col_target": {"vi": "Mục tiêu", "en": "Target"},
    "plan_col_year": {"vi": "Năm", "en": "Year"},
    "plan_col_status": {"vi": "Trạng thái", "en": "Status"},
    "plan_col_result": {"vi": "Kết quả so với mục tiêu", "en": "Result against the target"},
    "status_achieved": {"vi": "Đạt", "en": "Achieved"},
    "status_missed": {"vi": "Không đạt", "en": "Missed"},
    "status_no_data": {"vi": "Không có dữ liệu", "en": "No data"},
    "status_pending": {"vi": "Chưa có kết quả", "en": "Pending"},
    "plan_kind_ke_hoach": {"vi": "Kế hoạch", "en": "Plan"},
    "plan_kind_thong_bao": {"vi": "Thông báo", "en": "Notice"},
    "plan_kind_chi_thi": {"vi": "Chỉ thị", "en": "Directive"},
    "plan_kind_quyet_dinh": {"vi": "Quyết định", "en": "Decision"},
    "plan_kind_bao_cao": {"vi": "Báo cáo", "en": "Report"},
    "plan_kind_other": {"vi": "Văn bản", "en": "Document"},
    "plan_kind": {"vi": "Loại văn bản", "en": "Kind"},
    "plan_doc_unnumbered": {"vi": "{kind} năm {year} (không nêu số hiệu)", "en": "{kind} of {year} (no number given)"},
    "plan_doc_number": {"vi": "Số hiệu", "en": "Number"},
    "plan_issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "plan_issued_on": {"vi": "Ngày ban hành", "en": "Issued on"},
    "plan_period": {"vi": "Giai đoạn", "en": "Period"},
    "plan_not_given": {"vi": "bài báo không nêu", "en": "not given in the article"},
    "plan_quote_heading": {
        "vi": "Câu nêu mục tiêu, trích nguyên văn:",
        "en": "The sentence that states it, quoted verbatim in Vietnamese:",
    },
    "plan_our_reading": {"vi": "Cách hiểu của chúng tôi", "en": "Our reading"},
    "plan_source_link": {"vi": "Mở bài báo gốc", "en": "Open the source article"},
    "plan_no_source_url": {"vi": "Tệp bài báo không ghi địa chỉ web.", "en": "The article file holds no web address."},
    "plan_seed_file": {"vi": "Tệp bài báo: {file}", "en": "Article file: {file}"},
    "plan_target_heading": {"vi": "Mục tiêu {i}: {text}", "en": "Target {i}: {text}"},
    "plan_what_it_takes": {"vi": "Cần gì để đạt", "en": "What it would take"},
    "plan_total_phrase": {"vi": "tổng hợp", "en": "total"},
    "plan_desc_better_rank": {
        "vi": "Thứ hạng theo điểm {metric} năm {years} tốt hơn năm {base}",
        "en": "A better rank by {metric} score in {years} than in {base}",
    },
    "plan_desc_better_score": {
        "vi": "Điểm {metric} năm {years} cao hơn năm {base}",
        "en": "A higher {metric} score in {years} than in {base}",
    },
    "plan_desc_better_group": {
        "vi": "Nhóm theo điểm {metric} năm {years} tốt hơn năm {base}",
        "en": "A better group by {metric} score in {years} than in {base}",
    },
    "plan_desc_rise": {
        "vi": "Thứ hạng theo điểm {metric} năm {years} tăng ít nhất {k} bậc so với năm {base}",
        "en": "A rank by {metric} score in {years} at least {k} places above that of {base}",
    },
    "plan_desc_stay": {
        "vi": "Thuộc {group} (theo điểm {metric}) mỗi năm {years}",
        "en": "In “{group}” (by {metric} score) every year {years}",
    },
    "plan_desc_weak_dimensions_improve": {
        "vi": "Mọi lĩnh vực yếu năm {base} (dưới trung bình toàn quốc) có điểm năm {years} cao hơn",
        "en": "Every dimension weak in {base} (below the national mean) scores higher in {years}",
    },
    "plan_desc_strong_dimensions_hold": {
        "vi": "Mọi lĩnh vực mạnh năm {base} (từ trung bình toàn quốc trở lên) vẫn từ trung bình trở lên năm {years}",
        "en": "Every dimension strong in {base} (at or above the national mean) stays at or above it in {years}",
    },
    "plan_gap_places_short": {"vi": "thiếu {x} bậc", "en": "{x} place{s} short"},
    "plan_gap_places_ahead": {"vi": "vượt {x} bậc", "en": "{x} place{s} ahead"},
    "plan_gap_zero_places": {"vi": "vừa đúng mục tiêu", "en": "exactly on target"},
    "plan_gap_points_short": {"vi": "thiếu {x} điểm", "en": "{x} points short"},
    "plan_gap_points_ahead": {"vi": "hơn {x} điểm", "en": "{x} points ahead"},
    "plan_gap_floor_short": {
        "vi": "thấp hơn điểm thấp nhất của nhóm {x} điểm",
        "en": "{x} points below the group's lowest score",
    },
    "plan_gap_floor_ahead": {
        "vi": "cao hơn điểm thấp nhất của nhóm {x} điểm",
        "en": "{x} points above the group's lowest score",
    },
    "plan_gap_on_floor": {"vi": "đúng bằng điểm thấp nhất của nhóm", "en": "exactly on the group's lowest score"},
    "plan_gap_equal": {"vi": "bằng năm gốc, chưa cao hơn", "en": "equal to the baseline, not higher"},
    "plan_points": {"vi": "{x} điểm", "en": "{x} points"},
    "plan_target_value": {"vi": "mục tiêu {op} {value}", "en": "target {op} {value}"},
    "plan_target_group": {"vi": "mục tiêu: {group} trở lên", "en": "target: {group} or better"},
    "plan_target_group_best": {"vi": "mục tiêu: {group}", "en": "target: {group}"},
    "plan_result_dimensions": {"vi": "{value}/{of} lĩnh vực đạt", "en": "{value} of {of} dimensions met it"},
    "plan_reason_scale_change": {
        "vi": "không so sánh được: tổng điểm {base} (thang 6–60) và {year} (thang 8–80) khác thang",
        "en": "not comparable: the {base} total (6–60) and the {year} total (8–80) are on different scales",
    },
    "plan_reason_no_baseline": {
        "vi": "không có điểm năm gốc {base} để so sánh (PAPI không công bố)",
        "en": "no {base} baseline score to compare with (PAPI published none)",
    },
    "plan_reason_no_result": {"vi": "PAPI không công bố điểm năm {year}", "en": "PAPI published no score for {year}"},
    "plan_failed": {"vi": "không đạt: {names}", "en": "not met: {names}"},
    "plan_reason_some_missing": {"vi": "có lĩnh vực không có dữ liệu", "en": "some dimensions have no data"},
    "plan_reason_unreachable": {
        "vi": "không có thứ hạng hoặc nhóm nào tốt hơn mức của năm gốc",
        "en": "no rank or group is better than the baseline's",
    },
    "plan_reason_none_selected_weak_dimensions_improve": {
        "vi": "năm {base} không có lĩnh vực nào dưới trung bình toàn quốc: không có gì phải khắc phục",
        "en": "no dimension was below the national mean in {base}: nothing to remedy",
    },
    "plan_reason_none_selected_strong_dimensions_hold": {
        "vi": "năm {base} không có lĩnh vực nào từ trung bình toàn quốc trở lên",
        "en": "no dimension was at or above the national mean in {base}",
    },
    "plan_reason_pending": {
        "vi": "kết quả PAPI {year} chưa có trong dữ liệu (năm mới nhất: {latest})",
        "en": "the PAPI {year} results are not in the data yet (latest: {latest})",
    },
    "plan_takes_points": {
        "vi": "Năm {year}: cần thêm {x} điểm {metric} để đạt mục tiêu (điểm các tỉnh khác giữ nguyên).",
        "en": "In {year}: {x} more {metric} points would have met the target (other provinces' scores unchanged).",
    },
    "plan_takes_met": {
        "vi": "Với điểm năm {year}, mục tiêu đã đạt (dư {x} điểm).",
        "en": "At {year}'s scores the target would be met ({x} points to spare).",
    },
    "plan_takes_far": {
        "vi": "Lĩnh vực cách xa tỉnh cao nhất của từng lĩnh vực nhiều nhất, năm {year}: {items}.",
        "en": "Dimensions furthest below the best province in each, {year}: {items}.",
    },
    "plan_boundary": {
        "vi": "Từ 1/7/2025, {name} cùng {others} hợp thành tỉnh {new} mới: kết quả năm {year}, khi công bố, là của "
        "tỉnh mới với địa giới khác, không so sánh trực tiếp được với các năm trước.",
        "en": "Since 1 July 2025 {name} and {others} form the new {new}: a {year} result, when published, is for the "
        "merged province, with other borders, and is not directly comparable with earlier years.",
    },
    "plan_boundary_short": {"vi": "địa giới đổi từ 1/7/2025", "en": "borders changed on 1 July 2025"},
    "plan_chart_rank_title": {
        "vi": "{province}: thứ hạng theo điểm {metric}",
        "en": "{province}: rank by {metric} score",
    },
    "plan_chart_rank_subtitle": {
        "vi": "Mục tiêu: {target} · {doc}<br>Hạng trong số các tỉnh có dữ liệu mỗi năm",
        "en": "Target: {target} · {doc}<br>Ranks among the provinces with data each year",
    },
    "plan_axis_rank": {"vi": "Hạng (1 = tốt nhất)", "en": "Rank (1 = best)"},
    "plan_target_band": {"vi": "Vùng mục tiêu", "en": "Target band"},
    "plan_baseline_mark": {"vi": "Năm gốc {year}: {value}", "en": "Baseline {year}: {value}"},
    "plan_chart_score_title": {"vi": "{province}: điểm {metric}", "en": "{province}: {metric} score"},
    "plan_chart_score_subtitle": {"vi": "Mục tiêu: {target} · {doc}", "en": "Target: {target} · {doc}"},
    "plan_chart_dims_title": {
        "vi": "{province}: các lĩnh vực {which} năm {base}",
        "en": "{province}: the dimensions {which} in {base}",
    },
    "plan_which_weak_dimensions_improve": {"vi": "yếu (dưới trung bình)", "en": "weak (below the national mean)"},
    "plan_which_strong_dimensions_hold": {
        "vi": "mạnh (từ trung bình trở lên)",
        "en": "strong (at or above the national mean)",
    },
    "plan_chart_dims_subtitle": {
        "vi": "Điểm {base} và {year} (thang 1–10); gạch ngang: trung bình toàn quốc · {doc}",
        "en": "Scores in {base} and {year} (scale 1–10); dash: national mean · {doc}",
    },
    # Profile
    "page_profile": {"vi": "Hồ sơ tỉnh", "en": "Province profile"},
    "province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "search_province": {"vi": "Tìm tỉnh (gõ không dấu cũng được)", "en": "Find a province (diacritics optional)"},
    "search_hint": {"vi": "ví dụ: ha noi, HCM, bac ninh", "en": "e.g. ha noi, HCM, bac ninh"},
    "search_none": {"vi": "Không tìm thấy tỉnh nào khớp.", "en": "No province matches."},
    "search_matches": {"vi": "Các tỉnh khớp", "en": "Matching provinces"},
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
        "vi": "{k} lĩnh vực, thang 1–10 (trục cố định để so sánh các hình)",
        "en": "{k} dimensions, scale 1–10 (fixed axis so shapes compare)",
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
        "vi": "Hai thang điểm khác nhau (6–60 đến 2017, 8–80 từ 2018), vẽ trên hai khung riêng",
        "en": "Two different scales (6–60 to 2017, 8–80 from 2018), drawn in two separate panels",
    },
    "rank_heading": {"vi": "{name}: thứ hạng điểm tổng hợp", "en": "{name}: rank on the total"},
    "rank_subtitle": {
        "vi": "Hạng 1 ở trên cùng; nền màu: bốn nhóm PAPI của từng năm",
        "en": "Rank 1 at the top; background: PAPI's four groups each year",
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
    "open_profile_of": {"vi": "Hồ sơ {name}", "en": "Profile of {name}"},
    "profile_section_since_2025": {"vi": "Từ 1/7/2025", "en": "Since 1 July 2025"},
    # Explorer
    "page_explorer": {"vi": "Khám phá dữ liệu", "en": "Explore the data"},
    "notice_corrected": {
        "vi": "Liên kết có giá trị “{param}” ngoài phạm vi hợp lệ; đã chỉnh về giá trị hợp lệ gần nhất ({value}).",
        "en": "The link's “{param}” value was out of range; corrected to the nearest valid value ({value}).",
    },
    "ex_intro": {
        "vi": "Lọc theo năm, chỉ số, vùng, nhóm, khoảng điểm và tỉnh; xem bảng số liệu và biểu đồ, và tải về đúng "
        "những gì đang hiển thị. Bộ lọc nằm trên đường dẫn: sao chép đường dẫn để chia sẻ.",
        "en": "Filter by year, metric, region, group, score range and province; read the table and the charts, and "
        "download exactly what is shown. The filters live in the link: copy it to share this view.",
    },
    "ex_years": {"vi": "Năm", "en": "Years"},
    "ex_metrics": {"vi": "Chỉ số", "en": "Metrics"},
    "ex_regions": {"vi": "Vùng", "en": "Regions"},
    "ex_groups": {"vi": "Nhóm PAPI", "en": "PAPI groups"},
    "ex_all": {"vi": "Tất cả", "en": "All"},
    "ex_scores": {"vi": "Khoảng điểm (thang 1–10)", "en": "Score range (1–10 scale)"},
    "ex_scores_help": {
        "vi": "Theo thang 1–10 của một lĩnh vực. Điểm tổng hợp được lọc theo cùng khoảng cho mỗi lĩnh vực: khoảng "
        "nhân 6 trước 2018 (thang 6–60), nhân 8 từ 2018 (thang 8–80). Để cả thang 1–10 là không lọc theo điểm.",
        "en": "On a dimension's 1–10 scale. Totals are held to the same range per dimension: the range times 6 "
        "before 2018 (scale 6–60), times 8 from 2018 (scale 8–80). The whole 1–10 scale means no score filter.",
    },
    "ex_scores_totals": {
        "vi": "điểm tổng hợp {pre} trước 2018, {post} từ 2018",
        "en": "totals {pre} before 2018, {post} from 2018",
    },
    "ex_search": {"vi": "Tìm tỉnh, thành phố", "en": "Find provinces"},
    "ex_search_hint": {"vi": "vd. ha noi, hcm, da nang", "en": "e.g. ha noi, hcm, da nang"},
    "ex_search_help": {
        "vi": "Không cần gõ dấu; tên viết tắt cũng được (hcm, brvt). Nhiều tỉnh: cách nhau bằng dấu phẩy.",
        "en": "No diacritics needed; initials work too (hcm, brvt). Several provinces: separate them with commas.",
    },
    "ex_search_matches": {"vi": "Khớp {n}: {names}", "en": "{n} matching: {names}"},
    "ex_search_none": {"vi": "Không có tỉnh nào khớp với từ khoá.", "en": "No province matches the search."},
    "ex_base": {"vi": "Năm gốc để so sánh", "en": "Base year for change"},
    "ex_clear": {"vi": "Xoá bộ lọc", "en": "Clear filters"},
    "ex_summary": {
        "vi": "{shown}/{total} tỉnh, thành phố, {years}, {missing} tỉnh-năm không có dữ liệu",
        "en": "{shown} of {total} provinces, {years}, {missing} province-years without data",
    },
    "ex_summary_rows": {"vi": "{rows} dòng.", "en": "{rows} rows."},
    "ex_summary_help": {
        "vi": "Một tỉnh-năm không có dữ liệu khi thiếu điểm của ít nhất một chỉ số đã chọn mà PAPI đo trong năm đó.",
        "en": "A province-year is without data when it lacks a score for at least one selected metric that PAPI "
        "measured that year.",
    },
    "ex_hidden_no_data": {
        "vi": "Khi lọc theo nhóm hoặc khoảng điểm, các dòng không có dữ liệu không được liệt kê (vẫn được đếm ở trên).",
        "en": "While a group or score filter is set, rows without data are not listed (they are still counted above).",
    },
    "ex_empty": {
        "vi": "Không có dòng nào khớp với các bộ lọc này. Hãy mở rộng khoảng năm hoặc khoảng điểm, bỏ bớt vùng, "
        "nhóm hay tỉnh, hoặc xoá bộ lọc.",
        "en": "No rows match these filters. Widen the years or the score range, drop a region, group or province, "
        "or clear the filters.",
    },
    "ex_view": {"vi": "Hiển thị", "en": "View"},
    "ex_view_table": {"vi": "Bảng số liệu", "en": "Table"},
    "ex_view_scatter": {"vi": "Tương quan", "en": "Scatter"},
    "ex_view_regions": {"vi": "Theo vùng", "en": "By region"},
    "ex_view_slope": {"vi": "Thay đổi giữa hai năm", "en": "Change between two years"},
    "ex_downloads": {"vi": "Tải về đúng phần đang hiển thị", "en": "Download exactly this view"},
    "ex_downloads_help": {
        "vi": "Mỗi tệp có cột nguồn (source) trên từng dòng, và ghi chú về bộ lọc, ngày tải và cách trích dẫn. "
        "Tên cột giống nhau ở mọi ngôn ngữ; ô trống là không có dữ liệu, không phải 0.",
        "en": "Every file has the source column on each row, and a note of the filters, the date and the citation. "
        "Column names are the same in every language; an empty cell means no data, never 0.",
    },
    "ex_csv_help": {
        "vi": "UTF-8 có BOM (Excel hiển thị đúng tiếng Việt), dấu phẩy phân cách, dấu chấm thập phân; các dòng đầu "
        "bắt đầu bằng # là ghi chú.",
        "en": "UTF-8 with a byte-order mark (Excel shows Vietnamese right), comma-separated, decimal point; the first "
        "lines, starting with #, are the note.",
    },
    "ex_xlsx_help": {"vi": "Trang 1: số liệu; trang 2: ghi chú.", "en": "Sheet 1: the data; sheet 2: the note."},
    "ex_parquet_help": {
        "vi": "Ghi chú nằm trong siêu dữ liệu của tệp (papi_note).",
        "en": "The note is in the file's metadata (papi_note).",
    },
    "ex_col_region": {"vi": "Vùng", "en": "Region"},
    "ex_col_year": {"vi": "Năm", "en": "Year"},
    "ex_col_metric": {"vi": "Chỉ số", "en": "Metric"},
    "ex_col_scale": {"vi": "Thang điểm", "en": "Scale"},
    "ex_col_rank_of": {"vi": "Hạng/số tỉnh", "en": "Rank of N"},
    "ex_rank_of_help": {
        "vi": "Hạng trên số tỉnh có dữ liệu năm đó, như “hạng 15/61”.",
        "en": "Rank among the provinces with data that year, as in “rank 15 of 61”.",
    },
    "ex_col_change_prev": {"vi": "Thay đổi so với năm trước", "en": "Change vs previous year"},
    "ex_col_change_base": {"vi": "Thay đổi so với {year}", "en": "Change vs {year}"},
    "ex_col_source": {"vi": "Nguồn", "en": "Source"},
    "ex_table_legend": {
        "vi": "— : không có dữ liệu (PAPI không công bố điểm, hoặc phép so sánh không xác định). Bấm vào tiêu đề cột "
        "để sắp xếp.",
        "en": "— : no data (PAPI published no score, or the comparison is not defined). Click a column header to sort.",
    },
    "ex_rank_help": {
        "vi": "1 = tốt nhất, trong số các tỉnh có dữ liệu năm đó; các tỉnh bằng điểm cùng hạng.",
        "en": "1 = best, among the provinces with data that year; equal scores share a rank.",
    },
    "ex_change_help": {
        "vi": "Chỉ tính khi cả hai năm có điểm. Điểm tổng hợp không so sánh giữa hai thang (6–60 trước 2018, 8–80 "
        "từ 2018).",
        "en": "Only where both years have a score. Totals are not compared across the two scales (6–60 before 2018, "
        "8–80 from 2018).",
    },
    "ex_chart_year": {"vi": "Năm", "en": "Year"},
    "ex_x": {"vi": "Trục ngang", "en": "Horizontal axis"},
    "ex_y": {"vi": "Trục dọc", "en": "Vertical axis"},
    "ex_scatter_heading": {"vi": "{y} và {x}, {year}", "en": "{y} against {x}, {year}"},
    "ex_scatter_subtitle": {
        "vi": "Mỗi điểm là một tỉnh có cả hai điểm trong lựa chọn · {n} tỉnh",
        "en": "Each dot is a province with both scores in the selection · {n} provinces",
    },
    "ex_fit": {"vi": "Đường hồi quy (bình phương nhỏ nhất)", "en": "Least-squares line"},
    "ex_fit_stats": {"vi": "r Pearson = {r} · n = {n}", "en": "Pearson r = {r} · n = {n}"},
    "ex_fit_none": {
        "vi": "Cần ít nhất 3 tỉnh có cả hai điểm (và có khác biệt) để vẽ đường hồi quy và tính hệ số tương quan.",
        "en": "The line and the correlation need at least 3 provinces with both scores (and some spread).",
    },
    "ex_need_two_metrics": {
        "vi": "Chọn hai chỉ số khác nhau cho hai trục.",
        "en": "Pick two different metrics for the two axes.",
    },
    "ex_regions_heading": {"vi": "{metric} theo vùng, {year}", "en": "{metric} by region, {year}"},
    "ex_regions_subtitle": {
        "vi": "{scale} · mỗi điểm là một tỉnh, hộp: trung vị và khoảng tứ phân vị · {n} tỉnh có dữ liệu",
        "en": "{scale} · each dot is a province, box: median and interquartile range · {n} provinces with data",
    },
    "ex_from": {"vi": "Từ năm", "en": "From"},
    "ex_to": {"vi": "Đến năm", "en": "To"},
    "ex_slope_heading": {"vi": "{metric}: {start} → {end}", "en": "{metric}: {start} → {end}"},
    "ex_slope_subtitle": {
        "vi": "{scale} · {n} tỉnh có điểm cả hai năm: {up} tăng, {down} giảm",
        "en": "{scale} · {n} provinces with both years: {up} up, {down} down",
    },
    "ex_up": {"vi": "Tăng", "en": "Up"},
    "ex_down": {"vi": "Giảm", "en": "Down"},
    "ex_same": {"vi": "Không đổi", "en": "No change"},
    "ex_slope_eras": {
        "vi": "Điểm tổng hợp năm {start} ({a}) và năm {end} ({b}) thuộc hai thang khác nhau nên không so sánh được. "
        "Hãy chọn hai năm cùng trước 2018 hoặc cùng từ 2018, hoặc chọn một lĩnh vực.",
        "en": "The total of {start} ({a}) and of {end} ({b}) are on two different scales and cannot be compared. "
        "Pick two years both before 2018 or both from 2018, or pick a dimension.",
    },
    "ex_same_year": {"vi": "Chọn hai năm khác nhau.", "en": "Pick two different years."},
    "ex_chart_empty": {
        "vi": "Không có tỉnh nào có dữ liệu cho lựa chọn này.",
        "en": "No province has data for this choice.",
    },
    "ex_sheet_data": {"vi": "Dữ liệu", "en": "Data"},
    "ex_sheet_note": {"vi": "Ghi chú", "en": "Notes"},
    "ex_note_title": {"vi": "PAPI — Khám phá dữ liệu", "en": "PAPI — Explore the data"},
    "ex_note_provinces": {"vi": "Tỉnh, thành phố", "en": "Provinces"},
    "ex_note_search": {"vi": "tìm “{query}”: {names}", "en": "search “{query}”: {names}"},
    "ex_note_no_score_filter": {"vi": "không lọc theo điểm", "en": "no score filter"},
    "ex_note_rows": {"vi": "Số dòng", "en": "Rows"},
    "ex_note_without": {"vi": "Tỉnh-năm không có dữ liệu", "en": "Province-years without data"},
    "ex_note_date": {"vi": "Ngày tải", "en": "Downloaded on"},
    "ex_note_link": {"vi": "Liên kết mở lại bộ lọc", "en": "Link that reopens these filters"},
    "ex_note_citation": {"vi": "Trích dẫn", "en": "Citation"},
    "ex_note_source": {"vi": "Nguồn số liệu", "en": "Source of the numbers"},
    "ex_note_source_text": {
        "vi": "cột source ghi nguồn của từng dòng; điểm là điểm không trọng số PAPI công bố (papi.org.vn).",
        "en": "the source column names each row's origin; scores are the unweighted scores PAPI publishes "
        "(papi.org.vn).",
    },
    "ex_note_empty": {"vi": "Ô trống", "en": "Empty cells"},
    "ex_note_empty_text": {
        "vi": "không có dữ liệu: PAPI không công bố, hoặc phép so sánh không xác định; không bao giờ là 0.",
        "en": "no data: PAPI published none, or the comparison is not defined; never 0.",
    },
    # Map
    "page_map": {"vi": "Bản đồ", "en": "Map"},
    "map_heading": {"vi": "Bản đồ PAPI {year}", "en": "PAPI map, {year}"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "colouring": {"vi": "Tô màu", "en": "Colouring"},
    "colour_continuous": {"vi": "Thang màu liên tục", "en": "Continuous scale"},
    "colour_groups": {"vi": "Bốn nhóm PAPI", "en": "PAPI's four groups"},
    "show_2025": {"vi": "Hiện ranh giới 34 tỉnh (từ 1/7/2025)", "en": "Show the 34 provinces (since 1 July 2025)"},
    "outlines_2025": {"vi": "Ranh giới 34 tỉnh từ 1/7/2025", "en": "The 34 provinces since 1 July 2025"},
    "no_data_legend": {"vi": "Không có dữ liệu", "en": "No data"},
    "archipelago": {"vi": "QĐ. {name}", "en": "{name} Is."},
    "play": {"vi": "▶ Chạy qua các năm", "en": "▶ Play the years"},
    "pause": {"vi": "⏸ Dừng", "en": "⏸ Pause"},
    "map_subtitle": {
        "vi": "{metric} ({scale}) · 63 tỉnh, thành phố · {n} có dữ liệu",
        "en": "{metric} ({scale}) · 63 provinces · {n} with data",
    },
    "not_measured": {
        "vi": "{metric} chỉ được đo từ năm {first}; năm {year} không có dữ liệu cho lĩnh vực này.",
        "en": "{metric} is measured from {first}; there is no data for it in {year}.",
    },
    "ranking_heading": {"vi": "Xếp hạng {year}", "en": "Ranking, {year}"},
    "ranking_missing": {"vi": "Không có dữ liệu: {names}.", "en": "No data: {names}."},
    "click_hint": {
        "vi": "Nhấp vào một tỉnh trên bản đồ để xem chi tiết.",
        "en": "Click a province on the map for its details.",
    },
    "selected_heading": {"vi": "{name}, {year}", "en": "{name}, {year}"},
    "open_profile": {"vi": "Mở hồ sơ {name}", "en": "Open the profile of {name}"},
    "clear_selection": {"vi": "Bỏ chọn", "en": "Clear selection"},
    "download_png_hint": {
        "vi": "Ảnh PNG cho trình chiếu: nút máy ảnh ở góc trên bên phải biểu đồ.",
        "en": "PNG for slides: the camera button at the chart's top right.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in, NFC-normalised."""
    text = STRINGS[key][lang if lang in LANGS else DEFAULT_LANG]
    return unicodedata.normalize("NFC", text.format(**values) if values else text)
