"""Community models registered for export and erasure.

A person's own group posts and chat messages are deleted with their account; reactions and
memberships go too. Reports they made stay for the moderators without their name or words.
Moderation history keeps the action and the moderator's reason but loses the name.
"""

from django.db.models import Q

from hearthside.core.personal_data import register, serialise_row

from .models import (
    ChatMessage,
    Meeting,
    MeetingRSVP,
    MemberBlock,
    Membership,
    ModerationAction,
    Post,
    Reaction,
    Report,
    ThreadRead,
)


def _own_blocks(user) -> list[dict]:
    # Whom the person muted or blocked; never who muted or blocked them.
    return [{"member": b.other.pseudonym, "kind": b.kind, "created_at": b.created_at.isoformat()}
            for b in MemberBlock.objects.filter(user=user).select_related("other").order_by("pk")]


register(Membership, order=60)
register(ChatMessage, user_field="author", order=60, exclude=("client_id",))
def _own_posts(user) -> list[dict]:
    # Each post, and for the post that opened a thread the thread's title the person wrote.
    rows = []
    for post in Post.objects.filter(author=user).select_related("thread").order_by("pk"):
        row = serialise_row(post)
        first = Post.objects.filter(thread_id=post.thread_id).order_by("created_at", "pk").values_list("pk", flat=True).first()
        if first == post.pk:
            row["thread_title"] = post.thread.title
        rows.append(row)
    return rows


register(Post, user_field="author", order=60, exporter=_own_posts)
register(Reaction, order=60)
register(ThreadRead, order=60)
# A report stays for the moderators without the reporter, and without what they wrote (issue #17).
register(Report, user_field="reporter", order=60, erase="detach", scrub=("reason",))


def _moderation_actions(user) -> list[dict]:
    # A moderator's export leaves out who wrote the anonymous post or message they acted on (issue
    # #17: warning an anonymous author put the author's account id in the facilitator's export).
    rows = []
    for entry in (ModerationAction.objects.filter(Q(moderator=user) | Q(member=user))
                  .select_related("post", "chat_message").order_by("pk")):
        row = serialise_row(entry)
        item = entry.post or entry.chat_message
        if entry.member_id != user.pk and item is not None and item.anonymous:
            row["member"] = None
        rows.append(row)
    return rows


register(ModerationAction, user_field="moderator", order=70, erase="detach", extra_user_fields=("member",),
         exporter=_moderation_actions)
register(MemberBlock, order=60, extra_user_fields=("other",), exporter=_own_blocks)
register(Meeting, user_field="facilitator", order=70, erase="detach")
register(MeetingRSVP, order=60)
