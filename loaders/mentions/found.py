"""What the person grammars hand on: a ``PersonMention`` each, gathered in one ``Found`` per text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    titles: list[str] = field(default_factory=list)
    kind: str = "titled"          # titled | list | bare | honorific | apposition | credit | name
    role: Optional[str] = None    # reporter | correspondent | photographer | editor | author


@dataclass
class Found:
    """The context the rules share over one text: the mentions so far, the offsets they cover (``taken``:
    a later rule does not read a name there) and the names already known (a later rule accepts them
    without a title)."""
    text: str
    out: list[PersonMention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    known: set[str] = field(default_factory=set)

    def add(self, pm: PersonMention) -> None:
        self.out.append(pm)
        self.taken.update(range(pm.start, pm.end))
        self.known.add(pm.name)
