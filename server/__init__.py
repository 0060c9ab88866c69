"""The HTTP server around the app: guards (middleware) and routes (readiness, the open-data API)."""
