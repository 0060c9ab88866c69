"""The plans page: its panels, words and tables."""
