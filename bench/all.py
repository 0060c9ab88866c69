"""Every benchmark, one after another: `make bench`."""

from bench import map as map_bench
from bench import memory, page_runs, store_build

if __name__ == "__main__":
    store_build.main()
    page_runs.main()
    map_bench.main()
    memory.main()
