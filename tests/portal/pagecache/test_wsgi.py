"""The page cache in front of Django (portal/pagecache/wsgi.py): hits without Django, the same rules.

Each test calls the WSGI layer the way gunicorn does, over Django's test handler, and counts the
requests that reach Django: a hit must not, everything the page cache may not answer must.
"""

import os

import pytest
from django.test import RequestFactory
from django.test.client import ClientHandler
from django.utils.datastructures import CaseInsensitiveMapping

from knowledge.models import ArticlePage
from portal.pagecache import generation, lookup
from portal.pagecache.wsgi import PageCacheApplication
from tests.factories import ArticlePageFactory, BegripFactory

pytestmark = pytest.mark.django_db


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = int(status.split()[0]), CaseInsensitiveMapping(headers), body
        self.raw_headers = headers

    @property
    def cache(self):
        return self.headers.get("X-Page-Cache")


class Portal:
    """PageCacheApplication over Django; ``rendered`` counts the requests Django handled."""

    def __init__(self):
        self.rendered = 0
        handler = ClientHandler(enforce_csrf_checks=False)

        def django(environ, start_response):
            self.rendered += 1
            response = handler(environ)
            headers = [
                *response.items(),
                *(("Set-Cookie", c.output(header="")) for c in response.cookies.values()),
            ]
            start_response(f"{response.status_code} {response.reason_phrase}", headers)
            return [response.content]

        self.application = PageCacheApplication(django)

    def request(self, path, method="GET", **extra):
        environ = RequestFactory().generic(method, path, **extra).environ
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=status, headers=headers)

        body = b"".join(self.application(environ, start_response))
        return Answer(started["status"], started["headers"], body)

    def warm(self, path):
        first = self.request(path)
        assert (first.status, first.cache) == (200, "miss"), path
        return first


@pytest.fixture
def portal():
    return Portal()


@pytest.fixture
def article(site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"], title="Eerste titel", slug="artikel")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_a_hit_is_answered_before_django_with_every_header(portal, article, django_assert_num_queries):
    first = portal.warm(article.url)
    with django_assert_num_queries(0):
        hit = portal.request(article.url)
    assert portal.rendered == 1
    assert (hit.status, hit.cache, hit.body) == (200, "hit", first.body)
    for name in (
        "Content-Type",
        "Content-Security-Policy",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "ETag",
        "Last-Modified",
        "Cache-Control",
    ):
        assert hit.headers[name] == first.headers[name], name
    assert hit.headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert hit.headers["Content-Length"] == str(len(first.body))
    assert "Set-Cookie" not in hit.headers
    # One header of each name: nothing added twice on the way.
    names = [name.lower() for name, _ in hit.raw_headers]
    assert len(names) == len(set(names))
    head = portal.request(article.url, method="HEAD")
    assert (head.status, head.body, head.headers["Content-Length"]) == (200, b"", str(len(first.body)))
    assert portal.rendered == 1


def test_conditional_requests_get_a_304_before_django(portal, article):
    first = portal.warm(article.url)
    etag = first.headers["ETag"]
    for condition in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": f'"other", W/{etag}'},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": first.headers["Last-Modified"]},
    ):
        answer = portal.request(article.url, **condition)
        assert (answer.status, answer.body, answer.cache) == (304, b"", "hit"), condition
        assert answer.headers["ETag"] == etag and answer.headers["Cache-Control"]
    assert portal.rendered == 1
    for condition in (
        {"HTTP_IF_NONE_MATCH": '"something-else"'},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"HTTP_IF_MODIFIED_SINCE": "not a date"},
    ):
        answer = portal.request(article.url, **condition)
        assert (answer.status, answer.body) == (200, first.body), condition
    assert portal.rendered == 1
    # Preconditions this layer does not judge go to Django, which answers from the same entry.
    answer = portal.request(article.url, HTTP_IF_MATCH='"something-else"')
    assert answer.status == 412 and portal.rendered == 2


