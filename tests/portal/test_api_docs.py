"""/api/docs serves the self-hosted Swagger UI: only the portal's own static files, no inline script."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_docs_page_loads_only_own_static_files(client):
    html = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/portal/api-docs.js" in sources
    assert all(url.startswith("/") and not url.startswith("//") for url in sources), sources
    assert 'data-openapi-url="/api/openapi.json"' in html
    # no inline script or style: every <script> has a src, no style attribute or element
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "style=" not in html and "<style" not in html


def test_the_vendored_assets_and_their_licence_are_there():
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"):
        assert finders.find(f"vendor/swagger-ui/{name}"), name
    css = Path(finders.find("vendor/swagger-ui/swagger-ui.css")).read_text(encoding="utf-8")
    assert "sourceMappingURL" not in css  # the map is not shipped; the manifest storage would look for it
