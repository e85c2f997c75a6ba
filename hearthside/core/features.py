"""A feature app's start-up, declared: what its ``AppConfig.ready`` registers (the registries in
``docs/architecture.md``), so each app says *what* and this says *how* once
(``friends/apps.py`` is the whole of an example). An app's ``apps.py`` imports this module, not
the class: Django takes the one ``AppConfig`` subclass it finds in ``apps.py``, and two would leave
the app with a plain ``AppConfig`` whose ``ready`` does nothing.

Paths without a ``hearthside.`` prefix are the app's own modules. What fits none of these (a
``post_migrate`` hook, a device rule) stays in the app's ``ready`` after ``super().ready()``.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import import_string


class FeatureConfig(AppConfig):
    registers: tuple[str, ...] = ()
    """Modules imported for what they register: ``personal_data``, ``sweeps``, ``metrics``, ``checks``."""
    channels: tuple[str, ...] = ()
    """Live channels (``core.realtime.Channel`` subclasses), one instance of each registered."""
    receivers: dict[str, str | tuple[str, ...]] = {}
    """A signal's path → the receiver(s) connected to it, once (the dispatch uid is the pair)."""

    def _path(self, path: str) -> str:
        return path if path.startswith("hearthside.") else f"{self.name}.{path}"

    def ready(self):
        from . import realtime

        for module in self.registers:
            import_module(self._path(module))
        for channel in self.channels:
            realtime.register(import_string(self._path(channel))())
        for signal, receivers in self.receivers.items():
            for receiver in (receivers,) if isinstance(receivers, str) else receivers:
                import_string(self._path(signal)).connect(
                    import_string(self._path(receiver)), dispatch_uid=f"{self.label}:{signal}:{receiver}")
