"""One reader per source table, each checking every rule before a row reaches the store."""
