"""A small trained model for abuse, profanity and hostility aimed at a person (numpy only)."""

from netiquette.abuse_model.model import HEADS, AbuseModel, ModelError, Scores, load_model

__all__ = ["HEADS", "AbuseModel", "ModelError", "Scores", "load_model"]
