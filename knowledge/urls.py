from django.urls import path

from knowledge import feedback, views

urlpatterns = [
    path("begrippen/", views.glossary, name="glossary"),
    path("begrippen/<slug:slug>/", views.begrip_detail, name="begrip-detail"),
    path("reactie/", feedback.page_feedback, name="page-feedback"),
]
