"""The outcome figures kept as per-month, per-provider summaries, maintained with the facts."""
