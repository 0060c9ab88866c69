"""The about page's text and tables, in both languages; the figures in them come from the store."""

from __future__ import annotations

import pandas as pd

from papi_data.schema import TOTAL

_INTRO = {
    "vi": """
**PAPI** — Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh — đo trải nghiệm của người dân với chính quyền
các cấp. Mỗi năm khoảng 14.000–19.500 người dân ở tất cả các tỉnh, thành phố được phỏng vấn trực tiếp. PAPI do
CECODES, Ban Công tác phong trào – Ủy ban Trung ương MTTQ Việt Nam (VFF-CRT), RTA và UNDP thực hiện từ năm 2009;
số liệu của cả 63 tỉnh có từ năm 2011. Báo cáo của năm khảo sát N được công bố vào tháng 3–5 năm N+1.

Bảng điều khiển này cho xem điểm theo tỉnh, theo năm và theo lĩnh vực nội dung, và đối chiếu kế hoạch cải thiện PAPI
của các địa phương với kết quả.
""",
    "en": """
**PAPI** — the Provincial Governance and Public Administration Performance Index — measures citizens' experience
of government. Each year some 14,000–19,500 citizens in every province are interviewed face to face. PAPI is run
by CECODES, the Vietnam Fatherland Front's Central Committee (VFF-CRT), RTA and UNDP since 2009; all 63 provinces
have scores from 2011. The report on survey year N is launched in March–May of year N+1.

This dashboard shows the scores by province, year and dimension, and holds the provinces' PAPI improvement plans
against the results.
""",
}

_SCALES = {
    "vi": """
### Thang điểm và nhóm
- Mỗi lĩnh vực nội dung có điểm từ 1 đến 10. Điểm tổng hợp là tổng các lĩnh vực: **6–60** cho 2011–2017 (sáu lĩnh
  vực), **8–80** từ 2018 (tám lĩnh vực). Hai thang điểm này không so sánh trực tiếp với nhau; bảng điều khiển không
  bao giờ vẽ chúng trên cùng một trục.
- Mỗi năm các tỉnh được chia thành bốn nhóm theo phân vị điểm: **nhóm cao nhất** (từ phân vị 75), **trung bình cao**
  (50–75), **trung bình thấp** (25–50), **thấp nhất** (dưới 25). Cách chia này áp dụng cho điểm tổng hợp và cho từng
  lĩnh vực.
- **Hạng** tính trong số các tỉnh có dữ liệu năm đó (1 = tốt nhất; các tỉnh bằng điểm cùng hạng): “hạng 15/61”.

### Những năm thiếu dữ liệu
PAPI không công bố điểm của một số tỉnh trong một số năm. Bảng điều khiển hiển thị “không có dữ liệu”, không bao giờ
hiển thị là 0 hay ước tính thay. Danh sách lấy từ kho dữ liệu:
""",
    "en": """
### Scales and groups
- Each dimension is scored from 1 to 10. The total is the sum of the dimensions: **6–60** for 2011–2017 (six
  dimensions), **8–80** from 2018 (eight). The two scales are not comparable; this dashboard never draws them on one
  axis.
- Each year provinces fall into four groups by percentile of the score: **best** (75th percentile and above), **high
  average** (50th–75th), **low average** (25th–50th), **poor** (below the 25th). The same grouping is drawn for the
  total and for each dimension.
- A **rank** counts among the provinces with data that year (1 = best; equal scores share a rank): "rank 15 of 61".

### Years without data
PAPI published no scores for some provinces in some years. The dashboard shows them as "no data", never as zero and
never estimated. The list, read from the store:
""",
}

