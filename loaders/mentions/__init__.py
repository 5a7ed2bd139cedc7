"""Persons and organisations mentioned in an article.

Persons come from
- credits: ``article.bylines`` (株洲日报记者 X, 通讯员/X, X 供图), ``article.authors``, and credit tails
  left in the text ((记者 X), (X摄), 编辑:X, 【责任编辑:X】, a closing (X Y));
- post + name: a title as written (市委副书记、市长X; 市政协副主席、市二医院院长X; 志愿者代表X) followed by a
  name; the name's length (2, 3, or 4 with a compound surname) is chosen from what follows it (punctuation,
  a follower word such as 主持/赴/来到/表示), how often each reading recurs in the article, and a word list;
- name lists after a title (副主任A、B、C) and bare lists of names (A、B、C等);
- names before an honorific (X教授, X书记的讲话, X同志, X新时代…思想);
- apposition (X，是/X是 + title);
- appointments, where the title follows the name (任命X为Y, X当选为Y, 免去X的Y职务);
- private persons after a descriptor (脱贫户X, 困难群众X; loaders/lexicon/data/person_descriptors.txt), without a title.

Surnames are a soft signal only (jionlp's full list plus rare ones and Yi clan names in
loaders/lexicon/data/surnames.txt): a candidate without a listed surname still passes after a title when a
follower word or a comma ends it, and a name that is also a word (高峰) when a follower word ends it or it
acts as a person elsewhere (X强调). Unnamed people (李女士, 纪某) and names inside place names (X故居) are
left out.

The stage, in reading order: ``words`` (what the grammars read), ``names`` (is it a name, where does it
end), ``segments`` (the titles before a name), ``credits`` and ``appointments`` (grammars with their own
patterns), ``rules`` (``RULES``, the grammars in the order they run, and ``find_person_mentions``),
``persons`` (``persons_of``) and ``organizations`` (``organizations_of``).
"""
from __future__ import annotations

from .found import PersonMention
from .organizations import organizations_of
from .persons import persons_of
from .rules import RULES, find_person_mentions

__all__ = ["PersonMention", "RULES", "find_person_mentions", "organizations_of", "persons_of"]
