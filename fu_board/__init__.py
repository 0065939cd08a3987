"""fu-board: keep following up until every application ends in a yes or a no."""

__version__ = "0.1.0"
