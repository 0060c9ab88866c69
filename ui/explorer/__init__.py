"""The explorer page: its panel, tables and downloads."""
