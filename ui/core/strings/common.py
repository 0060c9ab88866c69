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
    "search_province": {"vi": "Tìm tỉnh, thành phố", "en": "Find a province"},
    "search_hint": {"vi": "vd. ha noi, sai gon, hcm", "en": "e.g. ha noi, hcm, brvt"},
    "search_none": {"vi": "Không tìm thấy tỉnh nào khớp.", "en": "No province matches."},
    "open_profile_of": {"vi": "Hồ sơ {name}", "en": "Profile of {name}"},
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
    "notice_link_too_long": {
        "vi": "Liên kết quá dài nên không được đọc; đang hiển thị trang với các lựa chọn mặc định.",
        "en": "The link was too long to be read; showing the page with its default choices.",
    },
    "page_not_found": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "page_not_found_text": {
        "vi": "Đường dẫn này không dẫn tới trang nào của ứng dụng. Hãy chọn một trang ở thanh bên, hoặc:",
        "en": "This address does not lead to any page of the app. Choose a page in the sidebar, or:",
    },
    "go_home": {"vi": "Về trang Tổng quan", "en": "Go to the overview"},
    "app_error": {
        "vi": "Đã có lỗi khi hiển thị trang này. Lỗi đã được ghi lại để sửa; hãy tải lại trang hoặc về Tổng quan.",
        "en": "Something went wrong while showing this page. The error was logged to be fixed; reload the page or go "
        "to the overview.",
    },
    "store_unavailable": {
        "vi": "Dữ liệu tạm thời chưa sẵn sàng. Vui lòng thử lại sau ít phút.",
        "en": "The data are briefly unavailable. Please try again in a few minutes.",
    },
    "store_older": {
        "vi": "Đang hiển thị bản dữ liệu ngày {date}; bản mới hơn tạm thời chưa sẵn sàng.",
        "en": "Showing the data release of {date}; a newer one is briefly unavailable.",
    },
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
    # Why a change against the previous year is missing (papi_data.stats.CHANGE_GAPS)
    "change_gap_first_year": {
        "vi": "không so được: năm {previous} chưa đo",
        "en": "no comparison: not measured in {previous}",
    },
    "change_gap_scale_change": {
        "vi": "không so được: thang điểm đổi năm {year}",
        "en": "no comparison: the scale changed in {year}",
    },
    "change_gap_set_change": {
        "vi": "không so được: từ năm {year} là 34 tỉnh, thành phố mới",
        "en": "no comparison: from {year} the survey covers the 34 new provinces",
    },
    "change_gap_definition_change": {
        "vi": "không so được: cách đo đổi năm {year}",
        "en": "no comparison: the measure changed in {year}",
    },
    "change_gap_previous_missing": {
        "vi": "không so được: năm {previous} không có dữ liệu",
        "en": "no comparison: no data for {previous}",
    },
    # How sure a rank is (papi_data.uncertainty)
    "interval_90": {"vi": "khoảng tin cậy 90%", "en": "90% interval"},
    "plausibly": {"vi": "có thể từ {best} đến {worst}", "en": "plausibly {best}–{worst}"},
    "interval_rank": {
        "vi": "Điểm tổng hợp {score} (khoảng tin cậy 90%: {low}–{high}): hạng {rank}, có thể từ {best} đến {worst} "
        "trong {n} tỉnh có dữ liệu; khoảng tin cậy của {tied} tỉnh chồng lên khoảng của {name}, nên quy tắc không "
        "chồng nhau (một quy tắc thận trọng) không xếp được {name} trên hay dưới các tỉnh đó; như vậy không có nghĩa "
        "là ngang nhau.",
        "en": "Total {score} (90% interval {low}–{high}): rank {rank}, plausibly {best}–{worst} of the {n} provinces "
        "with data; {tied} provinces' intervals overlap {name}'s, so the non-overlap rule (a cautious one) cannot "
        "place {name} above or below them; that does not make them equal.",
        "en_one": "Total {score} (90% interval {low}–{high}): rank {rank}, plausibly {best}–{worst} of the {n} "
        "provinces with data; {tied} province's interval overlaps {name}'s, so the non-overlap rule (a cautious one) "
        "cannot place {name} above or below it; that does not make them equal.",
    },
    "interval_none_year": {
        "vi": "PAPI không công bố khoảng tin cậy của điểm tổng hợp năm {year}, nên thứ hạng năm này không kèm khoảng "
        "hạng có thể (PAPI chỉ công bố cho các năm {years}).",
        "en": "PAPI published no interval for the {year} totals, so this year's rank comes without a plausible range "
        "(PAPI published them for {years} only).",
    },
    "interval_none_province": {
        "vi": "PAPI không công bố khoảng tin cậy của {name} năm {year}, nên thứ hạng không kèm khoảng hạng có thể.",
        "en": "PAPI published no interval for {name} in {year}, so the rank comes without a plausible range.",
    },
    "interval_no_score": {
        "vi": "{name} không có điểm tổng hợp năm {year}, nên không có thứ hạng.",
        "en": "{name} has no total score in {year}, hence no rank.",
    },
    # Home
    "home_heading": {"vi": "PAPI {year}: tổng quan toàn quốc", "en": "PAPI {year}: national overview"},
    "home_intro": {
        "vi": "Điểm tổng hợp PAPI của {count} tỉnh, thành phố năm {year} ({scale}). Điểm cao hơn là tốt hơn.",
        "en": "PAPI total scores of the {count} provinces in {year} ({scale}). Higher is better.",
    },
    "national_mean": {"vi": "Trung bình toàn quốc", "en": "National mean"},
    "mean_help": {
        "vi": "Trung bình cộng không trọng số của điểm tổng hợp các tỉnh có dữ liệu năm đó. Con số PAPI hoặc báo chí "
        "công bố đôi khi khác; trang Giới thiệu giải thích vì sao.",
        "en": "The plain (unweighted) mean of the totals of the provinces with data that year. The figure PAPI or the "
        "press published sometimes differs; the About page explains why.",
    },
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
    "since_year": {"vi": "từ {year}", "en": "from {year}"},
    "until_year": {"vi": "đến {year}", "en": "until {year}"},
    "formed_from": {
        "vi": "Tỉnh, thành phố từ 1/7/2025, gồm: {names} (đến 2024 mỗi tỉnh có số liệu riêng).",
        "en": "A province since 1 July 2025, formed from: {names} (each with its own figures until 2024).",
    },
    "since_2025": {
        "vi": "Từ 1/7/2025 thuộc {new}.",
        "en": "Since 1 July 2025 part of {new}.",
    },
    # The toolbar: copy link, present mode, exports
    "copy_link": {"vi": "Sao chép liên kết", "en": "Copy link"},
    "cite": {"vi": "Trích dẫn", "en": "Cite"},
    "cite_intro": {
        "vi": "Trích dẫn phần đang xem (dữ liệu của PAPI cho các năm hiển thị, ứng dụng, liên kết và ngày truy cập):",
        "en": "How to cite this view (PAPI's data for the years shown, the app, the link and the date):",
    },
    "cite_plain": {"vi": "Văn bản", "en": "Plain text"},
    "embed": {"vi": "Nhúng", "en": "Embed"},
    "embed_intro": {
        "vi": "Dán mã này vào trang web để nhúng phần đang xem (chỉ biểu đồ, lựa chọn và nguồn). Quản trị viên cần cho "
        "phép trang đó nhúng (make run EMBED_ORIGINS=…).",
        "en": "Paste this code into a web page to embed this view (the chart, its controls and the source only). An "
        "administrator must allow that site to embed the app (make run EMBED_ORIGINS=…).",
    },
    "embed_image": {
        "vi": "Hoặc ảnh biểu đồ theo địa chỉ (cho thẻ `<img>` hay trang trình chiếu):",
        "en": "Or the chart as an image by URL (for an `<img>` tag or a slide):",
    },
    "copy_link_help": {
        "vi": "Sao chép địa chỉ của đúng góc nhìn này để chia sẻ",
        "en": "Copy the address of exactly this view, to share it",
    },
    "copy_link_done": {"vi": "Đã sao chép", "en": "Copied"},
    "copy_link_fallback": {"vi": "Nhấn Ctrl+C để sao chép", "en": "Press Ctrl+C to copy"},
    "present_mode": {"vi": "Trình chiếu", "en": "Present"},
    "present_help": {
        "vi": "Chữ lớn, mỗi biểu đồ vừa một màn hình, các lựa chọn gom vào một nút; phím ← → chuyển năm hoặc tỉnh",
        "en": "Large type, each chart fits one screen, the controls in one button; ← → step years or provinces",
    },
    "present_controls": {"vi": "Lựa chọn", "en": "Controls"},
    "export_png": {"vi": "Ảnh PNG", "en": "PNG image"},
    "export_svg": {"vi": "Ảnh SVG", "en": "SVG image"},
    "export_failed": {
        "vi": "Không tạo được tệp trên máy chủ (trình duyệt dựng ảnh không phản hồi). Biểu đồ trên màn hình vẫn dùng "
        "được; hãy thử lại sau giây lát.",
        "en": "The file could not be made on the server (its rendering browser did not answer). The chart on screen is "
        "unaffected; please try again in a moment.",
    },
    "export_starting": {
        "vi": "Đang khởi động trình dựng ảnh của máy chủ (chỉ lần đầu sau khi máy chủ khởi động)… {seconds} giây",
        "en": "Starting the server's rendering browser (only the first time after the server starts)… {seconds} s",
    },
    "export_making": {"vi": "Đang tạo tệp… {seconds} giây", "en": "Making the file… {seconds} s"},
    "export_ready": {
        "vi": "Tệp đã xong: trình duyệt đang tải về.",
        "en": "The file is ready: your browser is saving it.",
    },
    "deck_download": {"vi": "PowerPoint", "en": "PowerPoint"},
    "deck_made": {"vi": "Tạo ngày {date} · {language}", "en": "Made on {date} · {language}"},
    "deck_year": {"vi": "Năm {year}", "en": "Year {year}"},
}
