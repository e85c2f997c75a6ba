"""Safety models registered for export and erasure."""

from hearthside.core.personal_data import register

from .models import AlertEvent, ContactRoute, DutyShift, SafetyAlert, SafetyPlan, ScreenedItem


def _alerts(user):
    return [
        {"id": a.pk, "source": a.source, "level": a.level, "status": a.status, "created_at": a.created_at.isoformat(),
         "outcome": a.outcome,
         "timeline": [{"at": e.at.isoformat(), "kind": e.kind} for e in a.events.all()]}
        for a in SafetyAlert.objects.filter(person=user).prefetch_related("events")
    ]


register(SafetyPlan, order=20)
register(ScreenedItem, user_field="author", order=20)
register(SafetyAlert, user_field="person", exporter=_alerts, order=30)
register(DutyShift, order=20)
# Every contact route, withdrawn ones too: the consent history (which sentence, agreed and withdrawn
# when) is the person's as much as the details are.
register(ContactRoute, order=20)
# Timeline steps belong to an alert; they are exported inside it and erased with it.
register(AlertEvent, user_field="alert__person", exporter=lambda user: [], order=40)
