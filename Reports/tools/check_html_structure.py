#!/usr/bin/env python3
"""Checks lvscope HTML reports without a browser: every tag closed and properly nested,
ids unique, every in-page link (href="#x") has its target, no reference leaves the page
(no src= or href= other than "#..." anchors, no http:// or https:// anywhere), no
<script>, and the page is also well-formed XML (the reports are written as polyglot
markup). Prints one line per problem and exits 1 when there is any.

usage: check_html_structure.py REPORT.html...
"""
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.links, self.problems = [], {}, [], []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def check(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            value = value or ""
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"duplicate id {value!r}")
                self.ids[value] = True
            elif name in ("href", "src", "xlink:href", "action", "formaction", "srcset", "poster"):
                if value.startswith("#"):
                    self.links.append(value[1:])
                else:
                    self.problems.append(f"<{tag}> {name}={value!r} leaves the page")
            elif name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def check(path):
    text = open(path, encoding="utf-8").read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    problems = list(checker.problems)
    if checker.stack:
        problems.append(f"unclosed at the end: {checker.stack}")
    for target in checker.links:
        if target not in checker.ids:
            problems.append(f"link to #{target} has no target")
    if checker.scripts:
        problems.append(f"{checker.scripts} <script> elements")
    for scheme in ("http://", "https://"):
        if scheme in text:
            problems.append(f"contains {scheme}")
    if not text.startswith("<!DOCTYPE html>\n"):
        problems.append("does not start with <!DOCTYPE html>")
    try:
        ET.fromstring(text.split("\n", 1)[1])
    except ET.ParseError as error:
        problems.append(f"not well-formed XML: {error}")
    body = text.split("<body", 1)[-1]
    if len(body) < 200:
        problems.append("the body is (nearly) empty")
    return [f"{path}: {p}" for p in problems]


def main(paths):
    problems = [p for path in paths for p in check(path)]
    for problem in problems:
        print(problem)
    return 1 if problems or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
