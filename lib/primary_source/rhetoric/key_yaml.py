"""Line-recording YAML loading for the key: each mapping keeps its lines and duplicates."""

from __future__ import annotations

from typing import Any

__all__ = ["LineDict", "LineLoader", "line_of"]


class LineDict(dict):
    """A mapping from YAML that remembers its own line and the line of each value."""

    line: int = 0
    lines: dict
    duplicates: list


class LineLoader:
    """Builds a SafeLoader subclass lazily (yaml is imported only when a key is loaded)."""

    _cls: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls._cls is None:
            import yaml

            from primary_source.yamlload import safe_loader

            class Loader(safe_loader()):
                pass

            def construct_mapping(loader: Any, node: Any) -> LineDict:
                loader.flatten_mapping(node)
                result = LineDict(loader.construct_mapping(node, deep=True))
                result.line = node.start_mark.line + 1
                result.lines = {}
                result.duplicates = []
                for key_node, value_node in node.value:
                    key = loader.construct_object(key_node, deep=True)
                    if key in result.lines:
                        result.duplicates.append((key, key_node.start_mark.line + 1))
                    result.lines[key] = value_node.start_mark.line + 1
                return result

            Loader.add_constructor(
                yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping
            )
            cls._cls = Loader
        return cls._cls


def line_of(mapping: Any, key: str) -> int:
    """The line of ``mapping[key]`` (else of the mapping itself); 0 for a plain mapping."""
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line)
    return 0
