"""Answering questions: each figure computed from the fact tables, one module per question."""
