from hearthside.core.periodic import sweep

from .actions import send_appointment_reminders, send_licence_expiry_reminders

sweep("care_appointment_reminders")(send_appointment_reminders)
sweep("care_licence_expiry_reminders")(send_licence_expiry_reminders)
