"""The province profile page: its panels."""
