"""MNHSC Desktop: an offline companion for the Maternal and Neonatal Health Safety Collaborative."""

__version__ = "0.1.0"
APP_NAME = "MNHSC Desktop"
APP_ID = "mnhsc-desktop"
