from django.urls import path

from eligibility import views
from eligibility.verslag import views as verslag_views

urlpatterns = [
    path("check/", views.landing, name="checker"),
    path("check/quotum/calculator/", views.quotum_calculator, name="checker-quotum-calculator"),
    path("check/banen/calculator/", views.banen_calculator, name="checker-banen-calculator"),
    path("check/plaatsingen/", views.placements_upload, name="checker-placements"),
    path("check/plaatsingen/download/", views.placements_download, name="checker-placements-download"),
    path("check/plaatsingen/sjabloon/", views.placements_template, name="checker-placements-template"),
    path("check/verslag/", verslag_views.check_upload, name="checker-verslag-controle"),
    path("check/<str:vraag>/", views.start, name="checker-start"),
    path("check/<str:vraag>/vraag/<str:feit>/", views.question, name="checker-question"),
    path("check/<str:vraag>/controle/", views.review, name="checker-review"),
    path("check/<str:vraag>/uitkomst/", views.result, name="checker-result"),
    path("check/<str:vraag>/verslag/", verslag_views.from_link, name="checker-verslag"),
]
