"""Widgets, dialogs, wizards, charts and Qt item models. Thin: they ask services for data."""
