from django.contrib import admin

from .models import ConsentDocument, RoleGrant, User


class RoleInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    fields = ("role", "granted_at")
    readonly_fields = ("granted_at",)


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    # No health data here: only account fields. Passwords are never shown or edited in the admin.
    list_display = ("username", "pseudonym", "country", "is_active", "date_joined", "is_demo")
    search_fields = ("username", "pseudonym")
    list_filter = ("is_active", "is_demo", "role_grants__role")
    fields = ("username", "pseudonym", "email", "country", "time_zone", "language", "year_of_birth", "age_band",
              "is_active", "erasure_requested_at", "date_joined", "is_demo")
    readonly_fields = ("username", "date_joined", "erasure_requested_at", "is_demo")
    inlines = [RoleInline]

    def save_model(self, request, obj, form, change):
        # The team corrects a wrong age here: recorded and applied like any other change of band.
        from .actions import _band_changed, age_band_of

        old = age_band_of(User.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if change:
            _band_changed(obj, old, by=request.user, request=request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from hearthside.core import audit

        from .models import Role

        user = form.instance
        roles = set(user.role_grants.values_list("role", flat=True))
        is_admin = Role.ADMINISTRATOR in roles
        if user.is_staff != is_admin or user.is_superuser != is_admin:
            user.is_staff = user.is_superuser = is_admin
            user.save(update_fields=["is_staff", "is_superuser"])
        audit.record("account.roles_set_in_admin", actor=request.user, request=request, obj=user, subject=user,
                     detail={"roles": sorted(roles)})


@admin.register(ConsentDocument)
class ConsentDocumentAdmin(admin.ModelAdmin):
    list_display = ("purpose", "version", "title", "published_at", "requires_reconsent")
    list_filter = ("purpose",)

    def get_readonly_fields(self, request, obj=None):
        # What people agreed to must not change under them: publish a new version instead.
        if obj is not None:
            return ("purpose", "version", "title", "summary", "body", "published_at", "requires_reconsent")
        return ()
