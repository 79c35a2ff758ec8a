"""Kind tests, a package so their names never clash with the reading tests of the same part."""
