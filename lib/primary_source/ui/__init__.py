"""The ipywidgets layer: thin widgets that call the pure library."""
