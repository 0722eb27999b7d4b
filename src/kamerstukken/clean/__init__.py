"""clean layer."""
