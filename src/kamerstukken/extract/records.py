"""Records made without validation: every field is set by extraction code from values of the right
type, and both validation and pydantic's own `model_construct` (Python, and slower than validating)
cost more than the extraction of a short motie paragraph."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

_SET = object.__setattr__


def maker(cls: type[BaseModel]):
    """A function `make(**fields)` → an instance of `cls` as `model_construct` builds it: the fields
    in declaration order, the plain defaults of those not given (a default factory must be given)."""
    order = list(cls.model_fields)
    defaults: dict[str, Any] = {}
    for name, f in cls.model_fields.items():
        if f.default_factory is None and not f.is_required():
            defaults[name] = f.default
    new = cls.__new__

    def make(**values: Any) -> BaseModel:
        missing = [n for n in order if n not in values]
        if missing:
            data = {n: values[n] if n in values else defaults[n] for n in order}
        else:
            data = {n: values[n] for n in order}
        m = new(cls)
        _SET(m, "__dict__", data)
        _SET(m, "__pydantic_fields_set__", set(values))
        _SET(m, "__pydantic_extra__", None)
        _SET(m, "__pydantic_private__", None)
        return m

    return make
