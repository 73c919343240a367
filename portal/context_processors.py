MAIN_MENU = [
    ("Kennisbank", "/kennisbank/"),
    ("Praktijkvoorbeelden", "/praktijkvoorbeelden/"),
    ("Vragen", "/vragen/"),
    ("Begrippen", "/begrippen/"),
    ("Checker", "/check/"),
    ("Voortgang", "/voortgang/"),
]


def main_menu(request):
    return {"main_menu": MAIN_MENU}
