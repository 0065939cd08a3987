"""Widgets of the board screen."""
