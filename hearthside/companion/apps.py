from hearthside.core import features


class CompanionConfig(features.FeatureConfig):
    name = "hearthside.companion"
    verbose_name = "Companion"
    registers = ("personal_data",)
    channels = ("consumers.CompanionChannel",)
