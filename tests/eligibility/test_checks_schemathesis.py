"""Fuzz /api/checks through /api/openapi.json with schemathesis: no 5xx, responses as documented."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def checks_schema(db):
    # db: an unknown path ends in a 404, and Wagtail's redirect middleware looks those up
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    return schema.include(path_regex=r"^/api/checks")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_checks_api_never_fails_with_a_server_error(checks_schema, mode):
    extra = [negative_data_rejection] if mode is GenerationMode.NEGATIVE else []

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=checks_schema.as_strategy(generation_mode=mode))
    def fuzz(case):
        response = case.call()
        assert response.status_code < 500, response.text[:500]
        case.validate_response(response, checks=CHECKS + extra)

    fuzz()
