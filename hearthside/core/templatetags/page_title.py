from __future__ import annotations

from django import template
from django.template.loader_tags import BlockNode

register = template.Library()


class PageTitleNode(template.Node):
    def render(self, context):
        # A block node of the same name renders whatever the page put in its block "title", as
        # {% block title %} in the layout's <title> does (with {{ block.super }} working there too).
        return BlockNode("title", template.NodeList()).render(context)


@register.tag
def page_title(parser, token):
    """{% page_title %}: the page's block "title" once more, for its heading (templates/_page.html)."""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("page_title takes no arguments")
    return PageTitleNode()
