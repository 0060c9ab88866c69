"""plotly.js's own words (its toolbar's tooltips and messages) in Vietnamese, as a plotly locale dictionary: plotly's
English text → ours. Handed to plotly in each chart's config (ui/charts/common.plotly_config), so no locale file is
fetched. plotly.js ships a "vi" locale with month and day names only, which these charts do not show."""

PLOTLY_VI: dict[str, str] = {
    "Autoscale": "Tự co giãn theo dữ liệu",
    "Box Select": "Chọn theo khung",
    "Compare data on hover": "So sánh dữ liệu khi rê chuột",
    "Double-click on legend to isolate one trace": "Nhấp đúp vào chú giải để chỉ xem một dãy",
    "Double-click to zoom back out": "Nhấp đúp để thu nhỏ lại",
    "Download plot": "Tải biểu đồ",
    "Download plot as a PNG": "Tải biểu đồ dạng ảnh PNG",
    "Download plot as a png": "Tải biểu đồ dạng ảnh PNG",
    "Image download succeeded": "Đã tải ảnh xuống",
    "Lasso Select": "Chọn theo vùng tự do",
    "Pan": "Kéo để di chuyển",
    "Produced with Plotly.js": "Vẽ bằng Plotly.js",
    "Reset": "Về khung nhìn ban đầu",
    "Reset axes": "Về trục ban đầu",
    "Reset view": "Về khung nhìn ban đầu",
    "Reset views": "Về khung nhìn ban đầu",
    "Show closest data on hover": "Hiện dữ liệu gần nhất khi rê chuột",
    "Snapshot succeeded": "Đã chụp ảnh biểu đồ",
    "Sorry, there was a problem downloading your image!": "Rất tiếc, không tải được ảnh biểu đồ.",
    "Taking snapshot - this may take a few seconds": "Đang chụp ảnh biểu đồ, xin chờ vài giây",
    "Toggle show closest data on hover": "Bật/tắt hiện dữ liệu gần nhất khi rê chuột",
    "Toggle Spike Lines": "Bật/tắt đường gióng",
    "Zoom": "Phóng to vùng chọn",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
}
