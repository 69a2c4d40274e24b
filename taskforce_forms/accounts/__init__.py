"""Accounts: logging in, one's profile, and asking the Secretariat for a login."""
