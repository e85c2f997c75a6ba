"""Starting points a supporter can insert and then edit before sending.

Written for Hearthside, following the plain active-listening habits that text lines teach
(reflect, validate, ask one open question at a time, ask directly about suicide when there are
signs, agree a next step). They are prompts, not scripts: the supporter edits every one.
"""

from django.utils.translation import gettext_lazy as _

CANNED = [
    (_("Welcome"), _("Hi, I'm here with you now. Thank you for reaching out. What's going on for you tonight?")),
    (_("Reflect"), _("It sounds like you're carrying a lot right now. Have I got that right?")),
    (_("Validate"), _("That sounds really hard. It makes sense that you feel this way after everything you've described.")),
    (_("Open question"), _("Can you tell me a bit more about what's been happening?")),
    (_("Ask about suicide"), _("Sometimes when people feel this way they think about ending their life. Are you thinking about suicide?")),
    (_("Safety now"), _("Are you safe right now? Is there anything nearby you could use to hurt yourself?")),
    (_("Coping"), _("What has helped you get through hard moments like this before?")),
    (_("Next step"), _("Before we finish, what's one thing you could do in the next hour to look after yourself?")),
    (_("Pause"), _("Take your time. I'm still here and I'm not going anywhere.")),
    (_("Closing"), _("Thank you for talking with me tonight. You can reach out again any time, day or night.")),
]
