"""The built-in detectors, by dotted path, imported only when an engine is built.

The registry is handed to the engine rather than being global, so a school, a test or a
benchmark can run any subset. Third-party detectors arrive through the
`netiquette.detectors` entry point group.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from importlib.metadata import entry_points

from netiquette.detectors.base import Detector

BUILTIN_DETECTORS: tuple[str, ...] = (
    "netiquette.detectors.friend_request:FriendRequestDetector",
    "netiquette.detectors.contact:ContactDetailsDetector",
    "netiquette.detectors.identifiers:IdentifiersDetector",
    "netiquette.detectors.pupil_names:PupilNamesDetector",
    "netiquette.detectors.special_category:SpecialCategoryDetector",
    "netiquette.detectors.photo_consent:PhotoConsentDetector",
    "netiquette.detectors.abuse:AbuseDetector",
    "netiquette.detectors.language:LanguageDetector",
    "netiquette.detectors.confidential:ConfidentialDetector",
    "netiquette.detectors.website_link:WebsiteLinkDetector",
    "netiquette.detectors.copyright:CopyrightDetector",
    "netiquette.detectors.defamation:DefamationDetector",
    "netiquette.detectors.sensitive:SensitiveMatterDetector",
    "netiquette.detectors.sensitive:DetrimentalConductDetector",
    "netiquette.detectors.work_time:WorkTimeDetector",
)

ENTRY_POINT_GROUP = "netiquette.detectors"


class RegistryError(LookupError):
    """A detector path that cannot be imported or does not make a detector."""


def load_detector(path: str) -> Detector:
    module_name, _, attribute = path.partition(":")
    try:
        factory = getattr(import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise RegistryError(f"cannot load detector {path!r}: {error}") from error
    detector = factory()
    if not isinstance(detector, Detector):
        raise RegistryError(f"{path!r} does not make a detector (name, kinds, detect)")
    return detector


def load_detectors(paths: Iterable[str] | None = None, *, plugins: bool = True) -> list[Detector]:
    """Instantiate the given detectors (default: the built-ins, then any installed plug-ins)."""
    chosen = list(BUILTIN_DETECTORS if paths is None else paths)
    if paths is None and plugins:
        chosen += [ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)]
    available = []
    for path in chosen:
        available.append(load_detector(path))
    names = [d.name for d in available]
    if len(names) != len(set(names)):
        raise RegistryError(f"two detectors share a name: {sorted(names)}")
    return available
