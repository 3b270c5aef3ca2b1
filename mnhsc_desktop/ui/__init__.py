"""The Qt layer, one folder per tab beside shell/ (what every tab shares). Logic lives in core/."""
