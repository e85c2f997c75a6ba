// The live session room: WebRTC audio/video between client and practitioner, signalled over the
// platform's own websocket (frames "care.signal", "care.presence" and "care.admit"), with an
// automatic fallback ladder video → audio → text driven by RTCPeerConnection.getStats(), and back
// up when the connection recovers. The chat (care.js) and the timer never depend on the call.
//
// Thresholds (docs/care.md explains them). A sample is taken every SAMPLE_MS:
//   video is unhealthy when decoded frames < 5/s, video bitrate < 60 kbit/s, video packet loss
//   > 10 % or round-trip time > 800 ms;
//   audio is unhealthy when audio bitrate < 6 kbit/s, audio packet loss > 25 % or RTT > 1500 ms.
//   Step down after 3 unhealthy samples in a row; step up one level when 5 of the last 7 samples
//   are healthy at the higher level (one slow sample on a busy machine does not undo a recovery).
// Each side judges what it receives and tells the other; both use the lower of the two levels,
// so both people see the same mode and the same reason. A microphone the other person muted, or
// a camera they turned off, is not judged by its bitrate or frame rate (they said so, in a
// "media" presence frame): silence and a dark picture are not a weak connection.
//
// Controls: mute, camera off, the choice of camera and microphone (also during the call), and a
// device test before joining (a preview and a microphone level). The client waits in a waiting
// room until the practitioner lets them in (the server relays no call signalling before that).
// The other person is told apart as having left the call ("left", sent when leaving or closing
// the page) or as having dropped (their connection failed, or nothing heard from them for
// DROP_AFTER_MS while their page sends "alive" every HEARTBEAT_MS).
(function () {
  "use strict";
  var root = document.getElementById("care-room");
  if (!root || !window.RTCPeerConnection) return;
  var T = root.dataset;
  var appointment = Number(T.appointment);
  var me = Number(T.me);
  var offerer = T.role === "practitioner";
  var ice = [];
  try { ice = JSON.parse(document.getElementById("care-ice").textContent); } catch (e) { ice = []; }

  var LEVELS = ["text", "audio", "video"];
  var CAP = {video: 2, audio: 1, text: 0}[T.format] || 0;
  var TH = {
    sampleMs: Number(T.sampleMs) || 1000,
    videoMinFps: 5, videoMinKbps: 60, videoMaxLoss: 0.10, videoMaxRtt: 0.8,
    audioMinKbps: 6, audioMaxLoss: 0.25, audioMaxRtt: 1.5,
    badSamples: 3, goodSamples: 5, window: 7
  };
  var HEARTBEAT_MS = 4000, DROP_AFTER_MS = 12000;

  function byId(id) { return document.getElementById(id); }
  var els = {
    mode: byId("care-mode"), conn: byId("care-conn"), timer: byId("care-timer"), videos: byId("care-videos"),
    why: byId("care-why"), join: byId("care-join"), leave: byId("care-leave"), controls: byId("care-controls"),
    remote: byId("remote-video"), local: byId("local-video"), peerMedia: byId("care-peer-media"),
    mute: byId("care-mute"), cameraOff: byId("care-camera-off"), self: byId("care-self"),
    lobby: byId("care-lobby"), admit: byId("care-admit"), inLobby: byId("care-in-lobby"),
    devices: byId("care-devices"), camera: byId("care-camera"), mic: byId("care-mic"), preview: byId("care-preview"),
    level: byId("care-level"), test: byId("care-test"), testStop: byId("care-test-stop"), testStatus: byId("care-test-status"),
    testActions: byId("care-test-actions")
  };

  var pc = null, localStream = null, testStream = null, joined = false, peerHere = false;
  var admitted = T.admitted === "true";
  var peer = "away";          // away | waiting | here | left | dropped
  var droppedBy = "";         // "ice" or "silence": what told us they dropped
  var lastHeard = 0;
  var pendingCandidates = [];
  var localLevel = CAP, remoteLevel = CAP, shownLevel = null;
  var recent = [], last = null, warmup = 0, samples = 0;
  var faults = {video: false, audio: false};
  var senders = {};
  var media = {audio: CAP >= 1, video: CAP >= 2};         // what I send: false = muted / camera off
  var remoteMedia = {audio: true, video: true};           // what they said they send

  function send(frame) { return window.hsSocket && window.hsSocket.send(frame); }
  function signal(data) { send({type: "care.signal", appointment: appointment, data: data}); }
  function presence(state, extra) {
    var frame = {type: "care.presence", appointment: appointment, state: state};
    if (extra) Object.keys(extra).forEach(function (k) { frame[k] = extra[k]; });
    send(frame);
  }
  function setConn(text) { els.conn.textContent = text; }
  function banner(text) { els.why.textContent = text; els.why.hidden = !text; }
  function fill(template, n) { return template.replace("%(n)s", n); }

  // ---- timer: runs from the clock, whatever the connection does. Minutes and seconds count down
  // the last hour before the session and count the session itself; further away, the time is said
  // in words in the page's language ("in 5 hours", "tomorrow", "in 3 days"; Intl chooses the plural).
  var starts = new Date(T.starts).getTime(), ends = new Date(T.ends).getTime();
  var HOUR = 3600 * 1000;
  var relative = null;
  try { relative = new Intl.RelativeTimeFormat(document.documentElement.lang || "en", {numeric: "auto"}); } catch (e) { relative = null; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function mmss(ms) { var s = Math.max(0, Math.round(ms / 1000)); return pad(Math.floor(s / 60)) + ":" + pad(s % 60); }
  function midnight(t) { var d = new Date(t); d.setHours(0, 0, 0, 0); return d.getTime(); }
  function inWords(from, to) {
    // Under a day: hours. Otherwise calendar days where the person is, so that a session at 09:00
    // the next morning is "tomorrow" however late it is now (rounded: a day can be 23 or 25 hours).
    if (Math.abs(to - from) < 24 * HOUR) return relative.format(Math.round((to - from) / HOUR), "hour");
    return relative.format(Math.round((midnight(to) - midnight(from)) / (24 * HOUR)), "day");
  }
  function tick() {
    var now = Date.now();
    if (relative && now < starts - HOUR) els.timer.textContent = T.tStartsWhen.replace("%(when)s", inWords(now, starts));
    else if (now < starts) els.timer.textContent = T.tStartsIn + " " + mmss(starts - now);
    else if (now <= ends) els.timer.textContent = T.tElapsed + " " + mmss(now - starts) + " · " + mmss(ends - now) + " " + T.tLeft;
    else if (relative && now > ends + HOUR) els.timer.textContent = T.tEndedWhen.replace("%(when)s", inWords(now, ends));
    else els.timer.textContent = T.tElapsed + " " + mmss(now - starts) + " · " + mmss(now - ends) + " " + T.tOver;
  }
  setInterval(tick, 1000);
  tick();

  // ---- modes
  function effective() { return Math.min(localLevel, remoteLevel, CAP, localStream ? 2 : 0); }
  function show(reason) {
    var level = effective();
    if (level === shownLevel && !reason) return;
    var previous = shownLevel;
    shownLevel = level;
    els.mode.textContent = [T.tText, T.tAudio, T.tVideo][level];
    els.videos.dataset.mode = LEVELS[level];
    root.dataset.mode = LEVELS[level];
    if (previous !== null && level !== previous) {
      banner(reason || (level < previous ? (level === 1 ? T.tDownAudio : T.tDownText) : T.tUp));
    }
    // Keep probing a video that is not shown, so recovery can be seen (not one the person turned off).
    if (senders.video && localStream) {
      var v = localStream.getVideoTracks()[0];
      if (v && !faults.video && media.video) v.enabled = true;
    }
  }
  function setLocal(level, reason) {
    if (level === localLevel) return;
    localLevel = level;
    presence("mode", {mode: LEVELS[level], reason: reason || ""});
    show(reason);
  }

  // ---- stats
  function sample() {
    if (!pc || pc.connectionState !== "connected") return;
    pc.getStats().then(function (report) {
      var now = {t: performance.now(), video: null, audio: null, rtt: null};
      report.forEach(function (s) {
        if (s.type === "inbound-rtp" && (s.kind === "video" || s.mediaType === "video")) {
          now.video = {bytes: s.bytesReceived || 0, frames: s.framesDecoded || 0, lost: s.packetsLost || 0, got: s.packetsReceived || 0};
        } else if (s.type === "inbound-rtp" && (s.kind === "audio" || s.mediaType === "audio")) {
          now.audio = {bytes: s.bytesReceived || 0, lost: s.packetsLost || 0, got: s.packetsReceived || 0};
        } else if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded" && s.currentRoundTripTime !== undefined) {
          now.rtt = s.currentRoundTripTime;
        }
      });
      judge(now);
    }).catch(function () {});
  }
  function rate(a, b, key, secs) { return a && b ? (a[key] - b[key]) / secs : 0; }
  function loss(a, b) {
    if (!a || !b) return 0;
    var lost = a.lost - b.lost, got = a.got - b.got;
    return lost + got > 0 ? Math.max(0, lost) / (lost + got) : 1;
  }
  function judge(now) {
    var prev = last;
    last = now;
    if (!prev || warmup++ < 2) return;
    var secs = (now.t - prev.t) / 1000;
    if (secs <= 0) return;
    var rtt = now.rtt || 0;
    var audioKbps = rate(now.audio, prev.audio, "bytes", secs) * 8 / 1000;
    var audioLoss = remoteMedia.audio ? loss(now.audio, prev.audio) : 0;
    var audioOk = (audioKbps >= TH.audioMinKbps || !remoteMedia.audio) && audioLoss <= TH.audioMaxLoss && rtt <= TH.audioMaxRtt;
    var fps = rate(now.video, prev.video, "frames", secs);
    var videoKbps = rate(now.video, prev.video, "bytes", secs) * 8 / 1000;
    var videoLoss = remoteMedia.video ? loss(now.video, prev.video) : 0;
    var videoOk = (remoteMedia.video ? fps >= TH.videoMinFps && videoKbps >= TH.videoMinKbps : true) &&
      videoLoss <= TH.videoMaxLoss && rtt <= TH.videoMaxRtt;
    var level = !audioOk ? 0 : (!videoOk ? 1 : 2);
    level = Math.min(level, CAP);
    samples++;
    root.dataset.stats = JSON.stringify({fps: Math.round(fps), videoKbps: Math.round(videoKbps),
                                         audioKbps: Math.round(audioKbps), rtt: rtt, level: level});
    recent.push(level);
    if (recent.length > TH.window) recent.shift();
    var below = recent.slice(-TH.badSamples);
    if (below.length === TH.badSamples && below.every(function (l) { return l < localLevel; })) {
      recent = [];
      var target = Math.max.apply(null, below);  // the best of the bad samples: step down no further than needed
      setLocal(target, target === 1 ? T.tDownAudio : T.tDownText);
    } else if (recent.filter(function (l) { return l > localLevel; }).length >= TH.goodSamples) {
      recent = [];
      setLocal(localLevel + 1, T.tUp);
    }
  }
  setInterval(sample, TH.sampleMs);

  // ---- the other person: here, waiting, left or dropped
  function setPeer(state) {
    peer = state;
    root.dataset.peer = state;
    var waiting = state === "waiting" && !admitted;
    if (els.lobby) els.lobby.hidden = !waiting;
    if (waiting && els.conn.textContent === T.tWaiting) setConn("");  // the waiting-room panel says it
  }
  function heard() {
    lastHeard = Date.now();
    // Silence had made them "dropped": hearing from them again undoes it (a broken call is
    // undone by its own reconnection instead).
    if (peer === "dropped" && droppedBy === "silence") { droppedBy = ""; setPeer("here"); clearDropNotice(); }
  }
  function clearDropNotice() {
    if (els.why.textContent === T.tDropped) banner("");
    if (els.conn.textContent === T.tConnDropped) setConn(pc && pc.connectionState === "connected" ? T.tConnected : T.tWaiting);
  }
  function forgetLevels() {
    // Nothing arrives from someone who is gone: what the ladder had judged no longer holds. The
    // call starts again at the full level when they are back, without a "recovered" banner.
    localLevel = CAP;
    remoteLevel = CAP;
    shownLevel = null;
    recent = [];
    els.mode.textContent = [T.tText, T.tAudio, T.tVideo][CAP];  // the session's own format, as before the call
  }
  function dropped(by) {
    if (peer === "left" || peer === "dropped") return;
    droppedBy = by;
    setPeer("dropped");
    forgetLevels();
    setConn(T.tConnDropped);  // short: the banner over the video says it in full
    banner(T.tDropped);
  }
  function peerLeft() {
    peerHere = false;
    droppedBy = "";
    setPeer("left");
    setConn(T.tConnLeft);
    banner(T.tPeerLeft);
    if (pc) pc.close();
    pc = null;
    els.remote.srcObject = null;
    forgetLevels();
    remoteMedia = {audio: true, video: true};
    showPeerMedia();
  }
  function peerArrived() {
    heard();
    var before = peer;
    if (!admitted && !offerer) { peerHere = true; setPeer("here"); return; }  // the client waits to be let in
    setPeer(!admitted ? "waiting" : "here");
    if (before === "left" || before === "dropped") clearDropNotice();
    if (els.why.textContent === T.tPeerLeft) banner("");
    if (els.conn.textContent === T.tConnLeft) setConn(joined ? T.tConnecting : "—");
    var first = !peerHere;
    peerHere = true;
    if (first && joined) presence("media", media);
    // Both sides say "joined" when the client is let in: one offer, not two crossing.
    if (admitted && joined && offerer && (!pc || Date.now() - offeredAt > 2000)) call();
  }
  setInterval(function () {
    if (joined && peerHere && peer !== "left" && Date.now() - lastHeard > DROP_AFTER_MS) dropped("silence");
  }, 2000);

  // ---- the waiting room
  function showLobby() {
    if (!els.inLobby) return;
    els.inLobby.hidden = !joined || admitted;
    els.inLobby.textContent = T.tInLobby;
  }
  function onAdmitted() {
    var was = admitted;
    admitted = true;
    root.dataset.admitted = "true";
    if (els.lobby) els.lobby.hidden = true;
    if (els.inLobby) {
      els.inLobby.hidden = !joined || was;
      els.inLobby.textContent = T.tAdmitted;
      if (!was && joined) setTimeout(function () { els.inLobby.hidden = true; }, 4000);
    }
    if (peerHere) setPeer("here");
    if (joined) {
      setConn(peerHere ? T.tConnecting : T.tWaiting);
      presence("joined");
      if (offerer && peerHere) call();
    }
  }
  if (els.admit) {
    els.admit.addEventListener("click", function () {
      els.admit.disabled = true;
      send({type: "care.admit", appointment: appointment});
      setTimeout(function () { els.admit.disabled = false; }, 3000);
    });
  }

  // ---- the call
  function newConnection() {
    if (pc) { try { pc.close(); } catch (e) { /* already closed */ } }
    var conn = new RTCPeerConnection({iceServers: ice});
    pc = conn;
    pendingCandidates = [];
    last = null; warmup = 0; recent = [];
    senders = {};
    if (localStream) {
      localStream.getTracks().forEach(function (track) {
        senders[track.kind] = conn.addTrack(track, localStream);
        senders[track.kind].original = track;
      });
    }
    conn.onicecandidate = function (e) { if (e.candidate) signal({kind: "candidate", candidate: e.candidate.toJSON()}); };
    conn.ontrack = function (e) { if (els.remote.srcObject !== e.streams[0]) els.remote.srcObject = e.streams[0]; };
    conn.onconnectionstatechange = function () {
      if (conn !== pc) return;  // an earlier connection, replaced
      var state = conn.connectionState;
      root.dataset.conn = state;
      if (state === "connected") {
        setConn(T.tConnected);
        if (peer === "dropped") { droppedBy = ""; setPeer("here"); }
        clearDropNotice();
        show();
      } else if ((state === "disconnected" || state === "failed") && peer !== "left") {
        dropped("ice");
      }
    };
    return conn;
  }
  var offeredAt = 0;
  function call() {
    offeredAt = Date.now();
    newConnection();
    if (peer !== "dropped") setConn(T.tConnecting);  // while they are gone, say so, not "Connecting…"
    pc.createOffer().then(function (offer) { return pc.setLocalDescription(offer); })
      .then(function () { signal({kind: "offer", sdp: pc.localDescription.sdp}); })
      .catch(function () {});
  }
  function flushCandidates() {
    pendingCandidates.splice(0).forEach(function (c) { pc.addIceCandidate(c).catch(function () {}); });
  }
  function onSignal(data) {
    if (data.kind === "offer") {
      newConnection();
      setConn(T.tConnecting);
      pc.setRemoteDescription({type: "offer", sdp: data.sdp})
        .then(function () { flushCandidates(); return pc.createAnswer(); })
        .then(function (answer) { return pc.setLocalDescription(answer); })
        .then(function () { signal({kind: "answer", sdp: pc.localDescription.sdp}); })
        .catch(function () {});
    } else if (data.kind === "answer" && pc) {
      pc.setRemoteDescription({type: "answer", sdp: data.sdp}).then(flushCandidates).catch(function () {});
    } else if (data.kind === "candidate" && pc) {
      if (pc.remoteDescription) pc.addIceCandidate(data.candidate).catch(function () {});
      else pendingCandidates.push(data.candidate);
    }
  }

  // ---- devices: the choice, the test (preview and level), switching during the call
  function constraints(kind) {
    var select = kind === "video" ? els.camera : els.mic;
    var id = select && select.value;
    if (kind === "video") {
      // A modest picture: enough for a conversation, light on a phone's CPU and a weak uplink.
      var video = {width: {ideal: 640}, height: {ideal: 360}, frameRate: {ideal: 20}};
      if (id) video.deviceId = {exact: id};
      return video;
    }
    return id ? {deviceId: {exact: id}} : true;
  }
  function wants() { return {audio: CAP >= 1 ? constraints("audio") : false, video: CAP >= 2 ? constraints("video") : false}; }
  function listDevices() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return Promise.resolve();
    return navigator.mediaDevices.enumerateDevices().then(function (devices) {
      [[els.camera, "videoinput", T.tCameraN], [els.mic, "audioinput", T.tMicN]].forEach(function (spec) {
        var select = spec[0];
        if (!select) return;
        var chosen = select.value;
        var found = devices.filter(function (d) { return d.kind === spec[1]; });
        select.textContent = "";
        found.forEach(function (d, i) {
          var option = document.createElement("option");
          option.value = d.deviceId;
          option.textContent = d.label || fill(spec[2], i + 1);
          select.appendChild(option);
        });
        if (chosen && found.some(function (d) { return d.deviceId === chosen; })) select.value = chosen;
        else if (localStream || testStream) {
          // Show the device in use, once the browser has said which.
          var track = (localStream || testStream)[spec[1] === "videoinput" ? "getVideoTracks" : "getAudioTracks"]()[0];
          var settings = track && track.getSettings ? track.getSettings() : {};
          if (settings.deviceId) select.value = settings.deviceId;
        }
      });
    }).catch(function () {});
  }

  var audioContext = null, meterTimer = null, meterSource = null;
  function meter(stream) {
    stopMeter();
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!els.level || !Context || !stream || !stream.getAudioTracks().length) return;
    audioContext = audioContext || new Context();
    if (audioContext.resume) audioContext.resume().catch(function () {});
    meterSource = audioContext.createMediaStreamSource(stream);
    var analyser = audioContext.createAnalyser();
    analyser.fftSize = 1024;
    meterSource.connect(analyser);
    var data = new Float32Array(analyser.fftSize);
    meterTimer = setInterval(function () {
      analyser.getFloatTimeDomainData(data);
      var sum = 0;
      for (var i = 0; i < data.length; i++) sum += data[i] * data[i];
      var rms = Math.sqrt(sum / data.length);
      var muted = localStream && !media.audio;
      els.level.value = muted ? 0 : Math.min(1, rms * 4);
    }, 100);
  }
  function stopMeter() {
    clearInterval(meterTimer);
    meterTimer = null;
    if (meterSource) { try { meterSource.disconnect(); } catch (e) { /* gone */ } meterSource = null; }
    if (els.level) els.level.value = 0;
  }
  function stopStream(stream) { if (stream) stream.getTracks().forEach(function (t) { t.stop(); }); }

  function startTest() {
    if (!navigator.mediaDevices) { els.testStatus.textContent = T.tNomedia; return; }
    els.test.disabled = true;
    navigator.mediaDevices.getUserMedia(wants()).then(function (stream) {
      stopStream(testStream);
      testStream = stream;
      if (els.preview) { els.preview.srcObject = stream; els.preview.hidden = false; }
      meter(stream);
      els.test.hidden = true;
      els.testStop.hidden = false;
      els.testStatus.textContent = T.tTesting;
      return listDevices();
    }).catch(function () { els.testStatus.textContent = T.tNomedia; })
      .then(function () { els.test.disabled = false; });
  }
  function stopTest() {
    stopStream(testStream);
    testStream = null;
    if (els.preview) { els.preview.srcObject = null; els.preview.hidden = true; }
    stopMeter();
    els.test.hidden = false;
    els.testStop.hidden = true;
    els.testStatus.textContent = "";
  }
  function switchDevice(kind) {
    if (testStream && !joined) { startTest(); return; }
    if (!localStream || !navigator.mediaDevices) return;
    var ask = kind === "video" ? {video: constraints("video")} : {audio: constraints("audio")};
    navigator.mediaDevices.getUserMedia(ask).then(function (stream) {
      var fresh = stream.getTracks()[0];
      var old = (kind === "video" ? localStream.getVideoTracks() : localStream.getAudioTracks())[0];
      if (old) { localStream.removeTrack(old); old.stop(); }
      fresh.enabled = media[kind];
      localStream.addTrack(fresh);
      var sender = senders[kind];
      if (sender) { sender.original = fresh; if (!faults[kind]) sender.replaceTrack(fresh).catch(function () {}); }
      els.local.srcObject = localStream;
      if (kind === "audio") meter(localStream);
    }).catch(function () { els.testStatus.textContent = T.tNomedia; });
  }
  if (els.test) els.test.addEventListener("click", startTest);
  if (els.testStop) els.testStop.addEventListener("click", stopTest);
  if (els.camera) els.camera.addEventListener("change", function () { switchDevice("video"); });
  if (els.mic) els.mic.addEventListener("change", function () { switchDevice("audio"); });
  listDevices();

  // ---- mute and camera off
  function applyMedia(tell) {
    if (localStream) {
      localStream.getAudioTracks().forEach(function (t) { t.enabled = media.audio; });
      localStream.getVideoTracks().forEach(function (t) { t.enabled = media.video; });
    }
    if (els.mute) els.mute.setAttribute("aria-pressed", String(!media.audio));
    if (els.cameraOff) els.cameraOff.setAttribute("aria-pressed", String(!media.video));
    els.videos.dataset.selfVideo = media.video ? "on" : "off";
    var notes = [];
    if (CAP >= 1 && !media.audio) notes.push(T.tSelfMuted);
    if (CAP >= 2 && !media.video) notes.push(T.tSelfCameraOff);
    els.self.textContent = notes.join(" · ");
    if (tell && joined) presence("media", media);
  }
  function showPeerMedia() {
    var notes = [];
    if (CAP >= 1 && !remoteMedia.audio) notes.push(T.tPeerMuted);
    if (CAP >= 2 && !remoteMedia.video) notes.push(T.tPeerCameraOff);
    els.peerMedia.textContent = notes.join(" · ");
    els.peerMedia.hidden = !notes.length;
    els.videos.dataset.peerVideo = remoteMedia.video ? "on" : "off";
  }
  if (els.mute) els.mute.addEventListener("click", function () { media.audio = !media.audio; applyMedia(true); });
  if (els.cameraOff) els.cameraOff.addEventListener("click", function () { media.video = !media.video; applyMedia(true); });

  // ---- joining and leaving
  function join() {
    els.join.disabled = true;
    var media$ = testStream ? Promise.resolve(testStream)
      : (CAP >= 1 && navigator.mediaDevices) ? navigator.mediaDevices.getUserMedia(wants()) : Promise.resolve(null);
    media$.catch(function () { banner(T.tNomedia); return null; })
      .then(function (stream) {
        testStream = null;
        if (els.preview) { els.preview.srcObject = null; els.preview.hidden = true; }
        if (els.testActions) els.testActions.hidden = true;
        if (els.test) { els.testStop.hidden = true; els.testStatus.textContent = ""; }
        localStream = stream;
        if (stream) { els.local.srcObject = stream; meter(stream); listDevices(); }
        joined = true;
        els.join.hidden = true;
        els.join.disabled = false;
        els.controls.hidden = false;
        applyMedia(false);
        // A client not yet let in, or a practitioner whose client waits: the waiting room says it.
        setConn((!admitted && !offerer) || (offerer && peer === "waiting" && !admitted) ? "" : T.tWaiting);
        show();
        showLobby();
        presence("joined");
        if (peerHere) presence("media", media);
      });
  }
  function leave() {
    presence("left");
    if (pc) pc.close();
    pc = null;
    stopStream(localStream);
    stopMeter();
    localStream = null;
    joined = false;
    els.join.hidden = false;
    els.controls.hidden = true;
    if (els.testActions) { els.testActions.hidden = false; els.test.hidden = false; }
    if (els.inLobby) els.inLobby.hidden = true;
    els.remote.srcObject = null;
    setConn("—");
  }
  els.join.addEventListener("click", join);
  els.leave.addEventListener("click", leave);
  window.addEventListener("pagehide", function () { if (joined) presence("left"); });

  document.addEventListener("hs:socket", function (e) {
    if (e.detail.state === "open" && joined) presence("joined");
  });
  // Signalling frames are not stored: one lost while a socket (re)subscribes would stall the
  // call. Until the call is up, say "joined" again, and the offerer offers again. Once the other
  // person is here, "alive" tells them this page still is.
  setInterval(function () {
    if (!joined) return;
    if (!peerHere) { presence("joined"); return; }
    presence("alive");
    if (offerer && admitted && (!pc || pc.connectionState !== "connected") && Date.now() - offeredAt > 8000) call();
  }, HEARTBEAT_MS);
  document.addEventListener("hs:event", function (e) {
    var d = e.detail;
    if (d.type === "resync" && joined) { presence("joined"); return; }
    if (d.appointment !== appointment) return;
    // The server's own word that the client is in: for both sides, the practitioner's own too.
    if (d.type === "care.presence" && d.state === "admitted") { onAdmitted(); return; }
    if (d.from === me) return;
    if (d.type === "care.signal") { heard(); if (joined) onSignal(d.data); return; }
    if (d.type !== "care.presence") return;
    if (d.state === "joined") {
      if (joined) presence("here");
      if (!offerer && !admitted) { peerArrived(); return; }
      if (offerer && !admitted) { heard(); peerHere = true; setPeer("waiting"); if (joined) presence("media", media); return; }
      peerArrived();
    } else if (d.state === "here") {
      if (offerer && !admitted) { heard(); peerHere = true; setPeer("waiting"); return; }
      peerArrived();
    } else if (d.state === "alive") {
      heard();
      if (!peerHere) peerArrived();
    } else if (d.state === "left") {
      peerLeft();
    } else if (d.state === "mode") {
      heard();
      remoteLevel = LEVELS.indexOf(d.mode);
      show(d.reason || "");
    } else if (d.state === "media") {
      heard();
      remoteMedia = {audio: d.audio !== false, video: d.video !== false};
      recent = [];  // samples taken before they said so are not about a weak connection
      showPeerMedia();
    }
  });
  setPeer("away");
  applyMedia(false);

  // A hook for tests and for people's own troubleshooting: simulate a failing camera or
  // microphone on this side by sending nothing on that track. The other side notices only
  // through its statistics, as it would a real failure.
  window.hsCareRoom = {
    fault: function (kind, on) {
      faults[kind] = on;
      var sender = senders[kind];
      if (sender) sender.replaceTrack(on ? null : sender.original);
    },
    state: function () {
      return {mode: LEVELS[effective()], local: LEVELS[localLevel], remote: LEVELS[remoteLevel],
              conn: pc ? pc.connectionState : "none", peerHere: peerHere, peer: peer, admitted: admitted,
              joined: joined, muted: !media.audio, cameraOff: !media.video,
              remoteMuted: !remoteMedia.audio, remoteCameraOff: !remoteMedia.video,
              level: els.level ? els.level.value : null, samples: samples,
              sendingAudio: !!(localStream && localStream.getAudioTracks().some(function (t) { return t.enabled; }))};
    }
  };
})();
