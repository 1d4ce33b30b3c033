from __future__ import annotations

from django import template
from django.utils import translation

register = template.Library()


@register.simple_tag
def localised(obj, field: str) -> str:
    """`{% localised phase "title" %}`: content text in the page's language."""
    return obj.text(field, translation.get_language() or "nl")
