"""Spanish complete and kept complete (issue #18, section 2).

Two kinds of check:

- The catalogue (``hearthside/locale/es``): no entry of the ``.po`` is untranslated or fuzzy, and
  the compiled ``.mo`` holds every entry of the ``.po`` with the same translation (so a string
  translated but never compiled is caught too).
- The pages: with the demo content loaded (plus one object of each kind the demo lacks, so that
  every page with a path parameter has something to show), every GET page of the URL resolver
  (walked as ``test_access_matrix`` walks it) is requested in Spanish by an anonymous visitor and
  by each demo account, staff with a proved second factor. The test fails if a page that answers
  with HTML shows either

  1. an English sentence of the catalogue: a run of three or more words of a translated ``msgid``
     (split at placeholders and tags) found verbatim in the page's text. This catches a string
     that is in the catalogue but reaches the page untranslated (shown without ``gettext``, or
     translated in the wrong language); or
  2. a text that reads as English: three or more words of which at least two, and at least a
     quarter, are English function words that are not also Spanish words (``ENGLISH_WORDS``). This
     catches strings that were never marked for translation at all.

  What people wrote is theirs and is not checked: a text found by either check is checked again
  with every text stored in the database (including texts inside JSON lists) taken out of it,
  or dropped if it is part of one. Stored texts that are the project's own content are not taken
  out, so they are checked: library articles, the shipped consent documents and the demo groups'
  descriptions and guidelines (``core/demo_texts.py``). Names (of people, groups, meetings) and the
  crisis-line directory are stored data and stay as written. Not checked either: bibliographic
  references (a citation keeps its original title: a text with a year in parentheses, "n.d.", a
  DOI or a web address), text inside an element whose ``lang`` says another language, scripts and
  styles. A page is every route that answers 200 with HTML to at least one of these visitors; a
  route that answers GET with 405 to someone is a form target, not a page; ``NOT_HTML`` lists the
  GET routes that answer with something else, and why. ``test_every_get_page_is_reached`` fails
  when a route is none of these, so a new page cannot be left out of the check by accident.
"""

from __future__ import annotations

import gettext as gettext_module
import itertools
import re
import time
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models, transaction
from django.test import Client

from hearthside.conftest import login_client
from hearthside.core.tests.test_access_matrix import walk_patterns
from hearthside.testing.database import rolled_back_after

LOCALE = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES"

# GET routes whose answer is not an HTML page, and why.
NOT_HTML = {
    "healthz": "a health check for load balancers (plain text)",
    "staff/paging/sw.js": "the paging service worker (JavaScript)",
    "care/calendar/<str:token>.ics": "an iCalendar feed",
    "support-line/c/<int:conversation_id>/transcript.txt": "a plain-text transcript the person downloads",
    "sw.js": "the site's service worker (JavaScript)",
    "manifest.webmanifest": "the web app manifest (JSON)",
    "device/session": "the offline writer's session check (JSON)",
}
# English function words that are not Spanish words too ("has", "he", "me", "no", "a" are).
ENGLISH_WORDS = frozenset(
    """
the and you your yours with this that these those for are is was were be been being have having of to
what when which who whom whose why how where will would should could can can't don't doesn't didn't
isn't aren't it it's its they them their there here from into about not or at on in an by as if
our we us my all any some more than then just only also very need want help while after before
""".split()
)
CITATION = re.compile(r"\((?:1[89]|20)\d\d[a-z]?\)|\(n\.d\.\)|\bdoi\b|https?://|\bet al\.", re.I)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{[^{}]*\}|<[^>]*>|\n")


# ---------------------------------------------------------------------------------------------
# The catalogue


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), value.strip()[1:-1])


