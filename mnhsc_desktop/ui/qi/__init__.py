"""The QI projects tab and its charts (painted with QPainter: one routine for screen, PDF, PNG)."""
