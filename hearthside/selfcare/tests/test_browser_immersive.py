"""The calm space (issue #22) in Chromium: the self-compassion break in WebGL, narrated, with mood
before and after stored by the exercise engine; the still fallbacks (reduced motion, no WebGL);
help on request and after the lowest mood; and the headset path with a stubbed ``navigator.xr``.

Speech synthesis is replaced in the page by a recorder (``add_init_script``) so the test reads what
would have been said. Headless Chromium draws WebGL in software (SwiftShader) where it can; the
test asks the browser whether a WebGL context can be made and asserts that the page took the path
that matches. Screenshots of every step at 390 and 1280 px go to
test-artifacts/screenshots/calm-*.png. Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import re

import pytest

from hearthside.conftest import make_member
from hearthside.selfcare import immersive
from hearthside.testing.browser import PHONE_VIEWPORT, eventually, save_screenshot
from hearthside.testing.browser_fixtures import system_chromium

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

URL = "/selfcare/immersive/self-compassion/"
STEPS = immersive.sequence("en")
STRINGS = immersive.strings()

# Records every utterance instead of speaking (headless Chromium has no voices).
SPEECH = """
window.__spoken = [];
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang}),
  cancel: () => {}, getVoices: () => [], speaking: false, pending: false,
}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""
NO_WEBGL = """
const original = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
  return /webgl/.test(kind) ? null : original.call(this, kind, ...rest);
};
"""
# A headset that says yes: requestSession resolves a fake session whose frames have one view.
FAKE_XR = """
window.__xr = {requested: [], ended: 0, frames: 0, listeners: {}};
const identity = new Float32Array([1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1]);
const projection = new Float32Array([1,0,0,0, 0,1,0,0, 0,0,-1.002,-1, 0,0,-0.2,0]);
const session = {
  renderState: {baseLayer: null},
  updateRenderState(state) { this.renderState = state; },
  requestReferenceSpace(kind) { window.__xr.space = kind; return Promise.resolve({kind}); },
  addEventListener(name, fn) { (window.__xr.listeners[name] = window.__xr.listeners[name] || []).push(fn); },
  requestAnimationFrame(callback) {
    if (window.__xr.frames >= 3) return 0;
    window.__xr.frames += 1;
    setTimeout(() => callback(performance.now(), {session, getViewerPose: () => ({views: [
      {projectionMatrix: projection, transform: {inverse: {matrix: identity}}}]})}), 16);
    return window.__xr.frames;
  },
  end() { window.__xr.ended += 1; (window.__xr.listeners.end || []).forEach((fn) => fn({})); return Promise.resolve(); },
};
window.__xr.session = session;
// No XR device behind this headless GPU: making the context compatible is the fake's to answer.
for (const Context of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
  Context.prototype.makeXRCompatible = function () { window.__xr.compatible = (window.__xr.compatible || 0) + 1; return Promise.resolve(); };
}
window.XRWebGLLayer = function (s, gl) { this.framebuffer = null; this.getViewport = () => ({x: 0, y: 0, width: 300, height: 200}); };
Object.defineProperty(navigator, "xr", {configurable: true, value: {
  isSessionSupported: (mode) => Promise.resolve(mode === "immersive-vr"),
  requestSession: (mode) => { window.__xr.requested.push(mode); return Promise.resolve(session); },
}});
"""


@pytest.fixture(scope="module")
def chromium():
    # SwiftShader is Chromium's software GL; newer builds want it allowed by name for WebGL.
    with system_chromium("--enable-unsafe-swiftshader", "--use-angle=swiftshader") as browser:
        yield browser


@pytest.fixture
def member(db):
    return make_member("linden", "health_data")


def _open(open_live_context, user, *scripts, motion="no-preference"):
    context = open_live_context(user, reduced_motion=motion)
    for script in (SPEECH, *scripts):
        context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The live server speaks no websockets: the site's event socket failing there is expected.
    page.on("console", lambda msg: errors.append(msg.text) if "/ws/events/" not in msg.text and (
        msg.type == "error" or msg.text.startswith("calm space")) else None)
    page.goto(URL)
    page.get_by_test_id("calm-begin").click()
    expect(page.locator("#calm-space")).to_have_attribute("data-step", "_mood_before")
    return page, errors


