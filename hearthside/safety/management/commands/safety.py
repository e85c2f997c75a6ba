import csv
import sys

from django.core.management.base import BaseCommand

from hearthside.safety.actions import labelled_examples
from hearthside.safety.directory import load_directory


class Command(BaseCommand):
    help = (
        "Safety tools: 'export-labels [--out FILE]' writes moderator decisions as text,label CSV for "
        "'hearthside safety train'; 'load-lines' reloads the shipped crisis-line directory."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export-labels", "load-lines"])
        parser.add_argument("--out", default="-")

    def handle(self, *args, **options):
        if options["action"] == "load-lines":
            n = load_directory(replace=True)
            self.stdout.write(f"{n} crisis lines loaded")
            return
        handle = sys.stdout if options["out"] == "-" else open(options["out"], "w", newline="", encoding="utf-8")
        try:
            writer = csv.writer(handle)
            writer.writerow(["text", "label"])
            count = 0
            for text, label in labelled_examples():
                writer.writerow([text, label])
                count += 1
        finally:
            if handle is not sys.stdout:
                handle.close()
        self.stderr.write(f"{count} labelled examples written")
