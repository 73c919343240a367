"""Editorial intelligence: what editors should check and what they should write next.

- A change in a rules parameter file flags every page that cites it (``rule_changes``).
- Pages fall due for review after an interval per type and thema (``review``).
- Searches without results or clicks, "niet nuttig" comments and submitted questions are grouped
  into kennisgaten that become draft questions in one action (``gaps``), and the portal measures
  afterwards whether the new page closes the gap (``closure``).
"""
