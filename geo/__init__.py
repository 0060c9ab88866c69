"""Province boundaries for the PAPI maps: see geo/loader.py and geo/data/SOURCE.md."""
