"""Accounts, the join form, 'My applications', bad input and faults."""
