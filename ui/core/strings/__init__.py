"""The string catalogue: one module per page, common.py for what pages share; prose in Markdown per language."""