def parse_po(path: Path) -> list[dict]:
    """The live entries of a .po file: msgctxt, msgid, msgid_plural, msgstr ({index: text}), fuzzy."""
    entries: list[dict] = []
    entry: dict = {}
    field: str | tuple | None = None
    flags: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        elif line.startswith("#,"):
            flags = {flag.strip() for flag in line[2:].split(",")}
            continue
        elif not line or line.startswith("#"):
            continue
        key, _sep, value = (None, "", line) if line.startswith('"') else line.partition(" ")
        text = _unquote(value)
        if key == "msgctxt" or (key == "msgid" and field != "msgctxt"):
            entry = {
                "msgctxt": None,
                "msgid": "",
                "msgid_plural": None,
                "msgstr": {},
                "fuzzy": "fuzzy" in flags,
                "obsolete": obsolete,
            }
            entries.append(entry)
            flags = set()
        if key is None:
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += text
            else:
                entry[field] += text
        elif key.startswith("msgstr"):
            field = ("msgstr", int(key[7:-1]) if key.startswith("msgstr[") else 0)
            entry["msgstr"][field[1]] = text
        else:
            field = key
            entry[key] = text
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


@pytest.fixture(scope="module")
def po_entries() -> list[dict]:
    return parse_po(LOCALE / "django.po")


def test_the_po_parser_reads_what_gettext_reads(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "Hello %(n)s \\"x\\""\nmsgstr "Hola %(n)s «x» ñ"\n\n'
        '#, fuzzy\nmsgid "Two"\n"lines"\nmsgstr ""\n\n'
        'msgid "One item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "Un elemento"\nmsgstr[1] ""\n\n'
        '#~ msgid "Old"\n#~ msgstr "Viejo"\n',
        encoding="utf-8",
    )
    entries = parse_po(po)
    assert [(e["msgid"], e["msgstr"], e["fuzzy"]) for e in entries] == [
        ('Hello %(n)s "x"', {0: "Hola %(n)s «x» ñ"}, False),
        ("Twolines", {0: ""}, True),
        ("One item", {0: "Un elemento", 1: ""}, False),
    ]


def test_catalogue_has_no_untranslated_or_fuzzy_entry(po_entries):
    assert len(po_entries) > 1000  # the real catalogue was read
    untranslated = [e["msgid"] for e in po_entries if not all(e["msgstr"].values()) or not e["msgstr"]]
    fuzzy = [e["msgid"] for e in po_entries if e["fuzzy"]]
    assert untranslated == [], f"{len(untranslated)} untranslated entries, e.g. {untranslated[:10]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy entries, e.g. {fuzzy[:10]}"


def test_compiled_catalogue_holds_every_translation(po_entries):
    with open(LOCALE / "django.mo", "rb") as fh:
        compiled = gettext_module.GNUTranslations(fh)._catalog
    missing = []
    for e in po_entries:
        key = e["msgid"] if e["msgctxt"] is None else f"{e['msgctxt']}\x04{e['msgid']}"
        if e["msgid_plural"] is None:
            ok = compiled.get(key) == e["msgstr"].get(0)
        else:
            ok = all(compiled.get((key, i)) == text for i, text in e["msgstr"].items())
        if not ok:
            missing.append(e["msgid"])
    assert missing == [], f"{len(missing)} entries differ in django.mo (run compilemessages): {missing[:10]}"


# ---------------------------------------------------------------------------------------------
# Reading a page


class PageText(HTMLParser):
    """The texts a person reads on a page: text nodes and the attributes read aloud or shown."""

    SKIP = {"script", "style", "template", "noscript"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded)
        self.texts: list[str] = []

    def _excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").lower()
        excluded = self._excluded() or tag in self.SKIP or (bool(lang) and not lang.startswith("es"))
        if not excluded:
            for name in ("title", "placeholder", "aria-label", "alt"):
                if attrs.get(name):
                    self.texts.append(" ".join(attrs[name].split()))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.texts.append(attrs["value"])
        if tag not in self.VOID:
            self.stack.append((tag, excluded))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._excluded():
            self.texts.append(text)


def page_texts(html: str) -> list[str]:
    parser = PageText()
    parser.feed(html)
    parser.close()
    return parser.texts


def reads_as_english(text: str) -> bool:
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    hits = sum(w in ENGLISH_WORDS for w in words)
    return len(words) >= 3 and hits >= 2 and hits * 4 >= len(words)


