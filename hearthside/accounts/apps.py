from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hearthside.accounts"
    label = "accounts"

    def ready(self):
        from . import personal_data, sweeps  # noqa: F401  (registers export/erasure and sweeps)