def _webgl_works(page) -> bool:
    return page.evaluate("""() => { const c = document.createElement("canvas");
        return !!(c.getContext("webgl2") || c.getContext("webgl")); }""")


def _spoken(page) -> list[str]:
    return [u["text"] for u in page.evaluate("window.__spoken")]


def _session():
    from hearthside.selfcare.models import ExerciseSession

    return ExerciseSession.objects.get(exercise="self-compassion-break")


def _shoot(page, name: str) -> None:
    page.set_viewport_size(PHONE_VIEWPORT)
    page.wait_for_timeout(150)
    save_screenshot(page, f"{name}-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_timeout(150)
    save_screenshot(page, f"{name}-desktop")


def _expect_step(page, step: dict, text: str | None = None) -> None:
    space = page.locator("#calm-space")
    expect(space).to_have_attribute("data-step", step["id"])
    expect(page.locator("#calm-text")).to_have_text(text or step["text"])
    expect(page.locator("#calm-source")).to_have_text(step.get("source", ""))
    if step.get("label"):
        expect(page.locator("#calm-label")).to_have_text(step["label"])
    else:
        expect(page.locator("#calm-label")).to_be_hidden()


def test_the_break_runs_in_the_3d_space_narrated_and_stores_mood_before_and_after(open_live_context, member):
    page, errors = _open(open_live_context, member)
    webgl = _webgl_works(page)
    space = page.locator("#calm-space")
    expect(space).to_have_attribute("data-mode", "immersive" if webgl else "no-webgl")
    if webgl:
        expect(page.locator("#calm-canvas")).to_be_visible()
        eventually(page, "() => Number(document.getElementById('calm-space').dataset.frames) > 30")
        expect(page.locator("#calm-notice")).to_be_hidden()
        canvas = page.locator("#calm-canvas")
        expect(canvas).to_have_attribute("role", "img")
        assert canvas.get_attribute("aria-label").startswith("A calm evening sky over still water")
        canvas.focus()
        page.keyboard.press("ArrowLeft")
        expect(space).to_have_attribute("data-yaw", "0.12")
    expect(page.get_by_role("button", name="Mute the voice")).to_have_attribute("aria-pressed", "false")

    change = " Your mood went from 6 to 8."
    for number, step in enumerate(STEPS, start=1):
        shown = step["text"] + (change if step["kind"] == "summary" else "")
        _expect_step(page, step, shown)
        expect(page.locator("#calm-progress")).to_have_text(f"Step {number} of {len(STEPS)}")
        assert _spoken(page)[-1] == shown
        if step["kind"] == "breathe" and webgl:
            expect(page.locator("#calm-breath")).to_have_text(re.compile(r"^(Breathe in|Breathe out)$"))
        _shoot(page, f"calm-{number:02d}-{step['id'].strip('_')}")
        if step["id"] == "_mood_before":
            next_button = page.get_by_role("button", name="Continue")
            expect(next_button).to_be_disabled()
            page.get_by_role("button", name="6", exact=True).click()
        elif step["id"] == "_mood_after":
            page.get_by_role("button", name="8", exact=True).click()
        elif step["id"] == "situation":
            page.locator("#calm-input").fill("a hard week at work")
        elif step["id"] == "words":
            page.locator("#calm-input").fill("I am doing the best I can")
        if step["kind"] == "summary":
            page.get_by_role("button", name="Finish").click()
        else:
            page.get_by_role("button", name="Continue").click()

    expect(space).to_have_attribute("data-step", "finished")
    expect(page.locator("#calm-text")).to_have_text(STRINGS["done"])
    expect(page.get_by_role("link", name="Back to exercises").last).to_be_focused()
    expect(page.locator("#calm-next")).to_be_hidden()
    expect(page.locator("#calm-progress")).to_have_text("")
    _shoot(page, "calm-15-finished")
    session = _session()
    assert (session.mood_before, session.mood_after) == (6, 8)
    assert session.completed_at is not None
    assert session.responses == {"_mood_before": 6, "situation": "a hard week at work",
                                 "words": "I am doing the best I can", "_mood_after": 8}
    # What was said is exactly what was shown, in order, once each (the summary with the change).
    expected = [s["text"] for s in STEPS[:-1]] + [STEPS[-1]["text"] + change, STRINGS["done"]]
    assert _spoken(page) == expected
    assert errors == []


def test_the_voice_can_be_muted(open_live_context, member):
    page, _ = _open(open_live_context, member)
    mute = page.get_by_role("button", name="Mute the voice")
    mute.click()
    expect(mute).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="5", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[1])
    assert _spoken(page) == [STEPS[0]["text"]]  # nothing said after muting
    mute.click()
    assert _spoken(page) == [STEPS[0]["text"], STEPS[1]["text"]]  # unmuted: the current step again