def test_the_english_reader_tells_english_from_spanish():
    assert reads_as_english("Choose one of the options.")
    assert reads_as_english("What went through your mind right then?")
    assert not reads_as_english("Elige una de las opciones.")
    assert not reads_as_english("¿Qué se te pasó por la mente en ese momento? Has tenido un día largo.")
    assert not reads_as_english("Días (ninguno = todos los días)")
    assert not reads_as_english("OK")
    texts = page_texts(
        '<p>Hola <b>mundo</b></p><p lang="en">Not checked at all</p><script>var a = "the and";</script>'
        '<input type="submit" value="Enviar"><span title="Título">x</span><br><p>Fin</p>'
    )
    assert texts == ["Hola", "mundo", "Enviar", "Título", "x", "Fin"]


def english_fragments(po_entries) -> dict[str, list[str]]:
    """Runs of 3+ words of every translated msgid, indexed by their first word."""
    spanish = "\n".join(text for e in po_entries for text in e["msgstr"].values())
    index: dict[str, list[str]] = defaultdict(list)
    for e in po_entries:
        for source in filter(None, (e["msgid"], e["msgid_plural"])):
            if source in e["msgstr"].values():
                continue  # the same in both languages (a name, a code)
            for part in PLACEHOLDER.split(source):
                part = " ".join(part.split()).strip(" .,:;!?()[]«»“”\"'—–-·")
                words = WORD.findall(part)
                if len(words) >= 3 and part not in spanish:
                    index[words[0]].append(part)
    return index


def catalogue_english_in(text: str, fragments: dict[str, list[str]]) -> list[str]:
    found = []
    for word in set(WORD.findall(text)):
        found += [f for f in fragments.get(word, ()) if f in text]
    return found


# ---------------------------------------------------------------------------------------------
# The demo world, in Spanish


def _complete_demo() -> None:
    """One object of each kind the demo content lacks, so that every page has something to show."""
    from hearthside.accounts.models import SharingGrant, User
    from hearthside.care.models import CareRelationship
    from hearthside.community import models as community
    from hearthside.friends import models as friends
    from hearthside.safety.models import ContactRoute, SafetyAlert
    from hearthside.selfcare import models as selfcare

    river = User.objects.get(username="demo-member")
    sky = User.objects.get(username="demo-member2")
    entry = selfcare.JournalEntry.objects.create(user=river, title="Domingo", body="Hoy caminé un rato.")
    relationship = CareRelationship.objects.filter(client=river).first()
    SharingGrant.objects.create(
        user=river,
        data_type="journal_entry",
        journal_entry=entry,
        practitioner=relationship.practitioner.user if relationship else None,
    )
    selfcare.ExerciseSession.objects.create(user=river, exercise="box-breathing")
    ContactRoute.objects.create(user=river, kind="in_app", consent_text="demo")
    from datetime import timedelta

    from django.utils import timezone

    SafetyAlert.objects.create(
        person=river, source="test", level="high", ack_deadline=timezone.now() + timedelta(hours=1)
    )
    group = community.Group.objects.get(slug="living-with-anxiety")
    thread = community.Thread.objects.create(group=group, title="Lo que me ayuda")
    post = community.Post.objects.create(thread=thread, author=river, body="Respirar despacio.")
    community.Report.objects.create(reporter=sky, post=post, reason="prueba")
    group.last_seq += 1
    group.save(update_fields=["last_seq"])
    community.ChatMessage.objects.create(
        group=group, seq=group.last_seq, author=sky, client_id="es-1", body="Hola a todos."
    )
    reach_out = friends.ReachOut.objects.create(sender=sky, body="Pienso en ti.")
    friends.ReachOutDelivery.objects.create(reach_out=reach_out, recipient=river)
    connection = friends.Connection.objects.filter(status="accepted").first()
    message = friends.PeerMessage.objects.filter(connection=connection).first()
    friends.PeerReport.objects.create(reporter=river, reported=sky, message=message, reason="prueba")


