from django.urls import path

from editorial import views

urlpatterns = [path("zoeken/klik/", views.search_click, name="search-click")]
