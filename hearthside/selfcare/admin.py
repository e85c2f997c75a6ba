from django.contrib import admin

from .models import Activity, Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "published", "updated_at")
    list_filter = ("published",)
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    # The operator's list; people's own activities are theirs and are not shown here.
    list_display = ("name", "active")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(owner__isnull=True)
