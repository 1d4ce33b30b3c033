"""One-time sign-in links for facilitators (local demo use): only a hash is stored, a link works
once and expires."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from sessions.models import LoginToken, hash_token, new_token


def create_login_link(user: AbstractBaseUser, *, minutes: int = 60 * 24) -> str:
    token = new_token()
    LoginToken.objects.create(
        user=user,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(minutes=minutes),
    )
    return token


@transaction.atomic
def use_login_link(token: str) -> AbstractBaseUser | None:
    row = (
        LoginToken.objects.select_for_update()
        .select_related("user")
        .filter(token_hash=hash_token(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if row is None:
        return None
    row.used_at = timezone.now()
    row.save(update_fields=["used_at"])
    return row.user
