"""Detectors: plug-ins that each look for some rule kinds and return candidates.

`base` defines the contract; `registry` lists the built-in detectors by dotted path and
loads them (and third-party ones from the `netiquette.detectors` entry point group).
"""
