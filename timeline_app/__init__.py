"""timeline_app: a desktop timeline viewer for news articles."""

__version__ = "0.1.0"
