"""The about page: its text."""
