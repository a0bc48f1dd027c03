"""Writing the facts: stored events become fact rows, with the tracking row, a batch at a time."""
