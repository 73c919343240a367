from django.urls import path

from knowledge import views

urlpatterns = [
    path("begrippen/", views.glossary, name="glossary"),
    path("begrippen/<slug:slug>/", views.begrip_detail, name="begrip-detail"),
    path("reactie/", views.page_feedback, name="page-feedback"),
]
