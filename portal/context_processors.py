MAIN_MENU = [
    ("Kennisbank", "/kennisbank/"),
    ("Praktijkvoorbeelden", "/praktijkvoorbeelden/"),
    ("Vragen", "/vragen/"),
    ("Begrippen", "/begrippen/"),
    ("Checker", "/check/"),
]


def main_menu(request):
    return {"main_menu": MAIN_MENU}
