import csv
import sys

from django.core.management.base import BaseCommand

from hearthside.safety.actions import labelled_examples
from hearthside.safety.directory import load_directory


class Command(BaseCommand):
    help = (
        "Safety tools: 'export-labels [--kind crisis|abuse] [--out FILE]' writes moderator decisions as text,label CSV for "
        "'hearthside safety train'; 'load-lines' reloads the shipped crisis-line directory; 'record-protocol' "
        "records the published crisis protocol's version when the configuration changed it (run it at deploy)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export-labels", "load-lines", "record-protocol"])
        parser.add_argument("--out", default="-")
        parser.add_argument("--kind", choices=["crisis", "abuse"], default="crisis",
                            help="crisis: screening decisions (1 true concern); abuse: decisions on what the "
                                 "abuse detector held in groups (1 abusive)")

    def handle(self, *args, **options):
        if options["action"] == "record-protocol":
            from hearthside.safety.protocol import current_version

            version = current_version()
            self.stdout.write(f"crisis protocol version {version.number}, in effect since "
                              f"{version.took_effect.isoformat()} ({version.content_hash[:12]})")
            return
        if options["action"] == "load-lines":
            n = load_directory(replace=True)
            self.stdout.write(f"{n} crisis lines loaded")
            return
        handle = sys.stdout if options["out"] == "-" else open(options["out"], "w", newline="", encoding="utf-8")
        try:
            writer = csv.writer(handle)
            writer.writerow(["text", "label"])
            count = 0
            if options["kind"] == "abuse":
                from hearthside.community.moderation import abuse_labelled_examples as examples
            else:
                examples = labelled_examples
            for text, label in examples():
                writer.writerow([text, label])
                count += 1
        finally:
            if handle is not sys.stdout:
                handle.close()
        self.stderr.write(f"{count} labelled examples written")
