from django.urls import path

from voortgang import views

urlpatterns = [
    path("voortgang/", views.overview, name="voortgang"),
    path("voortgang/metingen.csv", views.metingen_download, name="voortgang-metingen-csv"),
    path("voortgang/eigen-organisatie/", views.own_figures, name="voortgang-eigen"),
    path("voortgang/quotumpercentages.csv", views.quotum_download, name="voortgang-quotum-csv"),
]
