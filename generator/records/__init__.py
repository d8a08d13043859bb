"""Stages 1-3: load the YAML records, validate them into typed models, and link them."""
