"""The Secretariat's inbox: decisions and the admin's screens."""