def test_reduced_motion_runs_the_same_steps_as_still_text_and_voice(open_live_context, member):
    page, errors = _open(open_live_context, member, motion="reduce")
    space = page.locator("#calm-space")
    expect(space).to_have_attribute("data-mode", "reduced-motion")
    expect(page.locator("#calm-canvas")).to_be_hidden()
    expect(page.locator("#calm-notice")).to_have_text(STRINGS["reducedMotion"])
    page.get_by_role("button", name="7", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[1])
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[2])  # the breathing step: a still instruction, no changing cue
    expect(page.locator("#calm-breath")).to_have_text(STRINGS["breathStill"])
    page.wait_for_timeout(4500)  # past a breath in: nothing has moved on
    expect(page.locator("#calm-breath")).to_have_text(STRINGS["breathStill"])
    assert space.get_attribute("data-frames") is None  # nothing was ever drawn
    assert _spoken(page) == [STEPS[0]["text"], STEPS[1]["text"], STEPS[2]["text"]]
    assert _session().mood_before == 7
    _shoot(page, "calm-still-reduced-motion")
    assert errors == []


def test_without_webgl_the_same_steps_run_as_text(open_live_context, member):
    page, errors = _open(open_live_context, member, NO_WEBGL)
    expect(page.locator("#calm-space")).to_have_attribute("data-mode", "no-webgl")
    expect(page.locator("#calm-canvas")).to_be_hidden()
    expect(page.locator("#calm-notice")).to_have_text(STRINGS["noWebgl"])
    expect(page.get_by_role("button", name="Enter VR")).to_be_hidden()
    page.get_by_role("button", name="3", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[1])
    assert _session().mood_before == 3
    assert errors == []


