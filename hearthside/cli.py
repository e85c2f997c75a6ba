"""The ``hearthside`` command.

``hearthside screen``, ``hearthside emotions``, ``hearthside companion-chat`` and
``hearthside safety train`` run without Django so evaluation tools can call them cheaply;
everything else is a Django management command (``hearthside run``, ``hearthside demo``,
``hearthside rotate-keys``, ``hearthside audit verify``...).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "screen":
        from hearthside.safety.screening.cli import screen_main

        return screen_main(argv[1:])
    if argv and argv[0] == "emotions":
        from hearthside.selfcare.emotions.cli import emotions_main

        return emotions_main(argv[1:])
    if argv and argv[0] == "companion-chat":
        from hearthside.companion.cli import chat_main

        return chat_main(argv[1:])
    if argv[:2] == ["safety", "train"]:
        from hearthside.safety.screening.cli import train_main

        return train_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearthside.settings")
    from django.core.management import execute_from_command_line

    if not argv:
        argv = ["help"]
    execute_from_command_line(["hearthside", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
