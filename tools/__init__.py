"""The project's own tools: the benchmark, the release check and the hub scripts (not installed)."""

__all__: list[str] = []
