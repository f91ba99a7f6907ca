"""The client's checks (generated from the spec by @seedance/codegen) and a real Prism of the same spec
agree: any request is either refused by both or accepted by both (the TypeScript client's property,
test/contract/client.test.ts, for Python)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seedance

# Mostly plausible inputs around every limit, so both sides of each constraint are exercised.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=310) | st.just("a fox")
whole = st.integers(min_value=-(2**60), max_value=2**60)
fraction = st.floats(allow_nan=False, allow_infinity=False).filter(lambda value: not value.is_integer())

image_params = st.fixed_dictionaries(
    {"prompt": text, "model": st.sampled_from(["seedream-3.0", "seedream-4.5", "seedream-5.0", "seedream-9"])},
    optional={
        "resolution": st.sampled_from(["1024x1024", "4k", "8k"]),
        "quality": st.sampled_from(["standard", "high", "ultra"]),
        "num_images": st.integers(min_value=-1, max_value=6),
        "seed": whole | fraction,
        "style": st.text(st.characters(exclude_categories=["Cs"]), max_size=70),
    },
)
video_params = st.fixed_dictionaries(
    {
        "prompt": text,
        "model": st.sampled_from(["seedance-1.0", "seedance-1.5-pro", "seedance-2.0", "seedance-9"]),
        "duration": st.integers(min_value=0, max_value=35) | fraction,
    },
    optional={
        "resolution": st.sampled_from(["720p", "1080p", "4k", "8k"]),
        "fps": st.sampled_from([24, 25, 30, 60, 120]),
        "image_input": st.sampled_from(["https://cdn.example/in.png", "not a url", "/relative.png"]),
    },
)


def verdicts(prism_url: str, call: Any) -> tuple[str, str]:
    """What the client says (validating) and what Prism says (the client not validating)."""
    try:
        call(seedance.Client(api_key="sk-test-property", base_url=prism_url, max_retries=0))
        local = "accepted"
    except seedance.ValidationError as error:
        local = f"refused ({error.details['field']} {error.details['constraint']})"
    try:
        call(seedance.Client(api_key="sk-test-property", base_url=prism_url, max_retries=0, validate=False))
        remote = "accepted"
    except seedance.BadRequestError as error:
        remote = f"refused ({error})"
    return local, remote


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=image_params)
def test_any_image_request_is_refused_by_both_or_accepted_by_both(prism_url: str, params: dict[str, Any]) -> None:
    local, remote = verdicts(prism_url, lambda client: client.seedream.generate(**params))
    assert (local == "accepted") == (remote == "accepted"), (local, remote)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=video_params)
def test_any_video_request_is_refused_by_both_or_accepted_by_both(prism_url: str, params: dict[str, Any]) -> None:
    local, remote = verdicts(prism_url, lambda client: client.seedance.generate(**params))
    assert (local == "accepted") == (remote == "accepted"), (local, remote)
