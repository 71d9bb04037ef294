"""The exercise bank's parts; import the public API from ``primary_source.exercises``."""

__all__: list[str] = []
