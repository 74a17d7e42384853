"""A tiny HTML reader for assertions: the tags of a page with their attributes, and script texts."""

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""


class Document(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._script: Element | None = None

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag == "script":
            self._script = element

    def handle_data(self, data):
        if self._script is not None:
            self._script.text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def find_all(self, tag, **attrs) -> list[Element]:
        """find_all("meta", property="og:title"); a trailing underscore escapes a keyword (type_)."""
        wanted = {key.rstrip("_"): value for key, value in attrs.items()}
        return [
            element
            for element in self.elements
            if element.tag == tag and all(element.attrs.get(k) == v for k, v in wanted.items())
        ]

    def meta(self, name) -> str | None:
        found = self.find_all("meta", property=name) or self.find_all("meta", name=name)
        return found[0].attrs.get("content") if found else None


def parse(response) -> Document:
    document = Document()
    document.feed(response.content.decode())
    return document
