"""gunicorn's access log without query strings (`make run` uses it through portal/gunicorn.conf.py).

A checker URL carries the visitor's facts (some about health or benefits) in its query string;
an access log line keeps them next to the client's address. This logger writes the path only, for
the request and for the referrer (which, with Referrer-Policy same-origin, is one of the
portal's own URLs), and drops the query-string and header atoms that could carry them.
"""

from urllib.parse import urlsplit, urlunsplit

from gunicorn.glogging import Logger


def without_query(url):
    if not url or url == "-":
        return url
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


class PrivacyLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["r"] = (
            f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')} {environ['SERVER_PROTOCOL']}"
        )
        atoms["q"] = ""
        for name, value in atoms.items():
            # Every other URL among the atoms (referrer, raw URI, environ and header atoms).
            if isinstance(value, str) and "?" in value and value.startswith(("/", "http://", "https://")):
                atoms[name] = without_query(value)
            elif name in ("{query_string}e", "{QUERY_STRING}e"):
                atoms[name] = ""
        return atoms
