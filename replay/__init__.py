"""Audits: rebuild projections from the log into a scratch schema, as-of reads, verification."""
