from django.urls import path

from voortgang import views

urlpatterns = [
    path("voortgang/", views.overview, name="voortgang"),
    path("voortgang/metingen.csv", views.metingen_download, name="voortgang-metingen-csv"),
    path("voortgang/quotumpercentages.csv", views.quotum_download, name="voortgang-quotum-csv"),
]
