"""The outbox: each e-mail is written in the transaction of what it tells, then delivered by a
task; a failing mail server leaves it failed, retried with growing delays, never undoing what was
saved. `notifications` says which e-mail each event sends; `messages` queues; `delivery` sends."""
