"""Pure-Python logic: content, the user's store and paths. Never imports Qt."""
