from django import template

from newsroom.forms import UnpublishReasonForm

register = template.Library()


@register.simple_tag(takes_context=True)
def unpublish_reason_form(context):
    """The reason form of the unpublish confirmation, bound when our view re-renders it."""
    return context.get("form") or UnpublishReasonForm()
