"""Each Task Force's members-only space: its team, the consent to share contact details with
it, and what the Task Force knows."""
