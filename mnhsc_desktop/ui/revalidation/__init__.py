"""The Revalidation tab: the eight NMC requirements, the portfolio that meets them, the pack."""