def test_the_lowest_mood_goes_straight_to_help(open_live_context, member):
    page, _ = _open(open_live_context, member)
    page.get_by_role("button", name="1", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    panel = page.locator("#calm-help")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(page.get_by_role("heading", name="You don't have to face this alone")).to_be_visible()
    expect(page.locator("#calm-card")).to_be_hidden()
    expect(panel.get_by_role("link", name="Get help now")).to_have_attribute("href", "/help/")
    expect(panel.get_by_role("link", name="Open my safety plan")).to_have_attribute("href", "/help/plan/")
    assert _session().mood_before == 1  # stored like any rating before help was shown
    _shoot(page, "calm-help-low-mood")
    page.get_by_role("button", name="Back to the exercise").click()
    expect(panel).to_be_hidden()
    _expect_step(page, STEPS[1])


def test_i_need_help_opens_help_in_place_at_any_step(open_live_context, member):
    page, _ = _open(open_live_context, member)
    page.get_by_role("button", name="5", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[1])
    page.get_by_role("link", name="I need help").click()
    panel = page.locator("#calm-help")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    assert page.url.endswith(URL)  # shown in place, not a new page
    assert _session().mood_before == 5


def test_a_headset_gets_enter_vr_and_an_immersive_session(open_live_context, member):
    page, errors = _open(open_live_context, member, FAKE_XR)
    if not _webgl_works(page):
        # No WebGL, no headset: the page must not offer what it cannot draw.
        expect(page.locator("#calm-space")).to_have_attribute("data-mode", "no-webgl")
        expect(page.get_by_role("button", name="Enter VR")).to_be_hidden()
        return
    page.get_by_role("button", name="4", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[1])
    enter = page.get_by_role("button", name="Enter VR")
    expect(enter).to_be_visible()
    expect(page.locator("#calm-space")).to_have_attribute("data-xr", "available")
    enter.click()
    expect(page.locator("#calm-space")).to_have_attribute("data-xr", "presenting")
    eventually(page, "() => window.__xr.frames === 3 && document.getElementById('calm-space').dataset.xrFrames === '3'")
    assert page.evaluate("window.__xr.requested") == ["immersive-vr"]
    assert page.evaluate("window.__xr.space") == "local"
    assert page.evaluate("window.__xr.compatible") == 1
    assert page.evaluate("window.__xr.session.renderState.baseLayer instanceof XRWebGLLayer")
    # The controller's select goes on to the next step, as Continue does.
    page.evaluate("window.__xr.listeners.select.forEach((fn) => fn({}))")
    _expect_step(page, STEPS[2])
    assert _spoken(page)[-1] == STEPS[2]["text"]
    page.evaluate("window.__xr.session.end()")
    expect(page.locator("#calm-space")).to_have_attribute("data-xr", "available")
    assert errors == []


OVERFLOW = "() => document.scrollingElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_the_space_passes_axe_and_fits_a_phone(open_live_context, member, motion):
    from hearthside.testing.browser import failing_violations, format_violations, run_axe

    context = open_live_context(member, reduced_motion=motion)
    context.add_init_script(SPEECH)
    page = context.new_page()
    page.goto(URL)
    expect(page.locator("#calm-space")).to_have_attribute(
        "data-mode", "reduced-motion" if motion == "reduce" else ("immersive" if _webgl_works(page) else "no-webgl"))
    _shoot(page, f"calm-00-start-{motion}")
    found = []
    for state in ("start", "mood", "help"):
        if state == "mood":
            page.get_by_test_id("calm-begin").click()
            expect(page.locator("#calm-space")).to_have_attribute("data-step", "_mood_before")
        if state == "help":
            page.get_by_role("link", name="I need help").click()
            expect(page.locator("#calm-help")).to_be_visible()
        for viewport in (PHONE_VIEWPORT, {"width": 1280, "height": 800}):
            page.set_viewport_size(viewport)
            assert not page.evaluate(OVERFLOW), (state, viewport)
            found += [f"{state} {viewport['width']}: {format_violations([v])}"
                      for v in failing_violations(run_axe(page))]
    assert found == []


def test_a_session_begun_on_the_plain_page_resumes_in_the_space_at_its_step(open_live_context, member):
    from hearthside.selfcare.actions import check_answer_step, check_start_exercise

    session = check_start_exercise(member, "self-compassion-break")
    for value in (4, None, "", None):  # mood before, intro, what is bothering you, body
        check_answer_step(member, session, value)
    context = open_live_context(member, reduced_motion="reduce")
    context.add_init_script(SPEECH)
    page = context.new_page()
    page.goto(URL)
    name_it = next(s for s in STEPS if s["id"] == "name_it")
    _expect_step(page, name_it)
    expect(page.locator("#calm-progress")).to_have_text(f"Step {STEPS.index(name_it) + 1} of {len(STEPS)}")
    assert _spoken(page) == [name_it["text"]]
    page.get_by_role("button", name="Continue").click()
    _expect_step(page, STEPS[STEPS.index(name_it) + 1])
    session.refresh_from_db()
    assert session.step_index == 5 and session.mood_before == 4  # not_alone, the next engine step
