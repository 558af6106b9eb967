"""The documents of a walkround kit: letters, poster, guide, action plans, minutes, calendar."""
