"""Plotly figure builders: data in, figure dict out. No Streamlit here."""
