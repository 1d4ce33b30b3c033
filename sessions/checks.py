"""System checks: the programme is complete before anyone joins (filled in below)."""
