"""Strings every page shares: the app, languages, store problems, groups, ranks, scales; and the home page."""

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
    "source_line": {"vi": "Nguồn: {citation}", "en": "Source: {citation}"},
    "geo_credit": {
        "vi": "Ranh giới tỉnh: Open Development Mekong (CC BY-SA 4.0)",
        "en": "Province boundaries: Open Development Mekong (CC BY-SA 4.0)",
    },
    # Notices about a link's parameters: {param} is the parameter's name in the link, {value} what is shown instead
    "notice_invalid": {
        "vi": "Giá trị “{param}” trong liên kết không hợp lệ; đang hiển thị mặc định: {value}.",
        "en": "The link's “{param}” value is not valid; showing the default: {value}.",
    },
    "notice_too_long": {
        "vi": "Giá trị “{param}” trong liên kết quá dài nên bị bỏ qua; đang hiển thị: {value}.",
        "en": "The link's “{param}” value is too long and was ignored; showing: {value}.",
    },
    "notice_out_of_range": {
        "vi": "Giá trị “{param}” trong liên kết nằm ngoài phạm vi; đã chỉnh về giá trị hợp lệ gần nhất: {value}.",
        "en": "The link's “{param}” value was out of range; corrected to the nearest valid value: {value}.",
    },
    "notice_reversed": {
        "vi": "Khoảng “{param}” trong liên kết bị đảo ngược; đã đổi lại thứ tự: {value}.",
        "en": "The link's “{param}” range was reversed; put in order: {value}.",
    },
    "notice_unknown_items": {
        "vi": "Liên kết có mục “{param}” không tồn tại; đã bỏ các mục đó, còn: {value}.",
        "en": "The link's “{param}” list held unknown items; they were dropped, leaving: {value}.",
    },
    "notice_too_many": {
        "vi": "Liên kết có quá nhiều mục “{param}”; chỉ giữ các mục đầu: {value}.",
        "en": "The link's “{param}” list was too long; only the first items were kept: {value}.",
    },
    "notice_compare_self": {
        "vi": "Tỉnh đang xem không cần so sánh với chính nó; đã bỏ khỏi “{param}”, còn: {value}.",
        "en": "A province is not compared with itself; it was taken out of “{param}”, leaving: {value}.",
    },
    "notice_other_era": {
        "vi": "Năm so sánh “{param}” phải khác năm đang xem và cùng thang điểm; đang hiển thị: {value}.",
        "en": "The comparison year “{param}” must differ from the year shown and share its scale; showing: {value}.",
    },
    "notice_plan_other_province": {
        "vi": "Kế hoạch trong liên kết (“{param}”) không thuộc tỉnh đã chọn; đang hiển thị kế hoạch mới nhất của tỉnh: "
        "{value}.",
        "en": "The link's plan (“{param}”) is not one of the chosen province's; showing the province's newest plan: "
        "{value}.",
    },
    "notice_plan_filtered": {
        "vi": "Kế hoạch trong liên kết (“{param}”) không khớp bộ lọc đã chọn; đang hiển thị kế hoạch mới nhất khớp bộ "
        "lọc: {value}.",
        "en": "The link's plan (“{param}”) does not match the chosen filters; showing the newest plan that does: "
        "{value}.",
    },
    "notice_none": {"vi": "không chọn", "en": "none"},
    "value_on": {"vi": "bật", "en": "on"},
    "value_off": {"vi": "tắt", "en": "off"},
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
}
