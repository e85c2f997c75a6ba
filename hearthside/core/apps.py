import os

from django.apps import AppConfig
from django.db.backends.signals import connection_created

_PRIVATE: set[str] = set()


def keep_sqlite_private(sender, connection, **kwargs) -> None:
    """The SQLite file holds everyone's data: readable by the service user only (0600), with its
    journal files. Checked once per file per process."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or name in _PRIVATE:
        return
    for path in (name, name + "-wal", name + "-shm", name + "-journal"):
        try:
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)
        except FileNotFoundError:
            continue
        except OSError:
            pass
    _PRIVATE.add(name)


class CoreConfig(AppConfig):
    name = "hearthside.core"
    label = "core"

    def ready(self):
        from . import sweeps  # noqa: F401  (registers the audit-address retention sweep)

        connection_created.connect(keep_sqlite_private, dispatch_uid="hearthside.keep_sqlite_private")
