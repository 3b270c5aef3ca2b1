"""NMC revalidation: the eight requirements, the portfolio that meets them, and its pack."""
