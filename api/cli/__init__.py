"""The command line: the ``ledger`` console script, one module per command."""
