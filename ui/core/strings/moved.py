"""Strings of "Vì sao thay đổi / What moved" (the profile, home and the map's biggest movers) and the one-sentence
summaries under charts (ui/charts/sentences.py). Keys with an "en_one" form are read with `tn` (English singular)."""

STRINGS: dict[str, dict[str, str]] = {
    "moved_heading": {"vi": "Vì sao thay đổi", "en": "What moved"},
    "moved_base": {"vi": "So với năm", "en": "Compared with"},
    "moved_chart_title": {
        "vi": "{name}: điểm tổng hợp {base} → {year}, phần đóng góp của từng lĩnh vực",
        "en": "{name}: total score {base} → {year}, what each dimension contributed",
    },
    "moved_chart_subtitle": {
        "vi": "Thay đổi của điểm tổng hợp = tổng thay đổi của các lĩnh vực (điểm tổng hợp là tổng điểm lĩnh vực)",
        "en": "The total's change = the sum of the dimensions' changes (the total is the sum of the dimensions)",
    },
    "moved_sub_title": {
        "vi": "{name}: {dimension} {base} → {year}, phần đóng góp của từng chỉ số thành phần",
        "en": "{name}: {dimension} {base} → {year}, what each sub-dimension contributed",
    },
    "moved_sub_subtitle": {
        "vi": "Điểm lĩnh vực là tổng điểm các chỉ số thành phần (cùng định nghĩa ở cả hai năm)",
        "en": "The dimension is the sum of its sub-dimensions (same definitions in both years)",
    },
    "moved_sub_pick": {"vi": "Xem chỉ số thành phần của lĩnh vực", "en": "Sub-dimensions of the dimension"},
    "moved_axis": {"vi": "Điểm", "en": "Points"},
    "moved_rank": {
        "vi": "Hạng trong {n} tỉnh có điểm tổng hợp cả năm {base} và {year}: {base_rank} → {rank} ({move}).",
        "en": "Rank among the {n} provinces with a total in both {base} and {year}: {base_rank} → {rank} ({move}).",
    },
    "rank_up": {"vi": "lên {k} bậc", "en": "up {k} places", "en_one": "up {k} place"},
    "rank_down": {"vi": "xuống {k} bậc", "en": "down {k} places", "en_one": "down {k} place"},
    "rank_same": {"vi": "giữ nguyên", "en": "unchanged"},
    "moved_gap_same_year": {"vi": "Hãy chọn một năm khác để so sánh.", "en": "Choose another year to compare with."},
    "moved_gap_scale_change": {
        "vi": "Không so sánh {year} với {base}: từ năm 2018 PAPI có 8 lĩnh vực, điểm tổng hợp trên thang 8–80 "
        "(trước đó 6 lĩnh vực, thang 6–60), nên hai điểm tổng hợp không cùng thang đo.",
        "en": "{year} is not compared with {base}: from 2018 PAPI has eight dimensions and the total runs 8–80 "
        "(before, six dimensions on 6–60), so the two totals are not on one scale.",
    },
    "moved_gap_definition_change": {
        "vi": "Không tách {dimension} thành các chỉ số thành phần giữa {base} và {year}: bộ chỉ số thành phần hoặc "
        "định nghĩa của chúng đã thay đổi giữa hai năm.",
        "en": "{dimension} is not split into sub-dimensions between {base} and {year}: its set of sub-dimensions or "
        "their definitions changed between the two years.",
    },
    "moved_gap_no_score": {
        "vi": "PAPI không công bố {metric} của {name} năm {year}: không có gì để so sánh.",
        "en": "PAPI published no {metric} for {name} in {year}: nothing to compare.",
    },
    "moved_gap_base_missing": {
        "vi": "PAPI không công bố {metric} của {name} năm {base}: hãy chọn năm khác để so sánh.",
        "en": "PAPI published no {metric} for {name} in {base}: choose another year to compare with.",
    },
    "moved_total_word": {"vi": "điểm tổng hợp", "en": "total"},
    "moved_no_base": {
        "vi": "{name} năm {year}: không có năm nào trước đó cùng thang điểm để so sánh.",
        "en": "{name} in {year}: no earlier year on the same scale to compare with.",
    },
    "rank_near_tie": {
        "vi": "{rank}/{n} (sát nút: hạng {first}–{last}, chênh tới {gap} điểm)",
        "en": "{rank}/{n} (near-tie: ranks {first}–{last}, at most {gap} points apart)",
    },
    # The sentences (ui/charts/sentences.py).
    "sentence_change": {
        "vi": "{name} {year}: {score} điểm ({change} so với {base}){rank}; {moves}.",
        "en": "{name} {year}: {score} points ({change} on {base}){rank}; {moves}.",
    },
    "sentence_sub_change": {
        "vi": "{name} {year}, {dimension}: {score} điểm ({change} so với {base}); {moves}.",
        "en": "{name} {year}, {dimension}: {score} points ({change} on {base}); {moves}.",
    },
    "sentence_rank": {"vi": ", hạng {rank}/{n}", "en": ", rank {rank} of {n}"},
    "sentence_rise_fall": {
        "vi": "giảm nhiều nhất ở {fall} ({fall_by}), tăng nhiều nhất ở {rise} ({rise_by})",
        "en": "the largest fall in {fall} ({fall_by}), the largest rise in {rise} ({rise_by})",
    },
    "sentence_all_rose": {
        "vi": "tăng ở cả {k} {part}, nhiều nhất ở {rise} ({rise_by})",
        "en": "a rise in all {k} {part}, the largest in {rise} ({rise_by})",
    },
    "sentence_all_fell": {
        "vi": "giảm ở cả {k} {part}, nhiều nhất ở {fall} ({fall_by})",
        "en": "a fall in all {k} {part}, the largest in {fall} ({fall_by})",
    },
    "sentence_only_rise": {
        "vi": "tăng ở {up}/{k} {part}, nhiều nhất ở {rise} ({rise_by}), không {part} nào giảm",
        "en": "a rise in {up} of {k} {part}, the largest in {rise} ({rise_by}), none fell",
    },
    "sentence_only_fall": {
        "vi": "giảm ở {down}/{k} {part}, nhiều nhất ở {fall} ({fall_by}), không {part} nào tăng",
        "en": "a fall in {down} of {k} {part}, the largest in {fall} ({fall_by}), none rose",
    },
    "sentence_none_moved": {"vi": "không {part} nào thay đổi", "en": "no {part} changed"},
    "part_dimension": {"vi": "lĩnh vực", "en": "dimensions", "en_one": "dimension"},
    "part_subdimension": {
        "vi": "chỉ số thành phần",
        "en": "sub-dimensions",
        "en_one": "sub-dimension",
    },
    "sentence_tied": {"vi": "cùng {by}", "en": "{by} each"},
    "sentence_and": {"vi": "{first} và {last}", "en": "{first} and {last}"},
    "sentence_radar": {
        "vi": "{name} {year}: cao nhất ở {top} ({top_score}), thấp nhất ở {low} ({low_score}), "
        "trên thang 1–10{missing}.",
        "en": "{name} {year}: highest in {top} ({top_score}), lowest in {low} ({low_score}), on a 1–10 scale{missing}.",
    },
    "sentence_radar_missing": {
        "vi": "; không có dữ liệu ở {k} lĩnh vực",
        "en": "; no data on {k} dimensions",
        "en_one": "; no data on {k} dimension",
    },
    "sentence_radar_empty": {
        "vi": "{name} {year}: PAPI không công bố điểm lĩnh vực nào.",
        "en": "{name} {year}: PAPI published no dimension score.",
    },
    "sentence_rank_history": {
        "vi": "{name}: hạng {rank}/{n} năm {year}; tốt nhất hạng {best} ({best_years}), thấp nhất hạng {worst} "
        "({worst_years}) trong {k} năm có điểm tổng hợp{missing}.",
        "en": "{name}: rank {rank} of {n} in {year}; best rank {best} ({best_years}), lowest rank {worst} "
        "({worst_years}) over {k} years with a total{missing}.",
        "en_one": "{name}: rank {rank} of {n} in {year}; best rank {best} ({best_years}), lowest rank {worst} "
        "({worst_years}) over {k} year with a total{missing}.",
    },
    "sentence_rank_history_missing": {
        "vi": "; không có dữ liệu năm {years}",
        "en": "; no data in {years}",
    },
    "sentence_rank_history_empty": {
        "vi": "{name}: PAPI không công bố điểm tổng hợp năm nào.",
        "en": "{name}: PAPI published no total in any year.",
    },
    "sentence_movers": {
        "vi": "{year} so với {base}: tăng nhiều nhất {rise}; giảm nhiều nhất {fall}.",
        "en": "{year} on {base}: the largest rises {rise}; the largest falls {fall}.",
    },
    "sentence_movers_none": {"vi": "không tỉnh nào", "en": "none"},
    "movers_heading": {"vi": "Thay đổi nhiều nhất năm {year} so với {base}", "en": "Biggest movers, {year} on {base}"},
    "movers_rise": {"vi": "Tăng nhiều nhất", "en": "Largest rises"},
    "movers_fall": {"vi": "Giảm nhiều nhất", "en": "Largest falls"},
    "movers_line": {
        "vi": "{name}: {change} điểm, hạng {base_rank} → {rank}; chủ yếu do {part} ({part_by})",
        "en": "{name}: {change} points, rank {base_rank} → {rank}; mostly {part} ({part_by})",
    },
    "movers_none": {
        "vi": "Không so sánh được năm {year} với năm trước: {why}",
        "en": "{year} cannot be compared with the year before: {why}",
    },
    "movers_help": {
        "vi": "Thay đổi của điểm tổng hợp so với năm liền trước, trong các tỉnh có điểm cả hai năm; hạng tính trong "
        "chính các tỉnh đó.",
        "en": "The change of the total on the year before, among the provinces with a total in both years; ranks "
        "among those provinces.",
    },
    "sentence_map": {
        "vi": "{metric} {year}: {count}; cao nhất {top} ({top_score}), thấp nhất {low} ({low_score}){missing}.",
        "en": "{metric} {year}: {count}; highest {top} ({top_score}), lowest {low} ({low_score}){missing}.",
    },
    "sentence_map_missing": {
        "vi": "; không có dữ liệu ở {k} tỉnh",
        "en": "; no data for {k} provinces",
        "en_one": "; no data for {k} province",
    },
    "sentence_map_empty": {
        "vi": "{metric} {year}: không tỉnh nào có dữ liệu.",
        "en": "{metric} {year}: no province has data.",
    },
    "sentence_provinces_with_data": {
        "vi": "{n} tỉnh có dữ liệu",
        "en": "{n} provinces with data",
        "en_one": "{n} province with data",
    },
    "sentence_ranking": {
        "vi": "{metric} {year}: đứng đầu {top}, đứng cuối {low}, cách nhau {gap} điểm ({count}).",
        "en": "{metric} {year}: {top} first, {low} last, {gap} points apart ({count}).",
    },
    "sentence_trend": {
        "vi": "{name}, {metric}: {score} năm {year} ({versus}){mean}.",
        "en": "{name}, {metric}: {score} in {year} ({versus}){mean}.",
    },
    "sentence_trend_change": {"vi": "{change} so với {base}", "en": "{change} on {base}"},
    "sentence_trend_first": {
        "vi": "không có năm nào trước đó cùng thang đo để so sánh",
        "en": "no earlier year on the same scale to compare with",
    },
    "sentence_trend_break": {
        "vi": "không so sánh với các năm trước {year}: thang đo, định nghĩa hoặc danh sách tỉnh đã thay đổi",
        "en": "not compared with the years before {year}: the scale, the definition or the set of provinces changed",
    },
    "sentence_trend_mean": {"vi": "; trung bình cả nước {mean}", "en": "; national mean {mean}"},
    "sentence_trend_empty": {
        "vi": "{name}, {metric}: PAPI không công bố số liệu năm nào trong các năm hiển thị.",
        "en": "{name}, {metric}: PAPI published no figure in the years shown.",
    },
    "sentence_scatter": {
        "vi": "{x} và {y} năm {year}: {count} cả hai; {fit}.",
        "en": "{x} and {y} in {year}: {count} on both; {fit}.",
    },
    "sentence_scatter_r": {"vi": "hệ số tương quan Pearson r = {r}", "en": "Pearson's r = {r}"},
    "sentence_scatter_no_r": {
        "vi": "quá ít tỉnh hoặc không có khác biệt để tính hệ số tương quan",
        "en": "too few provinces or no spread for a correlation",
    },
    "sentence_slope": {
        "vi": "{metric} {start} → {end} ({count} cả hai năm): tăng nhiều nhất {rise}; giảm nhiều nhất {fall}.",
        "en": "{metric} {start} → {end} ({count} in both years): the largest rise {rise}; the largest fall {fall}.",
    },
    "sentence_plan": {"vi": "{province}, {metric}: {years}.", "en": "{province}, {metric}: {years}."},
    "sentence_plan_year": {"vi": "{year} {status} ({result})", "en": "{year} {status} ({result})"},
    "sentence_planner": {
        "vi": "{province} {year}: {score} điểm{rank}; {goal}.",
        "en": "{province} {year}: {score} points{rank}; {goal}.",
    },
    "sentence_planner_beyond": {
        "vi": "mục tiêu vượt quá thang điểm, kể cả khi giữ nguyên điểm các tỉnh khác",
        "en": "the goal is beyond the scale, even with the other provinces unchanged",
    },
    "sentence_planner_met": {
        "vi": "đã đạt mục tiêu (cần từ {target} điểm)",
        "en": "the goal is met already (it needs {target} points)",
    },
    "sentence_planner_need": {
        "vi": "mục tiêu cần {target} điểm ({needed}), vượt {passed}{tied}",
        "en": "the goal needs {target} points ({needed}), passing {passed}{tied}",
    },
    "sentence_planner_tied": {
        "vi": " và ngang {n} tỉnh",
        "en": " and tying with {n} provinces",
        "en_one": " and tying with {n} province",
    },
    "sentence_provinces": {"vi": "{n} tỉnh", "en": "{n} provinces", "en_one": "{n} province"},
}
