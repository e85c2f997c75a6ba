from django.contrib import admin

from .models import Group, Membership


class FacilitatorInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("user", "role", "status")
    raw_id_fields = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(role=Membership.Role.FACILITATOR)


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "topic", "audience", "join_policy", "allow_anonymous", "hold_first_posts")
    prepopulated_fields = {"slug": ("name",)}
    exclude = ("last_seq",)
    inlines = [FacilitatorInline]
