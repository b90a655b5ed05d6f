"""The dependency tree of a parsed article as child lists, built once per article.

spaCy's ``Token.children`` scans every token between the token's left and right edge, and
``Token.subtree`` recurses through ``lefts``/``rights`` at each level, so on a deep tree (a
paragraph of unclosed quotation marks parses as one chain thousands of tokens long) one subtree
costs its length times its depth, and the clause strategy asks for many. Here the child lists
come from the head array once, and a subtree is a walk over them: linear in its size.
"""

from __future__ import annotations

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token


class DependencyIndex:
    """Children and subtrees of ``doc``'s tokens: the same tokens spaCy's properties give."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        # HEAD is stored as an offset from the token, in an unsigned array: wrap it back
        offsets = doc.to_array([HEAD]).astype("int64").tolist()
        self._children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, offset in enumerate(offsets):
            if offset:
                self._children[i + offset].append(i)  # in token order: i rises

    def children(self, token: Token) -> list[Token]:
        """``token.children``: its direct dependents, in token order."""
        doc = self._doc
        return [doc[i] for i in self._children[token.i]]

    def rights(self, token: Token) -> list[Token]:
        """``token.rights``: the dependents after it, in token order."""
        doc = self._doc
        return [doc[i] for i in self._children[token.i] if i > token.i]

    def subtree(self, token: Token) -> list[Token]:
        """The tokens of ``token.subtree`` in token order (spaCy's order differs only where the
        parse is not projective; every caller here sorts or makes a set)."""
        found: list[int] = []
        stack = [token.i]
        children = self._children
        while stack:
            i = stack.pop()
            found.append(i)
            stack.extend(children[i])
        found.sort()
        doc = self._doc
        return [doc[i] for i in found]
