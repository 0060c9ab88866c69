"""Strings of the map page (Bản đồ / Map)."""

STRINGS: dict[str, dict[str, str]] = {
    "page_map": {"vi": "Bản đồ", "en": "Map"},
    "map_heading": {"vi": "Bản đồ PAPI {year}", "en": "PAPI map, {year}"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "colouring": {"vi": "Tô màu", "en": "Colouring"},
    "colour_scale": {"vi": "Thang màu", "en": "Colour scale"},
    "colour_groups": {"vi": "Bốn nhóm PAPI", "en": "Four groups"},
    "fit_year": {"vi": "Tô màu theo riêng năm đang xem", "en": "Fit the colours to the year shown"},
    "fit_year_help": {
        "vi": "Tắt (mặc định): một màu ứng với cùng một điểm ở mọi năm cùng thang điểm, nên khi chạy qua các năm màu "
        "đổi là điểm đổi. Bật: thang màu trải từ điểm thấp nhất đến cao nhất của riêng năm đang xem, dễ phân biệt các "
        "tỉnh hơn nhưng không so được màu giữa các năm.",
        "en": "Off (default): a colour stands for the same score in every year on the same scale, so as the years play "
        "a change of colour is a change of score. On: the colours span the year's own lowest to highest score, which "
        "tells provinces apart better but cannot be compared across years.",
    },
    "colours_fixed": {"vi": "màu cố định cho {first}–{last}", "en": "colours fixed for {first}–{last}"},
    "colours_one_year": {"vi": "màu theo riêng năm {year}", "en": "colours fitted to {year}"},
    "darker_better": {"vi": "Màu đậm hơn = tốt hơn", "en": "Darker = better"},
    "colours_groups": {"vi": "màu theo nhóm", "en": "coloured by group"},
    "show_2025": {"vi": "Hiện ranh giới 34 tỉnh (từ 1/7/2025)", "en": "Show the 34 provinces (since 1 July 2025)"},
    "map_era_note_34": {
        "vi": "Từ năm {year}: 34 tỉnh, thành phố mới (Nghị quyết 202/2025/QH15). Màu, hạng và nhóm tính trong 34 tỉnh; "
        "không so với các năm của 63 tỉnh cũ.",
        "en": "From {year}: the 34 new provinces (Resolution 202/2025/QH15). Colours, ranks and groups are among the "
        "34; not compared with the years of the 63 former provinces.",
    },
    "map_era_note_63": {
        "vi": "Đến năm {year_before}: 63 tỉnh, thành phố cũ; từ năm {year}: 34 tỉnh mới, trên bản đồ riêng.",
        "en": "Until {year_before}: the 63 former provinces; from {year}: the 34 new ones, on their own map.",
    },
    "outlines_2025": {"vi": "Ranh giới 34 tỉnh từ 1/7/2025", "en": "The 34 provinces since 1 July 2025"},
    "no_data_legend": {"vi": "Không có dữ liệu", "en": "No data"},
    "archipelago": {"vi": "QĐ. {name}", "en": "{name} Is."},
    "play": {"vi": "Chạy", "en": "Play"},
    "pause": {"vi": "Dừng", "en": "Pause"},
    "play_help": {
        "vi": "Lần lượt hiện các năm, từ năm đầu tiên có dữ liệu của chỉ số",
        "en": "Show the years one after another, from the metric's first year",
    },
    "map_subtitle": {
        "vi": "{metric} ({scale})<br>{n}/{total} tỉnh có dữ liệu",
        "en": "{metric} ({scale})<br>{n}/{total} provinces with data",
    },
    "not_measured_span": {
        "vi": "PAPI đo {metric} trong các năm {first}–{last}; năm {year} không có dữ liệu cho chỉ số này.",
        "en": "PAPI measured {metric} in {first}–{last}; there is no data for it in {year}.",
    },
    "ranking_no_intervals": {
        "vi": "PAPI không công bố khoảng tin cậy năm này",
        "en": "PAPI published no intervals for this year",
    },
    "ranking_intervals": {
        "vi": "Thanh ngang: khoảng tin cậy 90% PAPI công bố",
        "en": "Whiskers: PAPI's published 90% intervals",
    },
    "ranking_tied": {
        "vi": "Khoảng chồng nhau: chưa tách được (không có nghĩa là ngang nhau)",
        "en": "Overlapping intervals: not told apart (not the same as equal)",
    },
    "go_first_year": {"vi": "Xem năm {year}", "en": "Show {year}"},
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
