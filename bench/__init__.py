"""Benchmarks: each prints its rate beside the raw-SQL limit and the plain library path."""
