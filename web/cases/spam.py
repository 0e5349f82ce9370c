"""Spam and flood protection for the public report forms, with no third-party service.

Three cheap checks, each defeating a different kind of robot: a honeypot field that people
never see (form-filling robots fill it), a signed time stamp issued with the form (robots
that post without loading the form, or post within a second of loading it, fail it; the
signature stops a robot making its own), and a per-address counter in the database (shared
by every server process, unlike a local cache). Addresses are stored only as a keyed digest:
a reporter's IP address is personal data and never needs to be read back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import conf

HONEYPOT_FIELD = "website"
STAMP_FIELD = "form_stamp"
_SALT = "cases.report-form"


def make_stamp() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(f"{timezone.now().timestamp():.3f}")


def stamp_problem(value: str) -> str | None:
    """Why a form's time stamp is not acceptable, or None when it is."""
    signer = signing.TimestampSigner(salt=_SALT)
    max_age = conf.form_max_age_seconds()
    try:
        issued = float(signer.unsign(value, max_age=max_age))
    except signing.SignatureExpired:
        return str(_("The form was open for too long. Please check your report and send it again."))
    except (signing.BadSignature, ValueError):
        return str(_("The form could not be checked. Please reload the page and try again."))
    if timezone.now().timestamp() - issued < conf.form_min_seconds():
        return str(_("That was very quick. Please check your report and send it again."))
    return None


def client_key(address: str) -> str:
    """A keyed digest of the client's address: counts per address without storing it."""
    from django.conf import settings

    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()[:40]


def allow_submission(address: str) -> bool:
    """Count one submission from this address; False once it passes the hourly limit."""
    from cases.models import RateBucket

    window = timezone.now().replace(minute=0, second=0, microsecond=0)
    key = client_key(address)
    with transaction.atomic():
        updated = RateBucket.objects.filter(key=key, window=window).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateBucket.objects.create(key=key, window=window, count=1)
            except IntegrityError:  # another request created it first
                RateBucket.objects.filter(key=key, window=window).update(count=F("count") + 1)
        count = RateBucket.objects.get(key=key, window=window).count
    RateBucket.objects.filter(window__lt=window - dt.timedelta(days=1)).delete()
    return count <= conf.reports_per_hour()
