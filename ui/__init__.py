"""The Streamlit layer: caching, the shared sidebar, widgets. Pages use it; the core
(nq57) never imports it."""