def _stored_texts() -> list[str]:
    """Every text stored in the database that is not the project's own content to translate
    (what people wrote, names, the crisis-line directory), longest first."""
    from hearthside.accounts.models import ConsentDocument
    from hearthside.core import demo_texts
    from hearthside.selfcare.models import Article

    own_content = {Article, ConsentDocument}  # checked: shown in the reader's language
    found: set[str] = set()

    def add(value):
        if isinstance(value, str):
            text = " ".join(value.split())
            if len(text) >= 4:
                found.add(text)
        elif isinstance(value, dict):
            for v in value.values():
                add(v)
        elif isinstance(value, list | tuple):
            for v in value:
                add(v)

    for model in apps.get_models():
        if model in own_content:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if not isinstance(
                f,
                models.ForeignKey
                | models.DateTimeField
                | models.DateField
                | models.IntegerField
                | models.BooleanField
                | models.FloatField,
            )
        ]
        for row in model.objects.all().iterator():
            for name in fields:
                add(getattr(row, name, None))
    return sorted(found - demo_texts.TEXTS, key=len, reverse=True)


def _without_stored(text: str, stored: list[str]) -> str:
    """``text`` less what was stored: nothing if it is part of a stored text, else with every
    stored text it contains taken out."""
    if any(text in value for value in stored):
        return ""
    for value in stored:
        if value in text:
            text = text.replace(value, " ")
    return text


def english_in(text: str, fragments: dict[str, list[str]]) -> list[str]:
    """The English in one text of a page: catalogue sentences, or the text itself if it reads as English."""
    return catalogue_english_in(text, fragments) or ([text] if reads_as_english(text) else [])


PENDING = "a staff member between password and code"


def _between_password_and_code() -> Client:
    """A visitor who gave demo-moderator's password and is asked for the second factor."""
    from hearthside.accounts.models import User
    from hearthside.accounts.views import PENDING_AT, PENDING_OTP_USER

    client = Client()
    session = client.session
    session[PENDING_OTP_USER] = User.objects.get(username="demo-moderator").pk
    # The code page sends back to log-in five minutes after the password step; dated ahead so
    # that a slow run cannot make the page a redirect.
    session[PENDING_AT] = time.time() + 24 * 3600
    session.save()
    return client


