// The calm space (selfcare/immersive.html): the self-compassion break in a small WebGL scene, a
// sky over still water with drifting lights and one light that grows and fades with the breath.
// Every word comes from the page (the "calm-data" JSON, translated on the server). Answers are
// posted to the exercise's own session page, as the plain step-by-step form does. Without WebGL,
// or when the device asks for reduced motion, the same steps run as text (and voice) with no
// movement at all. With a headset (WebXR "immersive-vr") the same scene is drawn for each eye.
(function () {
  "use strict";
  function $(id) { return document.getElementById(id); }
  var root = $("calm-space");
  if (!root) return;
  var canvas = $("calm-canvas");
  var dataNode = $("calm-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : null;
  var strings = data ? data.strings : {};
  var lang = document.documentElement.lang || "en";

  // ------------------------------------------------------------------------------------------
  // Which path: the 3D space, or text and voice without movement.
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var gl = null;
  if (!reduced) {
    var options = {alpha: false, antialias: true, xrCompatible: true};
    try { gl = canvas.getContext("webgl2", options) || canvas.getContext("webgl", options); } catch (e) { gl = null; }
  }
  var mode = reduced ? "reduced-motion" : (gl ? "immersive" : "no-webgl");
  root.setAttribute("data-mode", mode);
  if (mode !== "immersive") {
    canvas.hidden = true;
    if (data) notice(mode === "reduced-motion" ? strings.reducedMotion : strings.noWebgl);
  }

  function notice(text) {
    var el = $("calm-notice");
    el.textContent = text;
    el.hidden = !text;
  }

  // ------------------------------------------------------------------------------------------
  // Help: always one press away, and straight away after the lowest mood.
  var help = $("calm-help");
  var card = $("calm-card");
  function showHelp() {
    speakNothing();
    if (xrSession) xrSession.end();
    help.hidden = false;
    card.hidden = true;
    root.setAttribute("data-help", "shown");
    help.focus();
  }
  $("calm-help-open").addEventListener("click", function (event) { event.preventDefault(); showHelp(); });
  $("calm-help-close").addEventListener("click", function () {
    help.hidden = true;
    card.hidden = false;
    root.removeAttribute("data-help");
    var next = $("calm-next");
    if (next && !next.hidden) next.focus();
  });

  // ------------------------------------------------------------------------------------------
  // Narration: the browser's own speech synthesis, reading the text shown.
  var synth = window.speechSynthesis;
  var muted = false;
  try { muted = window.localStorage.getItem("calm-muted") === "1"; } catch (e) { /* storage off */ }
  var muteButton = $("calm-mute");
  if (synth && data && window.SpeechSynthesisUtterance) {
    muteButton.hidden = false;
    muteButton.setAttribute("aria-pressed", muted ? "true" : "false");
    muteButton.addEventListener("click", function () {
      muted = !muted;
      muteButton.setAttribute("aria-pressed", muted ? "true" : "false");
      try { window.localStorage.setItem("calm-muted", muted ? "1" : "0"); } catch (e) { /* storage off */ }
      if (muted) speakNothing(); else speak(current() ? current().text : "");
    });
  }
  function speakNothing() { if (synth) synth.cancel(); }
  function speak(text) {
    if (!synth || muted || !text || !window.SpeechSynthesisUtterance) return;
    synth.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    var voices = synth.getVoices ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(lang.toLowerCase()) === 0) { utterance.voice = voices[i]; break; }
    }
    synth.speak(utterance);
  }

  // ------------------------------------------------------------------------------------------
  // The steps.
  var steps = data ? data.steps : [];
  var index = 0;
  var moodBefore = data ? data.moodBefore : null;
  var moodAfter = data ? data.moodAfter : null;
  var chosen = null;
  var finished = false;
  var busy = false;  // one answer in flight at a time (a double press, a controller's repeated select)
  if (data) {
    for (var s = 0; s < steps.length; s++) if (steps[s].id === data.current) { index = s; break; }
  }
  function current() { return steps[index]; }
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  }

  function render() {
    var step = current();
    var answer = $("calm-answer");
    answer.textContent = "";
    chosen = null;
    var next = $("calm-next");
    next.hidden = false;
    next.disabled = false;
    next.textContent = step.kind === "summary" ? strings.finish : strings["continue"];
    $("calm-progress").textContent = fill(strings.step, {n: index + 1, total: steps.length});
    var label = $("calm-label");
    label.textContent = step.label || "";
    label.hidden = !step.label;
    var text = step.text;
    if (step.kind === "summary" && moodBefore !== null && moodAfter !== null) {
      text += " " + fill(strings.moodChange, {before: moodBefore, after: moodAfter});
    }
    $("calm-text").textContent = text;
    $("calm-source").textContent = step.source || "";
    breathing = step.kind === "breathe";
    var breath = $("calm-breath");
    breath.hidden = !breathing;
    if (breathing && mode !== "immersive") breath.textContent = strings.breathStill;
    if (step.kind === "mood") {
      next.disabled = true;
      var group = document.createElement("div");
      group.className = "calm-moods";
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", "calm-text");
      for (var v = step.min; v <= step.max; v++) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "calm-mood";
        button.textContent = String(v);
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", chooseMood);
        group.appendChild(button);
      }
      answer.appendChild(group);
    } else if (step.kind === "input") {
      var area = document.createElement("textarea");
      area.id = "calm-input";
      area.rows = 3;
      area.maxLength = step.max_length;
      area.setAttribute("aria-labelledby", "calm-text");
      answer.appendChild(area);
    }
    root.setAttribute("data-step", step.id);
    speak(text);
    drawPanelText(text);
  }

  function chooseMood(event) {
    var buttons = event.currentTarget.parentNode.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", buttons[i] === event.currentTarget ? "true" : "false");
    chosen = Number(event.currentTarget.textContent);
    $("calm-next").disabled = false;
  }

  // One answer to the session's page, exactly as its form posts it; a redirect means "stored".
  function post(step, value) {
    var body = new FormData($("calm-token"));
    body.append("step", step.id);
    if (value !== null && value !== undefined) body.append("value", value);
    return fetch(data.sessionUrl, {method: "POST", body: body, credentials: "same-origin", redirect: "manual"})
      .then(function (response) {
        if (response.type !== "opaqueredirect" && !(response.status >= 300 && response.status < 400)) throw new Error(String(response.status));
      });
  }

  function advance() {
    var step = current();
    if (finished || busy) return;
    var value = null;
    if (step.kind === "mood") {
      if (chosen === null) return;
      value = chosen;
    } else if (step.kind === "input") {
      value = $("calm-input").value;
    }
    var next = $("calm-next");
    next.disabled = true;
    busy = true;
    var saved = step.engine ? post(step, value) : Promise.resolve();
    saved.then(function () {
      busy = false;
      if (step.id === "_mood_before") moodBefore = value;
      if (step.id === "_mood_after") moodAfter = value;
      if (step.kind === "summary") return finish();
      index += 1;
      render();
      // The lowest mood goes straight to help (the exercise waits behind it).
      if (step.kind === "mood" && value === step.min) showHelp();
      else if (!xrSession) (current().kind === "mood" || current().kind === "input" ? $("calm-text") : next).focus();
    }, function () {
      notice(strings.saveFailed);
      window.setTimeout(function () { window.location.reload(); }, 2500);
    });
  }

  function finish() {
    finished = true;
    root.setAttribute("data-step", "finished");
    $("calm-progress").textContent = "";
    $("calm-text").textContent = strings.done;
    $("calm-answer").textContent = "";
    $("calm-source").textContent = "";
    $("calm-breath").hidden = true;
    breathing = false;
    var next = $("calm-next");
    next.hidden = true;
    var back = document.createElement("a");
    back.className = "button";
    back.href = data.exercisesUrl;
    back.textContent = data.strings.back;
    next.parentNode.appendChild(back);
    speak(strings.done);
    if (xrSession) xrSession.end();
    back.focus();
  }

  if (data) {
    $("calm-text").setAttribute("tabindex", "-1");
    $("calm-next").addEventListener("click", advance);
    render();
  }

  // ------------------------------------------------------------------------------------------
  // The scene (only on the 3D path).
  var breathing = false;
  if (mode !== "immersive") return;

  var breathIn = data ? data.breath[0] : 4, breathOut = data ? data.breath[1] : 6;
  var start = performance.now();
  // 0 (empty) .. 1 (full), eased, on the page's own clock: the same light for every eye.
  function breathAt(now) {
    var t = ((now - start) / 1000) % (breathIn + breathOut);
    var x = t < breathIn ? t / breathIn : 1 - (t - breathIn) / breathOut;
    return {level: 0.5 - 0.5 * Math.cos(Math.PI * x), inhaling: t < breathIn};
  }

  function shader(type, source) {
    var sh = gl.createShader(type);
    gl.shaderSource(sh, source);
    gl.compileShader(sh);
    return sh;
  }
  function program(vs, fs) {
    var p = gl.createProgram();
    gl.attachShader(p, shader(gl.VERTEX_SHADER, vs));
    gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fs));
    gl.linkProgram(p);
    return p;
  }
  function buffer(values) {
    var b = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(values), gl.STATIC_DRAW);
    return b;
  }
  function attribute(p, name, b, size) {
    var at = gl.getAttribLocation(p, name);
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.enableVertexAttribArray(at);
    gl.vertexAttribPointer(at, size, gl.FLOAT, false, 0, 0);
    return at;
  }

  // The sky: a cube around the eye, coloured by the direction of each pixel, so it reads as a
  // sphere. Above the horizon dusk blue to a warm glow; below, still water reflecting it.
  var skyProgram = program(
    "attribute vec3 p; uniform mat4 P; uniform mat4 V; varying vec3 d;" +
    "void main(){ d = p; gl_Position = P * V * vec4(p, 1.0); }",
    "precision mediump float; varying vec3 d; uniform float B;" +
    "void main(){ vec3 n = normalize(d); float h = n.y;" +
    " vec3 top = vec3(0.07, 0.09, 0.23), mid = vec3(0.36, 0.31, 0.55), glow = vec3(0.98, 0.74, 0.60);" +
    " vec3 sky = mix(glow, mid, smoothstep(0.0, 0.22, h)); sky = mix(sky, top, smoothstep(0.18, 0.85, h));" +
    " vec3 sea = mix(glow * 0.5 + vec3(0.05, 0.05, 0.12), vec3(0.04, 0.06, 0.15), smoothstep(0.0, 0.35, -h));" +
    " vec3 c = h > 0.0 ? sky : sea;" +
    " float sun = max(dot(n, normalize(vec3(0.0, 0.2, -1.0))), 0.0);" +
    " c += vec3(1.0, 0.82, 0.65) * (pow(sun, 8.0) * (0.10 + 0.06 * B) + pow(sun, 60.0) * 0.25);" +
    " c += vec3(1.0, 0.88, 0.78) * exp(-abs(h) * 70.0) * 0.22;" +
    " c += (fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453) - 0.5) / 255.0;" +
    " gl_FragColor = vec4(c, 1.0); }");
  var cube = [];
  var corners = [[-1, -1, -1], [1, -1, -1], [1, 1, -1], [-1, 1, -1], [-1, -1, 1], [1, -1, 1], [1, 1, 1], [-1, 1, 1]];
  [[0, 1, 2, 0, 2, 3], [4, 6, 5, 4, 7, 6], [0, 4, 5, 0, 5, 1], [3, 2, 6, 3, 6, 7], [0, 3, 7, 0, 7, 4], [1, 5, 6, 1, 6, 2]]
    .forEach(function (face) { face.forEach(function (i) { cube.push.apply(cube, corners[i]); }); });
  var skyBuffer = buffer(cube);

  // Lights drifting slowly upwards in a shell around the viewer; each twinkles gently.
  var motesProgram = program(
    "attribute vec4 s; uniform mat4 P; uniform mat4 V; uniform float T; uniform float H; varying float a;" +
    "void main(){ vec3 p = s.xyz; p.y = mod(p.y + T * (0.04 + 0.03 * s.w) + 4.0, 10.0) - 4.0;" +
    " p.x += sin(T * 0.21 + s.w * 6.283) * 0.35; p.z += cos(T * 0.17 + s.w * 4.0) * 0.35;" +
    " vec4 q = P * V * vec4(p, 1.0); gl_Position = q;" +
    " gl_PointSize = clamp(H * (0.03 + 0.03 * s.w) / max(q.w, 0.1), 1.0, 48.0);" +
    " a = (0.45 + 0.35 * sin(T * (0.6 + s.w) + s.w * 20.0)) * smoothstep(-4.0, -2.5, p.y) * (1.0 - smoothstep(4.5, 6.0, p.y)); }",
    "precision mediump float; varying float a;" +
    "void main(){ float r = length(gl_PointCoord - 0.5); float f = smoothstep(0.5, 0.0, r); f *= f;" +
    " gl_FragColor = vec4(vec3(1.0, 0.86, 0.66) * f * a, 1.0); }");
  var seeds = [];
  for (var m = 0; m < 260; m++) {
    var angle = Math.random() * Math.PI * 2, radius = 2.5 + Math.random() * 10;
    seeds.push(Math.cos(angle) * radius, Math.random() * 10 - 4, Math.sin(angle) * radius, Math.random());
  }
  var motesBuffer = buffer(seeds);

  // The breathing light: a soft glow ahead, above the horizon, and its reflection in the water.
  var glowProgram = program(
    "attribute vec2 c; uniform mat4 P; uniform mat4 V; uniform vec3 C; uniform vec2 S; varying vec2 u;" +
    "void main(){ u = c; vec4 v = V * vec4(C, 1.0); v.xy += c * S; gl_Position = P * v; }",
    "precision mediump float; varying vec2 u; uniform float I;" +
    "void main(){ float r = length(u); float core = smoothstep(0.32, 0.0, r); float halo = exp(-r * r * 5.0);" +
    " gl_FragColor = vec4(vec3(1.0, 0.87, 0.70) * (core * 0.85 + halo * 0.55) * I * smoothstep(1.0, 0.7, r), 1.0); }");
  var quadBuffer = buffer([-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1]);

  // In a headset the step's words float in front, drawn on a 2D canvas and shown as a texture.
  var panelProgram = program(
    "attribute vec2 c; uniform mat4 P; uniform mat4 V; varying vec2 u;" +
    "void main(){ u = c * 0.5 + 0.5; gl_Position = P * V * vec4(c.x * 0.9, -0.25 + c.y * 0.45, -2.0, 1.0); }",
    "precision mediump float; varying vec2 u; uniform sampler2D X;" +
    "void main(){ gl_FragColor = texture2D(X, vec2(u.x, 1.0 - u.y)); }");
  var panelTexture = null, panelCanvas = document.createElement("canvas");
  panelCanvas.width = 1024; panelCanvas.height = 512;

  function drawPanelText(text) {
    if (!gl || !xrSession) return;
    var ctx = panelCanvas.getContext("2d");
    ctx.clearRect(0, 0, 1024, 512);
    ctx.fillStyle = "rgba(16, 18, 44, 0.72)";
    ctx.fillRect(0, 0, 1024, 512);
    ctx.fillStyle = "#f7f3ff";
    ctx.font = "34px sans-serif";
    var words = text.split(" "), line = "", y = 64;
    for (var i = 0; i < words.length; i++) {
      var attempt = line ? line + " " + words[i] : words[i];
      if (ctx.measureText(attempt).width > 940 && line) { ctx.fillText(line, 42, y); line = words[i]; y += 46; }
      else line = attempt;
    }
    ctx.fillText(line, 42, y);
    ctx.font = "26px sans-serif";
    ctx.fillStyle = "#ffd9a8";
    var step = current();
    ctx.fillText(step && (step.kind === "mood" || finished) ? strings.vrMood : strings.vrHint, 42, 480);
    if (!panelTexture) panelTexture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, panelTexture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, panelCanvas);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  }

  function uniform(p, name) { return gl.getUniformLocation(p, name); }

  // Draws the scene for one eye (or the screen): P the projection, V the view, both column-major.
  function draw(P, V, height, now) {
    var time = (now - start) / 1000, b = breathAt(now);
    var still = new Float32Array(V);
    still[12] = still[13] = still[14] = 0;  // the sky never comes closer
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.BLEND);
    gl.useProgram(skyProgram);
    gl.uniformMatrix4fv(uniform(skyProgram, "P"), false, P);
    gl.uniformMatrix4fv(uniform(skyProgram, "V"), false, still);
    gl.uniform1f(uniform(skyProgram, "B"), b.level);
    attribute(skyProgram, "p", skyBuffer, 3);
    gl.drawArrays(gl.TRIANGLES, 0, 36);

    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE);
    gl.useProgram(motesProgram);
    gl.uniformMatrix4fv(uniform(motesProgram, "P"), false, P);
    gl.uniformMatrix4fv(uniform(motesProgram, "V"), false, V);
    gl.uniform1f(uniform(motesProgram, "T"), time);
    gl.uniform1f(uniform(motesProgram, "H"), height);
    attribute(motesProgram, "s", motesBuffer, 4);
    gl.drawArrays(gl.POINTS, 0, seeds.length / 4);

    gl.useProgram(glowProgram);
    gl.uniformMatrix4fv(uniform(glowProgram, "P"), false, P);
    gl.uniformMatrix4fv(uniform(glowProgram, "V"), false, V);
    attribute(glowProgram, "c", quadBuffer, 2);
    var size = 0.55 + 0.55 * b.level, strength = breathing ? 0.55 + 0.45 * b.level : 0.45;
    if (!breathing) size = 0.7;
    // Above the card on a screen, level with the glow in the sky; its reflection is fainter.
    [[0.9, 1.0, 1.0], [-0.9, 0.28, 0.6]].forEach(function (light) {
      gl.uniform3f(uniform(glowProgram, "C"), 0, light[0], -4.5);
      gl.uniform2f(uniform(glowProgram, "S"), size, size * light[2]);
      gl.uniform1f(uniform(glowProgram, "I"), strength * light[1]);
      gl.drawArrays(gl.TRIANGLES, 0, 6);
    });

    if (xrSession && panelTexture) {
      gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
      gl.useProgram(panelProgram);
      gl.uniformMatrix4fv(uniform(panelProgram, "P"), false, P);
      gl.uniformMatrix4fv(uniform(panelProgram, "V"), false, V);
      gl.bindTexture(gl.TEXTURE_2D, panelTexture);
      gl.uniform1i(uniform(panelProgram, "X"), 0);
      attribute(panelProgram, "c", quadBuffer, 2);
      gl.drawArrays(gl.TRIANGLES, 0, 6);
    }
  }

  // --- the screen: a 360° view, turned by dragging, the arrow keys or the phone itself.
  // A little downward look so the horizon and the light sit above the words.
  var yaw = 0, pitch = -0.1, orientation = null, frames = 0;
  function perspective(fovy, aspect, near, far) {
    var f = 1 / Math.tan(fovy / 2), nf = 1 / (near - far);
    return new Float32Array([f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) * nf, -1, 0, 0, 2 * far * near * nf, 0]);
  }
  function viewMatrix() {
    var y = yaw, p = pitch;
    if (orientation) { y += orientation.yaw; p += orientation.pitch; }
    p = Math.max(-1.3, Math.min(1.3, p));
    var cy = Math.cos(y), sy = Math.sin(y), cp = Math.cos(p), sp = Math.sin(p);
    // Rx(-pitch) · Ry(-yaw): the camera turns, so the world turns back.
    return new Float32Array([cy, sy * sp, sy * cp, 0, 0, cp, -sp, 0, -sy, cy * sp, cy * cp, 0, 0, 0, 0, 1]);
  }
  function resize() {
    var ratio = Math.min(window.devicePixelRatio || 1, 2);
    var w = Math.round(canvas.clientWidth * ratio), h = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  }
  function frame(now) {
    if (xrSession) return;
    resize();
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, canvas.width, canvas.height);
    draw(perspective(1.15, canvas.width / Math.max(canvas.height, 1), 0.1, 50), viewMatrix(), canvas.height, now);
    frames += 1;
    if (frames % 30 === 1) root.setAttribute("data-frames", String(frames));
    updateBreathLabel(now);
    window.requestAnimationFrame(frame);
  }
  var lastInhaling = null;
  function updateBreathLabel(now) {
    if (!breathing) { lastInhaling = null; return; }
    var b = breathAt(now);
    if (b.inhaling !== lastInhaling) {
      lastInhaling = b.inhaling;
      $("calm-breath").textContent = b.inhaling ? strings.breatheIn : strings.breatheOut;
    }
  }

  var dragging = null;
  canvas.addEventListener("pointerdown", function (event) {
    dragging = {x: event.clientX, y: event.clientY};
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!dragging) return;
    // The world follows the finger, as in a photo sphere.
    yaw += (event.clientX - dragging.x) * 0.005;
    pitch += (event.clientY - dragging.y) * 0.005;
    pitch = Math.max(-1.3, Math.min(1.3, pitch));
    dragging = {x: event.clientX, y: event.clientY};
  });
  function endDrag() { dragging = null; }
  canvas.addEventListener("pointerup", endDrag);
  canvas.addEventListener("pointercancel", endDrag);
  canvas.addEventListener("keydown", function (event) {
    var turns = {ArrowLeft: [0.12, 0], ArrowRight: [-0.12, 0], ArrowUp: [0, 0.08], ArrowDown: [0, -0.08]}[event.key];
    if (!turns) return;
    event.preventDefault();
    yaw += turns[0];
    pitch = Math.max(-1.3, Math.min(1.3, pitch + turns[1]));
    root.setAttribute("data-yaw", yaw.toFixed(2));
  });
  window.addEventListener("deviceorientation", function (event) {
    if (event.alpha === null || event.beta === null) return;
    orientation = {yaw: event.alpha * Math.PI / 180, pitch: (event.beta - 90) * Math.PI / 180};
  });

  var fullscreen = $("calm-fullscreen");
  if (root.requestFullscreen) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else root.requestFullscreen().catch(function () { /* refused: stay in the page */ });
    });
  }

  // --- a headset: an immersive WebXR session drawing the same scene for each eye.
  var xrSession = null, xrSpace = null;
  var vrButton = $("calm-vr");
  if (navigator.xr && navigator.xr.isSessionSupported && data) {
    navigator.xr.isSessionSupported("immersive-vr").then(function (supported) {
      if (!supported) return;
      vrButton.hidden = false;
      root.setAttribute("data-xr", "available");
    }, function () { /* no headset */ });
    vrButton.addEventListener("click", enterVR);
  }

  function enterVR() {
    speakNothing();
    navigator.xr.requestSession("immersive-vr").then(function (session) {
      xrSession = session;
      var compatible = gl.makeXRCompatible ? gl.makeXRCompatible() : Promise.resolve();
      return compatible.then(function () {
        session.updateRenderState({baseLayer: new window.XRWebGLLayer(session, gl)});
        return session.requestReferenceSpace("local");
      }).then(function (space) {
        xrSpace = space;
        session.addEventListener("end", leftVR);
        session.addEventListener("select", selectInVR);
        root.setAttribute("data-xr", "presenting");
        drawPanelText($("calm-text").textContent);
        speak($("calm-text").textContent);
        session.requestAnimationFrame(xrFrame);
      });
    }).catch(function (error) {
      if (window.console) window.console.warn("calm space: no immersive session", error);
      if (xrSession) { try { xrSession.end(); } catch (e) { /* already over */ } }
      leftVR();
      notice(strings.vrFailed);
    });
  }
  function xrFrame(now, xrFrameState) {
    var session = xrFrameState.session || xrSession;
    if (!xrSession) return;
    session.requestAnimationFrame(xrFrame);
    var pose = xrFrameState.getViewerPose(xrSpace);
    if (!pose) return;
    var layer = session.renderState.baseLayer;
    gl.bindFramebuffer(gl.FRAMEBUFFER, layer.framebuffer);
    gl.clear(gl.COLOR_BUFFER_BIT);
    for (var i = 0; i < pose.views.length; i++) {
      var view = pose.views[i], vp = layer.getViewport(view);
      gl.viewport(vp.x, vp.y, vp.width, vp.height);
      draw(view.projectionMatrix, view.transform.inverse.matrix, vp.height, now);
    }
    root.setAttribute("data-xr-frames", String(Number(root.getAttribute("data-xr-frames") || 0) + 1));
  }
  function selectInVR() {
    var step = current();
    if (!step || finished) return;
    // Ratings are given on the screen; everything else goes on with the controller.
    if (step.kind === "mood") { xrSession.end(); return; }
    advance();
  }
  function leftVR() {
    if (!xrSession && root.getAttribute("data-xr") !== "presenting") return;
    xrSession = null;
    root.setAttribute("data-xr", "available");
    window.requestAnimationFrame(frame);
  }

  window.requestAnimationFrame(frame);
})();
