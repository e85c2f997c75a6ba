"""Safety models registered for export and erasure."""