def test_never_answered_before_django(portal, article, settings):
    """Every rule of the page cache holds at this layer: with an entry stored for the path, these
    requests still go to Django."""
    settings.PORTAL_PAGE_CACHE_BYPASS_COOKIES = ["messages", "voorkeur"]
    portal.warm(article.url)
    portal.warm("/check/")
    never = [
        (article.url, {"method": "POST"}),
        (article.url, {"HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}=abc"}),  # an editor, a login
        (article.url, {"HTTP_COOKIE": f"{settings.CSRF_COOKIE_NAME}=abc"}),  # a visitor mid-form
        (article.url, {"HTTP_COOKIE": "messages=abc; _ga=1"}),
        (article.url, {"HTTP_COOKIE": "voorkeur=1"}),  # a cookie the settings list
        (article.url, {"HTTP_AUTHORIZATION": "Basic YTpi"}),
        (article.url + "?bedankt=1", {}),  # the thanks after a vote
        ("/check/?wsw_indicatie=ja", {}),  # a checker URL with facts
        ("/check/doelgroep/uitkomst/?wsw_indicatie=ja", {}),
        ("/kennisbank/?" + "&".join(["pagina=1"] * 25), {}),  # too many values
        ("/admin/login/", {}),
        ("/zoeken/?q=banen", {}),
        ("/vragen/stel-een-vraag/", {}),  # a form with a CSRF token
    ]
    for path, extra in never:
        before = portal.rendered
        answer = portal.request(path, **extra)
        assert portal.rendered == before + 1, (path, extra)
        assert answer.cache != "hit", (path, extra)
    for path in ("/admin/login/", "/zoeken/?q=banen", "/vragen/stel-een-vraag/"):
        assert portal.request(path).cache is None, path  # nor stored on the way back
    # A cookie the portal never sets (a proxy's, an analytics one) does not stop a hit.
    assert portal.request(article.url, HTTP_COOKIE="_ga=1; theme=dark").cache == "hit"
    settings.PORTAL_PAGE_CACHE = False
    before = portal.rendered
    assert portal.request(article.url).cache is None and portal.rendered == before + 1


def test_a_change_is_visible_on_the_next_request(portal, article, site_tree):
    portal.warm(article.url)
    portal.warm("/kennisbank/")
    article.title = "Tweede titel"
    article.save_revision().publish()
    for path in (article.url, "/kennisbank/"):
        answer = portal.request(path)
        assert answer.cache == "miss" and "Tweede titel" in answer.body.decode(), path
    begrip = BegripFactory(term="Werkgeversdienstverlening")
    assert "Werkgeversdienstverlening" in portal.warm("/begrippen/").body.decode()
    begrip.term = "Werkgeversservicepunt"
    begrip.save()
    assert "Werkgeversservicepunt" in portal.request("/begrippen/").body.decode()
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert portal.request(article.url).status == 404


def test_another_workers_change_is_seen_on_the_next_request(portal, article):
    """A worker reads the token file on every request: a publish in another process (which
    replaces the file) makes this worker's next request a miss."""
    portal.warm(article.url)
    assert portal.request(article.url).cache == "hit"
    path = generation._file()
    temporary = path + ".other"
    with open(temporary, "w") as f:
        f.write("token-of-another-worker")
    os.replace(temporary, path)
    assert portal.request(article.url).cache == "miss"
    assert portal.request(article.url).cache == "hit"


def test_host_and_scheme_are_part_of_the_key(portal, article, settings):
    portal.warm(article.url)
    assert portal.request(article.url, HTTP_HOST="portal.example.org").cache == "miss"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert portal.request(article.url, HTTP_X_FORWARDED_PROTO="https").cache == "miss"
    settings.ALLOWED_HOSTS = ["testserver"]
    for _ in range(2):
        answer = portal.request(article.url, HTTP_HOST="evil.example")
        assert answer.status == 400 and answer.cache is None


def test_a_broken_entry_is_rendered_again(portal, article):
    from django.core.cache import caches

    portal.warm(article.url)
    environ = RequestFactory().get(article.url).environ
    key = lookup.cache_key(environ)
    with open(caches["pages"]._key_to_file(key), "r+b") as f:
        f.seek(-10, os.SEEK_END)
        f.write(b"\xff" * 5)  # the body may be anything; the header line is what can break
        f.seek(20)
        f.write(b"\x00\x01garbage")
    answer = portal.request(article.url)
    assert answer.status == 200 and answer.cache == "miss"
    assert portal.request(article.url).cache == "hit"
