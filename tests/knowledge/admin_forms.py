"""Fill in a Wagtail admin form as a browser would: every field with the value the page shows."""

from bs4 import BeautifulSoup


def form_data(html, form_id=None):
    """{name: value or [values]} of the first form with that id (or the main page form)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("form", attrs={"data-edit-form": True})
    form = form or soup.find("form", method="post")
    data = {}

    def put(name, value):
        if name in data:
            data[name] = data[name] if isinstance(data[name], list) else [data[name]]
            data[name].append(value)
        else:
            data[name] = value

    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            put(name, field.get_text())
        elif field.name == "select":
            chosen = field.find_all("option", selected=True) or field.find_all("option")[:1]
            if field.has_attr("multiple"):
                for option in field.find_all("option", selected=True):
                    put(name, option.get("value", ""))
            elif chosen:
                put(name, chosen[0].get("value", ""))
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                put(name, field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file", "image"):
            put(name, field.get("value", ""))
    return data
