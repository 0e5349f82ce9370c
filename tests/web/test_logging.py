"""Logs carry no personal data: no request bodies, no query strings."""

from __future__ import annotations

import logging

from django.test import RequestFactory
from netiquette_site.logfilters import NoPersonalData


def test_it_drops_the_request_and_the_query_string() -> None:
    request = RequestFactory().post("/school/?q=Noah+Fenwick", {"text": "Noah Fenwick"})
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Bad request: %s", ("/school/?q=Noah",), None
    )
    record.request = request
    assert NoPersonalData().filter(record)
    assert record.request is None
    assert "Noah" not in record.getMessage()
    assert record.getMessage() == "Bad request: /school/?…"
