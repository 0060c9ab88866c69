"""The store: schema, source readers, the files behind CURRENT and the loaded store."""
