"""PAPI data layer: the Parquet store, its build from the source tables, and the domain rules.

Plain pandas/pyarrow only: nothing here imports Streamlit, so every rule is a pure, unit-tested function.
"""
