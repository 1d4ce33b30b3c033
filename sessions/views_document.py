"""Downloading the outcome document: a preview page and the files, for the traject's
facilitator (and, once released, for its participants)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from game.document.formats import FORMATS
from game.document.html import render_html
from game.document.model import build_document
from game.models import Traject
from sessions.views import own_trajecten


def file_name(traject: Traject, extension: str) -> str:
    return f"programma-van-eisen-{slugify(traject.gemeente)}-{traject.date.isoformat()}.{extension}"


def document_file(traject: Traject, extension: str) -> HttpResponse:
    if extension not in FORMATS:
        raise Http404
    fmt = FORMATS[extension]
    response = HttpResponse(fmt.render(build_document(traject)), content_type=fmt.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name(traject, extension)}"'
    return response


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    traject = get_object_or_404(own_trajecten(request), pk=pk)
    links = [
        (fmt.label, reverse("facilitator:document_file", args=[traject.pk, extension]))
        for extension, fmt in FORMATS.items()
        if extension != "html"
    ]
    bar = render_to_string(
        "document/preview_bar.html",
        {"links": links, "back": reverse("facilitator:traject", args=[traject.pk])},
        request=request,
    )
    return HttpResponse(render_html(build_document(traject), preview_bar=bar))


@login_required
def download(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    return document_file(get_object_or_404(own_trajecten(request), pk=pk), extension)
