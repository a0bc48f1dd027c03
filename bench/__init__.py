"""Benchmarks that print rates as ratios against baselines measured in the same run."""
