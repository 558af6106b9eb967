"""Decks and handouts (shared by the site and session kits) and their PDF cache."""
