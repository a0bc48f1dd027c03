"""What a start of the ledger runs on: the database server, the store's settings, the keys."""
