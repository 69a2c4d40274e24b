"""The outbox: e-mails delivered, retried, sent again."""
