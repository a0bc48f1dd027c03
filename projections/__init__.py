"""The read side: one module per question, each a projection of the log with its own tables."""
