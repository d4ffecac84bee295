"""Measurements of newsmon against public data (not shipped in the wheel)."""
