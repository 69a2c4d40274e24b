"""Joining a Task Force: the questions, the wizard, the answers, 'My applications'."""
