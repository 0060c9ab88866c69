"""What the tests and the benchmarks share, so that neither imports the other: starting the app (`server`), opening a
page in AppTest (`apptest`), a browserless Streamlit session (`sessions`), the hostile links (`hostile_links`)."""
