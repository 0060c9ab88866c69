"""Every benchmark, one after another: `make bench`."""

from bench import explorer, exports, first_page, hostile, load, memory, page_runs, slow, store_build
from bench import map as map_bench
from bench import profile as profile_bench

if __name__ == "__main__":
    store_build.main()
    page_runs.main()
    first_page.main([])
    map_bench.main()
    profile_bench.main()
    explorer.main()
    exports.main()
    memory.main()
    load.main([])
    slow.main([])
    hostile.main([])
