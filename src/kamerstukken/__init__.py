"""kamerstukken: Dutch parliamentary papers as structured, searchable knowledge."""
from .errors import KstError, ReadError
from .model import Document
from .pipeline import parse

__version__ = "0.1.0"
__all__ = ["parse", "Document", "KstError", "ReadError", "__version__"]
