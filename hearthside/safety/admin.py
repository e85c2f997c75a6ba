from django.contrib import admin
from django.utils import timezone

from .models import CrisisLine, DutyShift, EmergencyNumber


class StaleFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("1", "not verified in 12 months"), ("0", "verified in 12 months")]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - timezone.timedelta(days=365)
        if self.value() == "1":
            return queryset.filter(verified_on__lt=cutoff)
        if self.value() == "0":
            return queryset.filter(verified_on__gte=cutoff)
        return queryset


@admin.register(CrisisLine)
class CrisisLineAdmin(admin.ModelAdmin):
    list_display = ("country", "region", "name", "phone", "hours", "verified_on", "needs_check", "active")
    list_filter = (StaleFilter, "country", "active")
    search_fields = ("name", "country", "region", "phone")
    ordering = ("country", "priority")

    @admin.display(boolean=True, description="needs re-checking")
    def needs_check(self, obj):
        return obj.needs_verification


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(admin.ModelAdmin):
    list_display = ("country", "number", "verified_on", "source")
    search_fields = ("country",)


@admin.register(DutyShift)
class DutyShiftAdmin(admin.ModelAdmin):
    list_display = ("user", "starts_at", "ends_at", "note")
    raw_id_fields = ("user",)
