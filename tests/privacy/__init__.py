"""Tests of erasure that stays done, in a database of their own."""
