"""Stance: certainty, act, denials and dates of what an article reports."""

from sayso.stance.dates import find_dates

__all__ = ["find_dates"]
