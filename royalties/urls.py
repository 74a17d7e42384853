"""Admin URLs of the royalty desk, mounted under /admin/nhuan-but/ by `wagtail_hooks`."""

from django.urls import path

from . import views

app_name = "royalties"

urlpatterns = [
    path("", views.StatementView.as_view(), name="statement"),
    path("chot/<slug:unit_code>/<str:month>/", views.CloseView.as_view(), name="close"),
    path("chi-tra/<int:pk>/", views.MarkPaidView.as_view(), name="mark_paid"),
    path("tong-hop/", views.SummaryView.as_view(), name="summary"),
    path("tac-gia/", views.AuthorView.as_view(), name="author"),
]
