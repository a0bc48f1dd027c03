"""The faces of the ledger: the HTTP API, the command line and the composition root."""
