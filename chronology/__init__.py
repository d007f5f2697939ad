"""chronology: turn news articles into one merged, dated chronology."""

__version__ = "1.0.0"
