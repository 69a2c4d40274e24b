"""The join form's screens: the wizard, and a user's own applications."""
