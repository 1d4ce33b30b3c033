"""Downloading the outcome document: a preview page and the files, for the traject's
facilitator (and, once released, for its participants)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from game.core.errors import GameError
from game.core.models import Audience, Reveal, Traject
from game.core.selectors import shows
from game.document.formats import FORMATS
from game.document.html import render_html
from game.document.model import build_document
from sessions.live import find_open_session, participant_for
from sessions.views import own_trajecten


def file_name(traject: Traject, extension: str) -> str:
    return f"programma-van-eisen-{slugify(traject.gemeente)}-{traject.date.isoformat()}.{extension}"


def requested_document(request: HttpRequest, traject: Traject):
    """The document with the kader op maat version asked for in `?kader=` (default: latest)."""
    raw = request.GET.get("kader", "")
    number = int(raw) if raw.isdigit() else None
    try:
        return build_document(traject, framework_number=number)
    except GameError as exc:  # no such frozen version
        raise Http404 from exc


def document_file(request: HttpRequest, traject: Traject, extension: str) -> HttpResponse:
    if extension not in FORMATS:
        raise Http404
    doc = requested_document(request, traject)
    fmt = FORMATS[extension]
    response = HttpResponse(fmt.render(doc), content_type=fmt.media_type)
    suffix = f"-kader-v{doc.framework_version}" if doc.framework_version else "-concept"
    name = file_name(traject, extension).replace(f".{extension}", f"{suffix}.{extension}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    traject = get_object_or_404(own_trajecten(request), pk=pk)
    doc = requested_document(request, traject)
    query = f"?kader={doc.framework_version}" if doc.framework_version else ""
    links = [
        (fmt.label, reverse("facilitator:document_file", args=[traject.pk, extension]) + query)
        for extension, fmt in FORMATS.items()
        if extension != "html"
    ]
    page = reverse("facilitator:document", args=[traject.pk])
    versions = [
        (number, f"{page}?kader={number}", number == doc.framework_version)
        for number in traject.framework_versions.order_by("number").values_list("number", flat=True)
    ]
    bar = render_to_string(
        "document/preview_bar.html",
        {
            "links": links,
            "versions": versions,
            "back": reverse("facilitator:traject", args=[traject.pk]),
        },
        request=request,
    )
    return HttpResponse(render_html(doc, preview_bar=bar))


@login_required
def download(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    return document_file(request, get_object_or_404(own_trajecten(request), pk=pk), extension)


def participant_download(request: HttpRequest, code: str, extension: str) -> HttpResponse:
    """A participant downloads the document on their phone, once the facilitator released it."""
    live = find_open_session(code)
    if live is None or not shows(live.traject, Reveal.What.DOCUMENT, Audience.PARTICIPANT):
        raise Http404
    if participant_for(request.session, live.traject_id) is None or extension not in (
        "pdf",
        "docx",
    ):
        raise Http404
    return document_file(request, live.traject, extension)
