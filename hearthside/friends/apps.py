from django.apps import AppConfig


class FriendsConfig(AppConfig):
    name = "hearthside.friends"
    label = "friends"
    verbose_name = "Friends"

    def ready(self):
        # Import here the modules that register personal data, sweeps and realtime channels.
        pass
