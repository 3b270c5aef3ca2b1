"""Quality improvement projects: measures and the run and SPC charts that read them."""
