"""Data protection: export, erasure, retention."""
