"""QualityBridge: supplier quality control and customer relationship management."""

__version__ = "0.1.0"
