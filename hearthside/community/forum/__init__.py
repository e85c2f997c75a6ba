"""The forum: threads and replies in a group (``actions``), its pages (``views``, ``urls``) and its
API (``api``, which also carries the moderation operations). Templates stay in
``templates/community/forum/``."""
