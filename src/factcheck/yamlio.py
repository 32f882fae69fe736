"""The YAML loaders factcheck reads with: no aliases, bounded nesting, bad scalars as marked errors.

An alias (``*name``) lets a few hundred bytes stand for 10^8 values (a "billion laughs"
bomb); nothing factcheck reads (front matter, ledger, resolutions) needs one, so the composer
refuses them where they appear. A scalar the resolver takes for a date or an integer but that
is none (``2019-13-45``, a 5,000-digit number) raises a ``ConstructorError`` with its line
instead of a bare ValueError with none.
"""

from __future__ import annotations

from typing import Any, Literal

MAX_DEPTH = 100
_VALUE_CHARS = 60


def brief(value: Any, limit: int = _VALUE_CHARS) -> str:
    """``repr(value)`` cut to ``limit`` characters, for error messages about values read from a file."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        text = (
            repr(value)
            if not isinstance(value, int) or abs(value) < 10**limit
            else f"<number of about {int(abs(value).bit_length() * 0.30103) + 1:,} digits>"  # str() refuses >4300
        )
    else:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def safe_yaml(typ: Literal["rt", "safe"] = "rt") -> Any:
    """A ruamel ``YAML`` for reading untrusted files (see the module docstring)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ=typ, pure=True)
    yaml.Composer = _composer_class()
    yaml.Constructor = _constructor_class(yaml.Constructor)
    yaml.max_depth = MAX_DEPTH
    return yaml


_classes: dict[Any, Any] = {}


def _composer_class() -> Any:
    if "composer" not in _classes:
        from ruamel.yaml.composer import Composer, ComposerError
        from ruamel.yaml.events import AliasEvent

        class NoAliasComposer(Composer):  # type: ignore[misc]
            def compose_node(self, parent: Any, index: Any) -> Any:
                if self.parser.check_event(AliasEvent):
                    event = self.parser.get_event()
                    raise ComposerError(
                        None, None, f"aliases (*{str(event.anchor)[:_VALUE_CHARS]}) are not allowed", event.start_mark
                    )
                return super().compose_node(parent, index)

        _classes["composer"] = NoAliasComposer
    return _classes["composer"]


def _constructor_class(base: Any) -> Any:
    if base not in _classes:
        from ruamel.yaml.constructor import ConstructorError

        class MarkedConstructor(base):  # type: ignore[misc, valid-type]
            def construct_object(self, node: Any, deep: bool = False) -> Any:
                try:
                    return super().construct_object(node, deep)
                except (ValueError, OverflowError, TypeError) as problem:
                    value = node.value if isinstance(node.value, str) else None
                    if value is not None and value.lstrip("+-").isdigit() and len(value) > 100:
                        message = f"a {len(value):,}-digit number is too long (quote it if it is text)"
                    else:
                        message = f"invalid value {brief(value) if value is not None else ''}: {problem}".replace(
                            "  ", " "
                        )
                    raise ConstructorError(None, None, message[:200], node.start_mark) from None

            def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> Any:
                try:
                    return super().check_mapping_key(node, key_node, mapping, key, value)
                except TypeError:  # a list or a mapping used as a key ("? [a]", "{a: {b: c}}: x") is unhashable
                    raise ConstructorError(
                        None, None, "a key must be text or a number, not a list or a mapping", key_node.start_mark
                    ) from None

            def check_set_key(self, node: Any, key_node: Any, setting: Any, key: Any) -> Any:
                try:
                    return super().check_set_key(node, key_node, setting, key)
                except TypeError:
                    raise ConstructorError(
                        None, None, "a set item must be text or a number, not a list or a mapping", key_node.start_mark
                    ) from None

        _classes[base] = MarkedConstructor
    return _classes[base]
