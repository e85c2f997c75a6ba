"""Template context of the support line: the outreach banner on every page."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject


def outreach(request):
    """``LINE_STAFF``: whether to link the support-line desk. ``outreach``: the live conversation the safety team opened with the signed-in person, unless
    this page is that conversation. Lazy: queried only where the banner is drawn."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"LINE_STAFF": False}

    def find():
        from . import actions

        conversation = actions.outreach_of(user)
        match = getattr(request, "resolver_match", None)
        if conversation is not None and match is not None and match.view_name == "supportline:conversation" \
                and str(match.kwargs.get("conversation_id")) == str(conversation.pk):
            return None
        return conversation

    from .actions import is_supporter

    return {"outreach": SimpleLazyObject(find), "LINE_STAFF": is_supporter(user)}
