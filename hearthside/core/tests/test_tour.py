"""The visual tour (issue #18, "What must be shown") stays true to the site and to itself.

``scripts/tour.py`` (``make tour``) takes the screenshots in ``docs/tour/`` and writes
``docs/tour.md``. Without a browser, these check that the guide links only screenshots that exist
and every screenshot is linked, that the guide is the one the script writes from its list now, that
each page of the list is a page of the URL map its role reaches (``phone_first_world.PAGES``), and
that each screenshot has the size of its device and the folder stays small.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
from pathlib import Path

import pytest

from .phone_first_world import PAGES

REPO = Path(__file__).resolve().parents[3]
GUIDE = REPO / "docs" / "tour.md"
SHOTS = REPO / "docs" / "tour"
MAX_BYTES = 3_000_000
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def tour():
    spec = importlib.util.spec_from_file_location("hearthside_tour_script", REPO / "scripts" / "tour.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def linked() -> list[str]:
    return IMAGE.findall(GUIDE.read_text(encoding="utf-8"))


def test_every_image_the_guide_links_exists():
    links = linked()
    assert len(links) > 20  # the guide really was read
    missing = [link for link in links if not (GUIDE.parent / link).is_file()]
    assert not missing, f"docs/tour.md links images that are not there (run make tour): {missing}"


def test_every_screenshot_is_linked_from_the_guide():
    links = {(GUIDE.parent / link).resolve() for link in linked()}
    unlinked = sorted(path.name for path in SHOTS.glob("*") if path.resolve() not in links)
    assert not unlinked, f"files in docs/tour/ that docs/tour.md does not show (run make tour): {unlinked}"


def test_the_guide_is_what_the_script_writes(tour):
    assert GUIDE.read_text(encoding="utf-8") == tour.markdown(), (
        "docs/tour.md differs from what scripts/tour.py writes from its list: run make tour")


def test_every_tour_page_is_a_page_of_the_url_map_that_its_role_reaches(tour):
    wrong = [f"{shot.name}: {shot.pattern!r}" + (" is not in phone_first_world.PAGES" if shot.pattern not in PAGES
                                                  else f" is not reached by {shot.role}")
             for shot in tour.TOUR if shot.role not in PAGES.get(shot.pattern, ())]
    assert not wrong, "\n".join(wrong)
    names = [shot.name for shot in tour.TOUR]
    assert len(names) == len(set(names)), "two shots write the same file"
    roles = {role for role, _heading, _intro in tour.ROLES}
    assert {shot.role for shot in tour.TOUR} <= roles, "a shot of a role the guide has no section for"


def test_each_screenshot_is_one_screen_of_its_device_and_the_folder_stays_small(tour):
    wrong = []
    for shot in tour.TOUR:
        path = SHOTS / f"{shot.name}.png"
        if not path.is_file():
            continue  # test_every_image_the_guide_links_exists names it
        head = path.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path.name} is not a PNG"
        size = dict(zip(("width", "height"), struct.unpack(">II", head[16:24]), strict=True))
        if size != (tour.DESKTOP if shot.desktop else tour.PHONE):
            wrong.append(f"{path.name}: {size['width']} × {size['height']}")
    assert not wrong, "screenshots not of one screen of their device:\n" + "\n".join(wrong)
    total = sum(path.stat().st_size for path in SHOTS.glob("*.png"))
    assert total < MAX_BYTES, f"docs/tour/ holds {total / 1e6:.1f} MB of screenshots (at most {MAX_BYTES / 1e6:.0f} MB)"
