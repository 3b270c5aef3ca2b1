"""The QI ladder tab: the grid of subjects and levels, its dialogs, the learning record."""
