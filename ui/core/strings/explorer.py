"""Strings of the explorer page (Khám phá dữ liệu / Explore the data)."""

STRINGS: dict[str, dict[str, str]] = {
    "page_explorer": {"vi": "Khám phá dữ liệu", "en": "Explore the data"},
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
    "ex_metrics_default": {
        "vi": "Điểm tổng hợp và các lĩnh vực (chọn để thêm chỉ số thành phần)",
        "en": "The total and the dimensions (choose to add sub-dimensions)",
    },
    "ex_metrics_help": {
        "vi": "Mỗi lĩnh vực có 2–4 chỉ số thành phần, xếp ngay sau nó (“D5 › …”); chúng được xếp hạng và chia nhóm "
        "như các lĩnh vực, trên thang điểm riêng của từng năm.",
        "en": "Each dimension has 2–4 sub-dimensions, listed right after it (“D5 › …”); they are ranked and grouped as "
        "the dimensions are, on their own scale of each year.",
    },
    "ex_scores": {"vi": "Khoảng điểm (thang 1–10)", "en": "Score range (1–10 scale)"},
    "ex_scores_help": {
        "vi": "Theo thang 1–10 của một lĩnh vực. Điểm tổng hợp được lọc theo cùng khoảng cho mỗi lĩnh vực: khoảng "
        "nhân 6 trước 2018 (thang 6–60), nhân 8 từ 2018 (thang 8–80). Chỉ số thành phần được lọc ở cùng vị trí trên "
        "thang của nó (4–6 trên thang 0,25–2,5 là 1–1,5). Để cả thang 1–10 là không lọc theo điểm.",
        "en": "On a dimension's 1–10 scale. Totals are held to the same range per dimension: the range times 6 "
        "before 2018 (scale 6–60), times 8 from 2018 (scale 8–80). Sub-dimensions are held to the same place on their "
        "own scale (4–6 is 1–1.5 on 0.25–2.5). The whole 1–10 scale means no score filter.",
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
        "vi": "{shown}/{total} tỉnh, thành phố, {years}, {missing}",
        "en": "{shown} of {total} provinces, {years}, {missing}",
    },
    "ex_summary_missing": {
        "vi": "{n} tỉnh-năm không có dữ liệu",
        "en": "{n} province-years without data",
        "en_one": "{n} province-year without data",
    },
    "ex_summary_rows": {"vi": "{rows} dòng.", "en": "{rows} rows.", "en_one": "{rows} row."},
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
        "vi": "Mỗi tệp có cột nguồn (source) trên từng dòng. Excel và Parquet mang ghi chú về bộ lọc, ngày tải và cách "
        "trích dẫn; CSV là bảng thuần, ghi chú nằm trong gói dữ liệu (README và datapackage.json). Tên cột giống nhau "
        "ở mọi ngôn ngữ; ô trống là không có dữ liệu, không phải 0.",
        "en": "Every file has the source column on each row. Excel and Parquet carry a note of the filters, the date "
        "and the citation; the CSV is a plain table, its note is in the data package (README and datapackage.json). "
        "Column names are the same in every language; an empty cell means no data, never 0.",
    },
    "ex_csv_help": {
        "vi": "Bảng thuần: UTF-8 có BOM (Excel hiển thị đúng tiếng Việt), một dòng tiêu đề, dấu phẩy phân cách, dấu "
        'chấm thập phân; pandas.read_csv(tệp, dtype={"province_code": str}) đọc được ngay.',
        "en": "A plain table: UTF-8 with a byte-order mark (Excel shows Vietnamese right), one header row, "
        'comma-separated, decimal point; pandas.read_csv(file, dtype={"province_code": str}) reads it as it is.',
    },
    "ex_package": {"vi": "Gói dữ liệu (ZIP)", "en": "Data package (ZIP)"},
    "ex_package_shown": {"vi": "Đang hiển thị", "en": "As shown"},
    "ex_package_all": {"vi": "Toàn bộ dữ liệu", "en": "All data"},
    "ex_package_help": {
        "vi": "Tệp CSV, datapackage.json (Frictionless: trường, kiểu, đơn vị, giá trị thiếu, giấy phép, nguồn, trích "
        'dẫn) và README ghi bộ lọc, đường dẫn, ngày tải. "Toàn bộ": mọi tỉnh, năm và chỉ số, kể cả chỉ số thành '
        "phần và khoảng tin cậy.",
        "en": "The CSV, a datapackage.json (Frictionless: fields, types, units, missing values, licence, sources, "
        'citation) and a README with the filters, link and date. "All data": every province, year and metric, '
        "sub-dimensions and intervals included.",
    },
    "ex_package_readme": {
        "vi": "Gói dữ liệu PAPI: bảng {csv} (UTF-8, ô trống là không có dữ liệu, không phải 0), mô tả trong "
        "datapackage.json. Bộ lọc và ghi chú:",
        "en": "A PAPI data package: the table {csv} (UTF-8, an empty cell is no data, never 0), described in "
        "datapackage.json. Filters and notes:",
    },
    "ex_xlsx_help": {"vi": "Trang 1: số liệu; trang 2: ghi chú.", "en": "Sheet 1: the data; sheet 2: the note."},
    "ex_parquet_help": {
        "vi": "Ghi chú nằm trong siêu dữ liệu của tệp (papi_note).",
        "en": "The note is in the file's metadata (papi_note).",
    },
    "ex_col_region": {"vi": "Vùng", "en": "Region"},
    "ex_crosses_2025": {
        "vi": "Các năm chọn gồm cả 63 tỉnh cũ (đến {year_before}) và 34 tỉnh mới (từ {year}), xem cột “Bộ tỉnh”: "
        "thứ hạng, nhóm và trung bình tính trong từng bộ; thay đổi và so sánh với năm gốc không tính qua năm {year} "
        "(các tỉnh khác nhau), ô đó để trống.",
        "en": "The years chosen hold the 63 former provinces (to {year_before}) and the 34 new ones (from {year}), "
        "see the “Province set” column: ranks, groups and means are within each set; changes and base-year "
        "comparisons never cross {year} (the provinces differ) and are left empty.",
    },
    "ex_col_province_set": {"vi": "Bộ tỉnh", "en": "Province set"},
    "ex_province_set_help": {
        "vi": "63: 63 tỉnh, thành phố cũ (đến 2024); 34: 34 tỉnh, thành phố mới (từ 2025). Thay đổi và so sánh với năm "
        "gốc không tính qua năm 2025: các tỉnh khác nhau.",
        "en": "63: the 63 former provinces (to 2024); 34: the 34 new provinces (from 2025). Changes and base-year "
        "comparisons never cross 2025: the provinces differ.",
    },
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
    "ex_col_se": {"vi": "Sai số chuẩn", "en": "Std. error"},
    "ex_col_ci90_low": {"vi": "KTC 90% từ", "en": "90% interval from"},
    "ex_col_ci90_high": {"vi": "KTC 90% đến", "en": "90% interval to"},
    "ex_col_respondents": {"vi": "Số người trả lời", "en": "Respondents"},
    "ex_col_interval_source": {"vi": "Nguồn khoảng tin cậy", "en": "Interval source"},
    "ex_interval_help": {
        "vi": "Sai số chuẩn, khoảng tin cậy 90% và số người trả lời của điểm tổng hợp, như PAPI công bố (chỉ cho các "
        "năm {years}); các năm và chỉ số khác để trống, không bao giờ tự tính.",
        "en": "The total's standard error, 90% interval and respondents as PAPI published them (for {years} only); "
        "other years and metrics are left empty, never computed here.",
    },
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
        "en_one": "Each dot is a province with both scores in the selection · {n} province",
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
        "en_one": "{scale} · each dot is a province, box: median and interquartile range · {n} province with data",
    },
    "ex_from": {"vi": "Từ năm", "en": "From"},
    "ex_to": {"vi": "Đến năm", "en": "To"},
    "ex_slope_heading": {"vi": "{metric}: {start} → {end}", "en": "{metric}: {start} → {end}"},
    "ex_slope_subtitle": {
        "vi": "{scale} · {n} tỉnh có điểm cả hai năm: {up} tăng, {down} giảm",
        "en": "{scale} · {n} provinces with both years: {up} up, {down} down",
        "en_one": "{scale} · {n} province with both years: {up} up, {down} down",
    },
    "ex_up": {"vi": "Tăng", "en": "Up"},
    "ex_down": {"vi": "Giảm", "en": "Down"},
    "ex_same": {"vi": "Không đổi", "en": "No change"},
    "ex_slope_segments": {
        "vi": "{metric} năm {start} ({a}) và năm {end} ({b}) được PAPI đo theo hai cách khác nhau (đổi định nghĩa hoặc "
        "thang điểm) nên không so sánh được. Hãy chọn hai năm trong cùng một giai đoạn đo.",
        "en": "PAPI measured {metric} differently in {start} ({a}) and {end} ({b}) (a new definition or scale), so the "
        "two cannot be compared. Pick two years of one stretch of the same measure.",
    },
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
    "ex_note_rights": {"vi": "Bản quyền và giấy phép", "en": "Copyright and licences"},
    "ex_note_rights_text": {
        "vi": "Số liệu PAPI © CECODES, VFF-CRT, RTA và UNDP (papi.org.vn). Chỉ số thành phần qua kho hnks-gh/ml-mcdm "
        "(giấy phép MIT); khoảng tin cậy qua kho HungNT1st/CS571_Project (không có tệp giấy phép; các bảng mang dòng "
        "bản quyền của PAPI).",
        "en": "PAPI data © CECODES, VFF-CRT, RTA & UNDP (papi.org.vn). Sub-dimensions via the repository "
        "hnks-gh/ml-mcdm (MIT licence); intervals via the repository HungNT1st/CS571_Project (no licence file; its "
        "sheets carry PAPI's copyright line).",
    },
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
    "ex_note_interval": {"vi": "se, ci90_low, ci90_high, respondents", "en": "se, ci90_low, ci90_high, respondents"},
    "ex_note_translated": {
        "vi": "Tên tiếng Việt có dấu {mark} do dự án dịch (PAPI không có tên chính thức).",
        "en": "Vietnamese names marked {mark} are the project's translation (PAPI has no official one).",
    },
    "ex_note_translated_label": {"vi": "Tên chỉ số", "en": "Metric names"},
}
