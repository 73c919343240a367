from django.urls import path

from portal.search import views

urlpatterns = [path("zoeken/", views.search_page, name="search")]
