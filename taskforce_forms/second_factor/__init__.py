"""Staff sign in with a second factor (django-otp: an authenticator app's codes, and one-time
recovery codes), and staff sessions are short. `policy` says who must, `devices` enrols and
checks codes, `lockout` counts wrong codes with django-axes, `middleware` asks for the factor
before any admin page and ends idle or old staff sessions, `views` are the screens."""
