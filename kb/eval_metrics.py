"""Counts (tp/fp/fn with precision, recall, F1) and the text normalisation every metric compares with."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional

from loaders.script import folded


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def normalize(text: Optional[str]) -> str:
    """Drop spaces and punctuation (Unicode categories Z*, P*, and S* symbols), NFKC-fold, read traditional
    characters as simplified (吳一軍 is 吴一军) and drop pinyin glosses (區(qū) is 区)."""
    if not text:
        return ""
    t = folded(unicodedata.normalize("NFKC", text))
    return "".join(c for c in t if not unicodedata.category(c)[0] in "ZPS" and not c.isspace())
