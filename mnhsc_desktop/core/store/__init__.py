"""The user's own data: the versioned store, atomic writes, the data folder and where things live."""
