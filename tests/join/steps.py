"""Walking the join form through the test client, step by step."""

QUALIFICATION = "Twenty years of soil carbon research, and I run the regional network. " * 2


def step_url(step, code="a1", language="en"):
    return f"/{language}/join/{code}/{step}/"


def post_step(client, step, data=None, code="a1", **extra):
    payload = {f"join_{code}-current_step": step}
    payload.update({f"{step}-{name}": value for name, value in (data or {}).items()})
    payload.update(extra)
    response = client.post(step_url(step, code), payload)
    if response.status_code == 302 and response["Location"] == step_url("done", code):
        # formtools sends the last step to its "done" URL, which revalidates and saves.
        response = client.get(response["Location"])
    return response


def apply_as_leader(client):
    post_step(client, "role", {"role": "leader"})
    post_step(client, "qualification", {"qualification": QUALIFICATION, "availability": "all"})
    return post_step(
        client,
        "review",
        {"consent_to_processing": "on", "consent_to_publication": "on"},
    )
