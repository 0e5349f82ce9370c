"""Netiquette: a school social media policy as data, and a checking engine."""
