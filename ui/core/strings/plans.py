"""Strings of the plans page (Kế hoạch và kết quả / Plans and results)."""

STRINGS: dict[str, dict[str, str]] = {
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
    "plans_table": {
        "vi": "Bảng mọi mục tiêu theo năm ({n} dòng, theo bộ lọc)",
        "en": "Table of every target-year ({n} rows, as filtered)",
    },
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
    "plan_no_source_url": {"vi": "Bài báo không ghi địa chỉ web.", "en": "The article gives no web address."},
    "plan_article": {"vi": "Bài báo", "en": "Article"},
    "plan_article_untitled": {"vi": "bài báo không có tiêu đề", "en": "untitled article"},
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
    "plan_desc_not_worse_rank": {
        "vi": "Thứ hạng theo điểm {metric} năm {years} không thấp hơn năm {base}",
        "en": "A rank by {metric} score in {years} no worse than in {base}",
    },
    "plan_desc_not_worse_score": {
        "vi": "Điểm {metric} năm {years} không thấp hơn năm {base}",
        "en": "A {metric} score in {years} no lower than in {base}",
    },
    "plan_desc_not_worse_group": {
        "vi": "Nhóm theo điểm {metric} năm {years} không thấp hơn năm {base}",
        "en": "A group by {metric} score in {years} no worse than in {base}",
    },
    "plan_desc_rise_at_least": {
        "vi": "Thứ hạng theo điểm {metric} năm {years} tăng ít nhất {k} bậc so với năm {base}",
        "en": "A rank by {metric} score in {years} at least {k} places above that of {base}",
    },
    "plan_desc_rank_at_most": {
        "vi": "Xếp thứ {k} trở lên theo điểm {metric} năm {years}",
        "en": "Ranked {k} or better by {metric} score in {years}",
    },
    "plan_desc_rank_within": {
        "vi": "Xếp thứ {k} trở lên trong {among} theo điểm {metric} năm {years}",
        "en": "Ranked {k} or better among {among} by {metric} score in {years}",
    },
    "plan_desc_score_at_least": {
        "vi": "Điểm {metric} năm {years} từ {x} trở lên",
        "en": "A {metric} score of at least {x} in {years}",
    },
    "plan_desc_group_at_least": {
        "vi": "Thuộc {group} (theo điểm {metric}) năm {years}",
        "en": "In {group} (by {metric} score) in {years}",
    },
    "plan_or_better": {"vi": "{group} trở lên", "en": "{group} or better"},
    "plan_desc_dimensions_meeting": {"vi": "{which} {condition}, năm {years}", "en": "{which} {condition} in {years}"},
    "plan_meeting_dims": {"vi": "Ít nhất {n} lĩnh vực", "en": "At least {n} dimensions"},
    "plan_meeting_subdims_of": {
        "vi": "Ít nhất {n} chỉ số thành phần của {dimension}",
        "en": "At least {n} sub-dimensions of {dimension}",
    },
    "plan_meeting_one": {"vi": "{dimension} {condition}, năm {years}", "en": "{dimension} {condition} in {years}"},
    "plan_meeting_rise": {"vi": "tăng điểm so với năm {base}", "en": "rising above the {base} score"},
    "plan_meeting_group": {"vi": "thuộc {group}", "en": "in {group}"},
    "plan_and": {"vi": " và ", "en": " and "},
    "plan_region_named": {"vi": "các tỉnh vùng {region}", "en": "the {region} region"},
    "plan_rank_among": {"vi": "{rank} trong {among}", "en": "{rank} among {among}"},
    "plan_desc_weak_dimensions_improve": {
        "vi": "Mọi lĩnh vực yếu năm {base} (dưới trung bình toàn quốc) có điểm năm {years} cao hơn",
        "en": "Every dimension weak in {base} (below the national mean) scores higher in {years}",
    },
    "plan_desc_strong_dimensions_hold": {
        "vi": "Mọi lĩnh vực mạnh năm {base} (từ trung bình toàn quốc trở lên) vẫn từ trung bình trở lên năm {years}",
        "en": "Every dimension strong in {base} (at or above the national mean) stays at or above it in {years}",
    },
    "plan_gap_places_short": {"vi": "thiếu {x} bậc", "en": "{x} places short", "en_one": "{x} place short"},
    "plan_gap_places_ahead": {"vi": "vượt {x} bậc", "en": "{x} places ahead", "en_one": "{x} place ahead"},
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
    "plan_result_dimensions_of": {
        "vi": "{value}/{of} lĩnh vực đạt (cần ít nhất {need})",
        "en": "{value} of {of} dimensions met it (at least {need} needed)",
    },
    "plan_reason_scale_change": {
        "vi": "không so sánh được: tổng điểm {base} (thang 6–60) và {year} (thang 8–80) khác thang",
        "en": "not comparable: the {base} total (6–60) and the {year} total (8–80) are on different scales",
    },
    "plan_reason_set_change": {
        "vi": "không so sánh được qua năm 2025: năm {base} xếp trong 63 tỉnh cũ ({then}), năm {year} trong 34 tỉnh, "
        "thành phố mới ({now})",
        "en": "not comparable across 2025: {base} ranks the 63 former provinces ({then}), {year} the 34 new ones "
        "({now})",
    },
    "plan_reason_set_change_score": {
        "vi": "không so sánh được qua năm 2025: tỉnh mới gồm cả các tỉnh cũ sáp nhập (điểm năm {year}: {now})",
        "en": "not comparable across 2025: the new province includes the former provinces merged into it "
        "({year} score: {now})",
    },
    "plan_reason_no_baseline": {
        "vi": "không có điểm năm gốc {base} để so sánh (PAPI không công bố)",
        "en": "no {base} baseline score to compare with (PAPI published none)",
    },
    "plan_reason_no_result": {
        "vi": "PAPI không công bố {what} năm {year}",
        "en": "PAPI published no {what} for {year}",
    },
    "plan_what_total": {"vi": "điểm tổng hợp", "en": "total score"},
    "plan_what_dimension": {"vi": "điểm {dimension}", "en": "{dimension} score"},
    "plan_what_dimensions": {"vi": "điểm các lĩnh vực", "en": "dimension scores"},
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
    "plan_fair_ranks": {
        "vi": "{before} → {after} trong cùng {n} tỉnh{among} có dữ liệu cả năm {first} và {second}",
        "en": "{before} → {after} among the same {n} provinces{among} with data in both {first} and {second}",
    },
    "plan_fair_among": {"vi": "thuộc {among}", "en": "of {among}"},
    "plan_fair_score": {
        "vi": "{change}; cả nước {national} ({first} → {second})",
        "en": "{change}; national mean {national} ({first} → {second})",
    },
    "plan_col_fair": {"vi": "So sánh công bằng", "en": "Fair comparison"},
    "plan_reading_metric": {"vi": "Nếu đọc theo {metric}", "en": "Read by {metric}"},
    "plan_reading_baseline": {"vi": "Nếu năm gốc là {base}", "en": "With {base} as the baseline"},
    "plan_read_rank": {"vi": "thứ hạng", "en": "rank"},
    "plan_read_score": {"vi": "điểm", "en": "score"},
    "plan_read_group": {"vi": "nhóm", "en": "group"},
    "plan_other_readings": {
        "vi": "Cách đọc khác (hiển thị để đối chiếu, không quyết định trạng thái):",
        "en": "Other readings (shown for comparison; they do not set the status):",
    },
    "plan_count": {"vi": "{year}: {achieved}/{total} đạt", "en": "{year}: {achieved} of {total} achieved"},
    "plan_count_pending": {"vi": "{n} chưa có kết quả", "en": "{n} pending"},
    "plan_count_no_data_year": {"vi": "{year}: không có dữ liệu", "en": "{year}: no data"},
    "plan_count_no_data": {"vi": "{n} không có dữ liệu", "en": "{n} without data"},
    "plan_member": {
        "vi": "{name} năm {year}: {score} điểm, {rank}, {group}",
        "en": "{name} in {year}: {score} points, {rank}, {group}",
    },
    "plan_member_no_data": {"vi": "{name} năm {year}: không có dữ liệu", "en": "{name} in {year}: no data"},
    "plan_members_heading": {
        "vi": "Tỉnh mới gồm các tỉnh cũ dưới đây, mỗi tỉnh với điểm riêng của mình (không có điểm gộp nào được "
        "tạo ra):",
        "en": "The new province is formed of the former provinces below, each with its own scores (no merged score is "
        "made up):",
    },
    "plan_short_weak_dimensions_improve": {"vi": "lĩnh vực yếu", "en": "weak dimensions"},
    "plan_short_strong_dimensions_hold": {"vi": "lĩnh vực mạnh", "en": "strong dimensions"},
    "plan_short_dimensions_meeting": {"vi": "số lĩnh vực đạt", "en": "dimensions meeting it"},
    "plan_shrinking_points": {
        "vi": "{name}: vẫn đạt mục tiêu, nhưng khoảng cách giảm từ {before} ({first}) xuống {after} điểm ({second}).",
        "en": "{name}: still on target, but the margin fell from {before} ({first}) to {after} points ({second}).",
    },
    "plan_shrinking_places": {
        "vi": "{name}: vẫn đạt mục tiêu, nhưng khoảng cách giảm từ {before} ({first}) xuống {after} bậc ({second}).",
        "en": "{name}: still on target, but the margin fell from {before} ({first}) to {after} places ({second}).",
    },
    "plan_shrinking_group": {
        "vi": "{name}: vẫn {group}, nhưng khoảng cách giảm từ {before} ({first}) xuống {after} điểm ({second}).",
        "en": "{name}: still in {group}, but the margin fell from {before} ({first}) to {after} points ({second}).",
    },
    "plans_status_heading": {"vi": "Trạng thái các mục tiêu", "en": "Status of the targets"},
    "plans_status_caption": {
        "vi": "{targets} mục tiêu theo năm trong {plans} kế hoạch của {provinces} tỉnh, thành phố (theo bộ lọc).",
        "en": "{targets} target-years in {plans} plans of {provinces} provinces (as filtered).",
    },
    "plan_filter_region": {"vi": "Vùng", "en": "Region"},
    "plan_filter_status": {"vi": "Trạng thái", "en": "Status"},
    "plan_all_regions": {"vi": "Tất cả các vùng", "en": "All regions"},
    "plan_all_statuses": {"vi": "Mọi trạng thái", "en": "Any status"},
    "plan_none_match": {
        "vi": "Không có kế hoạch nào khớp bộ lọc đã chọn.",
        "en": "No plan matches the chosen filters.",
    },
    "plan_summary_heading": {
        "vi": "Tóm tắt (bằng lời của chúng tôi, không phải trích dẫn; văn bản gốc không có trong ứng dụng):",
        "en": "Summary (in our words, not a quotation; the source text is not in the app):",
    },
    "plan_summary_source": {"vi": "Nguồn của tóm tắt: {url}", "en": "Source of the summary: {url}"},
    "plan_chart_rank_among_title": {
        "vi": "{province}: thứ hạng trong {among}",
        "en": "{province}: rank among {among}",
    },
    "plan_chart_meeting_title": {
        "vi": "{province}: các lĩnh vực được tính, năm {year}",
        "en": "{province}: the dimensions counted, {year}",
    },
    "plan_chart_meeting_subtitle": {
        "vi": "Mục tiêu: {target} · {doc}<br>Điểm năm gốc và năm mục tiêu; gạch ngang: điểm thấp nhất của nhóm cần đạt",
        "en": "Target: {target} · {doc}<br>Scores in the baseline and target year; dash: the lowest score in the group",
    },
    "plan_group_floor": {"vi": "Điểm thấp nhất của nhóm", "en": "The group's lowest score"},
}
