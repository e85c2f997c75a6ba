from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hearthside.core"
    label = "core"
