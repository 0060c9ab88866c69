"""Strings of the target planner (Đặt mục tiêu / Set a target)."""

STRINGS: dict[str, dict[str, str]] = {
    "page_planner": {"vi": "Đặt mục tiêu", "en": "Set a target"},
    "planner_intro": {
        "vi": "Chọn một tỉnh, thành phố và một mục tiêu cho báo cáo PAPI {next}: trang này tính trên điểm đã công bố "
        "của năm {year} xem cần thêm bao nhiêu điểm, ở lĩnh vực nào, và sẽ vượt qua những tỉnh nào.",
        "en": "Pick a province and a target for the PAPI {next} report: this page works out, on the published {year} "
        "scores, how many points it would take, in which dimensions, and which provinces it would pass.",
    },
    "planner_not_forecast": {
        "vi": "Đây là phép tính trên điểm năm {year}, giữ nguyên điểm của các tỉnh khác, không phải dự báo: các tỉnh "
        "khác cũng thay đổi, và mỗi cuộc khảo sát có sai số riêng.",
        "en": "This is arithmetic on the {year} scores with every other province's score held where it was, not a "
        "forecast: the other provinces move too, and every survey has its own error.",
    },
    "planner_metric": {"vi": "Chỉ số", "en": "Measure"},
    "planner_goal": {"vi": "Mục tiêu", "en": "Target"},
    "planner_goal_rank": {"vi": "Thứ hạng", "en": "Rank"},
    "planner_goal_group": {"vi": "Nhóm", "en": "Group"},
    "planner_goal_score": {"vi": "Điểm", "en": "Score"},
    "planner_k": {"vi": "Xếp thứ … trở lên", "en": "Rank … or better"},
    "planner_group": {"vi": "Nhóm … trở lên", "en": "Group … or better"},
    "planner_score": {"vi": "Điểm từ … trở lên", "en": "Score of at least …"},
    "planner_goal_text_rank": {"vi": "xếp thứ {k} trở lên", "en": "rank {k} or better"},
    "planner_goal_text_group": {"vi": "thuộc {group}", "en": "be in {group}"},
    "planner_goal_text_score": {"vi": "đạt từ {x} điểm trở lên", "en": "score at least {x}"},
    "planner_needed": {
        "vi": "Để {goal} theo điểm {metric}, {province} cần thêm **{x} điểm**: từ {own} lên {target} (điểm các tỉnh "
        "khác như năm {year}).",
        "en": "To {goal} by {metric} score, {province} would need **{x} more points**: from {own} to {target} (the "
        "other provinces' scores as in {year}).",
    },
    "planner_met": {
        "vi": "Với điểm năm {year}, {province} đã {goal} theo điểm {metric}: dư **{x} điểm** ({own}; mức cần là "
        "{target}).",
        "en": "On the {year} scores {province} already meets “{goal}” by {metric} score, with **{x} points** to "
        "spare ({own}; it takes {target}).",
    },
    "planner_unreachable": {
        "vi": "Không có điểm nào trên thang {scale} đưa {province} tới mục tiêu này với điểm các tỉnh khác như năm "
        "{year}.",
        "en": "No score on the {scale} scale takes {province} to this target with the other provinces' scores as in "
        "{year}.",
    },
    "planner_no_data": {
        "vi": "PAPI không công bố điểm {metric} của {province} năm {year}: không có gì để tính.",
        "en": "PAPI published no {metric} score for {province} in {year}: there is nothing to work from.",
    },
    "planner_now": {"vi": "Năm {year}", "en": "In {year}"},
    "planner_at_target": {"vi": "Ở mức mục tiêu", "en": "At the target"},
    "planner_parts_heading_total": {
        "vi": "Các lĩnh vực cách xa nhất",
        "en": "The dimensions furthest behind",
    },
    "planner_parts_heading_dimension": {
        "vi": "Các chỉ số thành phần cách xa nhất",
        "en": "The sub-dimensions furthest behind",
    },
    "planner_parts_caption": {
        "vi": "So với tỉnh cao nhất ở từng phần và với điểm thấp nhất của {group} ở phần đó, năm {year}; xếp theo "
        "khoảng cách tới tỉnh cao nhất (tính theo tỉ lệ của thang điểm).",
        "en": "Against the best province on each part and the lowest score in {group} on it, {year}; ordered by the "
        "distance to the best (as a share of the part's scale).",
    },
    "planner_col_part": {"vi": "Phần", "en": "Part"},
    "planner_col_score": {"vi": "Điểm", "en": "Score"},
    "planner_col_best": {"vi": "Cao nhất (tỉnh)", "en": "Best (province)"},
    "planner_col_gap_best": {"vi": "Cách tỉnh cao nhất", "en": "Behind the best"},
    "planner_col_floor": {"vi": "Ngưỡng {group}", "en": "{group} threshold"},
    "planner_col_gap_floor": {"vi": "So với ngưỡng", "en": "Against the threshold"},
    "planner_equal_heading": {
        "vi": "Nếu mọi phần cùng tăng một mức",
        "en": "The same rise in every part",
    },
    "planner_equal_needed": {
        "vi": "Mỗi phần (trong {n}) tăng **{r} điểm** là đủ đạt mục tiêu (phần nào chạm điểm tối đa của thang thì "
        "dừng ở đó).",
        "en": "A rise of **{r} points** in each of the {n} parts would meet the target (a part stops at the top of its "
        "scale).",
    },
    "planner_equal_met": {"vi": "Không cần tăng: mục tiêu đã đạt.", "en": "No rise is needed: the target is met."},
    "planner_equal_none": {
        "vi": "Các phần không đủ dư địa để đạt mục tiêu chỉ bằng một mức tăng chung.",
        "en": "The parts have too little room left to meet the target by one common rise.",
    },
    "planner_col_rise": {"vi": "Mỗi phần tăng", "en": "Each part up by"},
    "planner_col_new_score": {"vi": "Điểm mới", "en": "New score"},
    "planner_col_rank": {"vi": "Hạng", "en": "Rank"},
    "planner_passes_heading": {"vi": "Các tỉnh sẽ vượt qua", "en": "The provinces it would pass"},
    "planner_passes": {
        "vi": "{n} tỉnh có điểm năm {year} nằm giữa điểm hiện tại và mức mục tiêu: {names}.",
        "en": "{n} provinces scored between the current score and the target in {year}: {names}.",
        "en_one": "{n} province scored between the current score and the target in {year}: {names}.",
    },
    "planner_ties": {
        "vi": "Ở đúng mức mục tiêu, tỉnh sẽ ngang điểm (không vượt) {n} tỉnh: {names}.",
        "en": "At the target itself it would tie with (not pass) {n} provinces: {names}.",
        "en_one": "At the target itself it would tie with (not pass) {n} province: {names}.",
    },
    "planner_passes_none": {
        "vi": "Không vượt qua tỉnh nào.",
        "en": "It would pass no province.",
    },
    "planner_chart_title": {
        "vi": "{metric} năm {year}: mọi tỉnh có dữ liệu",
        "en": "{metric} in {year}: every province with data",
    },
    "planner_chart_subtitle": {
        "vi": "{province} tô đậm; viền đen: các tỉnh sẽ vượt qua; màu: nhóm năm {year}",
        "en": "{province} highlighted; black outline: the provinces it would pass; colours: the {year} groups",
    },
    "planner_axis_score": {"vi": "Điểm", "en": "Score"},
    "planner_target_line": {"vi": "mức mục tiêu {x}", "en": "target {x}"},
    "planner_add": {"vi": "Thêm thành kế hoạch", "en": "Add as a plan"},
    "planner_add_official": {
        "vi": "Để trang **Kế hoạch và kết quả** theo dõi mục tiêu này, hãy gửi cho nhóm quản lý dữ liệu của đơn vị: "
        "đường dẫn của trang này (nút **Sao chép liên kết**) cùng số, ngày và địa chỉ web của văn bản đặt mục tiêu. "
        "Nhóm dữ liệu thêm mục tiêu vào kho; sau đó trang sẽ tự đánh giá mục tiêu mỗi năm PAPI công bố.",
        "en": "To have **Plans and results** follow this target, send your data team this page's link (**Copy "
        "link**) with the number, date and web address of the document that sets the target. The data team adds it "
        "to the store; the page then evaluates it every year PAPI publishes.",
    },
    "planner_for_data_team": {"vi": "Cho nhóm dữ liệu", "en": "For the data team"},
    "planner_add_help": {
        "vi": "Chép đoạn dưới vào cuối danh sách `plans:` trong papi_data/sources/plans.yaml, điền địa chỉ văn bản "
        "(`source_url`) và các thông tin văn bản, rồi chạy `make store`. Trình duyệt không ghi gì vào kho dữ liệu.",
        "en": "Paste the entry below at the end of the `plans:` list in papi_data/sources/plans.yaml, fill in the "
        "document's address (`source_url`) and details, then run `make store`. The browser writes nothing to the "
        "store.",
    },
    "planner_yaml_title": {"vi": "Mục tiêu PAPI {year} của {province}", "en": "{province}'s PAPI target for {year}"},
    "planner_yaml_source": {
        "vi": "bắt buộc: địa chỉ web của văn bản",
        "en": "required: the document's web address",
    },
}
