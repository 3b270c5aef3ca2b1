"""The Home tab: what's next, my progress, and About the collaborative."""
