"""Figures and page helpers: i18n, number formats, URL state, cached store access and chart builders."""
