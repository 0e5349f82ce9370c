"""A logging filter that keeps personal data out of the logs."""

from __future__ import annotations

import logging


class NoPersonalData(logging.Filter):
    """Drops the request (its body, query string and cookies may name a child) from records.

    Django's request logger attaches the request and formats the path into the message;
    the path is kept without its query string, which is where a search for a name would be.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        if isinstance(record.args, tuple):
            record.args = tuple(_without_query(arg) for arg in record.args)
        return True


def _without_query(value: object) -> object:
    if isinstance(value, str) and "?" in value:
        return value.split("?", 1)[0] + "?…"
    return value
