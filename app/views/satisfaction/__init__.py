"""Satisfaction screens: the module page, survey design, the waves tab with the response entry
grid (entry), the analysis."""
