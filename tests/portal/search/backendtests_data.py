"""The data modelsearch's shared ``BackendTests`` expect, built in code.

The modelsearch wheel ships the test app and the test suite but not the ``search`` fixture the
suite loads, so this module makes the objects its assertions describe: fourteen books (novels
and programming guides among them), their authors and characters, three meetings and two small
animal trees. Primary keys are fixed where the suite relies on them (tag ids, ``-pk`` order).
"""

import datetime


def build():
    from modelsearch.test.testapp import models as m

    def d(text):
        return datetime.date.fromisoformat(text) if text else None

    authors = {}
    for pk, name, born in [
        (1, "George R.R. Martin", "1948-09-20"),
        (2, "J. R. R. Tolkien", "1892-01-03"),
        (4, "Isaac Asimov", "1920-01-02"),
        (5, "David Ascher", None),
        (6, "Mark Lutz", None),
        (7, "Daniel Roy Greenfeld", None),
        (8, "Audrey Roy Greenfeld", None),
        (9, "Douglas Crockford", None),
        (10, "David Flanagan", None),
        (11, "Steve Klabnik", None),
        (12, "Carol Nichols", None),
        (13, "Jim Blandy", None),
        (14, "Jason Orendorff", None),
    ]:
        authors[pk] = m.Author.objects.create(pk=pk, name=name, date_of_birth=d(born))

    novels = {
        1: ("A Game of Thrones", [1], "1996-08-01", 694, "Westeros"),
        2: ("A Clash of Kings", [1], "1998-01-01", 768, "Westeros"),
        3: ("A Storm of Swords", [1], "2000-01-01", 973, "Westeros"),
        4: ("The Fellowship of the Ring", [2], "1954-07-29", 423, "Middle Earth"),
        5: ("The Two Towers", [2], "1954-11-11", 352, "Middle Earth"),
        6: ("The Return of the King", [2], "1955-10-20", 440, "Middle Earth"),
        7: ("The Hobbit", [2], "1937-09-21", 320, "Middle Earth"),
        10: ("Foundation", [4], "1951-01-01", 255, "Galactic Empire"),
    }
    guides = {
        11: ("Learning Python", [5, 6], "1999-01-01", 1160, "py"),
        12: ("Two Scoops of Django 1.11", [7, 8], "2017-04-26", 556, "py"),
        13: ("JavaScript: The good parts", [9], "2008-05-18", 172, "js"),
        14: ("JavaScript: The Definitive Guide", [10], "1998-06-11", 792, "js"),
        15: ("The Rust Programming Language", [11, 12], "2018-05-22", 440, "rs"),
    }
    for pk, (title, author_ids, published, pages, setting) in novels.items():
        book = m.Novel.objects.create(
            pk=pk, title=title, publication_date=d(published), number_of_pages=pages, setting=setting
        )
        book.authors.set([authors[a] for a in author_ids])
    for pk, (title, author_ids, published, pages, language) in guides.items():
        book = m.ProgrammingGuide.objects.create(
            pk=pk,
            title=title,
            publication_date=d(published),
            number_of_pages=pages,
            programming_language=language,
        )
        book.authors.set([authors[a] for a in author_ids])
    plain = m.Book.objects.create(
        pk=16, title="Programming Rust", publication_date=d("2017-12-01"), number_of_pages=622
    )
    plain.authors.set([authors[13], authors[14]])

    for pk, title, published, pages in [
        (1, "A Game of Thrones U", "1996-08-01", 694),
        (2, "A Clash of Kings U", "1998-01-01", 768),
        (3, "A Storm of Swords U", "2000-01-01", 973),
        (4, "The Fellowship of the Ring U", "1954-07-29", 423),
    ]:
        m.UnindexedBook.objects.create(
            pk=pk, title=title, publication_date=d(published), number_of_pages=pages
        )

    characters = {}
    for pk, name, novel in [
        (1, "Daenerys Targaryen", 1),
        (2, "Jon Snow", 1),
        (3, "Eddard Stark", 1),
        (4, "Daenerys Targaryen", 2),
        (5, "Jon Snow", 2),
        (6, "Daenerys Targaryen", 3),
        (7, "Jon Snow", 3),
        (8, "Frodo Baggins", 4),
        (9, "Bilbo Baggins", 4),
        (10, "Gandalf", 4),
        (11, "Frodo Baggins", 5),
        (12, "Bilbo Baggins", 5),
        (13, "Gandalf", 5),
        (14, "Frodo Baggins", 6),
        (15, "Bilbo Baggins", 6),
        (16, "Gandalf", 6),
        (17, "Bilbo Baggins", 7),
        (18, "Thorin Oakenshield", 7),
        (19, "Hari Seldon", 10),
        (20, "Salvor Hardin", 10),
    ]:
        characters[pk] = m.Character.objects.create(pk=pk, name=name, novel_id=novel)
    for novel_pk, protagonist in [(4, 8), (5, 11), (6, 14), (7, 17)]:
        m.Novel.objects.filter(pk=novel_pk).update(protagonist=characters[protagonist])

    for pk, name, start in [
        (1, "Breakfast yoga", "08:00"),
        (2, "Stand-up meeting", "10:00"),
        (3, "Evening yoga", "19:30"),
    ]:
        m.Meeting.objects.create(pk=pk, name=name, start_time=datetime.time.fromisoformat(start))
    item = m.AgendaItem.objects.create(pk=1, meeting_id=2, topic="Tea shortage")
    m.Speaker.objects.create(pk=1, agenda_item=item, name="Mrs Doyle")

    for pk, name, path, depth, numchild in [
        (1, "Animal", "0001", 1, 2),
        (2, "Mammal", "00010001", 2, 2),
        (3, "Reptile", "00010002", 2, 0),
        (4, "Dog", "000100010001", 3, 0),
        (5, "Cat", "000100010002", 3, 0),
    ]:
        m.MPAnimal.objects.create(pk=pk, name=name, path=path, depth=depth, numchild=numchild)
    for pk, name, lft, rgt, depth in [
        (1, "Animal", 1, 10, 1),
        (2, "Mammal", 2, 7, 2),
        (3, "Reptile", 8, 9, 2),
        (4, "Dog", 3, 4, 3),
        (5, "Cat", 5, 6, 3),
    ]:
        m.NSAnimal.objects.create(pk=pk, name=name, lft=lft, rgt=rgt, depth=depth, tree_id=1)
