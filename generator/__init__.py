"""Warta: bilingual news and partnership sites from YAML records."""

__version__ = "0.1.0"
