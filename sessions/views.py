"""Pages: the code form, joining, the phone, the facilitator's trajecten and console, the
projector. Pages are rendered on the server; live updates come over the WebSocket."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from game.core.errors import GameError
from game.core.models import Programme, Traject
from game.core.services import create_traject, join_traject
from game.followup import selectors as followup_selectors
from sessions.claims import claims_blocked, device_claim, record_failed_claim, request_claim
from sessions.forms import ClaimForm, CodeForm, JoinForm, TrajectForm
from sessions.live import attend, find_open_session, open_session, participant_for, register_device
from sessions.login_links import use_login_link
from sessions.models import LiveSession
from sessions.qr import qr_svg
from sessions.strings import live_limits, live_strings


def home(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        live = find_open_session(form.cleaned_data["code"])
        if live is not None:
            return redirect("join", code=live.code)
        form.add_error("code", _("There is no open session with this code. Check the screen."))
    return render(request, "participant/home.html", {"form": form})


def join(request: HttpRequest, code: str) -> HttpResponse:
    live = find_open_session(code)
    if live is None:
        return render(request, "participant/unknown_code.html", {"code": code}, status=404)
    if participant_for(request.session, live.traject_id) is not None:
        return redirect("phone", code=live.code)
    claim = device_claim(request.session, live.traject_id)
    if claim is not None and claim.pending:
        return render(request, "participant/claim_wait.html", {"live": live, "claim": claim})
    lang = translation.get_language()
    data = request.POST if request.method == "POST" else None
    # The day-2 page has two forms; the hidden "form" field says which one was sent.
    claiming = data is not None and data.get("form") == ClaimForm.prefix
    returning = ClaimForm(data if claiming else None, lang=lang) if is_follow_up(live) else None
    form = JoinForm(None if claiming else data, lang=lang)
    if returning is not None and returning.is_bound and claim_returning(request, live, returning):
        return redirect("join", code=live.code)
    if form.is_bound and join_as_new(request, live, form):
        return redirect("phone", code=live.code)
    return render(
        request,
        "participant/join.html",
        {
            "form": form,
            "live": live,
            "returning": returning,
            "rejected": claim is not None and claim.rejected_at is not None,
        },
    )


def claim_status(request: HttpRequest, code: str) -> JsonResponse:
    """Whether this browser's day-2 claim still waits for the facilitator: the waiting page
    asks now and then and goes on when it no longer does (no page reload while it waits)."""
    live = find_open_session(code)
    claim = device_claim(request.session, live.traject_id) if live is not None else None
    return JsonResponse({"pending": bool(claim and claim.pending)})


def claim_returning(request: HttpRequest, live: LiveSession, form: ClaimForm) -> bool:
    """Claim the day-1 identity typed into `form` for this browser; False with the reason on
    the form's name field (where the typed name stays).

    Each name and layer that finds nobody counts against the browser, and once it missed too
    often every claim gets the same refusal: the form cannot be used to try names until one
    fits.
    """
    if not form.is_valid():
        return False
    if claims_blocked(request.session):
        form.add_error("name", _("Too many attempts. Ask the facilitator, or try again later."))
        return False
    try:
        participant = followup_selectors.returning_participant(
            live.traject, name=form.cleaned_data["name"], layer_key=form.cleaned_data["layer"]
        )
    except GameError as exc:
        record_failed_claim(request.session)
        form.add_error("name", exc.message())
        return False
    request_claim(request.session, live=live, participant_id=participant.pk)
    return True


def join_as_new(request: HttpRequest, live: LiveSession, form: JoinForm) -> bool:
    """Join the traject with the name and layer of `form` on this device; False with the reason
    on the form."""
    if not form.is_valid():
        return False
    try:
        participant = join_traject(
            traject=live.traject,
            name=form.cleaned_data["name"],
            layer_key=form.cleaned_data["layer"],
            name_consent=form.cleaned_data["name_consent"],
        )
    except GameError as exc:
        form.add_error("layer" if exc.code == "layer_unknown" else "name", exc.message())
        return False
    register_device(request.session, participant)
    attend(live, participant)
    return True


def is_follow_up(live: LiveSession) -> bool:
    """A later live session of a traject that already met: day-1 people may come back."""
    return live.traject.live_sessions.filter(opened_at__lt=live.opened_at).exists()


def phone(request: HttpRequest, code: str) -> HttpResponse:
    live = find_open_session(code)
    if live is None:
        return render(request, "participant/unknown_code.html", {"code": code}, status=404)
    participant = participant_for(request.session, live.traject_id)
    if participant is None:
        return redirect("join", code=live.code)
    return render(
        request,
        "participant/live.html",
        {
            "live": live,
            "participant": participant,
            "strings": live_strings(),
            "limits": live_limits(),
        },
    )


def screen(request: HttpRequest, code: str, token: str) -> HttpResponse:
    live = find_open_session(code)
    if live is None or token != live.screen_token:
        raise Http404
    join_url = request.build_absolute_uri(reverse("join", args=[live.code]))
    with translation.override(live.projector_language):  # the console's choice
        return render(
            request,
            "screen/screen.html",
            {
                "live": live,
                "join_url": join_url,
                "qr": qr_svg(join_url, title=_("QR code to join")),
                "strings": live_strings(),
                "limits": live_limits(),
            },
        )


@login_required
def facilitator_home(request: HttpRequest) -> HttpResponse:
    form = TrajectForm(
        request.POST or None,
        initial={"language": translation.get_language(), "programme": default_programme()},
    )
    if request.method == "POST" and form.is_valid():
        traject = create_traject(facilitator=request.user, **form.cleaned_data)
        messages.success(request, _("Workshop created. Open a live session when you are ready."))
        return redirect("facilitator:traject", pk=traject.pk)
    trajecten = own_trajecten(request).prefetch_related("live_sessions")
    return render(request, "facilitator/home.html", {"form": form, "trajecten": trajecten})


@login_required
def traject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    traject = get_object_or_404(own_trajecten(request), pk=pk)
    return render(
        request,
        "facilitator/traject.html",
        {"traject": traject, "sessions": traject.live_sessions.select_related("phase__step")},
    )


@login_required
@require_POST
def open_live(request: HttpRequest, pk: int) -> HttpResponse:
    traject = get_object_or_404(own_trajecten(request), pk=pk)
    day = 2 if request.POST.get("day") == "2" else 1
    live = open_session(traject=traject, day=day)
    return redirect("facilitator:console", code=live.code)


@login_required
def console(request: HttpRequest, code: str) -> HttpResponse:
    live = get_object_or_404(
        LiveSession.objects.select_related("traject", "phase__step").filter(
            traject__in=own_trajecten(request), closed_at__isnull=True
        ),
        code=code,
    )
    join_url = request.build_absolute_uri(reverse("join", args=[live.code]))
    return render(
        request,
        "facilitator/console.html",
        {"live": live, "join_url": join_url, "strings": live_strings(), "limits": live_limits()},
    )


def login_link(request: HttpRequest, token: str) -> HttpResponse:
    """One-time sign-in for the demo facilitator; exists only in local DEBUG mode."""
    if not settings.DEBUG:
        raise Http404
    user = use_login_link(token)
    if user is None:
        messages.error(request, _("This sign-in link has expired or was used already."))
        return redirect("login")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("facilitator:home")


def own_trajecten(request: HttpRequest):
    trajecten = Traject.objects.select_related("programme")
    if request.user.is_superuser:
        return trajecten
    return trajecten.filter(facilitator=request.user)


def default_programme() -> Programme | None:
    return Programme.objects.filter(key="verticaal").first()
