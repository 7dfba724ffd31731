"""Selection by lot: quotas, LEXIMIN over types, the lottery of tickets, checks and the
transparency bundle (docs/selection.md). engine.py is the entry point."""
