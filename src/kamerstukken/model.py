"""The one document record every reader produces (see shared/docs/document-model.md)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "kamerstukken/document@1"

Format = Literal["text", "pdf", "docx", "doc", "xml", "html", "odata"]
Kind = Literal[
    "brief", "motie", "amendement", "verslag", "nota", "memorie-van-toelichting",
    "voorstel-van-wet", "advies-raad-van-state", "kamervragen", "antwoord",
    "handelingen", "besluitenlijst", "other",
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
StatementKind = Literal["position", "decision", "commitment", "request", "concern"]
EntityKind = Literal["country", "organisation", "person", "place", "role"]
ReferenceKind = Literal[
    "kamerstuk", "resolution", "motie", "commitment", "meeting", "treaty", "law", "document",
]


def not_found(field: str) -> str:
    """The warning of a record whose source states no `field` (ingest replaces the date's)."""
    return f"no {field} found"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: Optional[str] = None
    format: Format
    sha256: str
    pages: Optional[int] = None


class Dossier(_Model):
    number: str
    suffix: Optional[str] = None
    title: Optional[str] = None

    @property
    def key(self) -> str:
        """How people write a dossier: number, and the suffix after a hyphen (21501-02)."""
        return f"{self.number}-{self.suffix}" if self.suffix else self.number


class Signatory(_Model):
    name: str
    role: Optional[str] = None


class Section(_Model):
    heading: Optional[str] = None
    level: int = 1
    paragraphs: list[str] = Field(default_factory=list)


class Footnote(_Model):
    marker: str
    text: Optional[str] = None
    section: int
    paragraph: int
    offset: int


class Annex(_Model):
    label: str
    footnote: Optional[str] = None
    title: Optional[str] = None


class Mention(_Model):
    section: int
    paragraph: int
    start: int
    end: int
    text: str


class Entity(_Model):
    name: str
    kind: EntityKind
    key: Optional[str] = None
    role: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)


class Statement(_Model):
    kind: StatementKind
    actor: Optional[str] = None
    cue: str
    text: str
    section: int
    paragraph: int
    start: int
    end: int
    topic: Optional[str] = None


class Event(_Model):
    name: str
    kind: str = "meeting"
    start: Optional[str] = None
    end: Optional[str] = None
    place: Optional[str] = None


class Reference(_Model):
    kind: ReferenceKind
    text: str
    target: Optional[str] = None
    date: Optional[str] = None


class Consideration(_Model):
    """A motie's grounds (`constaterende`, `overwegende`): kept, but not statements."""

    kind: str
    text: str
    section: int
    paragraph: int


class Document(_Model):
    """A parsed Kamerstuk. Field names are the contract shared by CLI, store and API."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    source: Source
    chamber: Optional[Literal["TK", "EK"]] = None
    session_year: Optional[str] = None
    dossier: list[Dossier] = Field(default_factory=list)
    number: Optional[str] = None
    kind: Kind = "other"
    heading: Optional[str] = None
    title: Optional[str] = None
    sender: Optional[str] = None
    addressee: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    signatories: list[Signatory] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    annexes: list[Annex] = Field(default_factory=list)
    considerations: list[Consideration] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        return cls.model_validate(data)

    def paragraphs(self):
        """Yield (section index, paragraph index, text) over the clean text."""
        for si, sec in enumerate(self.sections):
            for pi, para in enumerate(sec.paragraphs):
                yield si, pi, para

    @property
    def text(self) -> str:
        return "\n\n".join(p for _, _, p in self.paragraphs())