def _candidates(route: str) -> list[dict]:
    """Values for the path parameters of ``route`` from the world's objects (every combination)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from hearthside.accounts.models import AccessToken, User
    from hearthside.care import models as care
    from hearthside.community import models as community
    from hearthside.companion import models as companion
    from hearthside.friends import models as friends
    from hearthside.safety import models as safety
    from hearthside.selfcare import exercises, questionnaires
    from hearthside.selfcare import models as selfcare
    from hearthside.supportline import models as supportline

    def ids(model, n=3):
        return list(model.objects.order_by("pk").values_list("pk", flat=True)[:n])

    river = User.objects.get(username="demo-member")
    by_name = {
        "token_id": lambda: ids(AccessToken),
        "route_id": lambda: ids(safety.ContactRoute),
        "step": lambda: list(safety.SAFETY_PLAN_KEYS),
        "alert_id": lambda: ids(safety.SafetyAlert),
        "checkin_id": lambda: ids(selfcare.CheckIn, 1),
        "entry_id": lambda: ids(selfcare.JournalEntry),
        "response_id": lambda: ids(selfcare.QuestionnaireResponse),
        "session_id": lambda: ids(selfcare.ExerciseSession),
        "thread_id": lambda: ids(community.Thread),
        "post_id": lambda: ids(community.Post),
        "message_id": lambda: ids(community.ChatMessage),
        "meeting_id": lambda: ids(community.Meeting),
        "appointment_id": lambda: ids(care.Appointment),
        "relationship_id": lambda: ids(care.CareRelationship),
        "connection_id": lambda: ids(friends.Connection),
        "circle_id": lambda: ids(friends.CircleMember),
        "delivery_id": lambda: ids(friends.ReachOutDelivery),
        "strategy_id": lambda: ids(friends.Strategy, 1),
        "report_id": lambda: ids(friends.PeerReport),
        "seq": lambda: [1],
        "what": lambda: ["helped"],
        "uidb64": lambda: [urlsafe_base64_encode(force_bytes(river.pk))],
        "token": lambda: [default_token_generator.make_token(river)],
    }
    by_prefix = [
        ("selfcare/questionnaires/", "slug", lambda: list(questionnaires.all_questionnaires())),
        ("selfcare/exercises/", "slug", lambda: list(exercises.all_exercises())),
        (
            "selfcare/library/",
            "slug",
            lambda: sorted(set(selfcare.Article.objects.values_list("slug", flat=True))),
        ),
        ("groups/", "slug", lambda: list(community.Group.objects.values_list("slug", flat=True))),
        ("care/", "profile_id", lambda: ids(care.PractitionerProfile)),
        ("friends/", "profile_id", lambda: ids(friends.PeerProfile)),
        ("companion/", "conversation_id", lambda: ids(companion.Conversation)),
        ("support-line/", "conversation_id", lambda: ids(supportline.Conversation)),
    ]
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    values = []
    for name in names:
        source = next((f for prefix, n, f in by_prefix if n == name and route.startswith(prefix)), None)
        source = source or by_name[name]
        values.append(source())
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*values)]


def _url(route: str, params: dict) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(params[m.group(1)]), route)


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker):
    """Every GET page, as every demo role and an anonymous visitor, in Spanish: (answers, findings)."""
    from hearthside.accounts.models import User

    with rolled_back_after(django_db_blocker):
        call_command("demo", stdout=StringIO())
        _complete_demo()
        User.objects.filter(is_demo=True).update(language="es")
        clients = {"anonymous": Client(), PENDING: _between_password_and_code()}
        for user in User.objects.filter(is_demo=True).order_by("username"):
            clients[user.username] = login_client(user, two_factor=True)
        for client in clients.values():
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
        stored = _stored_texts()
        fragments = english_fragments(parse_po(LOCALE / "django.po"))
        answers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        findings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for route in walk_patterns():
            urls = [_url(route, params) for params in _candidates(route)]
            for (who, client), url in itertools.product(clients.items(), urls):
                if who == PENDING and route != "accounts/login/code/":
                    continue
                with transaction.atomic():
                    # Followed only for the reset link, which moves its token into the session.
                    response = client.get(
                        url,
                        HTTP_ACCEPT_LANGUAGE="es",
                        follow=route.startswith("accounts/password-reset/<"),
                    )
                    transaction.set_rollback(True)
                kind = response.get("Content-Type", "").split(";")[0]
                answers[route][f"{response.status_code} {kind}"].add(who)
                if response.status_code != 200 or kind != "text/html":
                    continue
                for text in page_texts(response.content.decode()):
                    if CITATION.search(text):
                        continue
                    found = english_in(text, fragments)
                    if found:  # what people wrote is theirs: only the rest is checked
                        found = english_in(_without_stored(text, stored), fragments)
                    for item in found:
                        if item not in findings[url, who]:
                            findings[url, who].append(item)
        yield answers, findings


@pytest.mark.django_db
def test_every_get_page_is_reached(crawl):
    answers, _findings = crawl
    unreached = {}
    for route, by_answer in answers.items():
        html = any(a == "200 text/html" for a in by_answer)
        form_target = any(a.startswith("405 ") for a in by_answer)
        if route in NOT_HTML:
            assert not html, f"{route} answers with HTML now: take it out of NOT_HTML"
            continue
        if not html and not form_target:
            unreached[route] = {a: sorted(w) for a, w in by_answer.items()}
    assert unreached == {}, f"routes no visitor reached as an HTML page: {unreached}"
    assert len(answers) > 100  # the walk really found the site


@pytest.mark.django_db
def test_no_english_on_any_spanish_page(crawl):
    _answers, findings = crawl
    report = {f"{url} as {who}": texts for (url, who), texts in sorted(findings.items()) if texts}
    assert report == {}, f"English on {len(report)} Spanish pages: {report}"
