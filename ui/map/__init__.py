"""The map page: its panels."""
