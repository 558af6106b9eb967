"""Refleks: YAML learning material on patient safety -> learning site, decks and documents."""

__version__ = "0.1.0"
