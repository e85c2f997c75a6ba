"""The person's page for how they want to be reached in a crisis (contact routes and consents)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from . import contact
from .models import ContactRoute

Kind = ContactRoute.Kind

# What each form asks for, in the person's words.
FORM_TEXT = {
    Kind.CALLBACK: {
        "title": gettext_lazy("A phone call back"),
        "value": gettext_lazy("Your phone number"),
        "note_help": gettext_lazy("For example: the best times to call, or whether a voicemail is all right."),
    },
    Kind.EMAIL: {
        "title": gettext_lazy("An e-mail"),
        "value": gettext_lazy("Your e-mail address"),
        "note_help": gettext_lazy("For example: whether someone else reads this inbox."),
    },
    Kind.EMERGENCY_CONTACT: {
        "title": gettext_lazy("Someone you trust"),
        "value": gettext_lazy("Their phone number"),
        "note_help": gettext_lazy("For example: when to call them, or what they already know."),
    },
}


class RouteForm(forms.Form):
    """Binds and renders one kind's fields; the rules live in :func:`contact.check_add_route`."""

    value = forms.CharField(required=False, strip=False)
    name = forms.CharField(required=False, strip=False, label=gettext_lazy("Their name, and who they are to you"),
                           help_text=gettext_lazy("For example: Sam, my sister. Let them know you have named them."))
    note = forms.CharField(required=False, strip=False, label=gettext_lazy("Anything our team should know (optional)"),
                           widget=forms.Textarea(attrs={"rows": 2, "maxlength": contact.MAX_NOTE}))
    agreed = forms.BooleanField(required=False)

    def __init__(self, kind: str, *args, **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        text = FORM_TEXT[kind]
        self.title = text["title"]
        self.sentence = contact.consent_sentence(kind)
        value = self.fields["value"]
        value.label = text["value"]
        if kind == Kind.EMAIL:
            value.widget = forms.EmailInput(attrs={"autocomplete": "email", "maxlength": contact.MAX_EMAIL})
        else:
            # Someone else's number should not be offered from the person's own autofill.
            value.widget = forms.TextInput(attrs={
                "type": "tel", "inputmode": "tel", "maxlength": contact.MAX_PHONE,
                "autocomplete": "tel" if kind == Kind.CALLBACK else "off",
            })
        if kind != Kind.EMERGENCY_CONTACT:
            del self.fields["name"]
        else:
            self.fields["name"].widget.attrs.update({"maxlength": contact.MAX_NAME, "autocomplete": "off"})
        self.fields["note"].help_text = text["note_help"]
        self.fields["agreed"].label = self.sentence
        # The browser asks for the tick first; the server refuses without it either way.
        self.fields["agreed"].widget.attrs["required"] = True

    def apply(self, exc: ValidationError) -> None:
        for field, errors in exc.message_dict.items():
            self.add_error(field if field in self.fields else None, errors)


def _forms(user, data=None, posted_kind: str | None = None) -> list[RouteForm]:
    result = []
    for kind in contact.ADDABLE_KINDS:
        initial = {"value": user.email} if kind == Kind.EMAIL and user.email else None
        result.append(RouteForm(kind, data if kind == posted_kind else None, initial=initial))
    return result


def _page(request, route_forms: list[RouteForm], status: int = 200):
    routes = {}
    for route in contact.routes_for(request.user):
        routes.setdefault(route.kind, route)
    for form in route_forms:
        form.current = routes.get(form.kind)
    return render(request, "safety/contact.html", {
        "forms": route_forms, "in_app_sentence": contact.IN_APP_SENTENCE,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def contact_routes(request):
    if request.method == "GET":
        return _page(request, _forms(request.user))
    kind = request.POST.get("kind", "")
    if kind not in contact.ADDABLE_KINDS:
        messages.error(request, _("Choose a way to be reached: e-mail, a phone call back or an emergency contact."))
        return redirect("safety:contact")
    route_forms = _forms(request.user, request.POST, kind)
    form = next(f for f in route_forms if f.kind == kind)
    form.is_valid()
    data = form.cleaned_data
    try:
        contact.check_add_route(request.user, kind, data.get("value", ""), data.get("name", ""), data.get("note", ""),
                                agreed=bool(data.get("agreed")), request=request)
    except ValidationError as exc:
        form.apply(exc)
        return _page(request, route_forms, status=400)
    messages.success(request, _("Saved. You agreed: “%(sentence)s”") % {"sentence": form.sentence})
    return redirect("safety:contact")


@login_required
@require_POST
def withdraw_route(request, route_id: int):
    contact.do_withdraw_route(request.user, route_id, request=request)
    messages.success(request, _("Withdrawn. Our team will no longer use it."))
    return redirect("safety:contact")
