"""Errors that end up as one clear line for the user."""


class KstError(Exception):
    """Base class: str(err) is the one line shown to the user."""


class ReadError(KstError):
    """A file could not be read as any Kamerstuk form."""

    def __init__(self, path: str | None, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path or '<input>'}: {problem}")
