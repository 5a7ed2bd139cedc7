"""Sources → articles → extracted facts. Pure functions of (page text, issue date, outlet)."""
