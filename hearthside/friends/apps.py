from hearthside.core import features


class FriendsConfig(features.FeatureConfig):
    name = "hearthside.friends"
    verbose_name = "Friends"
    registers = ("personal_data", "sweeps")
    channels = ("realtime.PeerChannel",)
    receivers = {"hearthside.accounts.signals.age_band_changed": "actions.follow_account_band"}