_SOURCES = {
    "vi": """
### Nguồn và giấy phép
- **Điểm PAPI**: các bảng Excel chính thức của papi.org.vn, được gộp thành bảng tỉnh–năm trong kho mã nguồn công khai
  tunah72/papi-dashboard (commit 2e42ab8), lấy điểm không trọng số. Đã đối chiếu: tổng các lĩnh vực bằng điểm tổng hợp;
  87/95 giá trị đăng trên báo chí khớp (8 giá trị lệch là lỗi của báo). Trích dẫn: *PAPI — CECODES, VFF-CRT, RTA &
  UNDP, papi.org.vn*.
- **Ranh giới tỉnh**: Open Development Mekong, bộ dữ liệu “Địa phận tỉnh” (CC BY-SA 4.0); mã và tên tỉnh theo danh mục
  của Tổng cục Thống kê; nhóm sáp nhập theo Nghị quyết 202/2025/QH15. Bản đồ thể hiện đầy đủ quần đảo Hoàng Sa
  (thuộc Đà Nẵng) và Trường Sa (thuộc Khánh Hòa).
- **Từ 1/7/2025** Việt Nam có 34 tỉnh, thành phố. Mọi điểm PAPI ở đây là của 63 tỉnh cũ; bảng điều khiển không tự
  tạo điểm cho tỉnh mới.
- **Cách truy nguồn một con số**: mỗi điểm trong kho giữ nguồn của nó (tệp và dòng của bảng nguồn). Dựng lại kho bằng
  `make store`; bản dựng kiểm tra từng dòng và giữ nguyên kho cũ nếu có dòng sai.

Kho dữ liệu dựng lúc {built} (UTC), {rows} điểm.
""",
    "en": """
### Sources and licences
- **PAPI scores**: the official papi.org.vn Excel workbooks, combined into a province-year table by the public
  repository tunah72/papi-dashboard (commit 2e42ab8), unweighted scores. Checked: the dimensions sum to the total;
  87 of 95 values printed in the press match (the 8 that differ are press errors). Cite as *PAPI — CECODES, VFF-CRT,
  RTA & UNDP, papi.org.vn*.
- **Province boundaries**: Open Development Mekong, dataset "Địa phận tỉnh" (CC BY-SA 4.0); codes and names from the
  General Statistics Office; merger groups per Resolution 202/2025/QH15. Maps show the Hoàng Sa (Paracel, part of
  Đà Nẵng) and Trường Sa (Spratly, part of Khánh Hòa) archipelagos.
- **Since 1 July 2025** Vietnam has 34 provinces. Every PAPI score here is for the 63 former provinces; the dashboard
  never invents a score for a new province.
- **Tracing a number**: each score in the store keeps its source (file and line of the source table). Rebuild the
  store with `make store`; the build checks every row and keeps the previous store if any row is bad.

Store built {built} (UTC), {rows} scores.
""",
}


def intro(lang: str) -> str:
    return _INTRO[lang]


def scales_and_groups(lang: str) -> str:
    return _SCALES[lang]


def sources(manifest: dict, lang: str) -> str:
    built = manifest.get("built_at", "?").replace("T", " ").replace("+00:00", "")
    rows = manifest.get("rows", {}).get("scores", "?")
    return _SOURCES[lang].format(built=built, rows=rows)


def dimension_table(dimensions: pd.DataFrame, lang: str) -> pd.DataFrame:
    other = "en" if lang == "vi" else "vi"
    head = {
        "vi": ["Mã", "Lĩnh vực", "Tên tiếng Anh", "Từ năm"],
        "en": ["Code", "Dimension", "Vietnamese name", "Since"],
    }
    return pd.DataFrame(
        {
            head[lang][0]: [f"D{o}" for o in dimensions["order"]],
            head[lang][1]: dimensions[f"name_{lang}"],
            head[lang][2]: dimensions[f"name_{other}"],
            head[lang][3]: dimensions["first_year"].astype(str),
        }
    )


def missing_table(table: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per province-year with any score missing: which ones."""
    gaps = table[table["score"].isna()]
    names = provinces.set_index("code")[f"name_{lang}"]
    rows = []
    for (year, code), group in gaps.groupby(["year", "province_code"]):
        dims = [d for d in group["dimension"] if d != TOTAL]
        every = len(group) == len(table[(table["year"] == year) & (table["province_code"] == code)])
        what = (
            {"vi": "toàn bộ", "en": "everything"}[lang]
            if every
            else ", ".join(f"D{d[1]}" for d in sorted(dims))
            + {"vi": " (nên không có điểm tổng hợp)", "en": " (hence no total)"}[lang]
        )
        rows.append((int(year), names[code], what))
    head = {"vi": ["Năm", "Tỉnh/thành phố", "Thiếu"], "en": ["Year", "Province", "Missing"]}[lang]
    return pd.DataFrame(rows, columns=head)
