"""The team's view of jurisdiction profiles: which applies site-wide and to a person, and why
(``explain``), and a person's region, set here through the action (validated and audited)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import actions, policy
from .models import PersonRegion
from .profiles import explain


def _choices():
    return [(key, f"{profile.title} ({key})") for key, profile in sorted(policy.profiles().items())]


class PersonRegionForm(forms.ModelForm):
    profile = forms.ChoiceField(label=gettext_lazy("Profile"), choices=_choices)

    class Meta:
        model = PersonRegion
        fields = ("user", "profile")


class ExplainForm(forms.Form):
    person = forms.CharField(label=gettext_lazy("Username"), max_length=150)

    def clean_person(self):
        name = self.cleaned_data["person"].strip().lower()
        found = get_user_model().objects.filter(username=name).first()
        if found is None:
            raise ValidationError(_("No account has this username."))
        return found


@admin.register(PersonRegion)
class PersonRegionAdmin(admin.ModelAdmin):
    form = PersonRegionForm
    list_display = ("user", "profile", "updated_at")
    search_fields = ("user__username",)
    raw_id_fields = ("user",)
    readonly_fields = ("applies",)
    change_list_template = "admin/compliance/personregion/change_list.html"

    @admin.display(description=gettext_lazy("What applies and why"))
    def applies(self, obj):
        if obj is None or not obj.pk:
            return "-"
        return " ".join(explain(obj.user).reasons)

    def save_model(self, request, obj, form, change):
        # Through the action: the key is checked again and the change is audited.
        region = actions.check_set_region(request.user, obj.user, form.cleaned_data["profile"], request=request)
        obj.pk = region.pk if region is not None else None

    def delete_model(self, request, obj):
        actions.do_set_region(request.user, obj.user, "", request=request)

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related("user"):
            self.delete_model(request, obj)

    def get_urls(self):
        mine = [path("explain/", self.admin_site.admin_view(self.explain_view), name="compliance_explain")]
        return mine + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        site = explain(None)
        return super().changelist_view(request, {**(extra_context or {}), "site_explanation": site})

    def explain_view(self, request):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        form = ExplainForm(request.GET or None)
        person_explanation = explain(form.cleaned_data["person"]) if form.is_valid() else None
        context = {**self.admin_site.each_context(request), "title": _("Which profile applies"),
                   "form": form, "site_explanation": explain(None), "person_explanation": person_explanation,
                   "person": form.cleaned_data.get("person") if person_explanation else None,
                   "opts": self.model._meta, "profiles": sorted(policy.profiles().values(), key=lambda p: p.key)}
        return TemplateResponse(request, "admin/compliance/explain.html", context)
