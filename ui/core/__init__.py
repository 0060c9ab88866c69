"""Framework every page shares: language and strings, URL state and typed views, session state, the page shell,
numbers, browser scripts."""
