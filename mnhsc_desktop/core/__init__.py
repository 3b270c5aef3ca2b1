"""Pure-Python logic, one folder per capability; never imports Qt (tests/core/test_no_qt.py).

store/ the user's data and where it lives; content/ shipped YAML; calendar/, ladder/, culture/
the features. Beside them: search.py (Ctrl+K across features), machine_config.py (IT's settings),
errors.py, contrast.py and text.py (helpers every feature uses).
"""
