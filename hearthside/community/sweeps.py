from hearthside.core.periodic import sweep

from .forum import publish_due_posts

sweep("publish_due_posts")(publish_due_posts)
