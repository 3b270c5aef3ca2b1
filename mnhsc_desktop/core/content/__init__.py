"""Shipped content: YAML files read strictly into frozen dataclasses, and their JSON cache."""
