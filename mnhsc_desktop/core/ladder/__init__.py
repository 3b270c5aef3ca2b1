"""The 3Ls QI ladder: subjects, levels and resources, progress, and the learning record."""
