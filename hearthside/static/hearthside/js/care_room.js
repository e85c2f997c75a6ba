// The live session room: WebRTC audio/video between client and practitioner, signalled over the
// platform's own websocket (frames "care.signal" and "care.presence"), with an automatic
// fallback ladder video → audio → text driven by RTCPeerConnection.getStats(), and back up when
// the connection recovers. The chat (care.js) and the timer never depend on the call.
//
// Thresholds (docs/care.md explains them). A sample is taken every SAMPLE_MS:
//   video is unhealthy when decoded frames < 5/s, video bitrate < 60 kbit/s, video packet loss
//   > 10 % or round-trip time > 800 ms;
//   audio is unhealthy when audio bitrate < 6 kbit/s, audio packet loss > 25 % or RTT > 1500 ms.
//   Step down after 3 unhealthy samples in a row; step up one level when 5 of the last 7 samples
//   are healthy at the higher level (one slow sample on a busy machine does not undo a recovery).
// Each side judges what it receives and tells the other; both use the lower of the two levels,
// so both people see the same mode and the same reason.
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

  var els = {
    mode: document.getElementById("care-mode"), conn: document.getElementById("care-conn"),
    timer: document.getElementById("care-timer"), videos: document.getElementById("care-videos"),
    why: document.getElementById("care-why"), join: document.getElementById("care-join"),
    leave: document.getElementById("care-leave"),
    remote: document.getElementById("remote-video"), local: document.getElementById("local-video")
  };

  var pc = null, localStream = null, joined = false, peerHere = false;
  var pendingCandidates = [];
  var localLevel = CAP, remoteLevel = CAP, shownLevel = null;
  var recent = [], last = null, warmup = 0;
  var faults = {video: false, audio: false};
  var senders = {};

  function send(frame) { return window.hsSocket && window.hsSocket.send(frame); }
  function signal(data) { send({type: "care.signal", appointment: appointment, data: data}); }
  function presence(state, extra) {
    var frame = {type: "care.presence", appointment: appointment, state: state};
    if (extra) Object.keys(extra).forEach(function (k) { frame[k] = extra[k]; });
    send(frame);
  }
  function setConn(text) { els.conn.textContent = text; }

  // ---- timer: runs from the clock, whatever the connection does
  var starts = new Date(T.starts).getTime(), ends = new Date(T.ends).getTime();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function mmss(ms) { var s = Math.max(0, Math.round(ms / 1000)); return pad(Math.floor(s / 60)) + ":" + pad(s % 60); }
  function tick() {
    var now = Date.now();
    if (now < starts) els.timer.textContent = T.tStartsIn + " " + mmss(starts - now);
    else if (now <= ends) els.timer.textContent = T.tElapsed + " " + mmss(now - starts) + " · " + mmss(ends - now) + " " + T.tLeft;
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
      var text = reason || (level < previous ? (level === 1 ? T.tDownAudio : T.tDownText) : T.tUp);
      els.why.textContent = text;
      els.why.hidden = false;
    }
    // What is not shown is not sent at full rate either: a hidden video is paused on our side.
    if (senders.video && localStream) {
      var v = localStream.getVideoTracks()[0];
      if (v && !faults.video) v.enabled = true;  // keep probing, so recovery can be seen
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
    var audioOk = audioKbps >= TH.audioMinKbps && loss(now.audio, prev.audio) <= TH.audioMaxLoss && rtt <= TH.audioMaxRtt;
    var fps = rate(now.video, prev.video, "frames", secs);
    var videoKbps = rate(now.video, prev.video, "bytes", secs) * 8 / 1000;
    var videoOk = fps >= TH.videoMinFps && videoKbps >= TH.videoMinKbps &&
      loss(now.video, prev.video) <= TH.videoMaxLoss && rtt <= TH.videoMaxRtt;
    var level = !audioOk ? 0 : (!videoOk ? 1 : 2);
    level = Math.min(level, CAP);
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

  // ---- the call
  function newConnection() {
    if (pc) { try { pc.close(); } catch (e) { /* already closed */ } }
    pc = new RTCPeerConnection({iceServers: ice});
    pendingCandidates = [];
    last = null; warmup = 0; recent = [];
    senders = {};
    if (localStream) {
      localStream.getTracks().forEach(function (track) {
        senders[track.kind] = pc.addTrack(track, localStream);
        senders[track.kind].original = track;
      });
    }
    pc.onicecandidate = function (e) { if (e.candidate) signal({kind: "candidate", candidate: e.candidate.toJSON()}); };
    pc.ontrack = function (e) { if (els.remote.srcObject !== e.streams[0]) els.remote.srcObject = e.streams[0]; };
    pc.onconnectionstatechange = function () {
      var state = pc.connectionState;
      root.dataset.conn = state;
      if (state === "connected") { setConn(T.tConnected); if (els.why.textContent === T.tDropped) els.why.hidden = true; show(); }
      else if (state === "disconnected" || state === "failed") { setConn(T.tDropped); els.why.textContent = T.tDropped; els.why.hidden = false; }
    };
    return pc;
  }
  var offeredAt = 0;
  function call() {
    offeredAt = Date.now();
    newConnection();
    setConn(T.tConnecting);
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
  function peerJoined() {
    peerHere = true;
    if (joined && offerer) call();
  }

  function join() {
    // A modest picture: enough for a conversation, light on a phone's CPU and a weak uplink.
    var wants = {audio: CAP >= 1, video: CAP >= 2 ? {width: {ideal: 640}, height: {ideal: 360}, frameRate: {ideal: 20}} : false};
    var media = (wants.audio && navigator.mediaDevices) ? navigator.mediaDevices.getUserMedia(wants) : Promise.resolve(null);
    media.catch(function () { els.why.textContent = T.tNomedia; els.why.hidden = false; return null; })
      .then(function (stream) {
        localStream = stream;
        if (stream) els.local.srcObject = stream;
        joined = true;
        els.join.hidden = true;
        els.leave.hidden = false;
        setConn(T.tWaiting);
        show();
        presence("joined");
      });
  }
  function leave() {
    presence("left");
    if (pc) pc.close();
    pc = null;
    if (localStream) localStream.getTracks().forEach(function (t) { t.stop(); });
    localStream = null;
    joined = false;
    els.join.hidden = false;
    els.leave.hidden = true;
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
  // call. Until the call is up, say "joined" again, and the offerer offers again.
  setInterval(function () {
    if (!joined) return;
    if (!peerHere) { presence("joined"); return; }
    if (offerer && (!pc || pc.connectionState !== "connected") && Date.now() - offeredAt > 8000) call();
  }, 4000);
  document.addEventListener("hs:event", function (e) {
    var d = e.detail;
    if (d.type === "resync" && joined) { presence("joined"); return; }
    if (d.appointment !== appointment || d.from === me) return;
    if (d.type === "care.signal") { if (joined) onSignal(d.data); return; }
    if (d.type !== "care.presence") return;
    if (d.state === "joined") { if (joined) presence("here"); peerJoined(); }
    else if (d.state === "here") peerJoined();
    else if (d.state === "left") {
      peerHere = false;
      setConn(T.tDropped);
      els.why.textContent = T.tDropped;
      els.why.hidden = false;
      if (pc) pc.close();
      pc = null;
      remoteLevel = CAP;
      localLevel = CAP;
    } else if (d.state === "mode") {
      remoteLevel = LEVELS.indexOf(d.mode);
      show(d.reason || "");
    }
  });

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
              conn: pc ? pc.connectionState : "none", peerHere: peerHere};
    }
  };
})();
